"""Widgets and exercise checkers of notebooks 00 and 01.

Every control of every app must change what the learner sees (a figure or a
read-out); every checker must accept the right answer and explain the
typical wrong ones.
"""
import numpy as np
import pytest

from coursekit import apps
from coursekit.exercises import neurons
from coursekit.trained import trained_network
from nnlib import Network, data
from screen import assert_visible_change, snapshot  # tests/screen.py


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


@pytest.fixture(scope="module")
def nets():
    return {"random": Network(rng=0), "trained": trained_network()}


# --- apps ----------------------------------------------------------------------------------

@pytest.mark.parametrize("control, value", [("digit", 3), ("row", 2), ("column", 20)])
def test_pixel_explorer_controls_change_the_figures(digits, control, value):
    app = apps.pixel_explorer(digits.X_train[:20], digits.y_train[:20])
    before = snapshot(app)
    app.controls[control].value = value
    assert_visible_change(before, snapshot(app))


def test_pixel_explorer_readout_names_the_index(digits):
    X = digits.X_train[:20]
    app = apps.pixel_explorer(X, digits.y_train[:20])
    app.controls["digit"].value = 4
    app.controls["row"].value = 9
    app.controls["column"].value = 15
    i = 28 * 9 + 15
    assert f"x[{i}]" in app.readouts["pixel"].value
    assert f"{X[4][i]:.2f}" in app.readouts["pixel"].value
    assert app.figures[0].figure.pixel == (9, 15)


def test_pixel_explorer_is_one_figure_drawn_as_a_fresh_one_would_be(digits):
    from coursekit.figures.pixels import PixelExplorerFigure
    X, y = digits.X_train[:20], digits.y_train[:20]
    app = apps.pixel_explorer(X, y)
    assert len(app.figures) == 1 and app.figures[0].figure.rgba().shape[1] <= 880
    for control, value in [("row", 3), ("column", 25), ("digit", 7), ("row", 4)]:
        app.controls[control].value = value
    fresh = PixelExplorerFigure(X[7], pixel=(4, 25), title=f"digit number 7: label {int(y[7])}")
    np.testing.assert_array_equal(app.figures[0].figure.rgba(), fresh.rgba())


@pytest.mark.parametrize("control, value", [("digit", 5), ("network", "trained")])
def test_network_explorer_controls_change_the_diagram(digits, nets, control, value):
    app = apps.network_explorer(digits.X_test[:50], digits.y_test[:50], nets=nets)
    before = snapshot(app)
    app.controls[control].value = value
    assert_visible_change(before, snapshot(app))


def test_network_explorer_readout_gives_the_answer(digits, nets):
    X, y = digits.X_test[:50], digits.y_test[:50]
    app = apps.network_explorer(X, y, nets=nets)
    app.controls["network"].value = "trained"
    app.controls["digit"].value = 2
    answer = int(nets["trained"].predict(X[2]))
    text = app.readouts["answer"].value
    assert f"the trained network answers {answer}" in text
    assert f"{nets['trained'].accuracy(X, y):.0%}" in text
    assert app.figures[0].figure.net is nets["trained"]


def test_next_mistake_jumps_to_a_wrong_answer(digits, nets):
    X, y = digits.X_test[:200], digits.y_test[:200]
    app = apps.network_explorer(X, y, nets=nets)
    app.controls["network"].value = "trained"
    wrong = np.flatnonzero(nets["trained"].predict(X) != y)
    assert len(wrong) >= 2
    before = snapshot(app)
    app.controls["mistake"].click()
    assert_visible_change(before, snapshot(app))
    assert app.controls["digit"].value == wrong[0]
    assert "wrong" in app.readouts["answer"].value
    app.controls["mistake"].click()
    assert app.controls["digit"].value == wrong[1]


def test_next_mistake_says_so_when_there_is_none(digits, nets):
    X, y = digits.X_test[:3], nets["trained"].predict(digits.X_test[:3])   # all answered "right"
    app = apps.network_explorer(X, y, nets=nets)
    app.controls["network"].value = "trained"
    app.controls["mistake"].click()
    assert "No other digit" in app.readouts["answer"].value


def test_network_explorer_checks_its_inputs(digits, nets):
    with pytest.raises(TypeError, match="dict of networks"):
        apps.network_explorer(digits.X_test[:5], digits.y_test[:5], nets=[nets["random"]])
    with pytest.raises(ValueError, match="same sizes"):
        apps.network_explorer(digits.X_test[:5], digits.y_test[:5],
                              nets={"a": Network(), "b": Network((784, 30, 10))})
    with pytest.raises(ValueError, match="one label per input"):
        apps.network_explorer(digits.X_test[:5], digits.y_test[:4], nets=nets)


def test_digit_browser_is_unchanged(digits):
    app = apps.digit_browser(digits.X_train[:10], digits.y_train[:10])
    before = snapshot(app)
    app.controls["digit"].value = 2
    assert_visible_change(before, snapshot(app))


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
