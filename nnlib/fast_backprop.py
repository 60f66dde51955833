"""The gradients of backprop.gradients(), fast: what train() runs.

backprop.gradients() is the version to read. It checks its inputs and makes
new arrays on every call, which is right for one call and wasteful for the
tens of thousands a training run makes on batches that were checked once.
At 100 to 200 examples a batch the sums themselves are quick, and most of
the time goes to starting numpy operations (a microsecond or two each) and
to moving memory. FastGradients does the same sums, arranged for speed;
its results agree with gradients() up to rounding in the last digits:

  1. Every array is made once and reused (numpy's out= argument).
  2. Each weight matrix is kept transposed, V = Wᵀ with shape (n_in, n_out),
     so z = a Wᵀ + b is computed as a V + b with V stored row after row:
     the layout the matrix library (BLAS) multiplies fastest when each row
     of a is one example. The gradient is then dC/dV = aᵀ δ.
  3. All weights and biases live in one flat vector theta (each layer's V
     and b are views into it), so train() moves all 13,002 numbers with one
     operation. The order is not that of net.parameters(): load(net) and
     store(net) copy between the two.
  4. The derivative of an activation is read off the activation a that the
     forward pass already made: σ' = a(1 - a), tanh' = 1 - a², relu' = [a > 0].
  5. Sums over the batch (bias gradients) and along a row (softmax) are
     products with a vector of ones, which BLAS does faster than .sum().
  6. The first layer's products run in blocks of rows: see SMALL_MATMUL.

tests/test_training_speed_paths.py checks that it agrees with gradients().
"""
import numpy as np

from nnlib import cost as costs
from nnlib.backprop import MATCHED

# BLAS libraries multiply small matrices with a separate routine that skips
# repacking the data (OpenBLAS: when rows x columns x inner size <= 10**6).
# For 784 -> 16 that means at most 79 rows, so the first layer's products are
# done in blocks of rows: the same sums, about 1.5x faster on such machines.
SMALL_MATMUL = 10 ** 6


