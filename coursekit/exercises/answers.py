"""What every checker shares about answers: the Feedback, and one policy for numbers and vectors.

Read coursekit.exercises' docstring for the policy (exact and measured answers,
near misses, what a wrong type is told); its names are all importable from there.
"""

import math
import numbers
from typing import NamedTuple

import numpy as np


class Feedback(NamedTuple):
    """The verdict on one answer: correct or not, and what to say about it."""
    correct: bool
    message: str

    def __repr__(self):
        return ("✓ Correct: " if self.correct else "✗ Not yet: ") + self.message

    def __bool__(self):
        return self.correct


def right(message):
    return Feedback(True, message)


def wrong(message):
    return Feedback(False, message)


def is_number(answer):
    """A real number: a Python or numpy int or float, a Fraction (not a bool)."""
    return isinstance(answer, numbers.Real) and not isinstance(answer, (bool, np.bool_))


def not_written_yet(answer):
    """The Feedback for a placeholder answer (None or ...), or None if there is an answer.

    Test the result with `is not None`: a Feedback for a wrong answer is falsy,
    so `if not_written_yet(answer):` would never fire.
    """
    if answer is None or answer is Ellipsis:
        return wrong("replace the ... (or None) with your answer and run the cell again.")
    return None


def not_a_function(answer, hint):
    """The Feedback for a placeholder, or `hint` if the answer is not a function; None for a function.

    For exercises whose answer is a function the learner writes: test the
    result with `is not None`, like not_written_yet.
    """
    missing = not_written_yet(answer)
    if missing is not None:
        return missing
    if not callable(answer):
        return wrong(hint)
    return None


# -- what an answer is ----------------------------------------------------------------------

def _a(word):
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def is_function(value):
    """A function, method or numpy function, as opposed to any callable object (a Network)."""
    return callable(value) and hasattr(value, "__name__") and not isinstance(value, type)


def describe(value):
    """A few words for what a value is, for messages: "the text '0.5'", "a list of 3 items"."""
    if value is None:
        return "None"
    if value is Ellipsis:
        return "the placeholder ..."
    if isinstance(value, (bool, np.bool_)):
        return f"{value} (a yes/no value)"
    if isinstance(value, str):
        return f"the text {value!r}"
    if is_number(value):
        text = show(value)
        return text if text.startswith("a ") else f"the number {text}"
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return f"a 0-d array holding {describe(value.item())}"
        return f"an array of shape {value.shape}"
    if isinstance(value, (list, tuple, dict, set)):
        return f"a {type(value).__name__} of {len(value)} item{'s' * (len(value) != 1)}"
    if isinstance(value, type):
        return f"the type {value.__name__}, not a value"
    if is_function(value):
        return f"a function ({value.__name__}), not a value"
    return _a(type(value).__name__)


def show(value):
    """A number as a learner would write it: 3.0691, -10, 13002 (10 significant digits at most)."""
    if not is_number(value):
        return repr(value)
    try:
        return f"{float(value):.10g}"
    except OverflowError:                         # a Python int beyond any float
        return f"a {len(str(abs(int(value))))}-digit number"


def echo(value, most=40):
    """repr(value), cut to `most` characters: a learner's value repeated in a message."""
    try:
        text = show(value) if is_number(value) else repr(value)
    except Exception:                             # a learner's object may not even print
        return _a(type(value).__name__)
    return text if len(text) <= most else text[:most - 3] + "..."


def _text_answer(answer, kind, what):
    try:
        if not math.isfinite(float(answer.strip().replace("_", ""))):
            raise ValueError("nan and inf are not answers")
    except ValueError:
        return wrong(f"{what} should be {kind}, not the text {echo(answer)}.")
    return wrong(f"{echo(answer)} is text, not {kind}: leave out the quotes and write "
                 f"{echo(answer.strip())[1:-1]}.")


def _not_finite(value, kind, what):
    if math.isnan(value):
        return wrong(f"{what} came out as nan (\"not a number\"), not {kind}: a step of the "
                     "computation had no numeric result, such as 0 / 0 or inf - inf.")
    return wrong(f"{what} came out as {value}, not {kind}: a step of the computation overflowed "
                 "or divided by 0.")


def as_number(answer, kind="one number", what="the answer"):
    """(value as a float, None) for a number; (None, Feedback saying what it is) otherwise.

    Numbers are Python and numpy ints and floats, 0-d arrays and one-element
    arrays. kind: what the answer should be ("one number", "a whole number");
    what: its name in the messages ("the cost").
    """
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.reshape(-1)[0]            # a numpy scalar, checked below
        answer = str(answer) if isinstance(answer, str) else answer
    missing = not_written_yet(answer)
    if missing is not None:
        return None, missing
    if isinstance(answer, str):
        return None, _text_answer(answer, kind, what)
    if isinstance(answer, (bool, np.bool_)):
        return None, wrong(f"{answer} is a yes/no value, not {kind}: {what} is a number.")
    if is_number(answer):
        try:
            value = float(answer)
        except OverflowError:                     # a Python int beyond any float: 10 ** 400
            return None, wrong(f"that is {show(answer)}, far too large for {what}; it should be "
                               f"{kind}.")
        return (value, None) if math.isfinite(value) else (None, _not_finite(value, kind, what))
    return None, _not_a_number(answer, kind, what)


