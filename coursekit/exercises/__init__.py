"""Exercise checkers: each compares a learner's answer with nnlib and explains mistakes.

A checker returns a Feedback, which a notebook shows as one line:
"✓ Correct: ..." or "✗ Not yet: <a hint aimed at the likely mistake>".
Checkers never raise on a wrong answer: a wrong answer is part of learning.
The modules follow the notebooks: neurons, weights, activations, cost, descent, training.
"""
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
    return isinstance(answer, (int, float, np.integer, np.floating)) and not isinstance(answer, bool)


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


def check_count(answer, correct, praise, hints, otherwise):
    """The Feedback for a count: `praise` if answer == correct, the hint for a known wrong
    count (hints: {wrong count: why}), else `otherwise`."""
    missing = not_written_yet(answer)
    if missing is not None:
        return missing
    if not is_number(answer):
        return wrong(f"give the count as a whole number, not {type(answer).__name__}.")
    if answer == correct:
        return right(praise)
    return wrong(hints.get(answer, otherwise))
