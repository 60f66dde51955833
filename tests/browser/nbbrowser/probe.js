// Read-only helpers the harness loads into the page as window.nnlibProbe.
// They find the course's apps (class nnlib-app), their controls and what the
// learner sees of their results: figure pixels and read-out texts.
(() => {
  if (window.nnlibProbe) {
    return;
  }
  const CONTROLS = [
    '.noUi-handle', 'select', '.widget-toggle-buttons', '.widget-toggle-button',
    '.widget-checkbox input[type=checkbox]', '.widget-radio-box', '.widget-play',
    'button.jupyter-button', '.nnlib-canvas'
  ].join(', ');

  const apps = () => [...document.querySelectorAll('.nnlib-app')];
  const clean = text => (text || '').replace(/[\s\u200b]+/g, ' ').trim();

  function widgetLabel(el) {
    const box = el.closest('.widget-inline-hbox, .widget-toggle-buttons, .widget-radio, .widget-play');
    const label = box && box.querySelector(':scope > .widget-label');
    return clean(label && label.textContent);
  }

  function classify(el) {
    if (el.matches('.nnlib-canvas')) {
      return ['canvas', widgetLabel(el) || 'drawing canvas'];
    }
    if (el.matches('.noUi-handle')) {
      const handles = el.closest('.noUi-target').querySelectorAll('.noUi-handle');
      const name = widgetLabel(el) || 'slider';
      return ['slider', handles.length > 1 ? `${name} (handle ${el.dataset.handle})` : name];
    }
    if (el.matches('select')) {
      return [el.multiple ? 'select-multiple' : 'dropdown', widgetLabel(el) || 'dropdown'];
    }
    if (el.matches('.widget-toggle-buttons')) {
      return ['toggle-buttons', widgetLabel(el) || clean(el.textContent)];
    }
    if (el.matches('.widget-radio-box')) {
      return ['radio', widgetLabel(el) || 'radio buttons'];
    }
    if (el.matches('.widget-play')) {
      return ['play', 'play'];
    }
    if (el.matches('input[type=checkbox]')) {
      return ['checkbox', clean(el.closest('.widget-checkbox').textContent) || 'checkbox'];
    }
    if (el.closest('.widget-toggle-buttons, .widget-play')) {
      return [null, null]; // a part of a control handled as a whole
    }
    if (el.matches('.widget-toggle-button')) {
      return ['toggle', clean(el.textContent) || el.title || 'toggle'];
    }
    return ['button', clean(el.textContent) || el.title || 'button'];
  }

  function isDisabled(el) {
    if (el.matches('.noUi-handle')) {
      const target = el.closest('.noUi-target');
      return target.hasAttribute('disabled');
    }
    if (el.matches('.widget-toggle-buttons, .widget-radio-box, .widget-play')) {
      return [...el.querySelectorAll('button, input')].every(part => part.disabled);
    }
    return Boolean(el.disabled);
  }

  // Every control of every app, tagged with data-nnlib-probe="a<app>c<n>".
  function controls() {
    return apps().map((app, a) => {
      const found = [];
      for (const el of app.querySelectorAll(CONTROLS)) {
        if (el.closest('.nnlib-app') !== app) {
          continue; // it belongs to an app nested inside this one
        }
        const [kind, name] = classify(el);
        if (!kind) {
          continue;
        }
        const id = `a${a}c${found.length}`;
        el.setAttribute('data-nnlib-probe', id);
        found.push({
          id, kind, name, app: a,
          disabled: isDisabled(el),
          visible: el.checkVisibility({visibilityProperty: true, opacityProperty: true})
        });
      }
      return found;
    });
  }

  // The figures of an app: coursekit's canvases (FigureView) and any plain <img>.
  const figures = app => [...app.querySelectorAll('img, canvas.nnlib-figure-canvas')];

  // FNV-1a over the pixels shown: what the learner sees, not the bytes sent.
  async function imageDigest(figure) {
    if (figure.tagName === 'CANVAS') {
      await figure.nnlibDrawn;                      // every picture received is drawn
      if (figure.dataset.frame === '0') {
        return 'no picture drawn';
      }
    } else {
      try {
        await figure.decode();
      } catch (error) {
        return figure.getAttribute('src') ? 'broken image' : 'no image';
      }
      if (!figure.naturalWidth) {
        return 'empty image';
      }
    }
    const canvas = document.createElement('canvas');
    canvas.width = figure.naturalWidth || figure.width;
    canvas.height = figure.naturalHeight || figure.height;
    const context = canvas.getContext('2d', {willReadFrequently: true});
    context.drawImage(figure, 0, 0);
    const words = new Uint32Array(context.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
    let hash = 2166136261;
    for (let i = 0; i < words.length; i++) {
      hash = Math.imul(hash ^ words[i], 16777619);
    }
    return `${canvas.width}x${canvas.height}:${(hash >>> 0).toString(16)}`;
  }

  function readoutText(el) {
    const content = el.querySelector('.widget-html-content');
    return clean((content || el).textContent);
  }

  // What app number `a` shows: each figure's pixels and each read-out's text.
  async function snapshot(a) {
    const app = apps()[a];
    if (!app) {
      return null;
    }
    const images = [];
    for (const figure of figures(app)) {
      images.push(await imageDigest(figure));
    }
    return {images, readouts: [...app.querySelectorAll('.nnlib-readout')].map(readoutText)};
  }

  // How each app and each widget output rendered.
  async function rendering() {
    const problems = [];
    const outputs = [...document.querySelectorAll('.jp-OutputArea-output')];
    let widgetOutputs = 0;
    for (const output of outputs) {
      const text = output.textContent || '';
      if (output.querySelector('.jupyter-widgets-error-widget') || text.includes('Error displaying widget')) {
        problems.push(`a widget failed to render: ${clean(text).slice(0, 200)}`);
      } else if (text.trim() === 'Loading widget...') {
        problems.push('a widget output still shows "Loading widget..."');
      }
      if (output.querySelector('.jupyter-widgets')) {
        widgetOutputs += 1;
      }
    }
    const allApps = apps();
    for (const [a, app] of allApps.entries()) {
      for (const figure of figures(app)) {
        const digest = await imageDigest(figure);
        if (!digest.includes(':')) {
          problems.push(`app ${a + 1}: a figure shows no picture (${digest})`);
        }
      }
      if (!figures(app).length && !app.querySelector('.nnlib-readout')) {
        problems.push(`app ${a + 1}: shows neither a figure (img or canvas) nor a read-out (.nnlib-readout)`);
      }
    }
    return {problems, widgetOutputs, apps: allApps.length};
  }

  const cells = () => [...document.querySelectorAll('.jp-Notebook .jp-Cell')];

  // [cell number, input prompt] of every non-empty code cell; the prompt is
  // '[3]:' once run, '[*]:' while queued or running, '[ ]:' or '' if never run.
  function prompts() {
    const found = [];
    for (const [index, cell] of cells().entries()) {
      const source = cell.querySelector('.jp-InputArea-editor');
      if (cell.matches('.jp-CodeCell') && source && source.textContent.trim()) {
        const prompt = cell.querySelector('.jp-InputArea-prompt');
        found.push([index + 1, clean(prompt && prompt.textContent)]);
      }
    }
    return found;
  }

  const TRACEBACK = /Traceback \(most recent call last\)|^-{20,}\s*\n?\s*[A-Za-z_.]*(Error|Exception|Interrupt|Exit)\b/m;

  // Error outputs as the learner sees them: [cell number, first lines].
  function errorOutputs() {
    const found = [];
    for (const [index, cell] of cells().entries()) {
      for (const output of cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')) {
        const text = output.textContent || '';
        if (TRACEBACK.test(text)) {
          found.push([index + 1, text.trim().split('\n').slice(0, 8).join('\n')]);
        }
      }
    }
    return found;
  }

  // What does not fit: figures wider than the output area that shows them, and
  // labels, read-outs or buttons whose text is cut (ellipsis or clipped).
  function cutOff() {
    const found = [];
    for (const [a, app] of apps().entries()) {
      const area = app.closest('.jp-OutputArea-output') || app;
      const right = area.getBoundingClientRect().right;
      for (const [i, figure] of figures(app).entries()) {
        const box = figure.getBoundingClientRect();
        if (box.width && box.right > right + 1) {
          found.push(`app ${a + 1}, figure ${i + 1}: ${Math.round(box.right - right)} of its `
            + `${Math.round(box.width)} px are past the right edge of the output area`);
        }
      }
      const texts = app.querySelectorAll('.widget-label, .widget-readout, .nnlib-readout .widget-html-content, button');
      for (const el of texts) {
        if (el.checkVisibility() && el.scrollWidth > el.clientWidth + 1 && clean(el.textContent)) {
          found.push(`app ${a + 1}: the text '${clean(el.textContent)}' does not fit its `
            + `${el.clientWidth} px (it needs ${el.scrollWidth} px) and is cut`);
        }
      }
    }
    return found;
  }

  window.nnlibProbe = {controls, snapshot, rendering, prompts, errorOutputs, cutOff};
})();
