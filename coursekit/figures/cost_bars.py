"""How wrong is the network? Its outputs beside the wanted ones, and the cost as bars.

Drawn with plots.blit: still parts (axes, ticks, labels) once, then only the
moving bars per tick (~1 ms instead of ~25 ms for a full redraw).
"""
import numpy as np

from coursekit.figures.base import ACCENT, HIGHLIGHT, NEGATIVE, SEQUENTIAL
from coursekit.figures.blit import Bars, BlitFigure
from nnlib.data import as_image


class CostBarsFigure(BlitFigure):
    """One digit, the network's 10 outputs beside the wanted ones, and the squared differences.

    x (784,) the digit; y_hat (10,) the outputs; label the right digit.
    The cost of this example is the sum of the right-hand bars.
    update(x=, y_hat=, label=, average=, selected=, title=) changes any of them.
    `average` (a number) adds a headline: the average cost over a batch.
    """

    def __init__(self, x, y_hat, label, average=None, batch_text="the batch", title="",
                 selected=None, width=10.5, height=4.2):
        super().__init__(width, height)
        self.batch_text = batch_text
        grid = self.fig.add_gridspec(1, 3, width_ratios=[1.0, 1.7, 1.7], wspace=0.35)
        ax_img, ax_out, ax_sq = (self.axes(grid[i]) for i in range(3))
        self.image = ax_img.imshow(as_image(x), cmap=SEQUENTIAL, vmin=0, vmax=1)
        ax_img.set_xticks([])
        ax_img.set_yticks([])
        self.digit_title = self.moving(ax_img.set_title(title))
        digits = np.arange(10)
        self.marker = self.moving(ax_out.axvspan(-0.5, 0.5, color="0.85", zorder=0, label=None
                                                 if selected is None else "knobs shown"))
        self.outputs = Bars(ax_out, 10, ACCENT, 0.4, digits - 0.2, label="network's output")
        self.wanted = Bars(ax_out, 10, HIGHLIGHT, 0.4, digits + 0.2, label="wanted")
        ax_out.set(xticks=digits, ylim=(0, 1.05), xlim=(-0.6, 9.6), xlabel="output neuron (digit)",
                   ylabel="activation (0 to 1)")
        ax_out.legend(loc="upper left", bbox_to_anchor=(0.0, 1.25), ncol=3, frameon=False)
        self.squares = Bars(ax_sq, 10, NEGATIVE, 0.7)
        ax_sq.set(xticks=digits, ylim=(0, 1.05), xlim=(-0.6, 9.6), xlabel="output neuron (digit)",
                  ylabel="(output − wanted)²")
        self.cost_title = self.moving(ax_sq.set_title(" "))
        self.headline = self.moving(self.fig.suptitle(" ", y=0.99, fontsize=14))
        self.moving(*(b.collection for b in (self.outputs, self.wanted, self.squares)), self.image)
        self.fig.subplots_adjust(left=0.03, right=0.98, bottom=0.16, top=0.78)
        self.state = dict(y_hat=np.zeros(10), label=0, average=None, selected=None)
        self._apply(y_hat=y_hat, label=label, average=average, selected=selected)
        self.redraw()

    def update(self, x=None, y_hat=None, label=None, average=None, selected=None, title=None):
        if x is not None:
            self.image.set_data(as_image(x))
        if title is not None:
            self.digit_title.set_text(title)
        self._apply(y_hat=y_hat, label=label, average=average, selected=selected)
        self.redraw()

    def _apply(self, **changes):
        self.state.update({k: v for k, v in changes.items() if v is not None})
        y_hat = np.asarray(self.state["y_hat"], dtype=np.float64)
        wanted = np.eye(10)[int(self.state["label"])]
        squares = (y_hat - wanted) ** 2
        for bars, heights in ((self.outputs, y_hat), (self.wanted, wanted), (self.squares, squares)):
            bars.set_heights(np.minimum(heights, 1.05))
        self.cost_title.set_text(f"cost of this digit = sum = {squares.sum():.3f}")
        selected = self.state["selected"]
        self.marker.set_visible(selected is not None)
        if selected is not None:
            self.marker.set_x(int(selected) - 0.5)
        average = self.state["average"]
        if average is not None:
            self.headline.set_text(f"average cost over {self.batch_text}: {average:.3f}")


class CostCurvesFigure(BlitFigure):
    """Quadratic cost and cross-entropy against p, the output for the right digit.

    Left: the cost of that output. Right: how hard each cost pushes the
    weighted sum z of that output, |dC/dz|, for a sigmoid output with the
    quadratic cost and a softmax output with cross-entropy. update(p=) moves
    the markers.
    """

    def __init__(self, p=0.05, width=10.0, height=3.8):
        super().__init__(width, height)
        ps = np.linspace(0.005, 1, 400)
        ax_c, ax_g = self.axes(1, 2, 1), self.axes(1, 2, 2)
        curves = {"quadratic": ((1 - ps) ** 2, 2 * (1 - ps) * ps * (1 - ps), ACCENT, "-"),
                  "cross-entropy": (-np.log(ps), 1 - ps, NEGATIVE, "--")}
        self.points = []
        for name, (c, g, colour, style) in curves.items():
            ax_c.plot(ps, c, style, color=colour, lw=2.5, label=name)
            ax_g.plot(ps, g, style, color=colour, lw=2.5, label=name)
            self.points.append(ax_c.plot([], [], "o", color=colour, ms=10)[0])
            self.points.append(ax_g.plot([], [], "o", color=colour, ms=10)[0])
        ax_c.set(xlabel="output for the right digit, p", ylabel="cost of this example", ylim=(0, 5),
                 title="the penalty")
        ax_g.set(xlabel="output for the right digit, p", ylabel="|dC/dz|: push on z", ylim=(0, 1.05),
                 title="the push to learn")
        ax_c.legend(frameon=False)
        self.moving(*self.points)
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.17, top=0.88, wspace=0.3)
        self._p = p
        self._place(p)
        self.redraw()

    def update(self, p=None):
        if p is not None:
            self._place(p)
        self.redraw()

    def _place(self, p):
        p = float(np.clip(p, 0.005, 1))
        values = [(1 - p) ** 2, 2 * (1 - p) * p * (1 - p), -np.log(p), 1 - p]
        for point, value in zip(self.points, values):
            point.set_data([p], [min(value, 5)])

