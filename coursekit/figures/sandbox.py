"""What a bigger or smaller network buys: test accuracy against the number of parameters.

ShapeSandboxFigure draws, on a log axis of parameter counts, one point per
training run (labelled with its shape, "784-32-10"), the reference network as
a star, the task's 85 % line, a dotted line where the next run will land, and a
ring around the task's answer. All artists are made once, for at most
`max_runs` runs; update(...) only moves them (set_offsets, set_position,
set_text) and draws the canvas once.

Colours (Okabe-Ito, readable for colour-blind eyes; shape tells them apart too):
sigmoid runs blue circles, ReLU runs reddish-purple squares, the reference an
orange star, the answer a black ring: no tint is used twice.
"""
import numpy as np
from matplotlib.lines import Line2D

from coursekit.figures.base import ACCENT, HIGHLIGHT
from coursekit.figures.blit import BlitFigure
from coursekit.shapes import THRESHOLD

STYLES = {"sigmoid": dict(marker="o", color=ACCENT), "relu": dict(marker="s", color="#CC79A7")}
REFERENCE_COLOUR, ANSWER_COLOUR, LINE_COLOUR = HIGHLIGHT, "black", "0.45"
X_RANGE = (400, 120_000)          # 784-1-10 has 805 parameters, 784-64-64-64-10 has 59,210
EMPTY = np.empty((0, 2))


class ShapeSandboxFigure(BlitFigure):
    """Test accuracy (y) against parameter count (x, log scale), one point per run.

    reference: (name, n_params, test_accuracy) of the reference network, or None.
    update(runs=, current=, planned=, answer=, title=): runs a list of coursekit.shapes.Run
    (the last max_runs - 1 are shown), current the run still training (hollow), planned the
    (name, n_params) of the shape chosen now, answer the Run to ring (or None).
    """

    def __init__(self, reference=None, runs=(), planned=None, answer=None, threshold=THRESHOLD,
                 max_runs=12, title="", width=10.5, height=5.0):
        super().__init__(width, height)
        self.ax, self.max_runs = self.axes(), int(max_runs)
        self.ax.set(xscale="log", xlim=X_RANGE, ylim=(0, 1.02), xlabel="number of parameters (log scale)",
                    ylabel="test digits read correctly")
        self.ax.yaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
        self.ax.xaxis.set_major_formatter(lambda value, _: f"{value:,.0f}")
        self.ax.axhline(threshold, color=LINE_COLOUR, lw=1.5, ls="--")
        self.ax.text(X_RANGE[0] * 1.05, threshold + 0.012, f"the task: beat {threshold:.0%}",
                     color=LINE_COLOUR, fontsize=10)
        self._draw_reference(reference)
        self.points = {kind: self.ax.scatter([], [], s=70, zorder=3, label=f"a {kind} run", **style)
                       for kind, style in STYLES.items()}
        self.running = self.ax.scatter([], [], s=70, zorder=3, facecolors="none", edgecolors="0.2",
                                       linewidths=1.5)
        self.ring = self.ax.scatter([], [], s=320, zorder=2, facecolors="none", edgecolors=ANSWER_COLOUR,
                                    linewidths=2.5)
        self.labels = [self.ax.text(1, 0, "", fontsize=9, visible=False, zorder=4)
                       for _ in range(self.max_runs)]
        self.plan_line = self.ax.axvline(X_RANGE[0], color=LINE_COLOUR, lw=1.5, ls=":", visible=False)
        self.plan_text = self.ax.text(X_RANGE[0], 0.03, "", color=LINE_COLOUR, fontsize=10)
        self._legend(threshold)
        self.title = self.ax.set_title(title)
        self.moving(self.plan_line, self.plan_text)    # all else is the saved background
        self.fig.subplots_adjust(left=0.08, right=0.76, bottom=0.12, top=0.92)
        self.update(runs=runs, planned=planned, answer=answer)

    def _draw_reference(self, reference):
        if reference is None:
            return
        name, n_params, accuracy = reference
        self.ax.scatter([n_params], [accuracy], s=260, marker="*", color=REFERENCE_COLOUR,
                        edgecolors="black", linewidths=0.8, zorder=3)
        self.ax.annotate(f"reference {name}\n(shipped, {accuracy:.1%})", (n_params, accuracy),
                         xytext=(0, -34), textcoords="offset points", ha="center", fontsize=10,
                         color="black")

    def _legend(self, threshold):
        handles = [Line2D([], [], ls="none", ms=9, label=f"a {kind} run", **style)
                   for kind, style in STYLES.items()]
        handles += [Line2D([], [], ls="none", marker="o", ms=9, mfc="none", mec="0.2", label="training now"),
                    Line2D([], [], ls="none", marker="*", ms=14, color=REFERENCE_COLOUR, mec="black",
                           label="reference network"),
                    Line2D([], [], ls="none", marker="o", ms=16, mfc="none", mec=ANSWER_COLOUR, mew=2.5,
                           label=f"smallest above {threshold:.0%}")]
        self.ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False,
                       fontsize=10)

    def update(self, runs=None, current=None, planned=None, answer=None, title=None):
        """Move the artists to show `runs` (with `current`, the run still training, or None),
        the `planned` shape and the `answer` (see the class)."""
        full = runs is not None or title is not None       # the background changes
        if runs is not None:
            self._show_runs(list(runs)[-(self.max_runs - 1):], current)
            self.ring.set_offsets(EMPTY if answer is None else [[answer.n_params, answer.test_accuracy]])
        if planned is not None:
            name, n_params = planned
            self.plan_line.set_xdata([n_params, n_params])
            self.plan_line.set_visible(True)
            right_half = n_params > np.sqrt(X_RANGE[0] * X_RANGE[1])   # text on the side with room
            self.plan_text.set_position((n_params * (0.96 if right_half else 1.04), 0.03))
            self.plan_text.set_horizontalalignment("right" if right_half else "left")
            self.plan_text.set_text(f"next: {name}\n{n_params:,} parameters")
        if title is not None:
            self.title.set_text(title)
        self.redraw(full=full)

    def _show_runs(self, runs, current):
        """Finished runs as filled points of their activation's style, the one still training hollow."""
        for kind, points in self.points.items():
            points.set_offsets(_xy([run for run in runs if run.activation == kind]))
        self.running.set_offsets(_xy([] if current is None else [current]))
        shown = runs + ([] if current is None else [current])
        for label, run in zip(self.labels, shown + [None] * (self.max_runs - len(shown))):
            label.set_visible(run is not None)
            if run is not None:
                label.set_position((run.n_params * 1.06, run.test_accuracy + 0.012))
                label.set_text(run.name)


def _xy(runs):
    """The runs' points as an (n, 2) array: parameter count, test accuracy."""
    return np.array([(run.n_params, run.test_accuracy) for run in runs], dtype=float).reshape(-1, 2)
