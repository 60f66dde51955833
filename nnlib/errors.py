"""Readable errors for a learner's mistakes.

Every public function of nnlib checks its inputs with these helpers: what was
expected, what was given, and how to fix it. A bare numpy traceback ("operands
could not be broadcast together with shapes (28,28) (784,)") tells a learner nothing.
"""
import numpy as np


def fail(expected, got, fix="", error=ValueError):
    """Raise `error` with the house message: expected ..., got ... . fix."""
    message = f"expected {expected}, got {got}."
    if fix:
        message += f" {fix}"
    raise error(message)


def describe(value):
    """A short description of `value` for an error message, e.g. 'an array of shape (28, 28)'."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} (dtype {value.dtype})"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of length {len(value)}"
    return f"{value!r} (a {type(value).__name__})"


def as_array(value, name):
    """`value` as a float numpy array; a TypeError for things that are not numbers."""
    if isinstance(value, np.ndarray) and value.dtype.kind in "fiub":
        return value if value.dtype.kind == "f" else value.astype(np.float64)
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        fail(f"{name} as numbers (a numpy array or a list of numbers)", describe(value),
             error=TypeError)
    return array


def check_finite(array, name):
    """A ValueError if `array` holds NaN or inf, with a hint where they come from."""
    if not np.all(np.isfinite(array)):
        n_bad = int(np.size(array) - np.count_nonzero(np.isfinite(array)))
        fail(f"{name} to hold finite numbers", f"{n_bad} NaN or inf value(s)",
             "NaN usually comes from a learning rate that is too large (the cost blew up) "
             "or from dividing by zero; check how the array was made.")
    return array


def check_positive(value, name, fix=""):
    """A ValueError unless `value` is a finite number > 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        fail(f"{name} as a positive number", describe(value), fix, error=TypeError)
    if not np.isfinite(value) or value <= 0:
        fail(f"{name} > 0", repr(value), fix)
    return value


def check_positive_int(value, name, fix=""):
    """A ValueError unless `value` is a whole number >= 1."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        fail(f"{name} as a whole number", describe(value), fix, error=TypeError)
    if value < 1:
        fail(f"{name} >= 1", repr(value), fix)
    return int(value)


def check_inputs(x, n_in, name="x"):
    """`x` as a float array of shape (n_in,) or (N, n_in), checked and finite.

    The most common mistake is passing a 28x28 image, or a batch of them
    (N, 28, 28), where the network wants rows of 784 numbers: the message says
    how to flatten it.
    """
    x = as_array(x, name)
    if x.ndim == 1 and x.shape[0] == n_in:
        return check_finite(x, name)
    if x.ndim == 2 and x.shape[1] == n_in:
        if x.shape[0] == 0:
            fail(f"{name} with at least one row", f"an empty batch of shape (0, {n_in})")
        return check_finite(x, name)
    want = f"one input as {n_in} numbers, shape ({n_in},), or a batch of shape (N, {n_in})"
    if x.ndim >= 2 and int(np.prod(x.shape[-2:])) == n_in:
        lead = x.shape[:-2]
        fix = (f"A {x.shape[-2]}x{x.shape[-1]} image must be flattened first: "
               + (f"{name}.reshape({n_in})" if not lead else f"{name}.reshape(len({name}), {n_in})"))
        fail(want, describe(x), fix)
    if x.ndim == 2 and x.shape[0] == n_in:
        fail(want, describe(x), f"The batch looks transposed: use {name}.T so that each row is one input.")
    fail(want, describe(x), f"The network's first layer has {n_in} neurons, so each input needs {n_in} numbers.")


def check_labels(y, n_classes=10, name="y"):
    """Integer labels of shape (N,), each in 0 .. n_classes-1."""
    y = np.asarray(y)
    if y.ndim == 0:
        y = y.reshape(1)
    if y.ndim == 2:
        fail(f"{name} as integer labels of shape (N,)", describe(y),
             "This looks like one-hot rows; pass the labels themselves, e.g. Y.argmax(axis=1).")
    if y.ndim != 1:
        fail(f"{name} as integer labels of shape (N,)", describe(y))
    if y.dtype.kind == "f":
        if not np.all(np.isfinite(y)) or not np.all(y == np.round(y)):
            fail(f"{name} as whole numbers 0..{n_classes - 1}", "fractional or NaN values",
                 "Labels name a digit; round or cast them with y.astype(int).")
        y = y.astype(np.int64)
    elif y.dtype.kind not in "iu":
        fail(f"{name} as whole numbers 0..{n_classes - 1}", describe(y), error=TypeError)
    if y.size and (y.min() < 0 or y.max() >= n_classes):
        bad = y[(y < 0) | (y >= n_classes)][0]
        fail(f"labels between 0 and {n_classes - 1}", f"a label {int(bad)}",
             f"The network has {n_classes} outputs, one per class.")
    return y.astype(np.int64, copy=False)


def check_same_length(X, y, x_name="X", y_name="y"):
    """A ValueError when inputs and labels do not pair up one to one."""
    if len(X) != len(y):
        fail(f"one label per input ({x_name} has {len(X)} rows)", f"{len(y)} labels in {y_name}",
             "Pass the labels that belong to these inputs, in the same order.")
