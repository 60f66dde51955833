"""Checkers for notebook 03: write the sigmoid and ReLU yourself.

check_sigmoid(sigmoid_v1) and check_relu(relu_v1) call the learner's function
on single numbers, on arrays (1-D and 2-D) and on very large |z|, compare it
with nnlib.activations, and name the usual mistake when it differs:

- overflow: e^(-z) for z = -1000 is e^1000, too large for a float. math.exp
  raises OverflowError; np.exp returns inf with a RuntimeWarning, and
  e^(-z) / (1 + e^(-z)) then becomes inf / inf = NaN.
- Python's max (or an `if`) on an array: "The truth value of an array ... is
  ambiguous". np.maximum works element by element.
- np.max(z, 0) finds the largest element; it is not ReLU.
- returning whole numbers (int(...), astype(int)), forgetting the minus sign,
  capping ReLU at 1, changing the caller's array in place.

Warnings raised by the learner's function are caught here and explained, so
nothing leaks onto the notebook's stderr.
"""
import warnings

import numpy as np

from coursekit.exercises import not_a_function, not_written_yet, right, wrong
from nnlib import activations

SCALARS = (0.0, 1.0, -1.0, 2.5, -3.0)
LARGE = np.array([-1000.0, -750.0, -50.0, 50.0, 750.0, 1000.0])


def _run(fn, z):
    """fn(z) on a copy of z: (result, error, overflowed, changed_input); never raises."""
    given = np.array(z, copy=True) if isinstance(z, np.ndarray) else z
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn"):
        warnings.simplefilter("always")
        try:
            result, error = fn(given), None
        except Exception as exc:                  # the learner's code may fail in any way
            result, error = None, exc
    overflowed = any("overflow" in str(w.message) for w in caught)
    changed = isinstance(z, np.ndarray) and not np.array_equal(given, z)
    return result, error, overflowed, changed


def _values(result):
    """The result as a float array, or None if it is not numbers."""
    try:
        values = np.asarray(result)
    except (TypeError, ValueError):
        return None
    return values.astype(float) if values.dtype.kind in "fiub" else None   # not text either


def _error_hint(error, name):
    message = str(error)
    if isinstance(error, OverflowError):
        return ("math.exp overflowed: e^1000 is too large for a float. Use np.exp, which also "
                "works on arrays, and think about what happens for large negative z.")
    if "truth value of an array" in message:
        return ("Python's `max` and `if` compare single numbers, and an array is many numbers "
                "(\"the truth value of an array ... is ambiguous\"). Use numpy functions that "
                f"work element by element{', e.g. np.maximum(z, 0)' if name == 'relu' else ''}.")
    if "only length-1 arrays" in message or "only 0-dimensional" in message or (
            isinstance(error, TypeError) and "math" in message):
        return "the math module works on single numbers only; use np.exp, which works on arrays."
    if "axis" in message:
        return ("np.max(z, 0) looks for the largest element along axis 0; ReLU compares each "
                "element with 0: np.maximum(z, 0).")
    return f"your function raised {type(error).__name__}: {message}"


