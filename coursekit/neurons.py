"""Neurons and their knobs: preset weight patterns, firing, and which knobs matter.

A neuron of the first hidden layer has one weight per pixel, 784 in all. Drawn
as a 28x28 image, the weights show what the neuron looks for: ink on positive
weights raises its weighted sum, ink on negative weights lowers it. The presets
here are hand-made so that a learner can predict what they detect:

    "stroke"   a bar near the top, and no ink at the lower left (a 7, roughly)
    "edge"     ink above a line, no ink just below it
    "loop"     a ring of ink around an empty centre (0s)
    "random"   random weights, as a network starts before training

The second half asks, in a whole network, which neurons and which weights
matter most for one digit, so a widget can offer those knobs first.

Everything here is maths on numpy arrays; the drawing is coursekit.figures.neuron
and coursekit.figures.layers.

    w  (784,)     the neuron's weights
    X  (N, 784)   digits, one per row
    sums (N,)     w · x for each digit, before the bias
"""
import numpy as np

from nnlib.activations import sigmoid
from nnlib.errors import as_array, check_finite, check_inputs, check_labels, describe, fail
from nnlib.network import make_rng

PATTERNS = ("stroke", "edge", "loop", "random")
SIDE = 28


def _grid():
    """Row and column index of every pixel, each (28, 28)."""
    return np.mgrid[0:SIDE, 0:SIDE].astype(np.float64)


def _blur(image, passes=2):
    """Soften hard edges a little (a 3x3 box filter, twice): patterns look like strokes."""
    for _ in range(passes):
        padded = np.pad(image, 1, mode="edge")
        image = sum(padded[r:r + SIDE, c:c + SIDE] for r in range(3) for c in range(3)) / 9
    return image


def pattern(name, rng=0):
    """The preset weights called `name` (one of PATTERNS) as a (784,) array.

    Weights are at most ±1 where the pattern cares and 0 elsewhere, so a
    digit's weighted sum lands roughly between -60 and +50. rng seeds "random".
    """
    rows, cols = _grid()
    if name == "stroke":
        # ink in a bar near the top counts for; ink at the lower left or along
        # the bottom (where 2s, 3s and 5s have some and 7s have none) against
        w = 1.0 * ((rows >= 6) & (rows <= 9) & (cols >= 8) & (cols <= 21))
        w -= 0.7 * ((rows >= 11) & (rows <= 22) & (cols >= 4) & (cols <= 12))
        w -= 0.7 * ((rows >= 21) & (rows <= 24) & (cols >= 13) & (cols <= 22))
    elif name == "edge":
        # a horizontal edge: ink above the line counts for, ink below it against
        w = 1.0 * ((rows >= 6) & (rows <= 11) & (cols >= 6) & (cols <= 22))
        w -= 1.0 * ((rows >= 12) & (rows <= 17) & (cols >= 6) & (cols <= 22))
    elif name == "loop":
        r = np.hypot(rows - 14, (cols - 14) * 1.4)     # a 0 is taller than it is wide
        w = 0.5 * ((r >= 6) & (r <= 10)) - 1.0 * (r < 5)
    elif name == "random":
        return make_rng(rng).standard_normal(SIDE * SIDE) * 0.3
    else:
        fail(f"a pattern name, one of {list(PATTERNS)}", describe(name),
             "Names are lower case, e.g. pattern('loop').")
    return _blur(w).ravel()


def weighted_sums(w, X):
    """w · x for every digit: X (N, 784) @ w (784,) -> (N,). Done once per pattern."""
    w = check_finite(as_array(w, "w"), "w")
    if w.shape != (X.shape[-1],):
        fail(f"one weight per pixel, shape ({X.shape[-1]},)", describe(w),
             "A 28x28 weight image must be flattened first: w.reshape(784)")
    return check_inputs(X, w.shape[0], "X") @ w


def activation(sums, b):
    """σ(w·x + b) for precomputed sums (N,) and a bias b: the neuron's output."""
    return sigmoid(np.asarray(sums) + b)


