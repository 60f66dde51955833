"""Learning curves: the cost and the accuracy after every epoch of training.

TrainingCurvesFigure draws one or more runs (say "sigmoid" and "relu")
side by side: the training cost on the left; on the right the accuracy on
the training digits (dashed) and on held-out test digits (solid). During
training a widget calls update(history=..., run=...) after each epoch;
the lines get their new data with set_data, nothing is rebuilt. It is a
BlitFigure: the lines and the title are its moving artists, drawn over a saved
picture of the axes, so an epoch that keeps the axis limits costs a few
milliseconds, not a full draw (the training app redraws it a few times a second).
"""
import numpy as np
from matplotlib.ticker import MaxNLocator

from coursekit.figures.base import ACCENT, HIGHLIGHT, NEGATIVE
from coursekit.figures.blit import BlitFigure
from nnlib.errors import fail

# Okabe-Ito colours, readable for colour-blind eyes; one per run.
RUN_COLOURS = (ACCENT, HIGHLIGHT, NEGATIVE, "#009E73", "#CC79A7", "#56B4E9")


class TrainingCurvesFigure(BlitFigure):
    """Cost and accuracy per epoch for each run in `runs` (names); `epochs` sets the x axis.

    histories: optional {run: History} drawn at once. update(history=, run=,
    title=) replaces one run's lines; clear(run) empties them.
    """

    def __init__(self, histories=None, runs=None, epochs=10, cost_name="cost", title="",
                 width=10.5, height=4.0):
        super().__init__(width, height)
        histories = dict(histories or {})
        runs = list(runs or histories or ["training"])
        if len(runs) > len(RUN_COLOURS):
            fail(f"at most {len(RUN_COLOURS)} runs", f"{len(runs)}")
        self.ax_cost, self.ax_acc = self.axes(1, 2, 1), self.axes(1, 2, 2)
        self.lines = {}
        for run, colour in zip(runs, RUN_COLOURS):
            label = "" if len(runs) == 1 else f"{run}: "
            self.lines[run] = dict(
                cost=self.ax_cost.plot([], [], "-o", color=colour, lw=2.5, ms=4, label=run)[0],
                train=self.ax_acc.plot([], [], "--", color=colour, lw=2, label=f"{label}training digits")[0],
                test=self.ax_acc.plot([], [], "-o", color=colour, lw=2.5, ms=4, label=f"{label}test digits")[0])
        self._label_axes(cost_name)
        if len(runs) > 1:
            self.ax_cost.legend(frameon=False, loc="upper right")
        self.ax_acc.legend(frameon=False, loc="lower right", fontsize=10)
        self.title = self.fig.suptitle(title, fontsize=13)
        self.moving(self.title, *[line for lines in self.lines.values() for line in lines.values()])
        self.epochs = max(1, int(epochs))
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.15, top=0.82, wspace=0.28)
        for run, history in histories.items():
            self._set(run, history)
        self._rescale()
        self.redraw()

    def _label_axes(self, cost_name):
        self.ax_cost.set(xlabel="epoch", ylabel=_cost_label(cost_name), title="cost (lower is better)")
        self.ax_acc.set(xlabel="epoch", ylabel="digits read correctly",
                        title="accuracy (higher is better)")
        self.ax_acc.yaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
        for ax in (self.ax_cost, self.ax_acc):
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))

    def update(self, history=None, run=None, title=None, cost_name=None):
        """Show `history` (a training.History) as run `run` (the first run if not given)."""
        if cost_name is not None:
            self.ax_cost.set_ylabel(_cost_label(cost_name))
            self._rescale()
        if history is not None:
            self._set(run if run is not None else next(iter(self.lines)), history)
            self._rescale()
        if title is not None:
            self.title.set_text(title)
        self.redraw()

    def clear(self, run=None):
        """Empty one run's lines (all runs if None), e.g. before training a fresh network."""
        for name in ([run] if run is not None else list(self.lines)):
            for line in self._lines(name).values():
                line.set_data([], [])
        self._rescale()
        self.redraw()

    def _lines(self, run):
        if run not in self.lines:
            fail(f"a run named one of {list(self.lines)}", repr(run))
        return self.lines[run]

    def _set(self, run, history):
        lines, epochs = self._lines(run), np.arange(1, history.epochs + 1)
        lines["cost"].set_data(epochs, history.cost)
        lines["train"].set_data(epochs, history.train_accuracy)
        lines["test"].set_data(epochs[:len(history.test_accuracy)], history.test_accuracy)

    def _rescale(self):
        """Axis limits that fit every line: the x axis grows by `epochs` at a time if training runs longer.

        In steps, not per epoch: a change of limits needs a full redraw, the same limits a blit.
        """
        def values(kind):
            arrays = [np.asarray(lines[kind].get_ydata(), dtype=float) for lines in self.lines.values()]
            arrays = [a[np.isfinite(a)] for a in arrays if len(a)]
            return np.concatenate(arrays) if arrays else np.array([])
        longest = max(len(lines["cost"].get_xdata()) for lines in self.lines.values())
        n = self.epochs * max(1, -(-longest // self.epochs))
        for ax in (self.ax_cost, self.ax_acc):
            ax.set_xlim(0.5, n + 0.5)
        cost, accuracy = values("cost"), np.concatenate([values("train"), values("test")])
        self.ax_cost.set_ylim(0, 1.08 * cost.max() if cost.size and cost.max() > 0 else 1)
        low = np.floor(20 * accuracy.min()) / 20 if accuracy.size else 0
        self.ax_acc.set_ylim(min(low, 0.9), 1.0)
        # What the saved background shows: a new one is drawn when any of it changes.
        self.background_key = (self.ax_cost.get_xlim(), self.ax_cost.get_ylim(), self.ax_acc.get_ylim(),
                               self.ax_cost.get_ylabel())


def _cost_label(cost_name):
    return "training cost" if cost_name == "cost" else f"training cost\n({cost_name})"
