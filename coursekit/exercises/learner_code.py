"""Running a function the learner wrote: watched, never raising, and what to say about it.

The checker calls it on inputs of its own, catching errors, warnings and printed
text, and notices a library function it was asked to write itself (`run`), a
result that ignores the input (`same_every_time`), a missing return
(`returned_none`), or no answer to check at all (`no_answer`). Its names are all
importable from coursekit.exercises.
"""
import contextlib
import io
import sys
import warnings
from typing import NamedTuple

import numpy as np

from coursekit.exercises.answers import not_written_yet, wrong


class Run(NamedTuple):
    """What one call of the learner's function did."""
    result: object          # what it returned (None if it raised)
    error: Exception        # what it raised, or None
    printed: str            # what it printed
    library: str            # the name of a forbidden library function it ran, or ""
    itself: bool            # True if the function IS that library function
    overflowed: bool        # numpy warned of an overflow on the way
    changed: tuple          # positions of the array arguments it changed in place


@contextlib.contextmanager
def _watch(library):
    """Record which of the `library` functions ({code object: name}) run, by sys.setprofile.

    Watching the code objects rather than names or module attributes sees every
    way of reaching them: an alias from `from nnlib.activations import sigmoid as s`,
    activations.get("sigmoid"), a helper of the learner's, a library function that
    calls it. Nothing in the library is replaced, so nothing needs restoring if the
    check is interrupted, and other threads are not affected. If a profiler is
    already running (cProfile), it is left alone and nothing is recorded.
    """
    seen = []
    if not library or sys.getprofile() is not None:
        yield seen
        return

    def hook(frame, event, arg):
        if event == "call" and frame.f_code in library:
            seen.append(library[frame.f_code])

    sys.setprofile(hook)
    try:
        yield seen
    finally:
        sys.setprofile(None)


def run(fn, *args, library=None):
    """fn(*args), watched; never raises (a learner's bug is feedback, not a crash).

    Array arguments are passed as they are and compared with a copy afterwards.
    library: {name: function} the learner was asked to write themselves, e.g.
    {"activations.sigmoid": activations.sigmoid}; Run.library names the first one
    that ran. Warnings are recorded, not shown; printed text is kept in Run.printed.
    """
    codes = {f.__code__: name for name, f in (library or {}).items()}
    before = [np.array(a, copy=True) if isinstance(a, np.ndarray) else None for a in args]
    out = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn"), \
            contextlib.redirect_stdout(out), _watch(codes) as seen:
        warnings.simplefilter("always")
        try:
            result, error = fn(*args), None
        except Exception as exc:                  # the learner's code may fail in any way
            result, error = None, exc
    changed = tuple(i for i, (a, b) in enumerate(zip(args, before)) if b is not None
                    and not (a.shape == b.shape and np.array_equal(a, b, equal_nan=True)))
    itself = getattr(fn, "__code__", None) in codes
    return Run(result, error, out.getvalue(), seen[0] if seen else "", itself,
               any("overflow" in str(w.message) for w in caught), changed)


def uses_library(call, how):
    """The Feedback for a function that ran the library function it should replace."""
    verb = "is" if call.itself else "calls"
    return wrong(f"this {verb} nnlib's own {call.library}; the exercise is to write it yourself: "
                 f"{how}.")


def returned_none(call, name, what="its answer"):
    """The Feedback for a function that returned None: it printed instead, or has no `return`."""
    printed = call.printed.strip()
    if printed:
        first = printed.splitlines()[0]
        first = first if len(first) <= 40 else first[:37] + "..."
        return wrong(f"{name} printed {first!r} but returned None: print only shows a value on the "
                     f"screen; `return` hands {what} back to whoever called the function (here "
                     "the checker). Replace print(...) with return ...")
    return wrong(f"{name} returned None: a function gives back {what} with a line "
                 "`return ...`; one that ends without `return` gives None.")


def no_answer(call, name, what, raised=None):
    """The Feedback for a Run of the learner's function `name` that gave nothing to check, or None.

    Checked in this order: it raised (worded by raised(error), by default "name raised
    TypeError: ..."), it returned None (returned_none, `what` naming the answer, e.g.
    "the index"), or it still returns the placeholder ... (not_written_yet).
    """
    if call.error is not None:
        return wrong(raised(call.error) if raised else
                     f"{name} raised {type(call.error).__name__}: {call.error}")
    if call.result is None:
        return returned_none(call, name, what)
    return not_written_yet(call.result)


def same_every_time(results):
    """True if all the results are equal (numbers or arrays): the function ignores its input."""
    first = np.asarray(results[0])
    return len(results) > 1 and all(
        np.shape(r) == first.shape and np.array_equal(np.asarray(r), first) for r in results[1:])


def code_names(fn):
    """The global and attribute names a function's code uses, nested functions included."""
    names, todo = set(), [getattr(fn, "__code__", None)]
    while todo:
        code = todo.pop()
        if code is None:
            continue
        names.update(code.co_names)
        todo.extend(c for c in code.co_consts if hasattr(c, "co_names"))
    return names
