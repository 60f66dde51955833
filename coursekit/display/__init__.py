"""The figure transport: a figure's pixels on a canvas in the browser (FigureView).

A figure (coursekit.figures) only draws: it gives its drawn pixels, rgba(), and
its own static PNG for a saved notebook, and never imports this package. All
that serves showing it fast in a live widget is here, one concern per module:

    figure_view.py  FigureView, the anywidget: the whole picture once, then per
                    tick only the rectangles of pixels that changed
    figure_view.js  its browser side: a canvas that pastes those rectangles
    boxes.py        changed_boxes: where two pictures differ, as a few rectangles
    png.py          encode_png: a fast PNG of pixels already drawn (no filtering)
    deflate.py      compress_bytes: zlib, in bands on two threads when big

Saved notebooks keep no widget state (`make notebooks` runs nbconvert with
--ExecutePreprocessor.store_widget_state=False), so they never hold
figure_view.js: where no kernel runs, each app shows its static PNG instead.
"""
from coursekit.display.figure_view import FigureView

__all__ = ["FigureView"]
