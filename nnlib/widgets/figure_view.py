"""FigureView: a LiveFigure on a canvas in the browser, refreshed by sending only what changed.

The plain way to show a figure in a widget is an ipywidgets.Image holding a
PNG, re-sent whole on every slider tick. The browser must then decode each
new PNG before it can paint it, and that decoding, not the maths, is most
of the wait between a key press and the new picture.

So the browser side (figure_view.js, beside this file) keeps a canvas. It
gets the whole picture once, as a PNG. After each tick, `refresh()` compares
the new pixels with those the browser already shows, finds the smallest
rectangle holding every changed pixel, and sends just that rectangle's raw
RGBA bytes, zlib-packed; the browser pastes them into the canvas. A slider
that moves a dot sends the dot, not the axes around it.
"""
from pathlib import Path

import anywidget
import numpy as np
import traitlets

from nnlib.plots.base import compress_bytes


def changed_box(old, new):
    """The rectangle where two pictures differ, as (top, bottom, left, right), or None.

    old, new: (height, width, 4) uint8 RGBA pixels of the same shape. Rows
    top..bottom-1 and columns left..right-1 hold every pixel that changed.
    """
    # One 32-bit word per pixel: a quarter of the comparisons of byte by byte.
    differ = (old.view(np.uint32) != new.view(np.uint32))[..., 0]    # (height, width)
    rows = np.flatnonzero(differ.any(axis=1))
    if rows.size == 0:
        return None
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    columns = np.flatnonzero(differ[top:bottom].any(axis=0))
    return top, bottom, int(columns[0]), int(columns[-1]) + 1


class FigureView(anywidget.AnyWidget):
    """A canvas showing a LiveFigure; `refresh()` after the figure's `update(...)`.

    `shown` holds the pixels the browser shows, shape (height, width, 4);
    `sent` counts the pictures and patches sent (tests read both).
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
        super().__init__(png=figure.png(), width=width, height=height, layout=layout)
        self.figure = figure
        self.shown = pixels.copy()
        self.sent = 1
        self._png_is_current = True
        self.add_class("nnlib-figure")
        self.on_msg(self._on_view_message)

    def refresh(self):
        """Send the rectangle of pixels that changed since the last refresh (nothing if none)."""
        pixels = self.figure.rgba()
        box = changed_box(self.shown, pixels)
        if box is None:
            return
        top, bottom, left, right = box
        patch = np.ascontiguousarray(pixels[top:bottom, left:right])
        self.send({"x": left, "y": top, "width": right - left, "height": bottom - top},
                  buffers=[compress_bytes(memoryview(patch).cast("B"))])
        self.shown[top:bottom, left:right] = patch
        self.sent += 1
        self._png_is_current = False

    def _on_view_message(self, _widget, content, _buffers):
        # A view drawn after some patches (the cell shown again, a second
        # view) starts from `png`: bring it up to date once, when asked.
        if content.get("type") == "shown" and not self._png_is_current:
            self.png = self.figure.png()
            self.shown = self.figure.rgba().copy()
            self.sent += 1
            self._png_is_current = True
