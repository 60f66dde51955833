"""FigureView: a LiveFigure on a canvas in the browser, refreshed by sending only what changed.

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

from coursekit.figures.base import compress_bytes


# Smaller rectangles go raw: unpacking would cost the browser more than it saves.
PACK_BYTES = 64 * 1024
# Each rectangle costs a message part and a paste: beyond this many, fewer and bigger.
MAX_BOXES = 6


def changed_boxes(old, new, gap=24):
    """The rectangles that hold every pixel where two pictures differ: [(top, bottom, left, right)].

    old, new: (height, width, 4) uint8 RGBA pixels of the same shape. A box
    covers rows top..bottom-1 and columns left..right-1. Changes closer than
    `gap` pixels share a box; farther apart (a digit on the left, bars on the
    right) they get boxes of their own, so the still part between is not sent.
    """
    # One 32-bit word per pixel: a quarter of the comparisons of byte by byte.
    differ = (old.view(np.uint32) != new.view(np.uint32))[..., 0]    # (height, width)
    bands = _runs(differ.any(axis=1), gap)                           # bands of rows ...
    boxes = []
    for top, bottom in bands:
        band = differ[top:bottom]
        for left, right in _runs(band.any(axis=0), gap):              # ... cut into columns
            rows = np.flatnonzero(band[:, left:right].any(axis=1))
            boxes.append((top + int(rows[0]), top + int(rows[-1]) + 1, left, right))
    if len(boxes) > MAX_BOXES:                                        # a box per band instead
        boxes = [(top, bottom, *_span(differ[top:bottom].any(axis=0))) for top, bottom in bands]
    if len(boxes) > MAX_BOXES:                                        # one box around it all
        boxes = [(bands[0][0], bands[-1][1], *_span(differ.any(axis=0)))]
    return boxes


def _span(mask):
    """(first, last + 1) of the True entries of a 1-D mask."""
    where = np.flatnonzero(mask)
    return int(where[0]), int(where[-1]) + 1


def _packed(patch):
    """The RGBA bytes of a (h, w, 4) patch as one zlib stream."""
    return compress_bytes(memoryview(np.ascontiguousarray(patch)).cast("B"))


def _runs(mask, gap):
    """(start, stop) of each run of True in the 1-D mask, joining runs less than `gap` apart."""
    where = np.flatnonzero(mask)
    if where.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(where) > gap)
    starts = np.concatenate([where[:1], where[breaks + 1]])
    stops = np.concatenate([where[breaks], where[-1:]]) + 1
    return [(int(a), int(b)) for a, b in zip(starts, stops)]


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
            self.png = self.figure.png()
            self.shown = self.figure.rgba().copy()
            self.sent += 1
            self._png_is_current = True
