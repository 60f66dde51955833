"""The rows of W: one neuron's row of weights times the input column is its weighted sum."""
import ipywidgets as w

from coursekit.apps.base import App, FigureView, int_slider, on_change, readout, set_readout
from coursekit.apps.digits import check_digits
from coursekit.figures.weighted_sum import WeightedSumFigure, check_neuron


def rows_of_w(net, X, y, layer=1, neuron=0, digit=0):
    """Neuron `neuron` of layer `layer` of `net` for the digits X (N, 784) with labels y (N,).

    Controls: "layer" (1 .. L, ToggleButtons), "neuron" (a slider over that layer's
    neurons), "digit" (a slider over X). The figure shows the neuron's row of W, the
    input a, their element-wise product and the sum; the read-out gives z and a as
    the network's own forward_layer computes them.
    """
    X, y = check_digits(X, y)
    check_neuron(net, layer, neuron)
    return RowsOfW(net, X, y, layer, neuron, digit).app()


class RowsOfW:
    """The state of rows_of_w: the network, the digits, the figure and its three controls."""

    def __init__(self, net, X, y, layer, neuron, digit):
        self.net, self.X, self.y = net, X, y
        self.view = FigureView(WeightedSumFigure(net, X[digit], layer=layer, neuron=neuron))
        layers = list(range(1, len(net.sizes)))
        self.layer = w.ToggleButtons(options=[(f"layer {l}", l) for l in layers], value=layer,
                                     description="layer")
        self.neuron = int_slider("neuron j", neuron, 0, net.sizes[layer] - 1)
        self.digit = int_slider("digit number", digit, 0, len(X) - 1)
        self.line = readout()
        self._quietly = False         # True while on_layer moves the neuron slider itself
        on_change(self.layer, self.on_layer)
        on_change(self.neuron, self.on_neuron)
        on_change(self.digit, self.on_digit)
        self.say()

    def on_layer(self, layer):
        """Another layer: its neurons on the slider (the neuron kept if it exists there)."""
        neuron = min(self.neuron.value, self.net.sizes[layer] - 1)
        self.view.figure.update(layer=layer, neuron=neuron)
        self._quietly = True          # the slider's own callback would draw the same again
        try:
            self.neuron.max = self.net.sizes[layer] - 1
            self.neuron.value = neuron
        finally:
            self._quietly = False
        self.show()

    def on_neuron(self, neuron):
        if self._quietly:
            return
        self.view.figure.update(neuron=neuron)
        self.show()

    def on_digit(self, digit):
        self.view.figure.update(x=self.X[digit])
        self.show()

    def show(self):
        self.view.refresh()
        self.say()

    def say(self):
        p = self.view.figure.parts
        set_readout(self.line, f"digit {self.digit.value} (label {self.y[self.digit.value]}), "
                               f"layer {p.layer}, neuron {p.neuron}: Σ w·a = {p.total:.2f}, "
                               f"b = {p.b:.2f}, z = {p.z:.2f}, a = {p.activation:.2f}")

    def app(self):
        controls = {"layer": self.layer, "neuron": self.neuron, "digit": self.digit}
        return App([self.layer, self.neuron, self.digit, self.line, self.view],
                   controls=controls, figures=[self.view], readouts={"sum": self.line},
                   title="rows of W")
