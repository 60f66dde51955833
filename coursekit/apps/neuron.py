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
    return NeuronExplorer(X, y, weights, pattern, b).app()


class NeuronExplorer:
    """The state of neuron_explorer: the weight patterns, their digits' sums, the figure."""

    def __init__(self, X, y, weights, pattern, b):
        self.X, self.y, self.weights = X, np.asarray(y), weights
        # All the digits' weighted sums, once per pattern: a bias tick then costs
        # one comparison, not 1,000 dot products of 784 numbers.
        self.sums = sums = {name: neurons.weighted_sums(w, X) for name, w in weights.items()}
        self.pick = dropdown("weight pattern", list(weights), pattern)
        self.bias = float_slider("bias b", b, -40.0, 40.0, 0.5, fmt=".1f")
        self.digit = int_slider("digit shown", 0, 0, len(X) - 1)
        self.summary = readout()
        name = self.pick.value
        self.figure = NeuronFigure(weights[name], sums[name], self.y, b=b, x=X[0],
                                   x_sum=sums[name][0], label=self.y[0])
        self.view = FigureView(self.figure)
        on_change(self.pick, self.on_pattern)
        on_change(self.bias, self.on_bias)
        on_change(self.digit, self.on_digit)
        self.summarise()

    def app(self):
        return App([self.pick, self.bias, self.digit, self.summary, self.view], figures=[self.view],
                   readouts={"summary": self.summary},
                   controls={"pattern": self.pick, "bias": self.bias, "digit": self.digit},
                   title="one neuron: weights and bias")

    def summarise(self):
        b = self.bias.value
        rates = 100 * neurons.firing_by_digit(self.sums[self.pick.value], self.y, b)
        first, second = np.argsort(-rates, kind="stable")[:2]
        set_readout(self.summary, f"with b = {b:.1f} the neuron fires for {rates[first]:.0f} % "
                                  f"of the {first}s; the next most: {rates[second]:.0f} % "
                                  f"of the {second}s")

    def on_pattern(self, name):
        sums = self.sums[name]
        self.figure.update(w=self.weights[name], sums=sums, x_sum=sums[self.digit.value])
        self.view.refresh()
        self.summarise()

    def on_bias(self, value):
        self.figure.update(b=value)
        self.view.refresh()
        self.summarise()

    def on_digit(self, i):
        self.figure.update(x=self.X[i], x_sum=self.sums[self.pick.value][i], label=self.y[i])
        self.view.refresh()
