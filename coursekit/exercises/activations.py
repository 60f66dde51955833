"""Checkers for notebook 03: write the sigmoid and ReLU yourself.

check_sigmoid(sigmoid_v1) and check_relu(relu_v1) call the learner's function
on single numbers (seven fixed, five random), on random arrays (1-D and 2-D)
and on very large |z|, compare it with nnlib.activations, and name the usual
mistake when it differs. A mistake is named only if it explains every input
of that kind, so one lucky value (tanh(0) = 0 = round(σ(0))) names nothing.

- calling nnlib's own function (found by its code object, see exercises.run),
  or returning the same number for every z;
- overflow: e to a large power, e.g. e^1000, is too large for a float. math.exp
  raises OverflowError; np.exp returns inf with a RuntimeWarning, and
  e^z / (1 + e^z) at z = +1000 then becomes inf / inf = NaN.
- Python's max (or an `if`) on an array: "The truth value of an array ... is
  ambiguous". np.maximum works element by element. math.exp, int(...) and
  float(...) work on single numbers only.
- np.max(z, 0) finds the largest element; it is not ReLU.
- whole numbers (int(...), astype(int), a step), a missing minus sign, tanh,
  1/1 + e^(-z), capping ReLU at 1, changing the caller's array in place.

Warnings raised by the learner's function are caught here and explained, so
nothing leaks onto the notebook's stderr.
"""
import math

import numpy as np

from coursekit.exercises import (code_names, echo, no_answer, not_a_function, right, run,
                                 same_every_time, uses_library, wrong)
from coursekit.exercises.presentation import exercise, solution
from nnlib import activations

SIGMOID = """
def sigmoid_v1(z):
    return 1 / (1 + np.exp(-z))
"""
RELU = """
def relu_v1(z):
    return np.maximum(z, 0)
"""
SCALARS = (0.0, 1.0, -1.0, 2.5, -3.0, 50.0, -50.0)   # σ(50) is 1.0 exactly: int(σ) is not constant
LARGE = np.array([-1000.0, -750.0, -50.0, 50.0, 750.0, 1000.0])


def inputs(rng=3):
    """The single numbers and the arrays a function is tried on, drawn from default_rng(rng)."""
    rng = np.random.default_rng(rng)
    scalars = list(SCALARS) + [float(v) for v in rng.uniform(-6, 6, 5)]
    arrays = [(rng.normal(0, 4, 33), "an array of 33 random values"),
              (rng.normal(0, 4, (3, 11)), "a 2-D array of shape (3, 11)")]
    return scalars, arrays


def _values(result):
    """The result as a float array, or None if it is not numbers."""
    try:
        values = np.asarray(result)
    except (TypeError, ValueError):
        return None
    return values.astype(float) if values.dtype.kind in "fiu" else None   # not text, not True/False


def _uses(fn, module):
    """True if fn's code names `module` or a function of it (math.exp, or exp from math)."""
    space = getattr(fn, "__globals__", {})
    for name in code_names(fn):
        obj = space.get(name)
        if obj is module or getattr(obj, "__module__", None) == module.__name__:
            return True
    return False


def _error_hint(error, name, fn):
    message = str(error)
    if isinstance(error, OverflowError):
        if _uses(fn, math):
            return ("math.exp overflowed: e^1000 is too large for a float. Use np.exp, which also "
                    "works on arrays, and think about what happens for large negative z.")
        return (f"OverflowError ({message}): e^1000 is too large for a Python float. np.exp gives "
                "inf instead of failing, and 1 / (1 + inf) is 0.")
    if "truth value of an array" in message:
        return ("Python's `max` and `if` compare single numbers, and an array is many numbers "
                "(\"the truth value of an array ... is ambiguous\"). Use numpy functions that "
                f"work element by element{', e.g. np.maximum(z, 0)' if name == 'relu' else ''}.")
    if "only length-1 arrays" in message or "only 0-dimensional" in message:
        if _uses(fn, math):
            return ("the math module works on single numbers only; use np.exp, which works on "
                    "arrays.")
        if {"int", "float"} & code_names(fn):
            return ("int(...) and float(...) turn a single number into a Python number and fail "
                    "on an array; leave them out: numpy works on whole arrays, element by element.")
        return ("something in your function works on single numbers only (such as math.exp, "
                "int(...) or float(...)); use numpy functions, which work on whole arrays.")
    if "axis" in message and "max" in code_names(fn):
        return ("np.max(z, 0) looks for the largest element along axis 0; ReLU compares each "
                "element with 0: np.maximum(z, 0).")
    return f"your function raised {type(error).__name__}: {message}"


