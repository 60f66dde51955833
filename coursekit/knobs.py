"""Turning a few of the 13,002 knobs by hand, and naming any one of them.

A knob is one weight or one bias. `KnobBoard` lets a widget change a handful
of them and get the new outputs and costs for a whole batch at once, fast:
the knobs sit in the last layers, so everything before them is computed once
and cached. Moving a bias of the output layer then costs a (N, 16) x (16, 10)
product instead of a pass through 784 x 16 weights for every digit.

`parameter_index` and `parameter_name` translate between a knob such as
W1[3, 412] (layer 1, neuron 3, input pixel 412) and its position in the flat
vector of net.parameters(), where the gradient lives. `cost_change` turns
one knob for real, to set beside what the gradient predicts.
"""
from typing import NamedTuple

import numpy as np

from nnlib import cost as costs
from nnlib.errors import check_same_length, describe, fail



class Knob(NamedTuple):
    """One parameter: kind "W" or "b", layer (1 = first after the input), neuron, source.

    For a weight, `source` is the neuron of the layer before that feeds it; a
    bias has no source (None).
    """
    kind: str
    layer: int
    neuron: int
    source: int = None

    @property
    def name(self):
        if self.kind == "b":
            return f"b{self.layer}[{self.neuron}]"
        return f"W{self.layer}[{self.neuron}, {self.source}]"


def bias(layer, neuron):
    return Knob("b", layer, neuron)


def weight(layer, neuron, source):
    return Knob("W", layer, neuron, source)


def _check_knob(net, knob):
    L = len(net.sizes) - 1
    if not isinstance(knob, Knob):
        fail("a knob made with knobs.bias(layer, neuron) or knobs.weight(layer, neuron, source)",
             describe(knob), error=TypeError)
    if knob.kind not in ("W", "b") or not 1 <= knob.layer <= L:
        fail(f"a weight 'W' or bias 'b' in a layer 1 .. {L}", repr(knob))
    if not 0 <= knob.neuron < net.sizes[knob.layer]:
        fail(f"a neuron 0 .. {net.sizes[knob.layer] - 1} of layer {knob.layer}", repr(knob))
    if knob.kind == "W" and not (knob.source is not None and 0 <= knob.source < net.sizes[knob.layer - 1]):
        fail(f"a source neuron 0 .. {net.sizes[knob.layer - 1] - 1} of layer {knob.layer - 1}",
             repr(knob))
    return knob


def parameter_index(net, knob):
    """The position of `knob` in net.parameters(), in the order net.arrays() fixes."""
    knob, start = _check_knob(net, knob), 0
    for kind, l, p in net.arrays():
        if (kind, l) == (knob.kind, knob.layer):
            cell = (knob.neuron, knob.source) if kind == "W" else (knob.neuron,)
            return start + int(np.ravel_multi_index(cell, p.shape))
        start += p.size


def parameter_name(net, index):
    """The Knob at position `index` of net.parameters(), e.g. weight(1, 3, 412)."""
    index = _check_index(net, index)
    for kind, l, p in net.arrays():
        if index < p.size:
            return weight(l, *map(int, np.unravel_index(index, p.shape))) if kind == "W" else bias(l, index)
        index -= p.size


def _check_index(net, index):
    """index as an int, if it is a position in net.parameters(); else a ValueError saying so."""
    if isinstance(index, bool) or not isinstance(index, (int, np.integer)) \
            or not 0 <= index < net.n_params:
        fail(f"a parameter index, a whole number 0 .. {net.n_params - 1:,}", describe(index))
    return int(index)


class KnobBoard:
    """A private copy of `net` whose `knobs` can be turned, evaluated on a fixed batch.

    X (N, 784) inputs and y (N,) labels: the batch the average cost is taken on.
    The activations of the layer just before the first knob are computed once
    (N, n); every evaluation starts from there.
    """

    def __init__(self, net, X, y, knobs, cost="quadratic"):
        self.net = net.copy()                 # turning knobs never changes the caller's network
        self.knobs = [_check_knob(net, k) for k in knobs]
        if not self.knobs:
            fail("at least one knob", "an empty list")
        X = np.atleast_2d(net.check_input(X))
        self.Y = costs.targets(y, net.sizes[-1]).reshape(len(X), -1)
        check_same_length(X, self.Y, "X", "y")
        self.cost = costs.get(cost)
        self.first = min(k.layer for k in self.knobs)
        self.cached = self.net.trace(X).activations[self.first - 1]   # once: (N, n)
        self.initial = self.values()
        self._y_hat = None

    def _array(self, knob):
        return self.net.weights[knob.layer - 1] if knob.kind == "W" else self.net.biases[knob.layer - 1]

    def _where(self, knob):
        return (knob.neuron, knob.source) if knob.kind == "W" else knob.neuron

    def value(self, i):
        knob = self.knobs[i]
        return float(self._array(knob)[self._where(knob)])

    def values(self):
        """The knobs' current values, shape (k,)."""
        return np.array([self.value(i) for i in range(len(self.knobs))])

    def set(self, i, value):
        """Turn knob number i to `value`."""
        if not np.isfinite(value):
            fail(f"a finite value for {self.knobs[i].name}", repr(value))
        knob = self.knobs[i]
        self._array(knob)[self._where(knob)] = value
        self._y_hat = None

    def reset(self):
        """Every knob back to where it started."""
        for i, v in enumerate(self.initial):
            self.set(i, v)

    def changed(self):
        """Indices of the knobs that differ from their starting values."""
        return [i for i, v in enumerate(self.initial) if self.value(i) != v]

    def outputs(self):
        """y_hat for the whole batch, (N, n_out), recomputed from the cached layer."""
        if self._y_hat is None:
            self._y_hat = self.net.forward_from(self.first - 1, self.cached)
        return self._y_hat

    def example_costs(self):
        """Each example's cost, (N,)."""
        return costs.get(self.cost).each(self.outputs(), self.Y)

    def average_cost(self):
        """The average cost over the batch: how lousy the network is, in one number."""
        return float(self.example_costs().mean())


def last_layer_knobs(net, sources):
    """Every output bias and, for every output neuron, the weights from `sources`.

    With sources = [k1, k2] that is 10 + 20 = 30 knobs of the 13,002.
    """
    L = len(net.sizes) - 1
    knobs = [bias(L, j) for j in range(net.sizes[L])]
    knobs += [weight(L, j, k) for j in range(net.sizes[L]) for k in sources]
    return knobs


def liveliest_neurons(net, X, layer, k=2):
    """The k neurons of `layer` whose activations vary most over X: (k,) indices.

    A weight from a neuron that is the same for every digit acts like a bias;
    one from a lively neuron can tell digits apart.
    """
    a = net.trace(X).activations[layer]
    return np.argsort(-a.std(axis=0), kind="stable")[:k]


def cost_change(net, X, y, index, nudge, cost="quadratic"):
    """The real change in the average cost when parameter `index` moves by `nudge`."""
    index = _check_index(net, index)
    theta = net.parameters()
    theta[index] += nudge
    return costs.evaluate(net.copy().set_parameters(theta), X, y, cost) - costs.evaluate(net, X, y, cost)
