"""FigureView: a figure on a canvas in the browser, refreshed by sending only what changed.

The plain way to show a figure in a widget is an ipywidgets.Image holding a
PNG, re-sent whole on every slider tick. The browser must then decode each
new PNG before it can paint it, and that decoding, not the maths, is most
of the wait between a key press and the new picture.

So the browser side (figure_view.js, beside this file) keeps a canvas. It
gets the whole picture once, as a PNG. After each tick, `refresh()` compares
the new pixels with those the browser already shows, finds rectangles that
hold every changed pixel, and sends just their raw RGBA bytes (zlib-packed
when big); the browser pastes them into the canvas. A slider that moves a
dot sends the dot, not the axes around it.
"""
from pathlib import Path

import anywidget
import numpy as np
import traitlets

from coursekit.display.boxes import changed_boxes
from coursekit.display.deflate import compress_bytes
from coursekit.display.png import encode_png

# Smaller rectangles go raw: unpacking would cost the browser more than it saves.
PACK_BYTES = 64 * 1024


def _packed(patch):
    """The RGBA bytes of a (h, w, 4) patch as one zlib stream."""
    return compress_bytes(memoryview(np.ascontiguousarray(patch)).cast("B"))


class FigureView(anywidget.AnyWidget):
    """A canvas showing a figure; `refresh()` after the figure's `update(...)`.

    `figure` is anything whose `rgba()` returns the pixels it shows, drawn,
    shape (height, width, 4) uint8: a coursekit.figures.LiveFigure. The view
    encodes them itself (png.py, boxes.py, deflate.py beside this file).
    `shown` holds the pixels the browser shows; `sent` counts the pictures
    and patches sent (tests read both).
    """

    _esm = (Path(__file__).parent / "figure_view.js").read_text()
    png = traitlets.Bytes(b"").tag(sync=True)        # the whole picture, for a view that (re)draws
    width = traitlets.Int(0).tag(sync=True)
    height = traitlets.Int(0).tag(sync=True)

    def __init__(self, figure):
        pixels = figure.rgba()
        height, width = pixels.shape[:2]
        # Shown at its own pixel size: a flex box would otherwise stretch it to
        # the cell's width and blur it. A narrow screen may still shrink it.
        layout = {"width": f"{width}px", "max_width": "100%", "align_self": "flex-start"}
        super().__init__(png=encode_png(pixels), width=width, height=height, layout=layout)
        self.figure = figure
        self.shown = pixels.copy()
        self.sent = 1
        self._png_is_current = True
        self.add_class("nnlib-figure")
        self.on_msg(self._on_view_message)

    def refresh(self):
        """Send the rectangles of pixels that changed since the last refresh (nothing if none)."""
        pixels = self.figure.rgba()
        boxes = changed_boxes(self.shown, pixels)
        if not boxes:
            return
        patches = [pixels[top:bottom, left:right] for top, bottom, left, right in boxes]
        places = [{"x": left, "y": top, "width": right - left, "height": bottom - top,
                   "packed": patch.nbytes >= PACK_BYTES}
                  for (top, bottom, left, right), patch in zip(boxes, patches)]
        # Bytes of their own, never views of the canvas: the kernel sends them
        # from another thread, maybe after the next draw has begun.
        self.send({"boxes": places},
                  buffers=[_packed(patch) if place["packed"] else patch.tobytes()
                           for patch, place in zip(patches, places)])
        for (top, bottom, left, right), patch in zip(boxes, patches):
            self.shown[top:bottom, left:right] = patch
        self.sent += 1
        self._png_is_current = False

    def _on_view_message(self, _widget, content, _buffers):
        # A view drawn after some patches (the cell shown again, a second
        # view) starts from `png`: bring it up to date once, when asked.
        if content.get("type") == "shown" and not self._png_is_current:
            pixels = self.figure.rgba()
            self.png = encode_png(pixels)
            self.shown = pixels.copy()
            self.sent += 1
            self._png_is_current = True
