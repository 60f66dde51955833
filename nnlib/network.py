"""The network: layers of neurons, each layer computed from the one before.

Layer l holds activations a^(l). The next layer is

    z^(l+1) = W^(l+1) a^(l) + b^(l+1)      weighted sums, one per neuron
    a^(l+1) = σ(z^(l+1))                   squished, element by element

W^(l+1) has one row per neuron of layer l+1 and one column per neuron of
layer l: shape (n_out, n_in). The input image is layer 0.

Teaching trade-off: weights and biases are plain lists of numpy arrays that
you can print, plot and change by hand, rather than hidden inside layer
objects. For a batch X of shape (N, n_in) we compute X @ W.T + b, which is
the same sum as W a + b done for every row at once.
"""
import copy
from pathlib import Path
from typing import NamedTuple

import numpy as np

from nnlib import activations
from nnlib.errors import (as_array, check_finite, check_inputs, check_labels, check_positive_int,
                          check_same_length, describe, fail)

MNIST_SIZES = (784, 16, 16, 10)


class Trace(NamedTuple):
    """Everything a forward pass computed: zs[l-1] = z^(l), activations[l] = a^(l) (0: the input)."""
    zs: list
    activations: list


def make_rng(rng):
    """A numpy Generator from a seed (int) or a Generator; never the global state."""
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, (int, np.integer)) and not isinstance(rng, bool):
        return np.random.default_rng(int(rng))
    fail("rng as a seed (an int) or numpy.random.default_rng(seed)", describe(rng),
         "Results repeat only from an explicit seed, e.g. rng=0.", error=TypeError)


