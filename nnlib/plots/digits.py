"""Digits as pictures: a 28x28 image is 784 activations between 0 and 1.

DigitFigure shows one digit and DigitRowFigure a few side by side.
DigitColumnFigure shows one as a grid and as the column of 784 numbers the
network reads; PixelValuesFigure zooms into a 7x7 block and prints each
pixel's activation in its cell.

These two are redrawn by blitting (BlitFigure): a slider tick
draws only the artists that change, over a saved picture of the rest (axes,
ticks, labels), which is what keeps a tick well under 20 ms.
"""
import matplotlib
import numpy as np
from matplotlib.artist import Artist
from matplotlib.font_manager import FontProperties
from matplotlib.patches import ConnectionPatch, Rectangle

from nnlib.errors import check_inputs, describe, fail
from nnlib.plots.base import ACCENT, HIGHLIGHT, SEQUENTIAL, STYLE, LiveFigure
from nnlib.plots.blit import BlitFigure


class DigitFigure(LiveFigure):
    """One digit drawn as a 28x28 grid of grey levels (0 = dark, 1 = lit).

    update(x=..., title=...) swaps the image data in place.
    """

    def __init__(self, x, title="", width=3.6, height=3.8):
        super().__init__(width, height)
        self.ax = self.axes()
        self.image = self.ax.imshow(_as_grid(x), cmap=SEQUENTIAL, vmin=0, vmax=1)
        self.ax.set_xticks([])
        self.ax.set_yticks([])
        self.title = self.ax.set_title(title)
        self.fig.subplots_adjust(left=0.04, right=0.96, bottom=0.04, top=0.88)

    def update(self, x=None, title=None):
        if x is not None:
            self.image.set_data(_as_grid(x))
        if title is not None:
            self.title.set_text(title)
        self.redraw()


class DigitRowFigure(LiveFigure):
    """A few digits side by side, each with a caption: X (k, 784), titles k strings.

    update(X=..., titles=...) swaps the images (same k) and captions in place.
    """

    def __init__(self, X, titles=None, width=None, height=None):
        X = check_inputs(X, 784, "X").reshape(-1, 784)
        if not 1 <= len(X) <= 12:
            fail("between 1 and 12 digits", f"{len(X)}", "Pass a few rows, e.g. X[:10].")
        width = width or min(2.2 * len(X), 11.0)
        super().__init__(width, height or 0.98 * width / len(X) + 0.45)   # square images + titles
        self.images, self.titles = [], []
        for k, x in enumerate(X):
            ax = self.axes(1, len(X), k + 1)
            self.images.append(ax.imshow(x.reshape(28, 28), cmap=SEQUENTIAL, vmin=0, vmax=1))
            ax.set_xticks([])
            ax.set_yticks([])
            self.titles.append(ax.set_title(""))
        top = 1 - 0.42 / self.fig.get_size_inches()[1]
        self.fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=top, wspace=0.08)
        self.update(titles=titles)

    def update(self, X=None, titles=None):
        if X is not None:
            X = check_inputs(X, 784, "X").reshape(-1, 784)
            if len(X) != len(self.images):
                fail(f"{len(self.images)} digits, as drawn", f"{len(X)}",
                     "Make a new DigitRowFigure for another number of digits.")
            for image, x in zip(self.images, X):
                image.set_data(x.reshape(28, 28))
        if titles is not None:
            if len(titles) != len(self.titles):
                fail(f"{len(self.titles)} titles, one per digit", describe(titles))
            for text, title in zip(self.titles, titles):
                text.set_text(str(title))
        self.redraw()


def _as_grid(x):
    """(784,) activations -> (28, 28) grid, with the readable error for other shapes."""
    return np.asarray(check_inputs(x, 784)).reshape(28, 28)


