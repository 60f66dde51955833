"""One neuron, its weights and its bias: which real digits make it fire?"""
import numpy as np

from coursekit import neurons
from coursekit.apps.base import (App, FigureView, dropdown, float_slider, int_slider, on_change,
                                 readout, set_readout)
from coursekit.figures.neuron import NeuronFigure

PRESETS = {
    "stroke: a bar near the top": "stroke",
    "edge: ink above a line, none below": "edge",
    "loop: a ring around an empty centre": "loop",
    "random weights": "random",
}


def neuron_explorer(X, y, patterns=None, pattern="stroke: a bar near the top", b=0.0):
    """A neuron looking at digits X (N, 784) with labels y (N,).

    Controls: the weight pattern, the bias b and which digit is shown.
    patterns: extra {name: weights (784,)} to offer besides the presets, e.g.
    a neuron of a trained network: {"trained neuron 3": net.weights[0][3]}.
    """
    weights = {name: neurons.pattern(key) for name, key in PRESETS.items()}
    weights.update(patterns or {})
    # All the digits' weighted sums, once per pattern: a bias tick then costs
    # one comparison, not 1,000 dot products of 784 numbers.
    sums = {name: neurons.weighted_sums(w, X) for name, w in weights.items()}
    y = np.asarray(y)

    pick = dropdown("weight pattern", list(weights), pattern)
    bias = float_slider("bias b", b, -40.0, 40.0, 0.5, fmt=".1f")
    digit = int_slider("digit shown", 0, 0, len(X) - 1)
    summary = readout()
    figure = NeuronFigure(weights[pick.value], sums[pick.value], y, b=b, x=X[0],
                          x_sum=sums[pick.value][0], label=y[0])
    view = FigureView(figure)

    def summarise():
        rates = 100 * neurons.firing_by_digit(sums[pick.value], y, bias.value)
        first, second = np.argsort(-rates, kind="stable")[:2]
        set_readout(summary, f"with b = {bias.value:.1f} the neuron fires for {rates[first]:.0f} % "
                             f"of the {first}s; the next most: {rates[second]:.0f} % "
                             f"of the {second}s")

    def show_pattern(name):
        i = digit.value
        figure.update(w=weights[name], sums=sums[name], x_sum=sums[name][i])
        view.refresh()
        summarise()

    def show_bias(value):
        figure.update(b=value)
        view.refresh()
        summarise()

    def show_digit(i):
        figure.update(x=X[i], x_sum=sums[pick.value][i], label=y[i])
        view.refresh()

    on_change(pick, show_pattern)
    on_change(bias, show_bias)
    on_change(digit, show_digit)
    summarise()
    return App([pick, bias, digit, summary, view], figures=[view], readouts={"summary": summary},
               controls={"pattern": pick, "bias": bias, "digit": digit},
               title="one neuron: weights and bias")
