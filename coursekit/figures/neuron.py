"""One neuron of the first hidden layer: its 784 weights, and which digits make it fire.

Four panels, drawn once and updated in place:

    weights   the 784 weights as a 28x28 image (orange +, purple -, white 0)
    digit     the digit fed in, with w·a, z = w·a + b and a = σ(z) above it
    sums      a histogram of w·a over many digits; the line at -b is the
              threshold: digits right of it make the neuron fire
    by digit  the fraction of each digit 0..9 that makes it fire

The weighted sums of all digits are computed once per weight pattern (in
the widget), so moving the bias only moves the threshold: a cheap tick.
"""
import numpy as np
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from coursekit import neurons
from coursekit.figures.base import ACCENT, DIVERGING, HIGHLIGHT, SEQUENTIAL
from coursekit.figures.blit import Bars, BlitFigure
from nnlib.activations import sigmoid
from nnlib.data import as_image

N_BINS = 40
SILENT = "#BBBBBB"        # light grey: digits that leave the neuron silent
# Signed tick labels with a true minus sign: "−1.0", "0", "+1.0".
SIGNED = FuncFormatter(lambda v, _: f"{v:+.1f}".replace("-", "\u2212") if abs(v) > 1e-9 else "0")


class NeuronFigure(BlitFigure):
    """A neuron's weights w (784,), the sums of digits, and where the bias b puts the threshold.

    sums: (N,) w·x of the digits with labels y (N,); x: (784,) the digit shown,
    x_sum its w·x; label its label.
    update(w=, sums=, b=, x=, x_sum=, label=) changes any of them.
    """

    def __init__(self, w, sums, y, b=0.0, x=None, x_sum=None, label=None,
                 width=11.0, height=4.2):
        super().__init__(width, height)
        self.y = np.asarray(y)
        grid = self.fig.add_gridspec(1, 4, width_ratios=[1, 1, 1.5, 1.3], left=0.03, right=0.985,
                                     bottom=0.17, top=0.78, wspace=0.42)
        self.ax_w, self.ax_x = self.axes(grid[0]), self.axes(grid[1])
        self.ax_h, self.ax_d = self.axes(grid[2]), self.axes(grid[3])
        self._draw_weights(w)
        self._draw_digit(x)
        self._draw_histogram()
        self._draw_by_digit()
        self.readout = self.moving(self.fig.text(0.5, 0.955, "", ha="center", va="top",
                                                 fontsize=14))
        self.b, self.x_sum, self.label = float(b), x_sum, label
        self._set_sums(sums)
        self._set_bias(self.b)
        self._set_readout()

    # -- built once ------------------------------------------------------------

    def _draw_weights(self, w):
        limit = _limit(w)
        self.weights = self.ax_w.imshow(as_image(w), cmap=DIVERGING,
                                        vmin=-limit, vmax=limit)
        _no_ticks(self.ax_w)
        self.ax_w.set_title("weights w")
        bar = self.fig.colorbar(self.weights, ax=self.ax_w, orientation="horizontal",
                                fraction=0.08, pad=0.04, format=SIGNED)
        bar.set_ticks([-limit, 0, limit])
        bar.set_label("− lowers z     + raises z", fontsize=11)
        self.colorbar = bar

    def _draw_digit(self, x):
        x = np.zeros(784) if x is None else x
        self.digit = self.moving(self.ax_x.imshow(as_image(x), cmap=SEQUENTIAL,
                                                  vmin=0, vmax=1))
        _no_ticks(self.ax_x)
        self.digit_title = self.moving(self.ax_x.set_title("input a"))

    def _draw_histogram(self):
        ax = self.ax_h
        self.bars = Bars(ax, N_BINS, SILENT, width=1.0)
        self.threshold = ax.axvline(0.0, color=HIGHLIGHT, lw=3)
        # the digit shown: a black triangle under its sum (x in data, y in axes units)
        (self.marker,) = ax.plot([0.0], [0.04], "^", color="black", ms=12,
                                 transform=ax.get_xaxis_transform())
        ax.set_xlabel("weighted sum w·a")
        ax.set_ylabel("digits")
        self.hist_title = ax.set_title("")
        ax.legend(handles=[Patch(color=ACCENT, label="fires"), Patch(color=SILENT, label="silent")],
                  loc="upper right", fontsize=10, frameon=False, handlelength=1)
        self.moving(self.bars.collection, self.threshold, self.marker, self.hist_title)

    def _draw_by_digit(self):
        ax = self.ax_d
        self.rates = Bars(ax, 10, ACCENT)
        self.moving(self.rates.collection)
        ax.set_xlim(-0.6, 9.6)
        ax.set_xticks(np.arange(10))
        ax.set_ylim(0, 100)
        ax.set_xlabel("digit (label)")
        ax.set_ylabel("% that fire")
        ax.set_title("which digits fire it")

    # -- the updates ---------------------------------------------------------------

    def update(self, w=None, sums=None, b=None, x=None, x_sum=None, label=None):
        """Only a new pattern (w or sums) needs a full redraw: its colour scale and axes change."""
        if w is not None:
            limit = _limit(w)
            self.weights.set_data(as_image(w))
            self.weights.set_clim(-limit, limit)
            self.colorbar.set_ticks([-limit, 0, limit])
        if x is not None:
            self.digit.set_data(as_image(x))
        if label is not None:
            self.label = label
        if x_sum is not None:
            self.x_sum = float(x_sum)
        if sums is not None:
            self._set_sums(sums)
        if b is not None or sums is not None:
            self._set_bias(self.b if b is None else float(b))
        self._set_readout()
        self.redraw(full=w is not None or sums is not None)

    def _set_sums(self, sums):
        """New bins and bar heights for a new weight pattern (not per bias tick)."""
        self.sums = np.asarray(sums, dtype=float)
        low, high = float(self.sums.min()), float(self.sums.max())
        pad = 0.05 * (high - low) + 1e-9
        self.edges = np.linspace(low - pad, high + pad, N_BINS + 1)
        counts, _ = np.histogram(self.sums, self.edges)
        self.centres = 0.5 * (self.edges[:-1] + self.edges[1:])
        self.bars.set_positions(self.centres, self.edges[1] - self.edges[0])
        self.bars.set_heights(counts)
        self.ax_h.set_xlim(self.edges[0], self.edges[-1])
        self.ax_h.set_ylim(0, 1.1 * max(counts.max(), 1))

    def _set_bias(self, b):
        """Move the threshold to -b and recolour: cheap, the sums are already known."""
        self.b = b
        threshold = -b + 0.0                 # + 0.0 turns -0.0 into 0.0 for the title
        self.threshold.set_xdata([threshold, threshold])
        self.bars.set_colors(np.where(self.centres > threshold, ACCENT, SILENT))
        self.rates.set_heights(100 * neurons.firing_by_digit(self.sums, self.y, b))
        n_fire = int(np.count_nonzero(neurons.fires(self.sums, b)))
        self.hist_title.set_text(f"{n_fire} of {len(self.sums)} fire (w·a > {threshold:.1f})")

    def _set_readout(self):
        if self.label is not None:
            self.digit_title.set_text(f"input (label {self.label})")
        if self.x_sum is None:
            return
        z = self.x_sum + self.b
        a = float(sigmoid(z))
        self.marker.set_data([self.x_sum], [0.04])
        self.readout.set_text(f"this digit:  w·a = {self.x_sum:.1f}    z = w·a + b = {z:.1f}    "
                              f"a = σ(z) = {a:.3f}  ({'fires' if a > 0.5 else 'silent'})")


def _limit(w):
    """The colour scale's end: symmetric, so white always means a weight of 0."""
    return float(np.max(np.abs(w))) or 1.0


def _no_ticks(ax):
    """An image panel: no ticks, a thin frame all round (the 28x28 border)."""
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#888888")