class DigitColumnFigure(BlitFigure):
    """The same digit twice: as a 28x28 grid, and as the column of 784 input activations.

    Pixel (row r, column c) of the grid is entry i = 28 r + c of the column:
    the rows are laid end to end, row 0 first. One pixel and its row are
    marked in both pictures and joined by lines, so the learner sees where a
    pixel goes when the image is flattened.

    x: (784,) activations in [0, 1]; pixel: (r, c) to mark, counted from 0.
    update(x=..., pixel=..., title=...) changes them in place.
    """

    span = 1.0          # the share of the figure's width these two pictures use (from the left)

    def __init__(self, x, pixel=(14, 14), title="", width=8.0, height=4.8):
        super().__init__(width, height)
        self._build(x, pixel, title, width, height)
        self.blit(self._moving_artists())

    def _build(self, x, pixel, title, width, height):
        s = self.span
        side = 0.41 * s * width / height                 # the grid is square
        self.ax_grid = _add_axes(self, [0.09 * s, 0.12, 0.41 * s, side])
        self.ax_col = _add_axes(self, [0.83 * s, 0.12, 0.04 * s, side])
        grid = _one_digit(x)
        self.grid = self.ax_grid.imshow(grid, cmap=SEQUENTIAL, vmin=0, vmax=1)
        self.column = self.ax_col.imshow(grid.reshape(784, 1), cmap=SEQUENTIAL, vmin=0, vmax=1,
                                         aspect="auto", extent=(-0.5, 0.5, 783.5, -0.5))
        self._label_axes()
        self.row_box = Rectangle((-0.5, -0.5), 28, 1, fill=False, ec=ACCENT, lw=2)
        self.pixel_box = Rectangle((-0.5, -0.5), 1, 1, fill=False, ec=HIGHLIGHT, lw=2.5)
        self.segment = Rectangle((-0.9, -0.5), 1.8, 28, fill=False, ec=ACCENT, lw=2, clip_on=False)
        self.mark = self.ax_col.plot([-1.2, 1.2], [0, 0], color=HIGHLIGHT, lw=3, clip_on=False)[0]
        self.ax_grid.add_patch(self.row_box)
        self.ax_grid.add_patch(self.pixel_box)
        self.ax_col.add_patch(self.segment)
        # Lines from the marked row to its 28 entries, and from the pixel to its entry.
        self.links = [self.fig.add_artist(ConnectionPatch(
            (0, 0), (0, 0), coordsA="data", coordsB="data", axesA=self.ax_grid,
            axesB=self.ax_col, color=color, lw=lw)) for color, lw in
            ((ACCENT, 1), (ACCENT, 1), (HIGHLIGHT, 2))]
        self.index_text = self.fig.text(0.665 * s, 0.035, "", ha="center", va="bottom",
                                        fontsize=12)
        self.title = self.fig.suptitle(title, fontsize=14, x=0.5 * s)
        self._set_pixel(pixel)

    def _moving_artists(self):
        return [self.grid, self.column, self.row_box, self.pixel_box, self.segment,
                self.mark, *self.links, self.index_text, self.title]

    def _label_axes(self):
        ticks = [0, 7, 14, 21, 27]
        self.ax_grid.set(xticks=ticks, yticks=ticks, xlabel="column c", ylabel="row r")
        self.ax_grid.set_title("as a 28 × 28 grid", fontsize=13)
        self.ax_col.set_title("as a column\nof 784", fontsize=13)
        self.ax_col.set(xticks=[], yticks=[0, 196, 392, 588, 783])
        self.ax_col.yaxis.tick_right()
        self.ax_col.tick_params(axis="y", length=0, pad=5)   # a tick mark would read as a minus
        self.ax_col.yaxis.set_label_position("right")
        self.ax_col.set_ylabel("index i in x")

    def update(self, x=None, pixel=None, title=None):
        if x is not None:
            grid = _one_digit(x)
            self.grid.set_data(grid)
            self.column.set_data(grid.reshape(784, 1))
        if pixel is not None:
            self._set_pixel(pixel)
        if title is not None:
            self.title.set_text(title)
        self.redraw()

    def _set_pixel(self, pixel):
        r, c = self.pixel = _check_pixel(pixel)
        i = 28 * r + c
        self.row_box.set_y(r - 0.5)
        self.pixel_box.set_xy((c - 0.5, r - 0.5))
        self.segment.set_y(28 * r - 0.5)
        self.mark.set_ydata([i, i])
        ends = [((27.5, r - 0.5), (-0.9, 28 * r - 0.5)), ((27.5, r + 0.5), (-0.9, 28 * r + 27.5)),
                ((c, r), (-1.2, i))]
        for link, (grid_xy, column_xy) in zip(self.links, ends):
            link.xy1, link.xy2 = grid_xy, column_xy
        self.index_text.set_text(f"pixel (r={r}, c={c})\ni = 28·{r} + {c} = {i}")


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
        self.values = _one_digit(x)
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
        self.values = _one_digit(x)
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
        self.zoom = _Zoom(_add_axes(self, [s + 0.06, 0.12, side * height / width, side]), x)
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
            if not np.array_equal(_one_digit(x), self._x):
                self._x = np.array(_one_digit(x))
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


