"""Turn a few knobs of the network by hand and watch the cost."""
import functools

import ipywidgets as w

from coursekit import knobs as knobs_
from coursekit.apps.base import (App, FigureView, as_slider_shows, dropdown, float_slider,
                                 int_slider, on_change, on_grid, readout, set_readout)
from coursekit.figures.cost_bars import CostBarsFigure


def cost_knobs(net, X, y, sources=None, limit=6.0):
    """Sliders on the last layer's knobs; outputs, this digit's cost and the average cost follow.

    net: the network (left unchanged: the app turns the knobs of a copy).
    X (N, 784), y (N,): the batch whose average cost is shown; one digit of it
    is drawn. sources: the two neurons of the last hidden layer whose weights
    get sliders (default: the two whose activations vary most over X).
    The knobs: the bias of each output neuron and its weights from `sources`,
    chosen with a drop-down: 30 knobs of the 13,002.
    """
    L = len(net.sizes) - 1
    if sources is None:
        sources = [int(k) for k in knobs_.liveliest_neurons(net, X, L - 1)]
    return CostKnobs(net, X, y, sources, limit).app()


class CostKnobs:
    """The state of cost_knobs: the KnobBoard being turned, the sliders of one output neuron,
    and the best average cost so far. While the sliders are moved to another neuron's
    values (loading), they turn nothing."""

    def __init__(self, net, X, y, sources, limit):
        self.X, self.y, self.n_params, self.sources = X, y, net.n_params, sources
        self.board = board = knobs_.KnobBoard(net, X, y, knobs_.last_layer_knobs(net, sources))
        self.n_out = net.sizes[-1]
        self.figure = CostBarsFigure(X[0], board.outputs()[0], y[0], average=board.average_cost(),
                                     batch_text=f"{len(X):,} digits", title=f"digit #0, label {y[0]}",
                                     selected=0)
        self.view = FigureView(self.figure)
        self._make_controls(limit)
        self.line, self.status = readout(), readout()
        self.best, self.loading = board.average_cost(), False
        for i, slider in enumerate(self.sliders):
            on_change(slider, functools.partial(self.on_turn, i))
        on_change(self.digit, self.on_digit)
        on_change(self.neuron, self.on_neuron)
        self.reset.on_click(self.on_reset)
        self.on_neuron(None)

    def _make_controls(self, limit):
        self.digit = int_slider("digit shown", 0, 0, len(self.X) - 1)
        self.neuron = dropdown("output neuron", [(f"{j} (the '{j}' output)", j)
                                                 for j in range(self.n_out)], 0)
        # one decimal, as the status line prints a move: slider and read-out show the same digits
        self.sliders = [float_slider("bias", 0.0, -limit, limit, 0.1, fmt=".1f")]
        self.sliders += [float_slider(f"w from hidden {k}", 0.0, -limit, limit, 0.1, fmt=".1f")
                         for k in self.sources]
        self.reset = w.Button(description="Reset all knobs", icon="undo")
        for control in (self.digit, self.neuron, *self.sliders):
            control.layout = w.Layout(width="400px")   # two columns that fit a laptop screen

    def app(self):
        controls = {"digit": self.digit, "neuron": self.neuron, "bias": self.sliders[0],
                    "reset": self.reset}
        controls.update({f"weight_h{k}": s for k, s in zip(self.sources, self.sliders[1:])})
        children = [w.HBox([w.VBox([self.digit, self.neuron, self.reset]), w.VBox(self.sliders)]),
                    self.view, self.line, self.status]
        app = App(children, controls=controls, figures=[self.view],
                  readouts={"cost": self.line, "status": self.status},
                  title="turn the knobs, watch the cost")
        app.board = self.board
        return app

    def knob_of(self, i):
        """The board's index of slider i for the selected output neuron."""
        j = self.neuron.value
        return j if i == 0 else self.n_out + j * len(self.sources) + (i - 1)

    def show(self, message=None):
        i, board = self.digit.value, self.board
        average = board.average_cost()
        self.best = min(self.best, average)
        self.figure.update(x=self.X[i], y_hat=board.outputs()[i], label=self.y[i], average=average,
                           selected=self.neuron.value, title=f"digit #{i}, label {self.y[i]}")
        self.view.refresh()
        set_readout(self.line, f"this digit's cost {board.example_costs()[i]:.3f} · average cost "
                               f"over {len(self.X):,} digits {average:.3f} · your best {self.best:.3f}")
        set_readout(self.status, message or self.turned())

    def turned(self):
        return f"You have turned {len(self.board.changed())} of the {self.n_params:,} knobs."

    def on_digit(self, _value):
        self.show()

    def on_turn(self, i, value):
        if self.loading:
            return
        before = self.board.average_cost()
        self.board.set(self.knob_of(i), value)
        shown = as_slider_shows(value, self.sliders[i])      # the digits the slider shows
        shown = shown if shown.startswith("-") else "+" + shown
        # Name the move and what it did: a small step on a saturated output moves no bar
        # by a pixel and no 3-decimal cost, but this line changes at every step.
        self.show(f"{self.turned()} Last move: {self.sliders[i].description} of output "
                  f"{self.neuron.value} to {shown}, average cost "
                  f"{self.board.average_cost() - before:+.5f}.")

    def on_neuron(self, _value):
        self.loading = True          # moving the sliders to this neuron's values turns nothing
        for i, slider in enumerate(self.sliders):
            slider.value = on_grid(self.board.value(self.knob_of(i)), slider)
        self.loading = False
        self.show()

    def on_reset(self, _button):
        self.board.reset()
        self.on_neuron(None)
        self.show(f"Reset: every knob is back where it started (average cost "
                  f"{self.board.average_cost():.3f}).")
