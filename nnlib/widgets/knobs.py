"""Turn the knobs of a trained network: one weight or one bias, and watch every layer."""
import ipywidgets as w
import numpy as np

from nnlib import neurons
from nnlib.plots.layers import NetworkActivityFigure
from nnlib.widgets.base import (LABEL_STYLE, App, FigureView, dropdown, float_slider,
                                int_slider, on_change, readout, set_readout)

TOP = 8          # how many incoming weights the weight menu offers (the most influential)
LIMIT = 10.0     # slider range for a weight or a bias: wider than any trained value


def network_knobs(net, X, y, digit=0):
    """Sliders on single weights and biases of `net` (a copy is changed, never `net`).

    X (N, 784), y (N,): the digits to feed in; the accuracy read-out uses all N.
    Neurons are listed most influential first (what silencing them would do to
    the outputs for this digit), and so are the weights into the chosen neuron.
    """
    net, trained = net.copy(), net.copy()
    y = np.asarray(y)
    base_accuracy = trained.accuracy(X, y)
    sums = neurons.FirstLayerSums(net, X)      # keeps the accuracy read-out cheap per tick
    L = len(net.sizes) - 1

    pick_digit = int_slider("digit shown", digit, 0, len(X) - 1)
    layer = w.ToggleButtons(options=[(f"hidden layer {l}", l) for l in range(1, L)]
                            + [(f"output layer {L}", L)], value=1, description="layer",
                            style=LABEL_STYLE)
    neuron = dropdown("neuron", [("neuron 0", 0)])
    source = dropdown("weight from", [("-", 0)])
    weight = float_slider("weight w", 0.0, -LIMIT, LIMIT, 0.05)
    bias = float_slider("bias b", 0.0, -LIMIT, LIMIT, 0.05)
    reset = w.Button(description="reset all knobs", layout=w.Layout(width="180px"))
    knob_text, output_text = readout(), readout()
    figure = NetworkActivityFigure(X[digit], trained.trace(X[digit]).activations[1:])
    view = FigureView(figure)
    state = {"busy": False}

    def selection():
        return layer.value, neuron.value, source.value

    def fill_neurons():
        """The neuron menu for this layer and digit, most influential first."""
        influence = neurons.neuron_influence(net, X[pick_digit.value], layer.value)
        order = neurons.ranked(influence)
        neuron.options = [(f"neuron {j}  (influence {influence[j]:.2f})", int(j)) for j in order]
        neuron.value = int(order[0])

    def fill_sources():
        """The weight menu: the incoming weights with the largest w·a for this digit."""
        l, j, _ = selection()
        terms = neurons.weight_contributions(net, X[pick_digit.value], l, j)
        names = ([f"pixel (row {k // 28}, col {k % 28})" for k in range(784)] if l == 1
                 else [f"neuron {k} of layer {l - 1}" for k in range(len(terms))])
        source.options = [(f"{names[k]}: w·a = {terms[k]:+.2f}", int(k))
                          for k in neurons.ranked(terms, TOP)]
        source.value = source.options[0][1]

    def fill_sliders():
        l, j, k = selection()
        weight.value = float(net.weights[l - 1][j, k])
        bias.value = float(net.biases[l - 1][j])

    def draw():
        l, j, k = selection()
        x = X[pick_digit.value]
        a = net.trace(x).activations[1:]
        figure.update(x=x, activations=a, reference=trained.trace(x).activations[1:],
                      selected=(l, j), source=k)
        view.refresh()
        w_now, w_was = net.weights[l - 1][j, k], trained.weights[l - 1][j, k]
        b_now, b_was = net.biases[l - 1][j], trained.biases[l - 1][j]
        set_readout(knob_text, f"layer {l}, neuron {j}:  w = {w_now:.2f} (trained {w_was:.2f}),  "
                               f"b = {b_now:.2f} (trained {b_was:.2f})")
        accuracy = np.mean(sums.predict(net) == y)
        set_readout(output_text, f"this {y[pick_digit.value]} is read as {int(np.argmax(a[-1]))}; "
                                 f"accuracy on these {len(X):,} digits: {accuracy:.1%} "
                                 f"(trained: {base_accuracy:.1%})")

    def handler(*steps):
        """Run the menu/slider syncing steps once, ignoring the changes they cause, then draw."""
        def run(_value):
            if state["busy"]:
                return
            state["busy"] = True
            try:
                for step in steps:
                    step()
            finally:
                state["busy"] = False
            draw()
        return run

    def set_weight():
        l, j, k = selection()
        if l == 1:
            sums.set_weight(net, j, k, weight.value)
        else:
            net.weights[l - 1][j, k] = weight.value

    def set_bias():
        l, j, _ = selection()
        net.biases[l - 1][j] = bias.value

    def restore():
        net.set_parameters(trained.parameters())
        sums.reset(net)
        fill_sliders()

    def on_reset(_button):
        handler(restore)(None)
        set_readout(knob_text, f"all {net.n_params:,} weights and biases are back to their "
                               f"trained values")

    on_change(pick_digit, handler(fill_neurons, fill_sources, fill_sliders))
    on_change(layer, handler(fill_neurons, fill_sources, fill_sliders))
    on_change(neuron, handler(fill_sources, fill_sliders))
    on_change(source, handler(fill_sliders))
    on_change(weight, handler(set_weight))
    on_change(bias, handler(set_bias))
    reset.on_click(on_reset)
    handler(fill_neurons, fill_sources, fill_sliders)(None)
    controls = {"digit": pick_digit, "layer": layer, "neuron": neuron, "source": source,
                "weight": weight, "bias": bias, "reset": reset}
    app = App([pick_digit, layer, neuron, source, w.HBox([weight, reset]), bias, knob_text,
              output_text, view], controls=controls, figures=[view],
              readouts={"knob": knob_text, "output": output_text},
              title="the knobs of a trained network")
    app.network = net          # the copy being changed (tests and curious learners read it)
    return app
