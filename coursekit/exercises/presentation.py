"""Exercises in presentation mode: the question, and the answer folded away for the teacher.

`make present` serves the notebooks with Voila, code hidden, and sets
COURSEKIT_PRESENTATION=1 for the kernels. A verdict on the placeholder
("✗ Not yet: replace the ...") makes no sense on a projector, so while the
course is presented every checker shows instead

    Exercise. <the question, one line>
    ▸ Answer (for the teacher)        <details>: a number with its units, or code in a <pre>,
                                       then the checker's own ✓ message on that answer

whatever the learner's cell holds: the learner's answer is not even looked at.

`presenting()` is the one place that reads the environment variable. A checker
takes part by the decorator `@exercise(question, answer)` beside it:

    question  a format string over the checker's other arguments ("... {n_examples:,} digits ..."),
              or a function of them returning the line
    answer    a function of those arguments -> Answer: the value the cell should hold, computed
              from nnlib (never a number typed in here), or `solution(code, name)` for code

The checker itself then judges that answer, not presenting, so the fold shows
only an answer the exercise accepts (the tests check that it does).
Without the variable the checker runs exactly as it always did.
"""
import functools
import html
import inspect
import os
from typing import NamedTuple

import numpy as np
from IPython.display import HTML

from nnlib import activations, backprop, cost

VARIABLE = "COURSEKIT_PRESENTATION"
TRUE = ("1", "true", "yes", "on")
SUMMARY = "Answer (for the teacher)"


def presenting():
    """True if the course is being presented (COURSEKIT_PRESENTATION=1, true, yes or on)."""
    return os.environ.get(VARIABLE, "").strip().lower() in TRUE


class Answer(NamedTuple):
    """The right answer to an exercise, as the cell should hold it and as the teacher reads it."""
    value: object          # what the learner's cell should hold: a number, an array or a function
    shown: str             # the number with its units, or the code of a reference solution
    code: bool = False     # True: `shown` is code, set in a <pre>


def solution(code, name, **names):
    """Answer(the `name` that `code` defines, code): a short reference solution, run here.

    code runs with numpy as np and nnlib's activations, backprop and cost (the
    names the notebooks use), plus `names` (e.g. the notebook's net or batch).
    """
    namespace = {"np": np, "activations": activations, "backprop": backprop, "cost": cost,
                 **names}
    # The text the teacher reads is the code that ran: the fold cannot drift from what is checked.
    exec(compile(code, f"<reference solution: {name}>", "exec"), namespace)
    return Answer(namespace[name], code.strip("\n"), code=True)


class Presented(HTML):
    """What a check shows while the course is presented: text/html with a fold, text/plain too.

    question: one line; answer: an Answer; why: the checker's ✓ message on that answer,
    shown after a ✓ so the teacher sees the exercise accepts it.
    """

    def __init__(self, question, answer, why=""):
        self.question, self.answer, self.why = question, answer, why
        super().__init__(self._html())

    def _html(self):
        shown = html.escape(self.answer.shown)
        body = f"<pre><code>{shown}</code></pre>" if self.answer.code else f"<p><b>{shown}</b></p>"
        why = f"<p>✓ {html.escape(self.why)}</p>" if self.why else ""
        return (f'<div class="coursekit-exercise"><p><b>Exercise.</b> '
                f"{html.escape(self.question)}</p><details><summary>{SUMMARY}</summary>"
                f"{body}{why}</details></div>")

    def __repr__(self):
        shown = self.answer.shown
        shown = "\n" + "\n".join("    " + line for line in shown.splitlines()) \
            if self.answer.code else " " + shown
        return (f"Exercise. {self.question}\n{SUMMARY}:{shown}"
                + (f"\n✓ {self.why}" if self.why else ""))


def present(checker, question, answer, args, kwargs):
    """The Presented for a call checker(*args, **kwargs): the learner's answer is set aside."""
    signature = inspect.signature(checker)
    bound = signature.bind(*args, **kwargs)
    bound.apply_defaults()
    given = dict(bound.arguments)
    given.pop(next(iter(signature.parameters)))          # the learner's answer: not looked at
    right = answer(**given)
    verdict = checker(right.value, **given)
    asked = question(**given) if callable(question) else question.format(**given)
    return Presented(asked, right, verdict.message if verdict.correct else "")


def exercise(question, answer):
    """Decorate a checker: while presenting, it shows the question and the folded answer.

    question: a format string over the checker's arguments after the first, or a
    function of them (by name) returning the line; answer: a function of those
    arguments (by name) returning an Answer.
    """
    def decorate(checker):
        @functools.wraps(checker)
        def check(*args, **kwargs):
            if not presenting():
                return checker(*args, **kwargs)
            return present(checker, question, answer, args, kwargs)
        check.question, check.answer = question, answer
        return check
    return decorate
