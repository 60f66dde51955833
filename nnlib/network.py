"""The network: layers of neurons, each layer computed from the one before.

Layer l holds activations a^(l); the input image is layer 0. The next layer is

    z^(l+1) = W^(l+1) a^(l) + b^(l+1)      weighted sums, one per neuron; W: (n_out, n_in)
    a^(l+1) = σ(z^(l+1))                   squished, element by element

Weights and biases are plain lists of numpy arrays that you can print, plot and
change by hand. For a batch X (N, n_in) we compute X @ W.T + b: W a + b for every row.
"""
import copy
import zipfile
from pathlib import Path
from typing import NamedTuple

import numpy as np

from nnlib import activations
from nnlib.errors import (as_array, check_finite, check_inputs, check_labels, check_pixels,
                          check_positive_int, check_same_length, check_shape, check_targets, describe, fail)

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
    """A fully connected network, e.g. Network((784, 16, 16, 10), rng=0); activation: the hidden
    layers' function, output: the last layer's. Weights start random normal, scaled by
    1/sqrt(n_in) so each weighted sum is of order 1; biases start at 0."""

    def __init__(self, sizes=MNIST_SIZES, rng=0, activation="sigmoid", output="sigmoid",
                 dtype=np.float64):
        self.sizes = _check_sizes(sizes)
        self.activation = activations.get(activation).name
        self.output = activations.get(output).name
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float32, np.float64):
            fail("dtype float64 or float32", str(self.dtype), "e.g. dtype=np.float32.", TypeError)
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
        W, b = self.weights[l - 1], self.biases[l - 1]
        if getattr(W, "shape", 0) != (self.sizes[l], self.sizes[l - 1]) or getattr(b, "shape", 0) != W.shape[:1]:
            self.check_layers()                                 # set by hand to a wrong shape: say so
        z = a @ W.T + b                                         # = W a + b, for every row
        return z, self.layer_function(l)(z)

    def trace(self, x, check=True):
        """Every layer's z and a for one input (n_in,) or a batch (N, n_in); check=False: x checked already."""
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
        """The fraction of inputs X (N, n_in) whose prediction equals label y (N,) (or one-hot Y (N, k))."""
        X, y, n = np.atleast_2d(self.check_input(X)), np.asarray(y), self.sizes[-1]
        labels = check_targets(y, n).argmax(axis=1) if y.ndim == 2 else check_labels(y, n)
        check_same_length(X, labels)
        return float(np.mean(self.forward_from(0, X).argmax(axis=1) == labels))

    def check_input(self, x):
        """x as this network's dtype; a readable error for a wrong shape, NaN, or pixels outside [0, 1]."""
        x = check_inputs(x, self.sizes[0]).astype(self.dtype, copy=False)
        return check_pixels(x) if self.sizes[0] == 784 else x

    def check_layers(self, finite=False):
        """A readable error unless every W^(l) has shape (n_l, n_(l-1)) and every b^(l) (n_l,)."""
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            n, m = self.sizes[l], self.sizes[l - 1]
            check_shape(W, (n, m), f"net.weights[{l - 1}] (one row per neuron of layer {l}, one column per input)",
                        "It looks transposed: use W.T." if np.shape(W) == (m, n) else
                        f"Make it a numpy array of that shape, e.g. np.zeros(({n}, {m})).")
            check_shape(b, (n,), f"net.biases[{l - 1}] (one bias per neuron of layer {l})",
                        f"A bias vector is 1-D: make it {n} numbers, e.g. b.reshape({n}) for a column.")
            if finite:
                check_finite(W, f"net.weights[{l - 1}]"), check_finite(b, f"net.biases[{l - 1}]")
        return self

    # -- the knobs -------------------------------------------------------------

    @property
    def n_params(self):
        """How many numbers can be tuned: every weight and every bias (13,002 for MNIST)."""
        return sum(W.size + b.size for W, b in zip(self.weights, self.biases))

    def arrays(self):
        """[("W", 1, W1), ("b", 1, b1), ("W", 2, W2), ...]: the one place that fixes the flat vector's order."""
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
        """Write sizes, activations and parameters to an .npz file (no pickle); `extra` arrays beside them."""
        arrays = {f"W{l}": W for l, W in enumerate(self.weights, start=1)}
        arrays.update({f"b{l}": b for l, b in enumerate(self.biases, start=1)})
        np.savez(path, sizes=np.array(self.sizes), activation=np.array(self.activation),
                 output=np.array(self.output), **arrays, **extra)

    @classmethod
    def load(cls, path):
        """A network read back from a file written by `save` (like save, it adds a missing .npz)."""
        path = Path(path)
        path = path if path.exists() or path.suffix == ".npz" else path.with_name(path.name + ".npz")
        if not path.is_file():
            fail("the path of a saved network (.npz)", repr(str(path)), "No such file: check the name and "
                 "folder, e.g. net.save('mynet') then Network.load('mynet').", FileNotFoundError)
        try:
            with np.load(path, allow_pickle=False) as f:
                stored = {key: f[key] for key in f.files}
        except (OSError, ValueError, TypeError, EOFError, zipfile.BadZipFile) as err:
            fail("a network file written by net.save(path)", f"{path.name}, not a whole .npz file "
                 f"({type(err).__name__})", "Save the network again with net.save(path) and load that file.")
        if {"sizes", "activation", "output", "W1", "b1"} - set(stored):
            fail("a file written by net.save(path)", f"an .npz holding only {sorted(stored)}",
                 "Load only files that net.save wrote; np.load(path) reads any other .npz.")
        net = cls(tuple(np.atleast_1d(stored["sizes"]).tolist()), 0, str(stored["activation"]),
                  str(stored["output"]), stored["W1"].dtype)
        net.weights, net.biases = ([stored.get(f"{k}{l}") for l in range(1, len(net.sizes))] for k in "Wb")
        return net.check_layers(finite=True)


def _check_sizes(sizes):
    """Layer sizes as a tuple of at least two whole numbers >= 1."""
    if isinstance(sizes, (int, np.integer)) or not hasattr(sizes, "__len__") or len(sizes) < 2:
        fail("layer sizes as a list of at least two numbers, e.g. (784, 16, 16, 10)",
             describe(sizes), "The first is the number of inputs, the last the number of outputs.")
    return tuple(check_positive_int(n, "every layer size",
                                    "Each layer needs at least one neuron.") for n in sizes)
