"""Backpropagation: the gradient of the cost with respect to every weight and bias.

The cost C depends on the outputs, which depend on the last weights, which
act on the layer before, and so on. The chain rule, applied from the output
back to the input, gives every partial derivative in one backward sweep:

    δ^(L)   = dC/dz^(L)                          the output error
    δ^(l)   = (δ^(l+1) W^(l+1)) ⊙ σ'(z^(l))      pulled back one layer
    dC/dW^(l) = δ^(l)ᵀ a^(l-1)                   (n_out, n_in), summed over the batch
    dC/db^(l) = Σ_batch δ^(l)                    (n_out,)

Rows of δ are examples, so the whole batch goes through as matrix products.
`numerical_gradient` nudges each parameter in turn instead: far too slow to
learn with, but so simple it is the judge that backpropagation must agree with.
"""
from typing import NamedTuple

import numpy as np

from nnlib import activations, cost as costs
from nnlib.errors import check_same_length

# Output function and cost pairs whose derivatives cancel to δ = (a - Y) / N.
MATCHED = {("softmax", "cross_entropy"), ("sigmoid", "binary_cross_entropy")}


def output_error(net, z, a, Y, cost):
    """δ^(L) = dC/dz at the output layer, shape (N, n_out)."""
    if (net.output, cost.name) in MATCHED:
        # The logarithm in the cost undoes the exponential in the output
        # function: no tiny σ' slows learning, and no division by a ≈ 0.
        return (a - Y) / a.shape[0]
    return net.layer_function(len(net.sizes) - 1).vjp(z, a, cost.grad(a, Y))


def gradients(net, X, y, cost="quadratic"):
    """dC/dW and dC/db for every layer: two lists shaped like net.weights and net.biases.

    X: (N, n_in) inputs; y: (N,) labels or (N, n_out) wanted outputs.
    """
    cost = costs.get(cost)
    X = np.atleast_2d(net.check_input(X))
    Y = np.atleast_2d(costs.targets(y, net.sizes[-1])).astype(net.dtype, copy=False)
    check_same_length(X, Y)
    zs, acts = net.trace(X)
    delta = output_error(net, zs[-1], acts[-1], Y, cost)
    grad_W, grad_b = [None] * len(net.weights), [None] * len(net.biases)
    for l in range(len(net.weights), 0, -1):          # layers L, L-1, ..., 1
        grad_W[l - 1] = delta.T @ acts[l - 1]
        grad_b[l - 1] = delta.sum(axis=0)
        if l > 1:
            grad_a = delta @ net.weights[l - 1]        # dC/da^(l-1)
            delta = net.layer_function(l - 1).vjp(zs[l - 2], acts[l - 1], grad_a)
    return grad_W, grad_b


def gradient_vector(net, X, y, cost="quadratic"):
    """The gradient as one flat vector (n_params,), in the order of net.parameters()."""
    grad_W, grad_b = gradients(net, X, y, cost)
    return np.concatenate([g.ravel() for pair in zip(grad_W, grad_b) for g in pair])


def numerical_gradient(net, X, y, cost="quadratic", eps=1e-6):
    """The same gradient by central differences: (C(θ + ε e_i) - C(θ - ε e_i)) / 2ε.

    Two forward passes per parameter: 26,004 for the MNIST network. Use it on
    small networks to check `gradient_vector`.
    """
    probe = net.copy()
    theta = net.parameters().astype(np.float64)
    grad = np.zeros_like(theta)
    for i in range(theta.size):
        for sign in (+1, -1):
            theta[i] += sign * eps
            grad[i] += sign * costs.evaluate(probe.set_parameters(theta), X, y, cost)
            theta[i] -= sign * eps
        grad[i] /= 2 * eps
    return grad


def relative_error(g1, g2):
    """|g1 - g2| / max(|g1| + |g2|, tiny): how far two gradients disagree."""
    return float(np.linalg.norm(g1 - g2) / max(np.linalg.norm(g1) + np.linalg.norm(g2), 1e-300))


# --- The same gradients, fast: what train() uses ------------------------------
#
# gradients() above is the textbook version: it checks its inputs and makes
# new arrays on every call. A training run calls it tens of thousands of
# times on batches that were checked once, and at 100 examples per batch the
# bookkeeping around numpy costs more than the arithmetic. BatchGradients does
# the same sums, arranged for speed (results agree with gradients() up to
# rounding in the last digits):
#   1. every array is made once and reused (numpy's out= argument);
#   2. the derivative of an activation is read off the activation a that the
#      forward pass already computed: σ' = a(1 - a), tanh' = 1 - a², relu' = [a > 0]
#      (and σ itself is computed as (1 + tanh(z/2)) / 2: the same curve, no overflow);
#   3. sums over the batch (bias gradients) and along a row (softmax) are
#      products with a vector of ones, which BLAS does faster than .sum();
#   4. all weights and biases live in one flat vector theta (W[l], b[l] are
#      views into it), so an update of all 13,002 numbers is one operation, and
#      train() folds the learning rate into the output error (scale=lr).
# tests/test_training_speed_paths.py checks that it agrees with gradients().

