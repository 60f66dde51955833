"""Exercise checkers: each compares a learner's answer with nnlib and explains mistakes.

A checker returns a Feedback, which a notebook shows as one line:
"✓ Correct: ..." or "✗ Not yet: <a hint aimed at the likely mistake>".
Checkers never raise on a wrong answer: a wrong answer is part of learning.
The modules follow the notebooks: neurons, weights, activations, cost, descent, training.
While the course is presented (`make present`, COURSEKIT_PRESENTATION=1) every checker shows
its question and the answer folded for the teacher instead of a verdict: see presentation.py.

What every checker shares lives in two modules, answers.py and
learner_code.py, and is imported from here:

Numbers: one tolerance policy (`check_number`, `as_number`, `within`)
    An EXACT answer (a count, -10, 0.1) must equal the right value (up to float
    rounding, 1e-7 relative: float32 precision). A MEASURED answer (a cost, a new
    w, an accuracy) is right when it is within half a unit of the last decimal the
    course shows it with: the checker states those `decimals` (3 for "3.069"), so
    the number the notebook or the ✓ message prints, and anything closer, is
    accepted. A known mistake is recognised at the same precision. An answer beyond that but within
    5 % is a near miss: if it has fewer decimals than the notebook shows, it was
    copied rounded ("compute it in code instead of copying rounded numbers"); if
    not, the checker's own hint follows "close, but". Text ("0.5"), yes/no values,
    lists, functions, nan and inf get a message saying what they are; numpy
    scalars, 0-d arrays and one-element arrays count as numbers. Vectors
    (`as_vector`) follow the same rules on types; results of the learner's
    functions are compared at computed precision (they are never typed in), and
    a vector the exercise asks to compute may be refused as typed in
    (`looks_typed`).

Functions the learner writes (`run`)
    The checker calls them on inputs of its own (drawn with an explicit
    np.random.default_rng(seed)), catching errors, warnings and printed text, and
    notices if they run the library function the exercise asks them to write
    (`run(..., library=...)`, see there), return the same value for every input
    (`same_every_time`), or return None (`returned_none`).
"""
# The shared names, in one namespace for every checker: from coursekit.exercises import run, wrong
from coursekit.exercises.answers import (Feedback, right, wrong, is_number, not_written_yet,
    not_a_function, is_function, describe, show, echo, as_number, as_vector, tolerance, within,
    decimals_of, looks_typed, shown, check_number, check_count, NEAR)
from coursekit.exercises.learner_code import (Run, run, uses_library, returned_none,
    no_answer, same_every_time, code_names)

__all__ = ["Feedback", "right", "wrong", "is_number", "not_written_yet", "not_a_function",
           "is_function", "describe", "show", "echo", "as_number", "as_vector", "tolerance",
           "within", "decimals_of", "looks_typed", "shown", "check_number", "check_count", "NEAR",
           "Run", "run", "uses_library", "returned_none", "no_answer", "same_every_time", "code_names"]