def _shape_hint(fn, what, got, expected):
    if expected == ():
        return (f"for {what} your function returned an array of shape {got}; for a single number "
                "it should return a single number.")
    if got == ():
        finder = (" np.max finds the largest element; ReLU compares each element with 0: "
                  "np.maximum(z, 0)." if "max" in code_names(fn) else "")
        return (f"for {what} you returned a single number, expected shape {expected}: one output "
                f"per input, element by element.{finder}")
    return f"for {what} expected shape {expected}, got {got}: keep one output per input."


def _show(values):
    values = np.ravel(values)
    text = ", ".join(f"{v:.4g}" for v in values[:4])
    return text if values.size <= 4 else f"[{text}, ...]"


def _call(fn, z, name, how, what):
    """(values as a float array, None) for one call, or (None, Feedback) if it went wrong."""
    call = run(fn, z, library={f"activations.{name}": getattr(activations, name)})
    if call.library:
        return None, uses_library(call, how), call
    feedback = no_answer(call, f"{name}_v1", f"{name}(z)",
                         raised=lambda error: f"for {what}: " + _error_hint(error, name, fn))
    if feedback is not None:
        return None, feedback, call
    got = _values(call.result)
    if got is None:
        return None, wrong(f"for {what} your function returned {echo(call.result)}, not numbers."), call
    return got, None, call


def _diagnose(z, got, what, overflowed, mistakes):
    """The hint for values `got` that differ from the reference at inputs z (all of one kind)."""
    if np.any(np.isnan(got)):
        return wrong(f"for {what} your function returned NaN. "
                     + ("Overflow: e to a large power became inf, and inf / inf is NaN. " if overflowed else "")
                     + mistakes["nan"])
    for value, hint in mistakes["values"](z):
        if got.shape == np.shape(value) and np.allclose(got, value, equal_nan=True):
            return wrong(f"for {what}: {hint}")
    if np.all(got == np.round(got)) and not np.all(z == np.round(z)):
        return wrong(f"for {what}: " + mistakes["whole"])
    return None


def _check(fn, name, mistakes, how, rng):
    """Shared checking path: placeholder, library call, single numbers, arrays, large |z|."""
    feedback = not_a_function(fn,
                              f"{name}_v1 should be a function: def {name}_v1(z): return ...")
    if feedback is not None:
        return feedback
    reference = getattr(activations, name)
    scalars, arrays = inputs(rng)
    feedback = _check_single_numbers(fn, name, mistakes, how, reference, scalars)
    if feedback is not None:
        return feedback
    return _check_arrays(fn, name, mistakes, how, reference, arrays)


def _check_single_numbers(fn, name, mistakes, how, reference, scalars):
    """The Feedback on the first thing wrong for the single numbers z, or None if all are right."""
    got = []
    for z in scalars:
        values, feedback, _ = _call(fn, z, name, how, f"z = {z:g}")
        if feedback is not None:
            return feedback
        if values.shape != ():
            return wrong(_shape_hint(fn, f"z = {z:g}", values.shape, ()))
        got.append(float(values))
    got, zs = np.array(got), np.array(scalars)
    if same_every_time(list(got)):
        return wrong(f"your function returns the same number, {got[0]:.4g}, for every input z: "
                     f"use z in the formula, {how}.")
    if not np.allclose(got, reference(zs), rtol=1e-7, atol=1e-12):
        hint = _diagnose(zs, got, "single numbers", False, mistakes)
        if hint is not None:
            return hint
        i = int(np.argmax(~np.isclose(got, reference(zs), rtol=1e-7, atol=1e-12)))
        return wrong(f"for z = {zs[i]:g} expected {reference(zs[i]):.4g}, got {got[i]:.4g}.")
    return None


def _check_arrays(fn, name, mistakes, how, reference, arrays):
    """The verdict once the single numbers are right: the random arrays, then very large |z|."""
    overflow_seen = False
    for z, what in arrays + [(LARGE, "large values, z = ±50, ±750, ±1000")]:
        feedback, call = _check_array(fn, name, mistakes, how, reference, z, what)
        if feedback is not None:
            return feedback
        overflow_seen |= call.overflowed
    note = (" Note: np.exp overflowed to inf on the way (numpy warned; the checker caught the "
            "warning); the answer is still right because 1 / (1 + inf) = 0, and nnlib's sigmoid "
            "never takes e^ of a positive number, so it never warns." if overflow_seen else "")
    return right(f"{name}_v1 matches nnlib.activations.{name} on single numbers, random arrays "
                 f"and very large |z|.{note}")


