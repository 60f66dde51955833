"""Readable errors for a learner's mistakes.

Every public function of nnlib checks its inputs with these helpers: what was expected,
what was given, and how to fix it. A bare numpy traceback tells a learner nothing.
"""
import numpy as np


def fail(expected, got, fix="", error=ValueError):
    """Raise `error` with the house message: expected ..., got ... . fix."""
    raise error(f"expected {expected}, got {got}." + (f" {fix}" if fix else ""))


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
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        fail(f"{name} as numbers (a numpy array or a list of numbers)", describe(value),
             "Make it with np.array([...]) of numbers, all rows the same length.", error=TypeError)


def check_finite(array, name):
    """A ValueError if `array` holds NaN or inf, with a hint where they come from."""
    if not np.isfinite(np.sum(array)) and not np.all(np.isfinite(array)):   # sum: no bool copy
        fail(f"{name} to hold finite numbers", f"{np.size(array) - np.isfinite(array).sum()} NaN or inf value(s)",
             "NaN usually comes from a learning rate that is too large (the cost blew up) "
             "or from dividing by zero; check how the array was made.")
    return array


def check_range(array, name, low, high, fix=""):
    """A ValueError unless every number of `array` lies in [low, high] (NaN never does)."""
    lo, hi = np.min(array), np.max(array)
    if not low <= lo <= hi <= high:
        fail(f"{name} between {low} and {high}", f"values from {lo:.3g} to {hi:.3g}", fix)
    return array


def check_pixels(x, name="x"):
    """Pixels of a 784-input network lie in [0, 1]; raw MNIST bytes 0..255 get the fix."""
    hi = np.max(x)
    fix = (f"These look like raw pixel values 0..255: divide by 255 first, {name} = {name} / 255."
           if 1 < hi <= 255 else "Pixels go from 0 (blank) to 1 (ink), as in data.load_sample().")
    return check_range(x, f"{name}: pixels", 0, 1, fix)


def check_positive(value, name, fix=""):
    """A ValueError unless `value` is a finite number > 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        fail(f"{name} as a positive number", describe(value), fix, error=TypeError)
    if not 0 < value < np.inf:
        fail(f"{name} > 0", repr(value), fix)
    return value


def check_positive_int(value, name, fix=""):
    """A ValueError unless `value` is a whole number >= 1."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        fail(f"{name} as a whole number", describe(value), fix or f"Write it without a point, e.g. {name}=3.",
             error=TypeError)
    if value < 1:
        fail(f"{name} >= 1", repr(value), fix or f"Use at least 1, e.g. {name}=3.")
    return int(value)


def check_shape(array, shape, name, fix):
    """A ValueError unless `array` is a numpy array of exactly `shape`: cheap, safe per batch."""
    if getattr(array, "shape", None) != shape:
        fail(f"{name} of shape {shape}", describe(array), fix)
    return array


def check_inputs(x, n_in, name="x"):
    """`x` as a float array of shape (n_in,) or (N, n_in), finite; for a 28x28 image, how to flatten it."""
    x = as_array(x, name)
    if x.shape[-1:] == (n_in,) and x.ndim <= 2 and x.size:
        return check_finite(x, name)
    want = f"one input as {n_in} numbers, shape ({n_in},), or a batch of shape (N, {n_in})"
    if x.ndim == 2 and x.shape[1] == n_in:
        fail(f"{name} with at least one row", f"an empty batch of shape (0, {n_in})",
             "Check how the batch was sliced, e.g. X[:10] rather than X[10:10].")
    if x.ndim >= 2 and int(np.prod(x.shape[-2:])) == n_in:
        fix = (f"A {x.shape[-2]}x{x.shape[-1]} image must be flattened first: "
               + (f"{name}.reshape(len({name}), {n_in})" if x.ndim > 2 else f"{name}.reshape({n_in})"))
        fail(want, describe(x), fix)
    if x.ndim == 2 and x.shape[0] == n_in:
        fail(want, describe(x), f"The batch looks transposed: use {name}.T so that each row is one input.")
    fail(want, describe(x), f"The network's first layer has {n_in} neurons, so each input needs {n_in} numbers.")


def check_labels(y, n_classes=10, name="y"):
    """Integer labels of shape (N,), each in 0 .. n_classes-1 (a 1-D array is always labels)."""
    y = np.asarray(y)
    y = y.reshape(1) if y.ndim == 0 else y
    if y.ndim != 1:
        fail(f"{name} as integer labels of shape (N,)", describe(y), "These look like one-hot rows, the wanted "
             "outputs; pass the labels themselves, e.g. Y.argmax(axis=1)." if y.ndim == 2 else "")
    if y.dtype.kind == "f":
        if not np.all(y == np.round(y)):
            fail(f"{name} as whole numbers 0..{n_classes - 1}", "fractional or NaN values",
                 f"Labels name a digit: round them with np.round({name}).astype(int).")
        y = y.astype(np.int64)
    elif y.dtype.kind not in "iu":
        fail(f"{name} as whole numbers 0..{n_classes - 1}", describe(y),
             f"Make them with np.array([...]) of whole numbers, e.g. {name} = np.array([3, 1, 4]).", TypeError)
    if y.size and (y.min() < 0 or y.max() >= n_classes):
        fail(f"labels between 0 and {n_classes - 1}", f"a label {int(y[(y < 0) | (y >= n_classes)][0])}",
             f"The network has {n_classes} outputs, one per class.")
    return y.astype(np.int64, copy=False)


def check_targets(Y, n_outputs, name="Y"):
    """Wanted outputs: one-hot rows (N, n_outputs) of numbers in [0, 1] (a 2-D array is always targets)."""
    Y = as_array(Y, name)
    if Y.ndim != 2 or Y.shape[1] != n_outputs:
        fail(f"{name} as wanted outputs of shape (N, {n_outputs}), one column per output neuron",
             describe(Y), f"Pass integer labels of shape (N,), or make one-hot rows with data.one_hot(y, {n_outputs}).")
    return check_range(Y, f"{name}: wanted outputs", 0, 1, "One-hot rows hold 0s and one 1: data.one_hot(y).")


def check_same_length(X, y, x_name="X", y_name="y"):
    """A ValueError when inputs and labels do not pair up one to one."""
    if len(X) != len(y):
        fail(f"one label per input ({x_name} has {len(X)} rows)", f"{len(y)} labels in {y_name}",
             "Pass the labels that belong to these inputs, in the same order"
             + (f"; one one-hot row for one input is 2-D: {y_name}.reshape(1, -1)." if len(X) == 1 else "."))
