"""Key press to updated screen, for every slider-driven widget, in a real browser.

For each slider of each app (`.nnlib-app`) in the course notebooks (or, while
notebooks/ holds none, in the harness's fixture notebook), the benchmark runs
the notebook in JupyterLab in Debian's headless Chromium, focuses the slider's
handle and presses an arrow key 30 times (after 2 unmeasured warm-up presses).
Each press is timed in the page, from the keydown event to the moment the
app's figure or read-out has changed (a new picture pasted into a figure's
canvas, or a new <img> decoded) and a frame has been drawn; when one press
updates several things, the last one counts.
Presses are one at a time: the next waits until the kernel is idle. A press
after which nothing changes on the screen is reported, not timed.

The baseline, measured the same way in the same run, is what a notebook
without coursekit's pattern would do: `ipywidgets.interact` with a function that
re-plots a similar matplotlib figure with plt (a new PNG output every tick).
A second reference, the floor, is a slider that only rewrites a read-out: the
cost of the round trip key -> kernel -> screen without any figure.

Target on a 2-core machine: median <= 50 ms and 95th percentile <= 100 ms.

Run:  .venv/bin/python benchmarks/browser_latency.py [--presses 30] [--notebook NAME ...] [--fixture] [--strict]
Needs Chromium (apt-get install chromium). Ends with one JSON line:
{"widgets": {name: {"median_ms": ..., "p95_ms": ...}}, "naive_median_ms": ...}

The browser harness lives in tests/browser/nbbrowser (the browser tests use
it too); it is not an installed package, so it is imported from its path.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
HARNESS = REPO / "tests" / "browser" / "nbbrowser"
FIXTURE = REPO / "tests" / "browser" / "fixtures" / "house_pattern.ipynb"
TARGET_MEDIAN_MS, TARGET_P95_MS = 50.0, 100.0
WARMUP = 2
PRESS_TIMEOUT_S = 15.0

NAIVE_SOURCE = '''\
%matplotlib inline
import matplotlib.pyplot as plt
import numpy as np
from ipywidgets import FloatSlider, interact

x = np.linspace(-6, 6, 200)


def plot(weight=1.0):
    """Re-plot the whole figure on every tick: the naive way."""
    fig, ax = plt.subplots(figsize=(6, 3.2), dpi=100)
    ax.plot(x, 1 / (1 + np.exp(-weight * x)), color="tab:blue", lw=2)
    ax.plot([1.0], [1 / (1 + np.exp(-weight))], "o", color="tab:red")
    ax.set_ylim(-0.2, 1.2)
    ax.set_xlabel("input x")
    ax.set_ylabel("activation a")
    fig.tight_layout()
    plt.show()


interact(plot, weight=FloatSlider(value=1.0, min=-3.0, max=3.0, step=0.1, description="weight"));
'''

# The floor: a slider whose callback only rewrites a read-out (no figure), in the
# house pattern: what the key -> kernel -> screen round trip itself costs.
FLOOR_SOURCE = '''\
import ipywidgets as widgets

steps = widgets.IntSlider(value=50, min=0, max=100, description="steps")
shown = widgets.HTML()
shown.add_class("nnlib-readout")
steps.observe(lambda change: setattr(shown, "value", f"cost after {change.new} steps: {0.9 ** change.new:.6f}"), names="value")
floor_app = widgets.VBox([steps, shown])
floor_app.add_class("nnlib-app")
floor_app
'''

# In the page: arm() before a key press, then poll painted(), then finish().
LATENCY_JS = '''() => {
  window.nnlibLatency = {
    arm(selector, index) {
      const root = document.querySelectorAll(selector)[index];
      const images = () => [...root.querySelectorAll('img')];
      // coursekit's figures (FigureView) are canvases that count the pictures drawn into them (data-frame)
      const canvases = () => [...root.querySelectorAll('canvas.nnlib-figure-canvas')];
      const signature = () => images().map(i => i.getAttribute('src')).join('|') + '#'
        + canvases().map(c => c.dataset.frame).join('|') + '#'
        + [...root.querySelectorAll('.nnlib-readout')].map(r => r.textContent).join('|');
      const state = {start: null, changed: null, painted: null, last: signature(), images: images().length};
      window.addEventListener('keydown', e => { state.start = e.timeStamp; }, {capture: true, once: true});
      const onChange = () => {
        const now = signature();
        if (now === state.last || images().length < state.images) {
          return;  // nothing the learner sees changed, or an output is half replaced
        }
        state.last = now;
        state.changed = performance.now();
        Promise.all(images().map(i => i.decode().catch(() => null))).then(() =>
          requestAnimationFrame(() => setTimeout(() => {
            state.painted = Math.max(state.painted || 0, performance.now());
          }, 0)));
      };
      this.observer = new MutationObserver(onChange);
      this.observer.observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
      this.state = state;
    },
    painted() { return this.state.painted !== null; },
    finish() {
      this.observer.disconnect();
      const s = this.state;
      if (s.painted === null || s.start === null) {
        return null;
      }
      return {screen: s.painted - s.start, dom: s.changed - s.start};
    }
  };
}'''


def load_harness():
    """Import tests/browser/nbbrowser from its path (it is not an installed package)."""
    spec = importlib.util.spec_from_file_location("nbbrowser", HARNESS / "__init__.py",
                                                  submodule_search_locations=[str(HARNESS)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["nbbrowser"] = module
    spec.loader.exec_module(module)
    return module


def baseline_notebook(folder: Path) -> Path:
    """Write the baselines' notebook (the naive interact, then the floor app) into `folder`."""
    import nbformat
    cells = [nbformat.v4.new_code_cell(NAIVE_SOURCE), nbformat.v4.new_code_cell(FLOOR_SOURCE)]
    notebook = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}})
    path = folder / "baselines.ipynb"
    nbformat.write(notebook, path)
    return path


