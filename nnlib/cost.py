"""Cost functions: one number that says how wrong the network is.

The network outputs y_hat (10 numbers) where we wanted Y, the one-hot vector of the right
digit; a cost compares them, averaged over the examples, and learning makes it small. Each
cost sits beside its gradient dC/dy_hat, where backpropagation starts.

    quadratic             C = mean over examples of Σ_j (y_hat_j - y_j)²      (any outputs)
    cross_entropy         C = mean of -Σ_j y_j ln y_hat_j                     (softmax outputs)
    binary_cross_entropy  C = mean of -Σ_j [y_j ln y_hat_j + (1-y_j) ln(1-y_hat_j)]  (sigmoid outputs)
"""
from typing import Callable, NamedTuple

import numpy as np

from nnlib.errors import as_array, check_labels, check_targets, fail

# ln(0) is -inf: outputs are kept this far from 0 and 1 inside the logarithms.
EPS = 1e-12


def quadratic_each(y_hat, Y):
    """One cost per example, shape (N,) (or a number for one example): Σ_j (y_hat_j - y_j)²."""
    y_hat, Y = _pair(y_hat, Y)
    return ((y_hat - Y) ** 2).sum(axis=-1)


def quadratic(y_hat, Y):
    """Average over examples of the sum of squared differences. y_hat, Y: (N, k) or (k,)."""
    return float(np.mean(quadratic_each(y_hat, Y)))


def quadratic_grad(y_hat, Y):
    """dC/dy_hat = 2 (y_hat - Y) / N, same shape as y_hat."""
    y_hat, Y = _pair(y_hat, Y)
    return 2 * (y_hat - Y) / len(np.atleast_2d(y_hat))


def cross_entropy_each(y_hat, Y):
    """One cost per example: -Σ_j y_j ln y_hat_j, only the right digit's output counts."""
    y_hat, Y = _pair(y_hat, Y, "cross_entropy")
    return -(Y * np.log(np.clip(y_hat, EPS, None))).sum(axis=-1)


def cross_entropy(y_hat, Y):
    """Average of -Σ y ln y_hat over the examples."""
    return float(np.mean(cross_entropy_each(y_hat, Y)))


def cross_entropy_grad(y_hat, Y):
    """dC/dy_hat = -Y / y_hat / N."""
    y_hat, Y = _pair(y_hat, Y, "cross_entropy")
    return -Y / np.clip(y_hat, EPS, None) / len(np.atleast_2d(y_hat))


def binary_cross_entropy_each(y_hat, Y):
    """One cost per example, each output a separate yes/no: -Σ_j [y ln y_hat + (1-y) ln(1-y_hat)]."""
    y_hat, Y = _pair(y_hat, Y)
    p = np.clip(y_hat, EPS, 1 - EPS)
    return -(Y * np.log(p) + (1 - Y) * np.log(1 - p)).sum(axis=-1)


def binary_cross_entropy(y_hat, Y):
    """Cross-entropy for outputs that are each a separate yes/no (sigmoid outputs)."""
    return float(np.mean(binary_cross_entropy_each(y_hat, Y)))


def binary_cross_entropy_grad(y_hat, Y):
    """dC/dy_hat = (y_hat - Y) / (y_hat (1 - y_hat)) / N."""
    y_hat, Y = _pair(y_hat, Y)
    p = np.clip(y_hat, EPS, 1 - EPS)
    return (p - Y) / (p * (1 - p)) / len(np.atleast_2d(p))


FIT = ("cross_entropy fits softmax outputs, binary_cross_entropy sigmoid (or softmax) outputs, quadratic "
       "any: pick the cost that fits the network's output, e.g. Network(output='softmax') with cross_entropy.")


def _pair(y_hat, Y, name=""):
    """y_hat and Y as arrays of one shape (cheap); for cross_entropy, Y's rows summing to 1."""
    y_hat, Y = as_array(y_hat, "y_hat"), as_array(Y, "Y")
    if y_hat.shape != Y.shape:
        fail("y_hat and Y of one shape (the outputs and the wanted outputs)", f"{y_hat.shape} and {Y.shape}",
             "Y must be one-hot rows like y_hat, not labels: Y = data.one_hot(y) or cost.targets(y, 10).")
    return y_hat, (check_sums(Y) if name == "cross_entropy" else Y)


def check_sums(Y, name="Y"):
    """Wanted outputs Y (N, k) or (k,) for cross_entropy: probabilities, each row summing to 1."""
    off = np.abs(np.sum(Y, axis=-1) - 1)
    if np.any(off > 1e-3):
        fail(f"wanted outputs {name} whose rows sum to 1 for cross_entropy", f"a row {np.max(off):.3g} off",
             "Use one-hot rows, data.one_hot(y), or pass the labels y themselves.")
    return Y


class Cost(NamedTuple):
    """A named cost: its value (the average), one value per example, its gradient, and fitting outputs."""
    name: str
    value: Callable
    grad: Callable
    each: Callable
    outputs: tuple = None      # the output functions it fits (None: any)

    def __call__(self, y_hat, Y):
        return self.value(y_hat, Y)


COSTS = {
    "quadratic": Cost("quadratic", quadratic, quadratic_grad, quadratic_each),
    "cross_entropy": Cost("cross_entropy", cross_entropy, cross_entropy_grad, cross_entropy_each,
                          ("softmax",)),
    "binary_cross_entropy": Cost("binary_cross_entropy", binary_cross_entropy, binary_cross_entropy_grad,
                                 binary_cross_entropy_each, ("sigmoid", "softmax")),
}


def get(name, output=None):
    """The Cost called `name`, e.g. get("quadratic"); with `output`, checked to fit that output function."""
    cost = name if isinstance(name, Cost) else COSTS.get(name) if isinstance(name, str) else None
    if cost is None:
        fail(f"a cost name, one of {sorted(COSTS)}", repr(name), "Names are lower case, e.g. cost='quadratic'.")
    if output and cost.outputs and output not in cost.outputs:
        fail(f"a cost that fits {output} outputs", f"cost={cost.name!r}", FIT)
    return cost


def targets(y, n_outputs):
    """The wanted outputs Y (N, n_outputs): 1-D y (or one number) always means integer labels,
    label 3 -> [0, 0, 0, 1, 0, ...]; 2-D always means wanted outputs already, checked."""
    if np.ndim(y) == 2:
        return check_targets(y, n_outputs)
    return np.eye(n_outputs)[check_labels(y, n_outputs)]


def evaluate(net, X, y, cost="quadratic"):
    """The average cost of network `net` on inputs X (N, n_in) with labels y (N,) or Y (N, k)."""
    cost = get(cost, net.output)
    y_hat = np.atleast_2d(net.forward(X))
    Y = targets(y, net.sizes[-1])
    if len(Y) != len(y_hat):
        fail(f"one label per input ({len(y_hat)} inputs)", f"{len(Y)} labels",
             "Pass the labels of these inputs; one one-hot row for one input is 2-D: Y.reshape(1, -1).")
    return cost(y_hat, Y)
