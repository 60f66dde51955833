"""What the two hidden layers look for, drawn so that training can redraw it a few times a second.

LayerImagesFigure shows, for each of the 16 neurons of hidden layer 1 and of
hidden layer 2, a 28 x 28 image of what raises its weighted sum (orange) and
what lowers it (purple); coursekit.inspect_layers.pixel_templates computes the
images. TopDigitsFigure shows, for each neuron of a layer, the digits that
excite it most. Both work without widgets (a notebook shows them as PNGs);
the training app calls LayerImagesFigure.update(net=...) while it trains.

Speed: LayerImagesFigure is a BlitFigure. Its axes, titles and colour bars
are drawn once; an update paints only two mosaics of 16 tiles and two short
texts over the saved background, so one update costs a few milliseconds
instead of a full draw (benchmarks/widget_update.py measures it).
"""
import matplotlib
import numpy as np
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize

from coursekit.figures.base import DIVERGING, SEQUENTIAL, LiveFigure, colour_limit
from coursekit.figures.blit import BlitFigure
from coursekit.inspect_layers import pixel_templates

SIDE, GAP, ROW_GAP = 28, 3, 9   # a tile is 28 x 28 pixels; white pixels between tiles (room for numbers)
COLOURS = np.round(255 * matplotlib.colormaps[DIVERGING](np.linspace(0, 1, 256))).astype(np.uint8)
LAYER_TITLES = {1: "layer 1: its weights from the 784 pixels",
                2: "layer 2: its weights over layer 1, as a weighted sum of layer 1's images"}


class LayerImagesFigure(BlitFigure):
    """For each neuron of hidden layers 1 and 2 (16 each), a 28x28 image of what it looks for.

    net: a network with two hidden layers after a 784-pixel input. Each layer
    is one mosaic of `n` tiles (one image: drawing 16 small images costs 16
    times one), with its own colour scale, symmetric around 0 (its colour bar
    shows the signs; the text under it the weight at the ends of the scale).
    update(net=, title=) repaints only the two mosaics and the texts.
    """

    def __init__(self, net, n=16, columns=8, title="", width=10.5, height=6.4):
        super().__init__(width, height)
        self.n, self.columns, self.rows = n, columns, -(-n // columns)
        grid = self.fig.add_gridspec(2, 2, width_ratios=[1, 0.025], wspace=0.03, hspace=0.28)
        self.mosaics, self.scales = {}, {}
        for layer in (1, 2):
            ax = self.axes(grid[layer - 1, 0])
            image = ax.imshow(self._mosaic(np.zeros((n, 784))), interpolation="nearest")
            self.mosaics[layer] = self.moving(image)
            ax.set_axis_off()
            ax.set_title(LAYER_TITLES[layer], fontsize=11, loc="left", pad=14)
            for k in range(n):                            # counted from 0, as weights[l-1][k]
                row, col = divmod(k, columns)
                ax.text(col * (SIDE + GAP) + SIDE / 2, row * (SIDE + ROW_GAP) - 0.8, f"{k}",
                        ha="center", va="bottom", fontsize=9)
            bar = self.fig.colorbar(ScalarMappable(Normalize(-1, 1), DIVERGING),
                                    cax=self.axes(grid[layer - 1, 1]))
            bar.set_ticks([-1, 0, 1])
            bar.set_ticklabels(["−", "0", "+"])
            self.scales[layer] = self.moving(bar.ax.text(0.5, -0.04, "", ha="center", va="top",
                                                         fontsize=9, transform=bar.ax.transAxes))
        self.title = self.moving(self.fig.text(0.01, 0.99, title, fontsize=12, va="top"))
        self.fig.subplots_adjust(left=0.01, right=0.95, bottom=0.05, top=0.9)
        self.update(net=net)

    def _mosaic(self, templates):
        """(n, 784) values in [-1, 1] -> one RGBA image (H, W, 4) uint8 of 28x28 tiles, clear between them.

        Coloured here through a 256-colour table: matplotlib then only copies
        pixels, three times faster than colouring floats itself per update.
        """
        out = np.zeros((self.rows * (SIDE + ROW_GAP) - ROW_GAP, self.columns * (SIDE + GAP) - GAP, 4),
                       dtype=np.uint8)                            # alpha 0: the numbers show through
        shades = np.clip(np.rint((np.asarray(templates) + 1) * 127.5), 0, 255).astype(np.uint8)
        for k, t in enumerate(COLOURS[shades[:self.n]]):
            row, col = divmod(k, self.columns)
            out[row * (SIDE + ROW_GAP):row * (SIDE + ROW_GAP) + SIDE,
                col * (SIDE + GAP):col * (SIDE + GAP) + SIDE] = t.reshape(SIDE, SIDE, 4)
        return out

    def update(self, net=None, title=None):
        """Show `net`'s images (its current weights); `title` replaces the line on top."""
        if net is not None:
            for layer in (1, 2):
                templates = pixel_templates(net, layer)[:self.n]          # (16, 784)
                limit = colour_limit(templates)
                self.mosaics[layer].set_data(self._mosaic(templates / limit))   # the scale stays ±1
                self.scales[layer].set_text(f"±{limit:.2g}")
        if title is not None:
            self.title.set_text(title)
        self.redraw()


class TopDigitsFigure(LiveFigure):
    """For each neuron of a hidden layer, the `k` digits of X that excite it most, side by side.

    X: (N, 784) digits; scores: (N, n) how much each digit excites each
    neuron (e.g. inspect_layers.weighted_sums(net, X)); labels: optional (N,) for the titles.
    update() only redraws: the figure shows one network's answer.
    """

    def __init__(self, X, scores, labels=None, k=5, columns=4, title="", width=10.5):
        scores = np.asarray(scores)
        n = scores.shape[1]
        rows = -(-n // columns)
        super().__init__(width, 0.8 * rows + 0.7)
        top = np.argsort(-scores, axis=0, kind="stable")[:k]            # (k, n) digit numbers
        for j in range(n):
            ax = self.axes(rows, columns, j + 1)
            strip = np.hstack([np.asarray(X[i]).reshape(28, 28) for i in top[:, j]])
            ax.imshow(strip, cmap=SEQUENTIAL, vmin=0, vmax=1)
            ax.set(xticks=[], yticks=[])
            shown = "" if labels is None else ": " + " ".join(str(labels[i]) for i in top[:, j])
            ax.set_title(f"neuron {j}{shown}", fontsize=10, pad=2)
        self.fig.suptitle(title, fontsize=12)
        self.fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.86 if title else 0.93,
                                 wspace=0.05, hspace=0.35)
        self.redraw()

    def update(self):
        self.redraw()