def next_direction(handle, forward: bool) -> bool:
    """Whether the next press moves the slider right: on until an end, then back."""
    now, low, high = (float(handle.get_attribute(a)) for a in ("aria-valuenow", "aria-valuemin", "aria-valuemax"))
    return (now < high) if forward else not (now > low)


def press_series(page, kernel, handle, selector: str, index: int, presses: int) -> dict[str, list[float]]:
    """Milliseconds from key press to updated screen ("screen": new picture decoded
    and drawn) and to the changed page ("dom": new src or text), per measured press."""
    times = {"screen": [], "dom": []}
    forward = True
    for press in range(WARMUP + presses):
        forward = next_direction(handle, forward)
        handle.focus()
        page.evaluate("([s, i]) => window.nnlibLatency.arm(s, i)", [selector, index])
        pressed = time.monotonic()
        page.keyboard.press("ArrowRight" if forward else "ArrowLeft")
        while time.monotonic() - pressed < PRESS_TIMEOUT_S:
            painted = page.evaluate("() => window.nnlibLatency.painted()")
            if painted and kernel.quiet_for(0.3):
                break
            if not painted and kernel.busy_since(pressed) and kernel.quiet_for(1.0):
                break  # the kernel is done and nothing changed: this press updates nothing
            page.wait_for_timeout(20)
        elapsed = page.evaluate("() => window.nnlibLatency.finish()") or {"screen": float("nan"), "dom": float("nan")}
        if press >= WARMUP:
            for key in times:
                times[key].append(elapsed[key])
    return times


def measure_notebook(nb, browser, server, path: str, presses: int, baselines: bool = False) -> dict[str, dict]:
    """Run one notebook in JupyterLab and time every slider of every app in it."""
    notebook = nb.NotebookPage(browser, server, path, "lab")
    try:
        notebook.open()
        notebook.run_all()
        notebook.page.evaluate(LATENCY_JS)
        page, kernel = notebook.page, notebook.kernel
        if baselines:
            naive = page.locator(".widget-interact .noUi-handle").first
            floor = page.locator(".nnlib-app .noUi-handle").first
            return {"naive": press_series(page, kernel, naive, ".widget-interact", 0, presses),
                    "floor": press_series(page, kernel, floor, ".nnlib-app", 0, presses)}
        results = {}
        for app, controls in enumerate(nb.list_controls(page)):
            for control in controls:
                if control["kind"] != "slider" or control["disabled"] or not control["visible"]:
                    continue
                nb.settle(page, kernel, app)
                handle = page.locator(f'[data-nnlib-probe="{control["id"]}"]')
                name = f"{Path(path).stem}/app{app + 1}/{control['name']}"
                results[name] = press_series(page, kernel, handle, ".nnlib-app", app, presses)
                print(f"  {name}: {stats(results[name])}", flush=True)
        return results
    finally:
        notebook.close()