# BLAS libraries multiply small matrices with a separate routine that skips
# repacking the data (OpenBLAS: when rows x columns x inner size <= 10**6).
# For 784 -> 16 that means at most 79 rows, so the first layer's products are
# done in blocks of rows: the same sums, about 1.5x faster on such machines.
SMALL_MATMUL = 10 ** 6


def flat_views(theta, sizes):
    """Views W[l-1] (n_out, n_in) and b[l-1] (n_out,) into a flat vector laid out like parameters()."""
    W, b, start = [], [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        W.append(theta[start:start + n_out * n_in].reshape(n_out, n_in))
        start += n_out * n_in
        b.append(theta[start:start + n_out])
        start += n_out
    return W, b


def _sigmoid_inplace(z):
    """z <- σ(z) = (1 + tanh(z/2)) / 2: the same curve, in place, and e^x never overflows."""
    np.multiply(z, 0.5, out=z)
    np.tanh(z, out=z)
    z *= 0.5
    z += 0.5


def _softmax_inplace(z, row, ones):
    """z <- softmax(z) row by row; row: (N, 1) scratch, ones: (k, 1) ones."""
    np.maximum.reduce(z, axis=1, keepdims=True, out=row)   # the row maxima (np.max, minus a wrapper)
    z -= row                       # the largest becomes 0: e^z cannot overflow
    np.exp(z, out=z)
    np.matmul(z, ones, out=row)    # the row sums, as a product (faster than z.sum(axis=1))
    z /= row


IN_PLACE = {"sigmoid": _sigmoid_inplace, "tanh": lambda z: np.tanh(z, out=z),
            "relu": lambda z: np.maximum(z, 0, out=z), "identity": lambda z: None}


class Layer(NamedTuple):
    """One layer as BatchGradients sees it: views of the parameters and gradient, and scratch arrays."""
    W: np.ndarray          # (n_out, n_in), a view into theta
    b: np.ndarray          # (n_out,)
    grad_W: np.ndarray     # views into grad
    grad_b: np.ndarray
    a: np.ndarray          # (n, n_out) the layer's activations for a batch of n
    delta: np.ndarray      # (n, n_out) dC/dz for the batch
    z: np.ndarray          # (n, n_out) kept only for activations without an in-place rule
    tmp: np.ndarray        # (n, n_out) scratch for f'(z)
    mask: np.ndarray       # (n, n_out) bool scratch for relu'
    blocks: list           # row slices for BLAS's small-matrix path
    grad_W_block: np.ndarray  # (n_out, n_in) scratch when there are several blocks
    ones: np.ndarray       # (n,) ones: Σ over the batch as a product
    row: np.ndarray        # (n, 1) scratch for softmax
    ones_out: np.ndarray   # (n_out, 1) ones: Σ over a row as a product
    f: activations.Activation


class BatchGradients:
    """gradients() for many batches of at most `batch_size` rows, with nothing allocated per call.

    self.theta holds the parameters it differentiates (a copy of net's, laid
    out like net.parameters()); self.grad receives the gradient, same layout.
    Call it as grads(X, Y) with X (n, n_in) and one-hot Y (n, n_out), both
    already checked and in net.dtype; it returns self.grad (overwritten by
    the next call). Pass out= an (n, n_out) array to also keep the outputs,
    and scale=lr to get lr times the gradient.
    """

    def __init__(self, net, cost, batch_size):
        self.cost = costs.get(cost)
        self.sizes, self.dtype = net.sizes, net.dtype
        self.f = [net.layer_function(l) for l in range(1, len(net.sizes))]
        self.matched = (self.f[-1].name, self.cost.name) in MATCHED
        self.theta = net.parameters()
        self.grad = np.zeros_like(self.theta)
        self._layers = {}
        self.layers(batch_size)

    def layers(self, n):
        """The Layer records for a batch of n rows, made on first use (a run needs at most two n)."""
        if n not in self._layers:
            W, b = flat_views(self.theta, self.sizes)
            grad_W, grad_b = flat_views(self.grad, self.sizes)
            new = lambda k, dtype=self.dtype: np.empty((n, k), dtype=dtype)
            ones, row = np.ones(n, self.dtype), new(1)
            self._layers[n] = []
            for i, k in enumerate(self.sizes[1:]):
                blocks = _row_blocks(n, W[i].size)
                block_scratch = np.empty_like(W[i]) if len(blocks) > 1 else None
                self._layers[n].append(Layer(W[i], b[i], grad_W[i], grad_b[i], new(k), new(k), new(k),
                                             new(k), new(k, bool), blocks, block_scratch, ones, row,
                                             np.ones((k, 1), self.dtype), self.f[i]))
        return self._layers[n]

    def __call__(self, X, Y, out=None, scale=1.0):
        """scale times the gradient for the batch (X, Y): train() passes scale=lr, which saves
        one pass over the 13,002 numbers per step."""
        layers = self._layers.get(len(X)) or self.layers(len(X))
        a = self.forward(X, layers, out)
        delta = self.output_error(a, Y, layers[-1], scale)
        for l in range(len(layers) - 1, 0, -1):           # layers L, ..., 2 (list index l = layer l+1)
            layer, before = layers[l], layers[l - 1]
            self.weight_gradients(layer, delta, before.a)
            grad_a = np.matmul(delta, layer.W, out=before.delta)    # dC/da of the layer before
            delta = self.times_derivative(before, grad_a)
        self.weight_gradients(layers[0], delta, X)
        return self.grad

    @staticmethod
    def weight_gradients(layer, delta, a_before):
        """dC/dW = δᵀ a_before and dC/db = Σ_batch δ, written into the flat gradient."""
        _matmul_blocks(delta.T, a_before, layer.grad_W, layer.blocks, layer.grad_W_block)
        np.matmul(layer.ones, delta, out=layer.grad_b)     # Σ over the batch, as one product

    def forward(self, X, layers, out=None):
        """The outputs a^(L) for the batch X; every layer's a is left in its Layer record."""
        a = X
        for layer in layers:
            z = out if (layer is layers[-1] and out is not None) else layer.a
            _matmul_blocks(a, layer.W.T, z, layer.blocks)
            z += layer.b
            a = self.activate(layer, z)
        return a

    def activate(self, layer, z):
        """z^(l) -> a^(l), in place."""
        name = layer.f.name
        if name in IN_PLACE:
            IN_PLACE[name](z)
        elif name == "softmax":
            _softmax_inplace(z, layer.row, layer.ones_out)
        else:                                             # any other: keep z for its vjp
            np.copyto(layer.z, z)
            z[...] = layer.f(layer.z)
        return z

    def output_error(self, a, Y, last, scale=1.0):
        """scale · δ^(L) = scale · dC/dz^(L), as in output_error() above."""
        delta = last.delta
        if self.matched:
            np.subtract(a, Y, out=delta)
            delta *= scale / len(a)
            return delta
        delta[...] = self.cost.grad(a, Y)                 # dC/da^(L)
        if scale != 1.0:
            delta *= scale
        return self.times_derivative(last, delta, a)

    @staticmethod
    def times_derivative(layer, grad_a, a=None):
        """dC/dz = dC/da ⊙ f'(z), in place in grad_a, with f' read off the activations a."""
        a, name, tmp = (layer.a if a is None else a), layer.f.name, layer.tmp
        if name == "relu":
            np.greater(a, 0, out=layer.mask)
            grad_a *= layer.mask
        elif name == "sigmoid":
            np.subtract(1, a, out=tmp)
            tmp *= a
            grad_a *= tmp
        elif name == "tanh":
            np.multiply(a, a, out=tmp)
            np.subtract(1, tmp, out=tmp)
            grad_a *= tmp
        elif name != "identity":                         # softmax, leaky_relu, ...: the textbook rule
            grad_a[...] = layer.f.vjp(layer.z, a, grad_a)   # (softmax's rule does not use z)
        return grad_a


def _row_blocks(n, layer_size):
    """Slices of rows that keep a product with a weight matrix of layer_size numbers on BLAS's small path."""
    n_blocks = -(-n * layer_size // SMALL_MATMUL)           # ceil
    if n < 32 * n_blocks:                                   # tiny blocks: the calls would cost more
        return [slice(0, n)]
    edges = np.linspace(0, n, n_blocks + 1).round().astype(int)
    return [slice(lo, hi) for lo, hi in zip(edges[:-1], edges[1:])]


def _matmul_blocks(A, B, out, blocks, scratch=None):
    """out = A @ B, done in blocks of the batch's rows.

    Forward, A = a (n, n_in): each block of rows gives the same rows of out.
    Backward (scratch given), B = a (n, n_in) and A = δᵀ: the batch is the
    inner dimension, so the blocks' products are added up.
    """
    if len(blocks) == 1:
        np.matmul(A, B, out=out)
    elif scratch is None:
        for rows in blocks:
            np.matmul(A[rows], B, out=out[rows])
    else:
        np.matmul(A[:, blocks[0]], B[blocks[0]], out=out)
        for rows in blocks[1:]:
            out += np.matmul(A[:, rows], B[rows], out=scratch)
