"""Digits as pictures: a 28x28 image is 784 activations between 0 and 1."""
import numpy as np

from nnlib.errors import check_inputs
from nnlib.plots.base import SEQUENTIAL, LiveFigure


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


def _as_grid(x):
    """(784,) activations -> (28, 28) grid, with the readable error for other shapes."""
    return np.asarray(check_inputs(x, 784)).reshape(28, 28)
