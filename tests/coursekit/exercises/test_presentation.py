"""Presentation mode (`make present`, COURSEKIT_PRESENTATION=1): every check shows its question and
the answer folded for the teacher, never a verdict, whatever the learner's cell holds; each
folded answer is one its own exercise accepts; and no exercise of any notebook is left out.
"""
import ast
import inspect
import json
import re

import numpy as np
import pytest
from IPython.display import HTML

from coursekit.exercises import activations, cost, descent, neurons, shapes, training, weights
from coursekit.exercises.presentation import (SUMMARY, VARIABLE, Answer, Presented, exercise,
                                              presenting)
from exercise_notebooks import CHECK_CALL, NOTEBOOKS, exercises

EXERCISES = exercises()
MODULES = (neurons, weights, activations, cost, descent, training, shapes)
CHECKERS = {name: f for module in MODULES for name, f in inspect.getmembers(module, inspect.isfunction)
            if name.startswith("check_") and f.__module__ == module.__name__}
FOLD = f"<details><summary>{SUMMARY}</summary>"


@pytest.fixture(scope="module")
def contexts():
    """Each exercise's namespace, made once (the slice of its notebook it needs)."""
    cache = {}

    def context(ex):
        if ex.name not in cache:
            cache[ex.name] = ex.context()
        return cache[ex.name]
    return context


@pytest.fixture
def presented(monkeypatch):
    monkeypatch.setenv(VARIABLE, "1")


# -- the one switch ---------------------------------------------------------------------------

@pytest.mark.parametrize("value, on", [
    ("1", True), ("true", True), ("True", True), ("YES", True), (" on ", True),
    ("", False), ("0", False), ("false", False), ("no", False), ("off", False),
])
def test_presenting_reads_the_variable(monkeypatch, value, on):
    monkeypatch.setenv(VARIABLE, value)
    assert presenting() is on


def test_not_presenting_without_the_variable(monkeypatch):
    monkeypatch.delenv(VARIABLE, raising=False)
    assert not presenting()
    assert repr(neurons.check_output_count(...)).startswith("✗ Not yet: replace the ...")


def test_presented_is_html_with_a_fold_and_plain_text_too():
    shown = Presented("Is a < b?", Answer(1, "if a < b:\n    return 1", code=True), "a & b")
    assert isinstance(shown, HTML)
    page = shown._repr_html_()
    assert FOLD in page and page.endswith("</details></div>")
    assert "<pre><code>if a &lt; b:\n    return 1</code></pre>" in page and "a &amp; b" in page
    assert "Is a &lt; b?" in page
    assert repr(shown) == ("Exercise. Is a < b?\nAnswer (for the teacher):\n    if a < b:\n"
                           "        return 1\n✓ a & b")
    number = Presented("How many?", Answer(3, "3 apples"))
    assert "<p><b>3 apples</b></p>" in number._repr_html_()
    assert repr(number) == "Exercise. How many?\nAnswer (for the teacher): 3 apples"


def test_every_checker_takes_part():
    assert len(CHECKERS) == 19
    for name, check in CHECKERS.items():
        assert callable(check.answer) and check.question, name
        assert check.__wrapped__.__name__ == name


def test_a_checker_whose_answer_is_refused_shows_no_tick(presented):
    @exercise("What is one?", lambda: Answer(2, "2"))
    def check_one(answer):
        return neurons.check_count(answer, 1, "yes", {}, "no")
    shown = check_one(...)
    assert shown.why == "" and "✓" not in repr(shown) and "Not yet" not in repr(shown)


# -- every exercise of every notebook, presented ----------------------------------------------

def test_every_check_call_in_the_notebooks_is_an_exercise_that_takes_part():
    """A new check cell cannot be forgotten: every `xxx.check_...(` in a code cell is found."""
    calls = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                calls += [(path.stem, name) for name in CHECK_CALL.findall("".join(cell["source"]))]
    assert sorted(calls) == sorted((ex.notebook, ex.checker) for ex in EXERCISES)
    assert set(CHECKERS) <= {name for _, name in calls}      # and the tests below run them all


def wrong_answers(ex):
    """What a learner's cell may hold instead: nothing yet, a wrong value, a function that fails."""
    try:
        name = ex.answer_name
    except AssertionError:                     # no placeholder: the check reads an app's state
        return []
    if ex.is_function:
        return [f"{name} = None", f"def {name}(*args):\n    return 0\n",
                f"def {name}(*args):\n    raise NotImplementedError\n", f"{name} = 'draft'"]
    return [f"{name} = None", f"{name} = 12345", f"{name} = 'abc'", f"{name} = [1, 2]"]


