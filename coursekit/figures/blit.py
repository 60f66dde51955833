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

from coursekit.figures.base import LiveFigure


class BlitFigure(LiveFigure):
    """A LiveFigure whose redraw() repaints only its moving artists over a saved background.

    A subclass builds every artist in __init__ and marks the ones that change
    with `self.moving(...)` (or `self.blit([...], background_key)`). They are
    animated, so a full draw leaves them out and can be saved as the background.

    `background_key` names what the still picture shows (a zoom window, which
    network is drawn): when it changes, the next redraw draws everything once
    and saves that background too. The last `max_backgrounds` are kept, so
    going back to one costs nothing. redraw(full=True) forces a full draw.
    """
    max_backgrounds = 16

    def __init__(self, width=8.0, height=4.0, **kwargs):
        super().__init__(width, height, **kwargs)
        self._moving = []
        self._backgrounds = {}
        self.background_key = None

    def moving(self, *artists):
        """Mark artists as changing per tick (left out of the saved background)."""
        for artist in artists:
            artist.set_animated(True)
            self._moving.append(artist)
        return artists[0] if len(artists) == 1 else artists

    def blit(self, artists, background_key=None):
        """Mark `artists` as moving, name the background, and draw once."""
        self.moving(*artists)
        self.background_key = background_key
        self.redraw()

    def redraw(self, full=False):
        """Paste the saved background and draw the moving artists; full=True redraws all."""
        canvas = self.fig.canvas
        if full:
            self._backgrounds.clear()
        background = self._backgrounds.get(self.background_key)
        if background is None:
            canvas.draw()                          # everything but the moving artists
            if len(self._backgrounds) >= self.max_backgrounds:
                del self._backgrounds[next(iter(self._backgrounds))]   # the oldest
            self._backgrounds[self.background_key] = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(background)
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