class CellNumbers(Artist):
    """Short texts centred at data points (x, y), drawn straight to the renderer.

    49 matplotlib Text artists take about 11 ms to draw, too slow for a slider;
    this one artist draws the same strings in about 3 ms because it skips the
    general text layout (one line, no rotation) and caches each string's size.
    """

    def __init__(self, ax, fontsize=12):
        super().__init__()
        self.set_transform(ax.transData)
        self.prop = FontProperties(size=fontsize)
        self.cells = []
        self._sizes = {}      # string -> (width, height, descent) in pixels

    def set_cells(self, x, y, texts, colors):
        """One text per cell: x, y (n,) data positions, texts and colours (n,)."""
        self.cells = list(zip(np.asarray(x, float), np.asarray(y, float), texts, colors))
        self.stale = True

    def draw(self, renderer):
        if not self.get_visible() or not self.cells:
            return
        gc = renderer.new_gc()
        gc.set_clip_rectangle(self.axes.bbox)
        centres = self.get_transform().transform([(x, y) for x, y, _, _ in self.cells])
        if renderer.flipy():       # Agg counts text positions from the top, like Text.draw does
            centres[:, 1] = renderer.get_canvas_width_height()[1] - centres[:, 1]
        for (px, py), (_, _, text, color) in zip(centres, self.cells):
            if text not in self._sizes:
                self._sizes[text] = renderer.get_text_width_height_descent(text, self.prop, False)
            width, height, descent = self._sizes[text]
            gc.set_foreground(color)
            # (px, py) is the cell's centre; draw_text wants the left end of the baseline
            renderer.draw_text(gc, px - width / 2, py + height / 2 - descent, text, self.prop, 0)
        gc.restore()
        self.stale = False


def _one_digit(x):
    """(784,) activations -> (28, 28) grid; a readable error for a batch or other shapes."""
    x = check_inputs(x, 784)
    if x.ndim != 1:
        fail("one digit, shape (784,)", describe(x), "Pick one row of the batch, e.g. X[0].")
    return x.reshape(28, 28)


def _check_pixel(pixel):
    """(r, c) with 0 <= r, c <= 27, as two ints."""
    ok = (isinstance(pixel, (tuple, list)) and len(pixel) == 2
          and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in pixel))
    if not ok or not (0 <= pixel[0] < 28 and 0 <= pixel[1] < 28):
        fail("pixel as (row, column), two whole numbers from 0 to 27", describe(pixel),
             "Rows and columns are counted from 0, so the last one is 27.")
    return int(pixel[0]), int(pixel[1])


def _add_axes(live, rect):
    """Axes at `rect` = [left, bottom, width, height] (figure fractions), in the house style."""
    with matplotlib.rc_context(STYLE):
        return live.fig.add_axes(rect)
