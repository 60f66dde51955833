"""Turn a few knobs of the network by hand and watch the cost."""
import ipywidgets as w

from coursekit import knobs as knobs_
from coursekit.apps.base import (App, FigureView, dropdown, float_slider, int_slider, on_change,
                                 readout, set_readout)
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
    board = knobs_.KnobBoard(net, X, y, knobs_.last_layer_knobs(net, sources))
    n_out = net.sizes[L]
    figure = CostBarsFigure(X[0], board.outputs()[0], y[0], average=board.average_cost(),
                            batch_text=f"{len(X):,} digits", title=f"digit #0, label {y[0]}",
                            selected=0)
    view = FigureView(figure)
    digit = int_slider("digit shown", 0, 0, len(X) - 1)
    neuron = dropdown("output neuron", [(f"{j} (the '{j}' output)", j) for j in range(n_out)], 0)
    sliders = [float_slider("bias", 0.0, -limit, limit, 0.1)]
    sliders += [float_slider(f"w from hidden {k}", 0.0, -limit, limit, 0.1) for k in sources]
    reset = w.Button(description="Reset all knobs", icon="undo")
    line, status = readout(), readout()
    best = [board.average_cost()]
    loading = [False]     # True while the sliders are being moved to another neuron's values

    def knob_of(i):
        """The board's index of slider i for the selected output neuron."""
        j = neuron.value
        return j if i == 0 else n_out + j * len(sources) + (i - 1)

    def show(message=None):
        i = digit.value
        y_hat = board.outputs()
        average = board.average_cost()
        best[0] = min(best[0], average)
        figure.update(x=X[i], y_hat=y_hat[i], label=y[i], average=average, selected=neuron.value,
                      title=f"digit #{i}, label {y[i]}")
        view.refresh()
        set_readout(line, f"this digit's cost {board.example_costs()[i]:.3f} · average cost over "
                          f"{len(X):,} digits {average:.3f} · your best {best[0]:.3f}")
        turned = len(board.changed())
        set_readout(status, message or f"You have turned {turned} of the {net.n_params:,} knobs.")

    def turn(i, value):
        if not loading[0]:
            before = board.average_cost()
            board.set(knob_of(i), value)
            # Name the move and what it did: a small step on a saturated output moves no bar
            # by a pixel and no 3-decimal cost, but this line changes at every step.
            show(f"You have turned {len(board.changed())} of the {net.n_params:,} knobs. "
                 f"Last move: {sliders[i].description} of output {neuron.value} to {value:+.1f}, "
                 f"average cost {board.average_cost() - before:+.5f}.")

    def load_neuron(_):
        loading[0] = True          # moving the sliders to this neuron's values turns nothing
        for i, slider in enumerate(sliders):
            slider.value = round(board.value(knob_of(i)), 1)
        loading[0] = False
        show()

    def reset_all(_):
        board.reset()
        load_neuron(None)
        show(f"Reset: every knob is back where it started (average cost {board.average_cost():.3f}).")

    for i, slider in enumerate(sliders):
        on_change(slider, lambda value, i=i: turn(i, value))
    on_change(digit, lambda _: show())
    on_change(neuron, load_neuron)
    reset.on_click(reset_all)
    load_neuron(None)
    for control in (digit, neuron, *sliders):
        control.layout = w.Layout(width="400px")   # two columns that fit a laptop screen
    controls = {"digit": digit, "neuron": neuron, "bias": sliders[0], "reset": reset}
    controls.update({f"weight_h{k}": s for k, s in zip(sources, sliders[1:])})
    children = [w.HBox([w.VBox([digit, neuron, reset]), w.VBox(sliders)]), view, line, status]
    app = App(children, controls=controls, figures=[view],
              readouts={"cost": line, "status": status}, title="turn the knobs, watch the cost")
    app.board = board
    return app
