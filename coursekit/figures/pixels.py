"""Pixels as numbers: a zoom printing each activation, beside the digit and its column.

PixelValuesFigure zooms into a 7x7 block of a digit and prints each pixel's
activation in its cell; PixelExplorerFigure puts that zoom beside a
DigitColumnFigure on one canvas, for the pixel explorer widget (one PNG per tick).

Both are redrawn by blitting (BlitFigure): a slider tick draws only the
artists that change, over a saved picture of the rest (axes, ticks, labels).
The 49 numbers are pasted from cached sprites (plots.text.CellNumbers).
"""
import numpy as np
from matplotlib.patches import Rectangle

from coursekit.figures.base import HIGHLIGHT, SEQUENTIAL
from coursekit.figures.blit import BlitFigure
from coursekit.figures.digits import DigitColumnFigure, _check_pixel, add_axes
from coursekit.figures.text import CellNumbers
from nnlib.data import as_image


class PixelValuesFigure(BlitFigure):
    """A zoom into one 7x7 block of a digit, each pixel's activation printed in its cell.

    The image's 28x28 pixels split into 4 x 4 blocks of 7 x 7; the figure shows
    the block holding the marked pixel (r, c), so moving the pixel inside a
    block changes only the mark and the numbers, not the axes.
    x: (784,) activations; pixel: (r, c), counted from 0.
    update(x=..., pixel=..., title=...) changes them in place.
    """
    size = 7

    def __init__(self, x, pixel=(14, 14), title="", width=5.0, height=5.0):
        super().__init__(width, height)
        self.fig.subplots_adjust(left=0.15, right=0.97, bottom=0.13, top=0.9)
        self.zoom = _Zoom(self.axes(), x, title)
        self.ax, self.image = self.zoom.ax, self.zoom.image
        self.pixel_box, self.numbers = self.zoom.pixel_box, self.zoom.numbers
        self._set_pixel(pixel)
        self.blit(self.zoom.artists(), background_key=self._key())

    @property
    def values(self):
        return self.zoom.values

    @property
    def title(self):
        return self.zoom.title

    @property
    def block(self):
        return self.zoom.block

    def update(self, x=None, pixel=None, title=None):
        if x is not None:
            self.zoom.set_digit(x)
        if title is not None:
            self.zoom.title.set_text(title)          # part of the background: see _key
        self._set_pixel(self.pixel if pixel is None else pixel)
        self.background_key = self._key()
        self.redraw()

    def _key(self):
        """What the background shows: the block's axes and ticks, and the title."""
        return self.zoom.block, self.zoom.title.get_text()

    def _set_pixel(self, pixel):
        self.pixel = _check_pixel(pixel)
        self.zoom.set_pixel(self.pixel)


class _Zoom:
    """The 7x7 block around a pixel on axes `ax`, each cell's activation printed in it."""
    size = 7

    def __init__(self, ax, x, title=""):
        self.ax = ax
        self.values = as_image(x)
        self.image = ax.imshow(self.values, cmap=SEQUENTIAL, vmin=0, vmax=1)
        ax.set(xlabel="column c", ylabel="row r")
        self.pixel_box = Rectangle((-0.5, -0.5), 1, 1, fill=False, ec=HIGHLIGHT, lw=3.5)
        ax.add_patch(self.pixel_box)
        self.numbers = ax.add_artist(CellNumbers(ax, fontsize=12))
        self.title = ax.set_title(title or "each cell: one neuron's activation")
        self.block = None

    def artists(self):
        return [self.image, self.pixel_box, self.numbers]

    def set_digit(self, x):
        self.values = as_image(x)
        self.image.set_data(self.values)

    def set_pixel(self, pixel):
        r, c = pixel
        top, left = block = (r // self.size * self.size, c // self.size * self.size)
        if block != self.block:                    # axes and ticks: part of the background
            self.block = block
            self.ax.set_xlim(left - 0.5, left + self.size - 0.5)
            self.ax.set_ylim(top + self.size - 0.5, top - 0.5)
            self.ax.set_xticks(range(left, left + self.size))
            self.ax.set_yticks(range(top, top + self.size))
        self.pixel_box.set_xy((c - 0.5, r - 0.5))
        rows, cols = np.mgrid[top:top + self.size, left:left + self.size]
        values = self.values[rows, cols].ravel()
        self.numbers.set_cells(cols.ravel(), rows.ravel(),
                               ["0" if v == 0 else f"{v:.2f}" for v in values],
                               np.where(values > 0.5, "black", "white"))  # readable on both


class PixelExplorerFigure(DigitColumnFigure):
    """DigitColumnFigure and PixelValuesFigure side by side on ONE canvas (one PNG per tick).

    Left: the digit as a grid and as its column of 784, the pixel (r, c) marked
    in both; right: the 7x7 block around the pixel with each activation printed.
    12 x 4.8 inches = 864 x 345 px, narrow enough for a notebook beside a file browser.
    update(x=..., pixel=..., title=...) changes them in place.
    """
    span = 0.64

    def __init__(self, x, pixel=(14, 14), title="", width=12.0, height=4.8):
        BlitFigure.__init__(self, width, height)
        s = self.span
        side = 0.41 * s * width / height
        self.zoom = _Zoom(add_axes(self, [s + 0.06, 0.12, side * height / width, side]), x)
        self._x = np.array(self.zoom.values)
        self._digit_count = 0                  # counts the digits shown: part of the layer key
        self._layer, self._layer_key = None, None
        self._build(x, pixel, title, width, height)
        # Two layers over the background: what changes with the digit (images, numbers,
        # title), saved once per digit and block, and the marks, the only artists a row
        # or column tick draws.
        self._digit_artists = [self.grid, self.column, self.title, self.zoom.image,
                               self.zoom.numbers]
        self._mark_artists = [a for a in self._moving_artists() + self.zoom.artists()
                              if all(a is not b for b in self._digit_artists)]
        self.blit(self._digit_artists + self._mark_artists, background_key=self.zoom.block)

    def update(self, x=None, pixel=None, title=None):
        if x is not None:
            if not np.array_equal(as_image(x), self._x):
                self._x = np.array(as_image(x))
                self._digit_count += 1
                self.zoom.set_digit(x)
            pixel = self.pixel if pixel is None else pixel      # the zoom's numbers change too
        super().update(x=x, pixel=pixel, title=title)

    def _set_pixel(self, pixel):
        super()._set_pixel(pixel)
        self.zoom.set_pixel(self.pixel)
        self.background_key = self.zoom.block

    def redraw(self, full=False):
        """Background (axes), then the digit layer (saved per digit and block), then the marks."""
        canvas = self.fig.canvas
        if full:
            self._backgrounds.clear()
            self._layer_key = None
        key = (self._digit_count, self.title.get_text(), self.zoom.block)
        if key != self._layer_key:
            background = self._backgrounds.get(self.background_key)
            if background is None:
                canvas.draw()                          # everything but the animated artists
                if len(self._backgrounds) >= self.max_backgrounds:
                    del self._backgrounds[next(iter(self._backgrounds))]
                self._backgrounds[self.background_key] = canvas.copy_from_bbox(self.fig.bbox)
            else:
                canvas.restore_region(background)
            for artist in self._digit_artists:
                self.fig.draw_artist(artist)
            self._layer, self._layer_key = canvas.copy_from_bbox(self.fig.bbox), key
        else:
            canvas.restore_region(self._layer)
        for artist in self._mark_artists:
            if artist.get_visible():
                self.fig.draw_artist(artist)
        self._stale = False
