"""Cost functions: one number that says how wrong the network is.

For one example the network outputs y_hat (10 numbers) and we wanted y, the
one-hot vector of the right digit. A cost compares the two; over many examples
we take the average, and learning makes it small. Each cost sits beside its
gradient with respect to the outputs, dC/dy_hat, where backpropagation starts.

    quadratic             C = mean over examples of Σ_j (y_hat_j - y_j)²
    cross_entropy         C = mean of -Σ_j y_j ln y_hat_j          (softmax outputs)
    binary_cross_entropy  C = mean of -Σ_j [y_j ln y_hat_j + (1-y_j) ln(1-y_hat_j)]  (sigmoid outputs)
"""
from typing import Callable, NamedTuple

import numpy as np

from nnlib.errors import as_array, check_finite, check_labels, describe, fail

# ln(0) is -inf: outputs are kept this far from 0 and 1 inside the logarithms.
EPS = 1e-12


def quadratic_each(y_hat, Y):
    """One cost per example, shape (N,) (or a number for one example): Σ_j (y_hat_j - y_j)²."""
    return ((y_hat - Y) ** 2).sum(axis=-1)


def quadratic(y_hat, Y):
    """Average over examples of the sum of squared differences. y_hat, Y: (N, k) or (k,)."""
    return float(np.mean(quadratic_each(y_hat, Y)))


def quadratic_grad(y_hat, Y):
    """dC/dy_hat = 2 (y_hat - Y) / N, same shape as y_hat."""
    return 2 * (y_hat - Y) / _n_examples(y_hat)


def cross_entropy_each(y_hat, Y):
    """One cost per example: -Σ_j y_j ln y_hat_j, only the right digit's output counts."""
    return -(Y * np.log(np.clip(y_hat, EPS, None))).sum(axis=-1)


def cross_entropy(y_hat, Y):
    """Average of -Σ y ln y_hat over the examples."""
    return float(np.mean(cross_entropy_each(y_hat, Y)))


def cross_entropy_grad(y_hat, Y):
    """dC/dy_hat = -Y / y_hat / N."""
    return -Y / np.clip(y_hat, EPS, None) / _n_examples(y_hat)


def binary_cross_entropy_each(y_hat, Y):
    """One cost per example, each output a separate yes/no: -Σ_j [y ln y_hat + (1-y) ln(1-y_hat)]."""
    p = np.clip(y_hat, EPS, 1 - EPS)
    return -(Y * np.log(p) + (1 - Y) * np.log(1 - p)).sum(axis=-1)


def binary_cross_entropy(y_hat, Y):
    """Cross-entropy for outputs that are each a separate yes/no (sigmoid outputs)."""
    return float(np.mean(binary_cross_entropy_each(y_hat, Y)))


def binary_cross_entropy_grad(y_hat, Y):
    """dC/dy_hat = (y_hat - Y) / (y_hat (1 - y_hat)) / N."""
    p = np.clip(y_hat, EPS, 1 - EPS)
    return (p - Y) / (p * (1 - p)) / _n_examples(y_hat)


def _n_examples(y_hat):
    return 1 if y_hat.ndim == 1 else y_hat.shape[0]


class Cost(NamedTuple):
    """A named cost: its value (the average), one value per example, and its gradient."""
    name: str
    value: Callable
    grad: Callable
    each: Callable

    def __call__(self, y_hat, Y):
        return self.value(y_hat, Y)


COSTS = {
    "quadratic": Cost("quadratic", quadratic, quadratic_grad, quadratic_each),
    "cross_entropy": Cost("cross_entropy", cross_entropy, cross_entropy_grad, cross_entropy_each),
    "binary_cross_entropy": Cost("binary_cross_entropy", binary_cross_entropy,
                                 binary_cross_entropy_grad, binary_cross_entropy_each),
}


def get(name):
    """The Cost called `name`, e.g. get("quadratic")."""
    if isinstance(name, Cost):
        return name
    if name not in COSTS:
        fail(f"a cost name, one of {sorted(COSTS)}", repr(name))
    return COSTS[name]


def targets(y, n_outputs):
    """The wanted outputs Y, shape (N, n_outputs) or (n_outputs,), from labels or one-hot.

    Integer labels (N,) become one-hot rows: label 3 -> [0, 0, 0, 1, 0, ...].
    Floats are taken as one-hot already: one row (n_outputs,) or rows (N, n_outputs).
    """
    y_arr = np.asarray(y)
    is_one_hot = y_arr.dtype.kind == "f" and (
        y_arr.ndim == 2 or (y_arr.ndim == 1 and y_arr.shape[0] == n_outputs))
    if not is_one_hot:
        return np.eye(n_outputs)[check_labels(y_arr, n_outputs)]
    Y = check_finite(as_array(y_arr, "Y"), "Y")
    if Y.shape[-1] != n_outputs:
        fail(f"wanted outputs with {n_outputs} columns, one per output neuron", describe(Y),
             f"Pass integer labels of shape (N,) or one-hot rows of shape (N, {n_outputs}).")
    return Y


def evaluate(net, X, y, cost="quadratic"):
    """The average cost of network `net` on inputs X (N, n_in) with labels y (N,) or Y (N, k)."""
    y_hat = net.forward(X)
    Y = targets(y, net.sizes[-1])
    if Y.shape[0] != (1 if y_hat.ndim == 1 else y_hat.shape[0]):
        fail(f"one label per input ({1 if y_hat.ndim == 1 else y_hat.shape[0]} inputs)",
             f"{Y.shape[0]} labels")
    return get(cost)(y_hat, Y.reshape(y_hat.shape))
