"""Where two pictures differ, as a few rectangles: what a FigureView sends per tick.

A slider that moves a dot changes a few hundred pixels of a picture of a
quarter of a million. changed_boxes finds rectangles that hold every changed
pixel, so only they are sent; changes far apart (a digit on the left, bars on
the right) get boxes of their own, so the still part between them stays put.
"""
import numpy as np

# Each rectangle costs a message part and a paste: beyond this many, fewer and bigger.
MAX_BOXES = 6


def changed_boxes(old, new, gap=24):
    """The rectangles that hold every pixel where two pictures differ: [(top, bottom, left, right)].

    old, new: (height, width, 4) uint8 RGBA pixels of the same shape. A box
    covers rows top..bottom-1 and columns left..right-1. Changes closer than
    `gap` pixels share a box; farther apart they get boxes of their own.
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


def _runs(mask, gap):
    """(start, stop) of each run of True in the 1-D mask, joining runs less than `gap` apart."""
    where = np.flatnonzero(mask)
    if where.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(where) > gap)
    starts = np.concatenate([where[:1], where[breaks + 1]])
    stops = np.concatenate([where[breaks], where[-1:]]) + 1
    return [(int(a), int(b)) for a, b in zip(starts, stops)]
