"""The figure every plot and widget is built on: drawn once, then updated in place.

A slider tick must feel instant, so nothing here rebuilds a figure. A plot
class creates its axes and artists once in __init__; its `update(...)` only
changes their data (set_data, set_height, set_array, set_text) and then
calls `redraw()`, which draws the canvas once. `rgba()` gives the pixels
already drawn, without drawing again (savefig would draw everything anew).

The same object shows itself in a notebook as a static PNG, so every figure
a widget uses also reads well where no kernel runs. Showing it live is not its
business: coursekit.display's FigureView takes rgba() and sends the browser
what changed; nothing in coursekit.figures imports coursekit.display.
"""
import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

# Large type for a projector at the back of a room.
STYLE = {
    "font.size": 12, "axes.titlesize": 13, "axes.labelsize": 12, "xtick.labelsize": 11,
    "ytick.labelsize": 11, "legend.fontsize": 11, "axes.spines.top": False,
    "axes.spines.right": False,
}
DPI = 72
# Colour-blind-safe maps: a diverging one where the sign matters (weights),
# a sequential one for intensities that run from dark to lit.
DIVERGING = "PuOr_r"      # purple = negative, orange = positive, white = 0
SEQUENTIAL = "gray"        # 0 = black (dark pixel), 1 = white (lit pixel)
ACCENT = "#0072B2"         # Okabe-Ito blue
HIGHLIGHT = "#E69F00"      # Okabe-Ito orange
NEGATIVE = "#D55E00"       # Okabe-Ito vermillion


def colour_limit(values):
    """The end of a symmetric DIVERGING scale for `values` (weights): the 99th percentile of
    |values|, so that a few extreme weights do not wash out the rest (1.0 if all are 0)."""
    return float(np.percentile(np.abs(values), 99)) or 1.0


class LiveFigure:
    """A matplotlib Figure with its own Agg canvas (no pyplot, no global state).

    Subclasses build their artists in __init__ and implement update(...).
    """

    def __init__(self, width=8.0, height=4.0, dpi=DPI):
        import matplotlib
        with matplotlib.rc_context(STYLE):
            self.fig = Figure(figsize=(width, height), dpi=dpi)
        FigureCanvasAgg(self.fig)
        self._stale = True

    def axes(self, *args, **kwargs):
        """fig.add_subplot with the house style applied."""
        import matplotlib
        with matplotlib.rc_context(STYLE):
            return self.fig.add_subplot(*args, **kwargs)

    def update(self, **changes):
        """Change what is shown; subclasses set artists' data then call redraw()."""
        raise NotImplementedError

    def redraw(self):
        """Draw the canvas once (the only full draw per slider tick)."""
        self.fig.canvas.draw()
        self._stale = False

    def rgba(self):
        """The drawn pixels, shape (height, width, 4), uint8."""
        if self._stale:
            self.redraw()
        return np.asarray(self.fig.canvas.buffer_rgba())

    def png(self, compress_level=1):
        """The drawn pixels exactly, as RGBA PNG bytes (plain Pillow; a live view encodes rgba() itself)."""
        buffer = io.BytesIO()
        Image.fromarray(self.rgba()).save(buffer, format="png", compress_level=compress_level)
        return buffer.getvalue()

    def static_png(self):
        """A compact PNG for a notebook saved to disk: 256 colours look the same, 3x smaller."""
        buffer = io.BytesIO()
        image = Image.fromarray(self.rgba()[..., :3]).quantize(256, dither=Image.Dither.NONE)
        image.save(buffer, format="png", optimize=True)
        return buffer.getvalue()

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"image/png": self.static_png(), "text/plain": f"<{type(self).__name__}>"}