def transposed_views(flat, sizes):
    """Views V[l-1] (n_in, n_out) and b[l-1] (n_out,) into one flat vector: V1, b1, V2, b2, ..."""
    V, b, start = [], [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        V.append(flat[start:start + n_in * n_out].reshape(n_in, n_out))
        start += n_in * n_out
        b.append(flat[start:start + n_out])
        start += n_out
    return V, b


def _sigmoid_inplace(z):
    """z <- σ(z) = (1 + tanh(z/2)) / 2: the same curve, in place, and e^x never overflows."""
    np.multiply(z, 0.5, out=z)
    np.tanh(z, out=z)
    z *= 0.5
    z += 0.5


IN_PLACE = {"sigmoid": _sigmoid_inplace, "tanh": lambda z: np.tanh(z, out=z),
            "relu": lambda z: np.maximum(z, 0, out=z), "identity": lambda z: None}


class Scratch:
    """The arrays one batch size needs, made once: per layer l (from 0), a[l], delta[l], ... (n, n_out)."""

    def __init__(self, n, sizes, dtype):
        outs = sizes[1:]
        self.a = [np.empty((n, k), dtype) for k in outs]        # activations, then in place
        self.delta = [np.empty((n, k), dtype) for k in outs]    # dC/dz
        self.z = [np.empty((n, k), dtype) for k in outs]        # for rules that need z itself
        self.tmp = [np.empty((n, k), dtype) for k in outs]      # f'(z)
        self.mask = [np.empty((n, k), bool) for k in outs]      # relu': a > 0
        self.ones = np.ones(n, dtype)                           # Σ over the batch, as a product
        self.row = np.empty((n, 1), dtype)                      # per-example numbers for softmax
        self.columns = [np.empty((k, n), dtype) for k in outs]  # a layer's z, one example per column
        self.blocks = [_row_blocks(n, n_in * n_out) for n_in, n_out in zip(sizes[:-1], outs)]
        self.block_grad = [np.empty((n_in, n_out), dtype) for n_in, n_out in zip(sizes[:-1], outs)]


class FastGradients:
    """gradients() for many batches of at most `batch_size` rows, with nothing allocated per call.

    self.theta holds the parameters it differentiates (a copy of net's, each
    weight matrix transposed); self.grad receives the gradient, in the same
    layout. Call it as grads(X, Y) with X (n, n_in) and one-hot Y (n, n_out),
    both already checked and in net.dtype; it returns self.grad (overwritten
    by the next call). Pass out= an (n, n_out) array to also keep the
    outputs, and scale=lr to get lr times the gradient.
    """

    def __init__(self, net, cost, batch_size):
        self.cost = costs.get(cost)
        self.sizes, self.dtype = net.sizes, net.dtype
        self.f = [net.layer_function(l) for l in range(1, len(net.sizes))]
        self.matched = (self.f[-1].name, self.cost.name) in MATCHED
        self.theta = np.empty(net.n_params, net.dtype)
        self.grad = np.zeros_like(self.theta)
        self.V, self.b = transposed_views(self.theta, self.sizes)
        self.grad_V, self.grad_b = transposed_views(self.grad, self.sizes)
        self.row_ones = [np.ones((k, 1), self.dtype) for k in self.sizes[1:]]
        self.load(net)
        self._scratch = {batch_size: Scratch(batch_size, self.sizes, self.dtype)}

    def load(self, net):
        """theta <- the network's weights and biases."""
        for V, b, W, bias in zip(self.V, self.b, net.weights, net.biases):
            V[...] = W.T
            b[...] = bias

    def store(self, net):
        """The network's weights and biases <- theta."""
        for V, b, W, bias in zip(self.V, self.b, net.weights, net.biases):
            W[...] = V.T
            bias[...] = b

    def in_parameters_order(self, flat):
        """A vector in theta's layout, reordered like net.parameters(): W1, b1, W2, b2, ..."""
        V, b = transposed_views(flat, self.sizes)
        return np.concatenate([p.ravel() for V_l, b_l in zip(V, b) for p in (V_l.T, b_l)])

    def __call__(self, X, Y, out=None, scale=1.0):
        """scale times the gradient for the batch (X, Y): train() passes scale=lr, which saves
        one pass over the 13,002 numbers per step."""
        n = len(X)
        s = self._scratch.get(n) or self._scratch.setdefault(n, Scratch(n, self.sizes, self.dtype))
        a = self.forward(X, s, out)
        delta = self.output_error(a, Y, s, scale)
        for l in range(len(self.V) - 1, -1, -1):       # list index l is layer l+1: L, ..., 1
            a_before = X if l == 0 else s.a[l - 1]
            _product_over_rows(a_before, delta, self.grad_V[l], s.blocks[l], s.block_grad[l])
            np.matmul(s.ones, delta, out=self.grad_b[l])
            if l > 0:
                grad_a = np.matmul(delta, self.V[l].T, out=s.delta[l - 1])   # dC/da one layer down
                delta = self.times_derivative(l - 1, grad_a, s.a[l - 1], s)
        return self.grad

    def forward(self, X, s, out=None):
        """The outputs a^(L) for the batch X; every layer's a is left in s.a."""
        a, last = X, len(self.V) - 1
        for l, (V, b) in enumerate(zip(self.V, self.b)):
            z = out if (l == last and out is not None) else s.a[l]
            for rows in s.blocks[l]:
                np.matmul(a[rows], V, out=z[rows])      # z = a V (+ b below), rows in blocks
            z += b
            a = self.activate(l, z, s)
        return a

    def activate(self, l, z, s):
        """z^(l) -> a^(l), in place."""
        name = self.f[l].name
        if name in IN_PLACE:
            IN_PLACE[name](z)
        elif name == "softmax":
            # The largest z of each row (example) becomes 0, so e^z cannot overflow.
            # numpy finds maxima along rows of 10 slowly; in a transposed copy they
            # are maxima down columns, found several times faster.
            np.copyto(s.columns[l], z.T)
            np.maximum.reduce(s.columns[l], axis=0, out=s.row[:, 0])
            z -= s.row
            np.exp(z, out=z)
            np.matmul(z, self.row_ones[l], out=s.row)               # the row sums
            z /= s.row
        else:                              # any other function: keep z for its vjp
            np.copyto(s.z[l], z)
            z[...] = self.f[l](s.z[l])
        return z

    def output_error(self, a, Y, s, scale=1.0):
        """scale · δ^(L) = scale · dC/dz^(L), as backprop.output_error() computes it."""
        delta, last = s.delta[-1], len(self.V) - 1
        if self.matched:
            np.subtract(a, Y, out=delta)
            delta *= scale / len(a)
            return delta
        delta[...] = self.cost.grad(a, Y)                 # dC/da^(L)
        if scale != 1.0:
            delta *= scale
        return self.times_derivative(last, delta, a, s)

    def times_derivative(self, l, grad_a, a, s):
        """dC/dz = dC/da ⊙ f'(z), in place in grad_a, with f' read off the activations a."""
        name, tmp = self.f[l].name, s.tmp[l]
        if name == "relu":
            np.greater(a, 0, out=s.mask[l])
            grad_a *= s.mask[l]
        elif name == "sigmoid":
            np.subtract(1, a, out=tmp)
            tmp *= a
            grad_a *= tmp
        elif name == "tanh":
            np.multiply(a, a, out=tmp)
            np.subtract(1, tmp, out=tmp)
            grad_a *= tmp
        elif name != "identity":           # softmax, leaky_relu, ...: the textbook rule
            grad_a[...] = self.f[l].vjp(s.z[l], a, grad_a)   # (softmax's rule does not use z)
        return grad_a


def _row_blocks(n, layer_size):
    """Slices of rows that keep a product with a weight matrix of layer_size numbers on BLAS's small path."""
    n_blocks = -(-n * layer_size // SMALL_MATMUL)           # ceil
    if n < 32 * n_blocks:                                   # tiny blocks: the calls would cost more
        return [slice(0, n)]
    edges = np.linspace(0, n, n_blocks + 1).round().astype(int)
    return [slice(int(lo), int(hi)) for lo, hi in zip(edges[:-1], edges[1:])]


def _product_over_rows(a, delta, out, blocks, scratch):
    """out = aᵀ δ (n_in, n_out): a sum over the batch, done block by block of rows."""
    first, *rest = blocks
    np.matmul(a[first].T, delta[first], out=out)
    for rows in rest:
        out += np.matmul(a[rows].T, delta[rows], out=scratch)
