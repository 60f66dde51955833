// The browser side of coursekit.display.FigureView: a canvas showing one LiveFigure.
//
// The kernel sends the whole picture once, as a PNG (the `png` trait), and
// after that, on every slider tick, only the rectangles of pixels that changed:
// a custom message {boxes: [{x, y, width, height, packed}, ...]} with one
// buffer per box, the rectangle's RGBA bytes (packed with zlib when big).
// Pasting raw pixels into a canvas skips the image decoding an <img> needs for
// every new PNG, which is most of what a browser spends on a figure update.
//
// Everything drawn goes through one queue, so pictures land in the order the
// kernel sent them even though unpacking is asynchronous.

async function unpack(buffer, packed) {
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (!packed) {
    return new Uint8ClampedArray(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  // A stream made here, not Blob.stream(): a Blob is read through the browser's
  // own process, a detour that doubles the time.
  const source = new ReadableStream({ start(c) { c.enqueue(bytes); c.close(); } });
  const stream = source.pipeThrough(new DecompressionStream("deflate"));
  return new Uint8ClampedArray(await new Response(stream).arrayBuffer());
}

function render({ model, el }) {
  const canvas = document.createElement("canvas");
  canvas.className = "nnlib-figure-canvas";
  canvas.style.display = "block";
  canvas.style.maxWidth = "100%";     // a narrow screen shrinks the picture, keeping its shape
  canvas.style.height = "auto";
  canvas.width = model.get("width");  // the right size before the first picture lands
  canvas.height = model.get("height");
  canvas.dataset.frame = "0";          // pictures drawn so far (tests watch it)
  el.appendChild(canvas);
  const context = canvas.getContext("2d");
  let queue = Promise.resolve();

  const draw = (paint) => {
    queue = queue.then(paint).then(() => {
      canvas.dataset.frame = String(Number(canvas.dataset.frame) + 1);
    }).catch((error) => console.warn("coursekit figure: a picture could not be drawn", error));
    canvas.nnlibDrawn = queue;         // tests wait on it before reading the pixels
  };
  const drawWhole = () => draw(async () => {
    const bitmap = await createImageBitmap(new Blob([model.get("png")], { type: "image/png" }));
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
  });
  const drawPatch = (message, buffers) => draw(async () => {
    // All unpacked first, then all pasted: they show up in the same frame.
    const pixels = await Promise.all(buffers.map((b, i) => unpack(b, message.boxes[i].packed)));
    message.boxes.forEach((box, i) => {
      context.putImageData(new ImageData(pixels[i], box.width, box.height), box.x, box.y);
    });
  });

  model.on("change:png", drawWhole);
  model.on("msg:custom", drawPatch);
  drawWhole();
  model.send({ type: "shown" });        // the kernel re-sends the picture if it changed meanwhile
  return () => {
    model.off("change:png", drawWhole);
    model.off("msg:custom", drawPatch);
  };
}

export default { render };
