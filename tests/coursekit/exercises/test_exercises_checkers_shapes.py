"""The task of notebook 07's shape sandbox: the smallest network that beats 85 %, among the runs."""
import pytest

from coursekit.exercises import shapes
from coursekit.shapes import Run, smallest_above

LOW = Run((784, 3, 10), "relu", 10, 0.70)
NO_HIDDEN = Run((784, 10), "relu", 10, 0.92)
NARROW = Run((784, 6, 10), "sigmoid", 10, 0.87)
NARROWER = Run((784, 5, 10), "sigmoid", 10, 0.86)
AT_THE_LINE = Run((784, 8, 10), "sigmoid", 10, 0.85)


class Sandbox:
    """The two things the checker reads of the app: its runs and their smallest above a line."""

    def __init__(self, *runs):
        self.runs = list(runs)

    def best_small_run(self, threshold):
        return smallest_above(self.runs, threshold)


def verdict(answer, *runs):
    return shapes.check_smallest_network(answer, Sandbox(*runs))


def test_a_narrow_run_above_the_line_is_the_answer():
    feedback = verdict((784, 6, 10), LOW, NO_HIDDEN, NARROW)
    assert feedback and repr(feedback).startswith("✓ Correct: 784-6-10 (4,780 parameters, sigmoid) "
                                                  "reads 87.0%, more than 85%")
    assert "smaller one still" not in repr(feedback)
    assert verdict([784, 6, 10], NARROW)                       # a list is a shape too


def test_a_smaller_winner_on_the_plot_is_mentioned():
    feedback = verdict((784, 6, 10), NARROW, NARROWER)
    assert feedback and "a smaller one still: 784-5-10 (3,985)" in repr(feedback)


@pytest.mark.parametrize("answer, runs, words", [
    (..., (NARROW,), "replace the ..."),
    ((784, 7, 10), (NARROW,), "no run of 784-7-10 is on the plot yet: train it (in the app, or with "
                              "sandbox.train_shape((7,)))"),
    ((784, 3, 10), (LOW,), "your best run of 784-3-10 read 70.0%, not more than 85%"),
    ((784, 8, 10), (AT_THE_LINE,), "read 85.0%, not more than 85%"),
    ((784, 10), (NO_HIDDEN,), "784-10 beats 85%, but with 7,850 parameters; 784-10 beats it"),
    ("784-6-10", (NARROW,), "you gave the name '784-6-10'; write the shape as a tuple"),
    ((6,), (NARROW,), "a shape starts with the 784 inputs and ends with the 10 outputs"),
    (6, (NARROW,), "write the shape as a tuple of layer sizes such as (784, 8, 10)"),
])
def test_each_wrong_answer_says_what_to_do(answer, runs, words):
    feedback = verdict(answer, *runs)
    assert not feedback and words in repr(feedback), repr(feedback)


def test_the_advice_for_a_missing_run_works_when_followed():
    """The hint names sandbox.train_shape((7,)): that call trains exactly the shape asked about."""
    from coursekit import apps
    from nnlib import data
    digits = data.load_sample()
    sandbox = apps.shape_sandbox(digits.X_train[:200], digits.y_train[:200], digits.X_test[:100],
                                 digits.y_test[:100], epochs=1, pace=0.0)
    assert "sandbox.train_shape((7,))" in repr(shapes.check_smallest_network((784, 7, 10), sandbox))
    sandbox.train_shape((7,))
    assert "no run of" not in repr(shapes.check_smallest_network((784, 7, 10), sandbox))