def fires(sums, b):
    """True where σ(w·x + b) > 0.5, which is where w·x > -b: the bias sets the threshold."""
    return np.asarray(sums) > -b


def firing_by_digit(sums, y, b, n_classes=10):
    """The fraction of each digit 0..9 that makes the neuron fire, shape (10,).

    Cheap enough for every slider tick: one comparison and one bincount.
    """
    y = check_labels(y, n_classes)
    counts = np.bincount(y, minlength=n_classes)
    fired = np.bincount(y, weights=fires(sums, b), minlength=n_classes)
    return fired / np.maximum(counts, 1)


# -- which knobs of a network matter for one digit ------------------------------

def neuron_influence(net, x, l):
    """How much the outputs change when each neuron of layer l (1 .. L) is silenced, shape (n_l,).

    Neuron j's influence is Σ |y_hat - y_hat without j|, where "without j"
    sets a_j to 0 and runs the layers after it. For an output neuron that is
    its own activation. All n_l silenced copies run as one batch.
    """
    L = len(net.sizes) - 1
    if not 1 <= l <= L:
        fail(f"a layer between 1 and {L} (layer 0 is the input, it has no weights)", repr(l))
    a = net.trace(x).activations
    silenced = np.repeat(a[l][None, :], len(a[l]), axis=0)
    np.fill_diagonal(silenced, 0.0)                  # row j: layer l with neuron j off
    return np.abs(net.forward_from(l, silenced) - a[-1]).sum(axis=1)


def weight_contributions(net, x, l, j):
    """w_jk · a_k for every weight into neuron j of layer l, shape (n_{l-1},).

    These are the terms of the neuron's weighted sum z_j = Σ_k w_jk a_k + b_j:
    a weight whose input is 0 (a dark pixel) contributes nothing for this digit.
    """
    a_prev = net.trace(x).activations[l - 1]
    return net.weights[l - 1][j] * a_prev


def ranked(values, top=None):
    """Indices of values from largest |value| to smallest (ties by index), the first `top`."""
    order = np.argsort(-np.abs(np.asarray(values)), kind="stable")
    return order if top is None else order[:top]


def hidden_layers(net, X, scale=1.0):
    """Every hidden layer's a and slope f'(z) for digits X (N, 784), all weights times `scale`.

    Returns (a, slopes): two lists with one (N, n_l) array per hidden layer.
    `scale` shows what larger starting weights do: sums z grow, and a sigmoid
    neuron is pushed onto its flat tails, where its slope (and its learning) is ~0.
    """
    a = net.check_input(X)
    hidden, slopes = [], []
    for l in range(1, len(net.sizes) - 1):
        z = a @ (scale * net.weights[l - 1]).T + net.biases[l - 1]
        f = net.layer_function(l)
        a = f(z)
        hidden.append(a)
        slopes.append(f.prime(z))
    return hidden, slopes


class FirstLayerSums:
    """The first layer's weighted sums X @ W1.T for a batch, kept up to date cheaply.

    A widget that changes single knobs needs the network's answers for all N
    digits on every tick. The expensive part is the first layer (N·784·16
    multiplications); changing one of its weights, W1[j, k], only changes
    column j of the sums, by (new - old) · X[:, k]: N multiplications.
    """

    def __init__(self, net, X):
        self.X = np.atleast_2d(net.check_input(X))
        self.reset(net)

    def reset(self, net):
        """Recompute from scratch (after many changes, e.g. a reset of every knob)."""
        self.Z = self.X @ net.weights[0].T           # (N, n1), without the biases

    def set_weight(self, net, j, k, value):
        """net.weights[0][j, k] = value, with the sums updated to match."""
        self.Z[:, j] += (value - net.weights[0][j, k]) * self.X[:, k]
        net.weights[0][j, k] = value

    def predict(self, net):
        """The digit each row of X is taken for, (N,): layer 1 from the sums, then the rest."""
        a1 = net.layer_function(1)(self.Z + net.biases[0])
        return np.argmax(net.forward_from(1, a1), axis=-1)