class Network:
    """A fully connected network, e.g. Network((784, 16, 16, 10), rng=0).

    activation: the hidden layers' function; output: the last layer's.
    Weights start as random normal numbers scaled by 1/sqrt(n_in), so that
    each weighted sum starts out of order 1 whatever the layer's width.
    """

    def __init__(self, sizes=MNIST_SIZES, rng=0, activation="sigmoid", output="sigmoid",
                 dtype=np.float64):
        self.sizes = _check_sizes(sizes)
        self.activation = activations.get(activation).name
        self.output = activations.get(output).name
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float32, np.float64):
            fail("dtype float64 or float32", str(self.dtype), error=TypeError)
        rng = make_rng(rng)
        self.weights = [(rng.standard_normal((n_out, n_in)) / np.sqrt(n_in)).astype(self.dtype)
                        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:])]
        self.biases = [np.zeros(n_out, dtype=self.dtype) for n_out in self.sizes[1:]]

    def __repr__(self):
        return (f"Network(sizes={self.sizes}, activation={self.activation!r}, "
                f"output={self.output!r}, parameters={self.n_params:,})")

    # -- running the network -------------------------------------------------

    def layer_function(self, l):
        """The activation of layer l (1 .. L): hidden layers share one, the last has its own."""
        return activations.get(self.output if l == len(self.sizes) - 1 else self.activation)

    def forward_layer(self, l, a):
        """One layer forward: (z^(l), a^(l)) from a^(l-1), shape (N, n_l) for a batch."""
        z = a @ self.weights[l - 1].T + self.biases[l - 1]     # = W a + b, for every row
        return z, self.layer_function(l)(z)

    def trace(self, x, check=True):
        """Every layer's z and a for one input (n_in,) or a batch (N, n_in).

        check=False skips the input check, for inputs checked once already (training).
        """
        a = self.check_input(x) if check else x
        zs, acts = [], [a]
        for l in range(1, len(self.sizes)):
            z, a = self.forward_layer(l, a)
            zs.append(z)
            acts.append(a)
        return Trace(zs, acts)

    def forward(self, x):
        """The outputs y_hat: shape (n_out,) for one input, (N, n_out) for a batch."""
        return self.forward_from(0, self.check_input(x))

    __call__ = forward

    def forward_from(self, layer, a):
        """The outputs, starting from the activations a of `layer` (0 = the input), unchecked."""
        for l in range(layer + 1, len(self.sizes)):
            a = self.forward_layer(l, a)[1]
        return a

    def predict(self, X):
        """The digit each input is taken for: the index of the largest output."""
        return np.argmax(self.forward(X), axis=-1)

    def accuracy(self, X, y):
        """The fraction of inputs X (N, n_in) whose prediction equals label y (N,) (or one-hot Y)."""
        y = np.asarray(y)
        X = np.atleast_2d(self.check_input(X))
        labels = y.argmax(axis=-1) if y.ndim == 2 else check_labels(y, self.sizes[-1])
        check_same_length(X, np.atleast_1d(labels))
        return float(np.mean(self.predict(X) == labels))

    def check_input(self, x):
        """x as this network's dtype, with a readable error for a wrong shape or NaN."""
        return check_inputs(x, self.sizes[0]).astype(self.dtype, copy=False)

    # -- the knobs -------------------------------------------------------------

    @property
    def n_params(self):
        """How many numbers can be tuned: every weight and every bias (13,002 for MNIST)."""
        return sum(W.size + b.size for W, b in zip(self.weights, self.biases))

    def arrays(self):
        """[("W", 1, W1), ("b", 1, b1), ("W", 2, W2), ...]: the order of the flat vector.

        The one place that fixes it: parameters(), set_parameters() and anything that
        finds a weight or bias in the flat vector (coursekit.knobs) follow it.
        """
        return [(kind, l, p) for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1)
                for kind, p in (("W", W), ("b", b))]

    def parameters(self):
        """All weights and biases as one flat vector (n_params,), in the order of arrays()."""
        return np.concatenate([p.ravel() for _, _, p in self.arrays()])

    def set_parameters(self, theta):
        """Load a flat vector made by `parameters()` back into the weights and biases."""
        theta = check_finite(as_array(theta, "theta"), "theta")
        if theta.shape != (self.n_params,):
            fail(f"a flat vector of {self.n_params:,} numbers, one per weight and bias",
                 describe(theta), "Make one with net.parameters(); its order is W1, b1, W2, b2, ...")
        start = 0
        for _, _, p in self.arrays():
            p[...] = theta[start:start + p.size].reshape(p.shape)
            start += p.size
        return self

    def copy(self):
        """An independent copy: changing its weights leaves this network alone."""
        return copy.deepcopy(self)

    def save(self, path, **extra):
        """Write sizes, activations and parameters to an .npz file (no pickle).

        extra: more named arrays to store beside them (e.g. a record of how
        the network was made); `load` ignores them.
        """
        arrays = {f"W{l}": W for l, W in enumerate(self.weights, start=1)}
        arrays.update({f"b{l}": b for l, b in enumerate(self.biases, start=1)})
        np.savez(path, sizes=np.array(self.sizes), activation=np.array(self.activation),
                 output=np.array(self.output), **arrays, **extra)

    @classmethod
    def load(cls, path):
        """A network read back from a file written by `save`."""
        if not Path(path).exists():
            fail("the path of a saved network (.npz)", repr(str(path)), "No such file.",
                 error=FileNotFoundError)
        with np.load(path, allow_pickle=False) as f:
            net = cls(tuple(int(n) for n in f["sizes"]), activation=str(f["activation"]),
                      output=str(f["output"]), dtype=f["W1"].dtype)
            L = len(net.sizes) - 1
            net.weights = [f[f"W{l}"] for l in range(1, L + 1)]
            net.biases = [f[f"b{l}"] for l in range(1, L + 1)]
        return net


def _check_sizes(sizes):
    """Layer sizes as a tuple of at least two whole numbers >= 1."""
    if isinstance(sizes, (int, np.integer)) or not hasattr(sizes, "__len__") or len(sizes) < 2:
        fail("layer sizes as a list of at least two numbers, e.g. (784, 16, 16, 10)",
             describe(sizes), "The first is the number of inputs, the last the number of outputs.")
    return tuple(check_positive_int(n, "every layer size",
                                    "Each layer needs at least one neuron.") for n in sizes)