def _check_array(fn, name, mistakes, how, reference, z, what):
    """(the Feedback on fn(z) if it is wrong, else None; the Run of that call)."""
    values, feedback, call = _call(fn, z, name, how, what)
    if feedback is not None:
        return feedback, call
    if call.changed:
        return wrong("your function changed the array it was given (e.g. z[z < 0] = 0). "
                     "The caller still needs z: compute a new array instead."), call
    expected = reference(z)
    if values.shape != expected.shape:
        return wrong(_shape_hint(fn, what, values.shape, expected.shape)), call
    if np.allclose(values, expected, rtol=1e-7, atol=1e-12):
        if np.asarray(call.result).dtype.kind in "iu":
            return wrong(f"for {what} the values are right but stored as whole numbers "
                         "(an int array): return floats."), call
        return None, call
    hint = _diagnose(z, values, what, call.overflowed, mistakes)
    if hint is not None:
        return hint, call
    return wrong(f"for {what} expected {_show(expected)}, got {_show(values)}."), call


@exercise("Write sigmoid_v1(z) = 1 / (1 + e^(-z)) for one number and for arrays of any shape, "
          "with no nan for very large |z| such as ±1000.",
          lambda rng: solution(SIGMOID, "sigmoid_v1"))
def check_sigmoid(sigmoid_v1, rng=3):
    """sigmoid_v1(z) should equal 1 / (1 + e^(-z)) for numbers and arrays, without NaN."""
    def mistakes(z):
        z = np.asarray(z, dtype=float)
        with np.errstate(all="ignore"):
            return [
                (activations.sigmoid(-z), "this is σ(-z): the formula has e^(-z), with a minus "
                                          "sign, 1 / (1 + np.exp(-z))."),
                (np.tanh(z), "that is tanh, which goes from -1 to 1; sigmoid goes from 0 to 1: "
                             "1 / (1 + np.exp(-z))."),
                (np.exp(-z), "you returned e^(-z) itself; σ(z) = 1 / (1 + e^(-z))."),
                (1 + np.exp(-z), "this is 1 + e^(-z): 1 / 1 + np.exp(-z) divides only the 1. Put "
                                 "the whole denominator in brackets: 1 / (1 + np.exp(-z))."),
            ]
    return _check(sigmoid_v1, "sigmoid",
                  {"values": mistakes,
                   "nan": "Write it as 1 / (1 + np.exp(-z)), which gives 1 / inf = 0 there.",
                   "whole": "your outputs are whole numbers, as if rounded to 0 or 1 (int(...), "
                            "round(...) or a step such as z > 0). σ is smooth: keep the fractions."},
                  "1 / (1 + np.exp(-z))", rng)


@exercise("Write relu_v1(z) = max(0, z) for one number and for arrays, without changing the array "
          "it is given.", lambda rng: solution(RELU, "relu_v1"))
def check_relu(relu_v1, rng=3):
    """relu_v1(z) should equal max(0, z) element by element, for numbers and arrays."""
    finder = (" (np.max(z, 0) does that for a single number: it finds the largest element, and "
              "one number is its own largest.)" if "max" in code_names(relu_v1) else "")

    def mistakes(z):
        z = np.asarray(z, dtype=float)
        return [
            (np.abs(z), "negative sums should become 0, not positive: that is |z|, not ReLU."),
            (z, f"negative sums should become 0; your function returns z unchanged.{finder} ReLU "
                "compares each element with 0: np.maximum(z, 0)."),
            (np.minimum(z, 0), "this keeps the negatives and zeroes the positives: use "
                               "np.maximum(z, 0), not np.minimum."),
            (np.clip(z, 0, 1), "ReLU is not capped at 1: large sums pass through unchanged."),
            (np.where(z > 0, z, 0.01 * z), "that is leaky ReLU, which keeps 1 % of a negative "
                                           "sum; ReLU makes it exactly 0: np.maximum(z, 0)."),
            (np.trunc(np.maximum(z, 0)), "the outputs lost their fractions (int(...) or "
                                         "astype(int)): ReLU(2.5) is 2.5, not 2."),
        ]
    return _check(relu_v1, "relu",
                  {"values": mistakes,
                   "nan": "ReLU needs no exponentials or division: np.maximum(z, 0).",
                   "whole": "the outputs lost their fractions (int(...), round(...) or "
                            "astype(int)): ReLU(2.5) is 2.5, not 2."},
                  "np.maximum(z, 0)", rng)