def stats(times: dict[str, list[float]]) -> dict:
    """Median and 95th percentile to the screen, median to the page (ms).

    Presses after which nothing changed on the screen are counted as missing."""
    screen = np.array([t for t in times["screen"] if t == t])
    if screen.size == 0:
        return {"median_ms": None, "p95_ms": None, "missing": len(times["screen"])}
    dom = np.array([t for t in times["dom"] if t == t])
    result = {"median_ms": round(float(np.median(screen)), 1), "p95_ms": round(float(np.percentile(screen, 95)), 1),
              "dom_median_ms": round(float(np.median(dom)), 1)}
    if screen.size < len(times["screen"]):
        result["missing"] = len(times["screen"]) - screen.size
    return result


def course_targets(args) -> tuple[dict[str, Path], list[str]]:
    """The folders to serve beside the baselines' and the notebooks to time: the course's
    notebooks (those named by --notebook, or all), or the harness's fixture."""
    course = [] if args.fixture else sorted((REPO / "notebooks").glob("*.ipynb"))
    if args.notebook:
        course = [p for p in course if p.name in args.notebook or p.stem in args.notebook]
    if course:
        return {"notebooks": REPO / "notebooks"}, [f"notebooks/{p.name}" for p in course]
    return {"fixtures": FIXTURE.parent}, [f"fixtures/{FIXTURE.name}"]


def measure_all(nb, chromium: str, folders: dict[str, Path], targets: list[str], presses: int):
    """The baselines, then every slider of the targets, in one JupyterLab and one Chromium:
    (baselines {"naive", "floor"}, {slider name: times})."""
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="nnlib-bench-") as tmp:
        baseline_notebook(Path(tmp))
        with nb.JupyterServer({"bench": Path(tmp), **folders}) as server, sync_playwright() as playwright:
            browser = nb.launch(playwright, chromium)
            try:
                base = measure_notebook(nb, browser, server, "bench/baselines.ipynb", presses, baselines=True)
                print(f"  naive interact baseline: {stats(base['naive'])}", flush=True)
                print(f"  floor (read-out only):   {stats(base['floor'])}", flush=True)
                widgets = {}
                for target in targets:
                    widgets.update(measure_notebook(nb, browser, server, target, presses))
            finally:
                browser.close()
    return base, widgets


def report(base: dict, widgets: dict) -> list[str]:
    """The table and the JSON line; returns the names of the widgets that miss the target."""
    summary = {name: stats(times) for name, times in widgets.items()}
    naive, floor = stats(base["naive"]), stats(base["floor"])
    missed = [name for name, s in summary.items() if s["median_ms"] is None
              or s["median_ms"] > TARGET_MEDIAN_MS or s["p95_ms"] > TARGET_P95_MS]
    print(f"\n{'widget (ms from key press)':<52} {'median':>7} {'p95':>7} {'page':>7}  (page: median to new src/text)")
    rows = list(summary.items()) + [("naive interact (baseline)", naive), ("floor: read-out only, no figure", floor)]
    for name, s in rows:
        note = "  MISSES TARGET" if name in missed else ""
        if s.get("missing"):
            note += f"  ({s['missing']} presses changed nothing)"
        print(f"{name:<52} {s['median_ms']!s:>7} {s['p95_ms']!s:>7} {s.get('dom_median_ms')!s:>7}{note}")
    print(f"target: median <= {TARGET_MEDIAN_MS:.0f} ms, p95 <= {TARGET_P95_MS:.0f} ms; "
          f"{len(summary) - len(missed)}/{len(summary)} widgets meet it")
    print(json.dumps({"widgets": {name: {"median_ms": s["median_ms"], "p95_ms": s["p95_ms"]}
                                  for name, s in summary.items()},
                      "naive_median_ms": naive["median_ms"]}))
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presses", type=int, default=30, help="measured key presses per slider (default 30)")
    parser.add_argument("--notebook", action="append", help="only this notebook of notebooks/ (repeatable)")
    parser.add_argument("--fixture", action="store_true", help="time the harness's fixture notebook, not the course")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a widget misses the target")
    args = parser.parse_args()
    nb = load_harness()
    chromium = nb.chromium_path()
    if chromium is None:
        print(f"no Chromium: {nb.HOW_TO_ENABLE}", file=sys.stderr)
        return 2
    folders, targets = course_targets(args)
    print(f"Key press -> updated screen, {args.presses} presses per slider (+{WARMUP} warm-up), JupyterLab in "
          f"{chromium}", flush=True)
    missed = report(*measure_all(nb, chromium, folders, targets, args.presses))
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