def takes_part(shown, ex):
    assert isinstance(shown, Presented), (
        f"{ex.name} does not take part in presentation mode: decorate its checker with "
        f"coursekit.exercises.presentation.exercise(question, answer). It showed {shown!r}")


def no_verdict(shown, ex):
    takes_part(shown, ex)
    page, text = shown._repr_html_(), repr(shown)
    for words in ("Not yet", "✗", "Correct:"):
        assert words not in page and words not in text, (ex.name, words)
    assert FOLD in page and "</details>" in page
    assert text.startswith(f"Exercise. {shown.question}\n{SUMMARY}:") and shown.question
    assert shown.why and "\n" not in shown.question
    return page


@pytest.mark.parametrize("ex", EXERCISES, ids=[ex.name for ex in EXERCISES])
def test_each_exercise_shows_its_question_and_folded_answer_whatever_the_cell_holds(
        ex, contexts, presented):
    placeholder, _ = ex.run(namespace=contexts(ex))          # the cell as the notebook has it
    page = no_verdict(placeholder, ex)
    for code in wrong_answers(ex) + [ex.solution]:
        shown, _ = ex.run(code, contexts(ex))
        assert no_verdict(shown, ex) == page, (ex.name, code)


def check_with(ex, namespace, value):
    """The exercise's own check call, exactly as the cell writes it, with `value` as the answer."""
    check = ast.parse(ex.cell).body[-1].value
    check.args[0] = ast.Name("shown_answer", ast.Load())
    namespace = dict(namespace, shown_answer=value)
    return eval(compile(ast.Expression(ast.fix_missing_locations(check)), ex.name, "eval"),
                namespace)


def first_number(text):
    return float(re.search(r"-?\d[\d,]*(\.\d+)?", text).group(0).replace(",", ""))


@pytest.mark.parametrize("ex", EXERCISES, ids=[ex.name for ex in EXERCISES])
def test_each_folded_answer_is_accepted_by_its_own_exercise(ex, contexts, monkeypatch):
    monkeypatch.setenv(VARIABLE, "1")
    shown, namespace = ex.run(namespace=contexts(ex))
    monkeypatch.delenv(VARIABLE)
    takes_part(shown, ex)
    answer = shown.answer
    assert check_with(ex, namespace, answer.value).correct, ex.name
    if answer.code:          # pasted into the cell as the teacher reads it
        code = answer.shown
        tree = ast.parse(code)
        if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr):
            code = f"{ex.answer_name} = {code}"
        feedback, _ = ex.run(code, contexts(ex))
    else:                    # the number, typed in as shown
        feedback, _ = ex.run(f"{ex.answer_name} = {first_number(answer.shown)!r}", contexts(ex))
    assert feedback.correct, (ex.name, answer.shown, feedback)
    assert f"✓ {feedback.message}" in repr(shown)


@pytest.mark.parametrize("ex", [ex for ex in EXERCISES if ex.is_function],
                         ids=[ex.name for ex in EXERCISES if ex.is_function])
def test_the_learners_function_is_not_even_called(ex, contexts, presented):
    calls = []
    namespace = dict(contexts(ex), calls=calls)
    shown, _ = ex.run(f"def {ex.answer_name}(*args):\n    calls.append(args)\n", namespace)
    assert isinstance(shown, Presented) and calls == []


OTHER_ARGUMENTS = [   # the answer follows the exercise's own arguments, not the notebook's numbers
    (training.check_steps_per_epoch, (4005, 10), "401 steps"),
    (training.check_steps_per_epoch, (60000, 32), "1,875 steps"),
    (weights.check_parameter_count, ((4, 3, 2),), "23 parameters: 18 weights + 5 biases"),
    (descent.check_step, (-1.0, 0.05), "# "),
    (descent.check_gradient, ((1.0, 0.5),), "about ("),
    (cost.check_example_cost, (np.linspace(0, 1, 10), 3), "# "),
]


@pytest.mark.parametrize("check, arguments, words", OTHER_ARGUMENTS,
                         ids=[f"{c.__name__}{a}" for c, a, _ in OTHER_ARGUMENTS])
def test_the_answer_is_computed_for_the_arguments_given(check, arguments, words, monkeypatch):
    monkeypatch.setenv(VARIABLE, "1")
    shown = check(..., *arguments)
    assert words in shown.answer.shown and shown.why
    monkeypatch.delenv(VARIABLE)
    assert check(shown.answer.value, *arguments).correct