def _not_a_number(answer, kind, what):
    """The Feedback for an answer of no numeric type: a list, an array, a function, ..."""
    if isinstance(answer, (list, tuple)) and len(answer) == 1:
        return wrong(f"that is a {type(answer).__name__} holding one item; {what} is {kind}: "
                     "leave out the brackets.")
    if isinstance(answer, (list, tuple, np.ndarray)):
        n = len(answer) if not isinstance(answer, np.ndarray) else answer.size
        return wrong(f"that is {describe(answer)} ({n} values); {what} is {kind}.")
    if is_function(answer):
        return wrong(f"that is a function, not a number: call it, or write {what} itself ({kind}).")
    return wrong(f"that is {describe(answer)}; {what} should be {kind}.")


def as_vector(answer, what="the answer"):
    """(a float64 array, None) for numbers in a list, tuple or array; (None, Feedback) otherwise."""
    missing = not_written_yet(answer)
    if missing is not None:
        return None, missing
    if isinstance(answer, str):
        return None, wrong(f"{what} should be numbers, not the text {answer!r}.")
    if is_function(answer):
        return None, wrong(f"that is a function, not numbers: call it, or write {what} itself.")
    if isinstance(answer, (bool, np.bool_)) or is_number(answer):
        return None, wrong(f"that is {describe(answer)}, one value; {what} should be several "
                           "numbers, e.g. np.array([...]).")
    try:
        values = np.asarray(answer)
    except (TypeError, ValueError):               # ragged lists, odd objects
        return None, wrong(f"{what} should be a flat list or array of numbers; numpy cannot make "
                           f"one array of {describe(answer)}.")
    if values.dtype.kind in "US":
        return None, wrong(f"{what} should hold numbers, not text: leave out the quotes.")
    if values.dtype.kind == "b":
        return None, wrong(f"{what} should hold numbers, not True/False values.")
    if values.dtype.kind not in "iuf":
        return None, wrong(f"{what} should be numbers; that is {describe(answer)}, which numpy "
                           f"reads as {values.dtype.name} values. Give a list or array of numbers.")
    values = values.astype(np.float64)
    if not np.all(np.isfinite(values)):
        return None, _not_finite(float(values[~np.isfinite(values)][0]), "numbers", what)
    return values, None


# -- the tolerance policy ---------------------------------------------------------------------

NEAR = 0.05        # a wrong answer this close (relative) to the right one is a near miss


def tolerance(decimals):
    """How far a measured answer may be from the exact one: half a unit of the last decimal shown."""
    return 0.0 if decimals is None else 0.5 * 10.0 ** -decimals


def within(value, target, decimals=None):
    """True if value is target as the course shows it: to `decimals` decimals (None: exactly).

    The 1e-7 relative slack absorbs float rounding, in the learner's sums (even in float32)
    and in ours.
    """
    return abs(value - target) <= tolerance(decimals) + 1e-7 * max(1.0, abs(target))


def decimals_of(value, most=12):
    """How many decimals a number has as typed (3.069: 3, 3: 0); `most` + 1 for a computed float."""
    for d in range(most + 1):
        if round(value, d) == value:
            return d
    return most + 1


def looks_typed(values, most=10):
    """True if every value has at most `most` decimals: typed in or rounded, not computed.

    A computed float such as 0.4116676780463457 needs about 16 digits; a number typed
    in, copied from a printout (0.41166768) or rounded (np.round(g, 4)) has few.
    Only meaningful where the exact answer itself has many digits.
    """
    return all(decimals_of(v, most) <= most for v in np.ravel(values).tolist())


def shown(value, decimals):
    """The number as the course prints it: `decimals` decimals, or as is for an exact answer."""
    return show(value) if decimals is None else f"{value:.{decimals}f}"


def check_number(answer, target, decimals, praise, mistakes=(), otherwise="", kind="one number",
                 what="the answer"):
    """The Feedback for a numeric answer, by the policy in the module docstring.

    target: the right value; decimals: how many the course shows it with (None:
    an exact answer); praise: the ✓ message; mistakes: (value, hint) pairs for
    known wrong answers; otherwise: the hint for any other answer, a string or a
    function of the answer (a float).
    """
    value, problem = as_number(answer, kind, what)
    if problem is not None:
        return problem
    if within(value, target, decimals):
        return right(praise)
    for mistake, hint in mistakes:
        if mistake is not None and within(value, float(mistake), decimals):
            return wrong(hint)
    rest = otherwise(value) if callable(otherwise) else otherwise
    if decimals is not None and abs(value - target) <= NEAR * abs(target):
        if decimals_of(value) < decimals:
            return wrong(f"{show(value)} is close, but not right to the {decimals} decimals the "
                         "notebook shows: compute it in code instead of copying rounded numbers.")
        return wrong("close, but not it. " + rest)
    return wrong(rest)


def check_count(answer, correct, praise, hints, otherwise):
    """The Feedback for a count: `praise` if answer == correct, the hint for a known wrong
    count (hints: {wrong count: why}), else `otherwise` (a string, or a function of the
    answer as an int)."""
    value, problem = as_number(answer, "a whole number", "the count")
    if problem is not None:
        return problem
    if value != int(value):
        return wrong(f"a count is a whole number; you gave {show(value)}.")
    value = int(value)
    if value == correct:
        return right(praise)
    if value in hints:
        return wrong(hints[value])
    return wrong(otherwise(value) if callable(otherwise) else otherwise)
