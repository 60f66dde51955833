"""Faster ticks: redraw only what moves, on top of a saved background.

A full canvas draw spends most of its time on what never changes per tick:
axes, tick labels, colour bars. A BlitFigure draws all of that once, keeps
the pixels, and per tick pastes them back and draws only its *moving*
artists (the ones an update changes). When something static changes (axis
limits, say) the update asks for a full redraw instead.

Bars is a set of vertical bars drawn as ONE artist (a PolyCollection):
drawing 16 rectangles as one collection costs about as much as drawing one.
"""
import numpy as np
from matplotlib.collections import PolyCollection

from nnlib.plots.base import LiveFigure


class BlitFigure(LiveFigure):
    """A LiveFigure whose redraw() repaints only the artists passed to moving(...)."""

    def __init__(self, width=8.0, height=4.0, **kwargs):
        super().__init__(width, height, **kwargs)
        self._moving = []
        self._background = None

    def moving(self, *artists):
        """Mark artists as changing per tick (left out of the saved background)."""
        for artist in artists:
            artist.set_animated(True)
            self._moving.append(artist)
        return artists[0] if len(artists) == 1 else artists

    def redraw(self, full=False):
        """Paste the background and draw the moving artists; full=True redraws everything."""
        canvas = self.fig.canvas
        if full or self._background is None:
            canvas.draw()                          # everything but the moving artists
            self._background = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self._moving:
            if artist.get_visible():
                self.fig.draw_artist(artist)
        self._stale = False


class Bars:
    """n vertical bars at x = 0 .. n-1 as one PolyCollection; set heights and colours fast.

    bars = Bars(ax, n, color); bars.set_heights(h (n,)); bars.set_colors([...]).
    """

    def __init__(self, ax, n, color, width=0.8, x=None, **kwargs):
        self.x = np.arange(n, dtype=float) if x is None else np.asarray(x, dtype=float)
        self.width = width
        self._verts = np.zeros((n, 4, 2))
        self.collection = PolyCollection(self._boxes(np.zeros(n)), facecolors=color,
                                         edgecolors="none", **kwargs)
        ax.add_collection(self.collection)

    def _boxes(self, heights):
        left, right = self.x - self.width / 2, self.x + self.width / 2
        v = self._verts
        v[:, 0, 0] = v[:, 1, 0] = left
        v[:, 2, 0] = v[:, 3, 0] = right
        v[:, 1, 1] = v[:, 2, 1] = heights
        return v

    def set_positions(self, x, width):
        """Move the bars (centres x (n,), one width): for a histogram with new bins."""
        self.x, self.width = np.asarray(x, dtype=float), float(width)

    def set_heights(self, heights):
        self.collection.set_verts(self._boxes(np.asarray(heights, dtype=float)))

    def set_colors(self, colors):
        self.collection.set_facecolor(colors)

    def set_edges(self, colors, widths):
        """Outline some bars (e.g. the selected neuron): one colour and width per bar."""
        self.collection.set_edgecolor(colors)
        self.collection.set_linewidth(widths)
