"""The exercise checkers of coursekit.exercises.neurons (moved from tests/coursekit/apps/test_apps_network.py)."""
import numpy as np
import pytest

from coursekit.exercises import neurons


# --- exercise checkers -------------------------------------------------------------------

def verdict(feedback):
    return repr(feedback)


@pytest.mark.parametrize("answer", [..., None])
def test_placeholders_ask_for_an_answer(answer):
    for check in (neurons.check_input_count, neurons.check_output_count,
                  neurons.check_pixel_index, neurons.check_network_answer,
                  neurons.check_chance_accuracy):
        assert verdict(check(answer)).startswith("✗ Not yet: replace the ...")


def test_input_count():
    assert neurons.check_input_count(784).correct
    assert neurons.check_input_count(28 * 28).correct
    assert "multiply" in verdict(neurons.check_input_count(56))
    assert "one row" in verdict(neurons.check_input_count(28))
    assert "one more" in verdict(neurons.check_input_count(783))
    assert "outputs" in verdict(neurons.check_input_count(10))
    assert not neurons.check_input_count(100).correct
    assert "whole number" in verdict(neurons.check_input_count("784"))


def test_output_count():
    assert neurons.check_output_count(10).correct
    assert "ten" in verdict(neurons.check_output_count(9))
    assert "input" in verdict(neurons.check_output_count(784))
    assert not neurons.check_output_count(3).correct


def test_pixel_index_right_answers():
    assert neurons.check_pixel_index(lambda row, col: row * 28 + col).correct
    assert neurons.check_pixel_index(lambda row, col: np.ravel_multi_index((row, col), (28, 28))).correct


@pytest.mark.parametrize("wrong, words", [
    (lambda r, c: c * 28 + r, "swapped"),
    (lambda r, c: (r - 1) * 28 + (c - 1), "counts from 1"),
    (lambda r, c: r * 28 + c + 1, "index from 1"),
    (lambda r, c: (r - 1) * 28 + c, "rows from 1"),
    (lambda r, c: r + c, "same index"),
    (lambda r, c: r * 27 + c, "not 27"),
    (lambda r, c: r * c * 28, "then add the column"),
    (lambda r, c: r * 28 - c, "pixel_index(0, 5) gave -5"),
    (lambda r, c: (r, c), "one whole number"),
    (lambda r, c: r * 28 + c / 2, "one whole number"),
    (lambda r, c: undefined_name, "NameError"),  # noqa: F821 - a learner's typo
    (lambda r, c: ..., "replace the ..."),
    (392, "pass the function itself"),
])
def test_pixel_index_mistakes_get_their_hint(wrong, words):
    feedback = neurons.check_pixel_index(wrong)
    assert not feedback.correct
    assert words in verdict(feedback)


def test_network_answer_right_answers():
    assert neurons.check_network_answer(lambda y_hat: np.argmax(y_hat)).correct
    assert neurons.check_network_answer(lambda y_hat: int(y_hat.argmax())).correct
    assert neurons.check_network_answer(lambda y_hat: list(y_hat).index(max(y_hat))).correct


@pytest.mark.parametrize("wrong, words", [
    (lambda y_hat: y_hat.max(), "not y_hat.max()"),
    (lambda y_hat: np.max(y_hat), "not y_hat.max()"),
    (lambda y_hat: np.argmax(y_hat) + 1, "counted from 1"),
    (lambda y_hat: np.argmin(y_hat), "least lit"),
    (lambda y_hat: y_hat == y_hat.max(), "one digit"),
    (lambda y_hat: 3, "the largest output is neuron"),
    (lambda y_hat: y_hat.sort(), "returned None"),     # sorts in place, returns None
    (lambda y_hat: y_hat[10], "IndexError"),
    ("argmax", "pass the function itself"),
])
def test_network_answer_mistakes_get_their_hint(wrong, words):
    feedback = neurons.check_network_answer(wrong)
    assert not feedback.correct
    assert words in verdict(feedback)


def test_output_cases_have_one_clear_answer_each():
    for y_hat, answer in neurons.output_cases():
        assert y_hat.shape == (10,) and np.sum(y_hat == y_hat.max()) == 1
        assert answer == int(np.argmax(y_hat))
    assert len({answer for _, answer in neurons.output_cases()}) >= 5


def test_chance_accuracy():
    assert neurons.check_chance_accuracy(0.1).correct
    assert neurons.check_chance_accuracy(1 / 10).correct
    assert "fraction" in verdict(neurons.check_chance_accuracy(10))
    assert "ten digits" in verdict(neurons.check_chance_accuracy(0.5))
    assert not neurons.check_chance_accuracy(0.9).correct