def _check(fn, name, reference, mistakes):
    """Shared checking path: placeholder, single numbers, arrays, large |z|, side effects."""
    feedback = not_a_function(fn,
                              f"{name}_v1 should be a function: def {name}_v1(z): return ...")
    if feedback is not None:
        return feedback
    first, error, _, _ = _run(fn, 0.5)
    if error is None and not_written_yet(first) is not None:
        return not_written_yet(first)
    line = np.linspace(-8, 8, 33)
    cases = [(z, f"z = {z:g}") for z in SCALARS] + [
        (line, "an array of 33 values from -8 to 8"),
        (line.reshape(3, 11), "a 2-D array of shape (3, 11)"),
        (LARGE, "large values, z = ±50, ±750, ±1000"),
    ]
    overflow_seen = False
    for z, what in cases:
        result, error, overflowed, changed = _run(fn, z)
        overflow_seen |= overflowed
        if error is not None:
            return wrong(f"for {what}: " + _error_hint(error, name))
        expected = reference(z)
        got = _values(result)
        if got is None:
            return wrong(f"for {what} your function returned {result!r}, not numbers.")
        if changed:
            return wrong("your function changed the array it was given (e.g. z[z < 0] = 0). "
                         "The caller still needs z: compute a new array instead.")
        if got.shape != np.shape(expected):
            return wrong(_shape_hint(what, got.shape, np.shape(expected)))
        if np.allclose(got, expected, rtol=1e-7, atol=1e-12):
            if isinstance(z, np.ndarray) and np.asarray(result).dtype.kind in "iu":
                return wrong(f"for {what} the values are right but stored as whole numbers "
                             "(an int array): return floats.")
            continue
        if np.any(np.isnan(got)):
            return wrong(f"for {what} your function returned NaN. "
                         + ("Overflow: e^(-z) became inf, and inf / inf is NaN. " if overflowed
                            else "") + mistakes["nan"])
        for value, hint in mistakes["values"](z):
            if got.shape == np.shape(value) and np.allclose(got, value):
                return wrong(f"for {what}: {hint}")
        return wrong(f"for {what} expected {_show(expected)}, got {_show(got)}.")
    note = (" Note: np.exp overflowed to inf on the way (numpy warned); the answer is still right "
            "because 1 / (1 + inf) = 0, and nnlib's sigmoid never takes e^ of a positive "
            "number, so it never warns." if overflow_seen else "")
    return right(f"{name}_v1 matches nnlib.activations.{name} on single numbers, arrays and "
                 f"very large |z|.{note}")


def _shape_hint(what, got, expected):
    if got == ():
        return (f"for {what} you returned a single number, expected shape {expected}. np.max "
                "finds the largest element; use functions that work element by element "
                "(np.maximum, np.exp).")
    return f"for {what} expected shape {expected}, got {got}: keep one output per input."


def _show(values):
    values = np.ravel(values)
    text = ", ".join(f"{v:.4g}" for v in values[:4])
    return text if values.size <= 4 else f"[{text}, ...]"


def check_sigmoid(sigmoid_v1):
    """sigmoid_v1(z) should equal 1 / (1 + e^(-z)) for numbers and arrays, without NaN."""
    def mistakes(z):
        return [
            (activations.sigmoid(-np.asarray(z)), "this is σ(-z): the formula has e^(-z), with "
                                                  "a minus sign, 1 / (1 + np.exp(-z))."),
            (np.round(activations.sigmoid(z)), "the outputs are rounded to 0 or 1 (a step "
                                               "function, or int(...)). σ is smooth: keep the "
                                               "fractions."),
            (np.exp(-np.clip(z, -700, 700)), "you returned e^(-z) itself; "
                                             "σ(z) = 1 / (1 + e^(-z))."),
        ]
    return _check(sigmoid_v1, "sigmoid", activations.sigmoid,
                  {"values": mistakes,
                   "nan": "Write it as 1 / (1 + np.exp(-z)), which gives 1 / inf = 0 there."})


def check_relu(relu_v1):
    """relu_v1(z) should equal max(0, z) element by element, for numbers and arrays."""
    def mistakes(z):
        z = np.asarray(z, dtype=float)
        return [
            (np.abs(z), "negative sums should become 0, not positive: that is |z|, not ReLU."),
            (z, "negative sums should become 0; you returned z unchanged. (np.max(z, 0) does "
                "that: it looks for the largest element of z. ReLU compares each element with "
                "0: np.maximum(z, 0).)"),
            (np.minimum(z, 0), "this keeps the negatives and zeroes the positives: use "
                               "np.maximum(z, 0), not np.minimum."),
            (np.clip(z, 0, 1), "ReLU is not capped at 1: large sums pass through unchanged."),
            (np.trunc(np.maximum(z, 0)), "the outputs lost their fractions (int(...) or "
                                         "astype(int)): ReLU(2.5) is 2.5, not 2."),
        ]
    return _check(relu_v1, "relu", activations.relu,
                  {"values": mistakes, "nan": "ReLU needs no exponentials: np.maximum(z, 0)."})
