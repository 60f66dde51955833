"""Digits as pictures: a 28x28 image is 784 activations between 0 and 1.

DigitFigure shows one digit and DigitRowFigure a few side by side.
DigitColumnFigure shows one as a grid and as the column of 784 numbers the
network reads (plots.pixels zooms into a block and prints the numbers).

DigitColumnFigure is redrawn by blitting (BlitFigure): a slider tick draws
only the artists that change, over a saved picture of the rest (axes, ticks,
labels), which is what keeps a tick well under 20 ms.
"""
import matplotlib
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from coursekit.figures.base import ACCENT, HIGHLIGHT, SEQUENTIAL, STYLE, LiveFigure
from coursekit.figures.blit import BlitFigure
from nnlib.data import as_image
from nnlib.errors import check_inputs, describe, fail


class DigitFigure(LiveFigure):
    """One digit drawn as a 28x28 grid of grey levels (0 = dark, 1 = lit).

    update(x=..., title=...) swaps the image data in place.
    """

    def __init__(self, x, title="", width=3.6, height=3.8):
        super().__init__(width, height)
        self.ax = self.axes()
        self.image = self.ax.imshow(as_image(x), cmap=SEQUENTIAL, vmin=0, vmax=1)
        self.ax.set_xticks([])
        self.ax.set_yticks([])
        self.title = self.ax.set_title(title)
        self.fig.subplots_adjust(left=0.04, right=0.96, bottom=0.04, top=0.88)

    def update(self, x=None, title=None):
        if x is not None:
            self.image.set_data(as_image(x))
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
            self.images.append(ax.imshow(as_image(x), cmap=SEQUENTIAL, vmin=0, vmax=1))
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
                image.set_data(as_image(x))
        if titles is not None:
            if len(titles) != len(self.titles):
                fail(f"{len(self.titles)} titles, one per digit", describe(titles))
            for text, title in zip(self.titles, titles):
                text.set_text(str(title))
        self.redraw()




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
        self.ax_grid = add_axes(self, [0.09 * s, 0.12, 0.41 * s, side])
        self.ax_col = add_axes(self, [0.83 * s, 0.12, 0.04 * s, side])
        grid = as_image(x)
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
        # Lines from the marked row to its 28 entries, and from the pixel to its entry:
        # plain lines in figure coordinates (a ConnectionPatch costs 10x more per draw).
        self.links = [self.fig.add_artist(Line2D([0, 0], [0, 0], color=color, lw=lw,
                                                 solid_capstyle="butt", transform=self.fig.transFigure))
                      for color, lw in ((ACCENT, 1), (ACCENT, 1), (HIGHLIGHT, 2))]
        for ax in (self.ax_grid, self.ax_col):   # data -> figure must be final before a draw:
            ax.get_xlim()                          # settle pending autoscaling (the mark widens x)
            ax.apply_aspect()                      # and the box of an equal-aspect image
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
            grid = as_image(x)
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
        to_figure = self.fig.transFigure.inverted()
        for link, (grid_xy, column_xy) in zip(self.links, ends):
            a, b = to_figure.transform([self.ax_grid.transData.transform(grid_xy),
                                        self.ax_col.transData.transform(column_xy)])
            link.set_data([a[0], b[0]], [a[1], b[1]])
        self.index_text.set_text(f"pixel (r={r}, c={c})\ni = 28·{r} + {c} = {i}")


def _check_pixel(pixel):
    """(r, c) with 0 <= r, c <= 27, as two ints."""
    ok = (isinstance(pixel, (tuple, list)) and len(pixel) == 2
          and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in pixel))
    if not ok or not (0 <= pixel[0] < 28 and 0 <= pixel[1] < 28):
        fail("pixel as (row, column), two whole numbers from 0 to 27", describe(pixel),
             "Rows and columns are counted from 0, so the last one is 27.")
    return int(pixel[0]), int(pixel[1])


def add_axes(live, rect):
    """Axes at `rect` = [left, bottom, width, height] (figure fractions), in the house style."""
    with matplotlib.rc_context(STYLE):
        return live.fig.add_axes(rect)
