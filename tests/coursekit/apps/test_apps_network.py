"""Widgets and exercise checkers of notebooks 00 and 01.

Every control of every app must change what the learner sees (a figure or a
read-out); every checker must accept the right answer and explain the
typical wrong ones.
"""
import numpy as np
import pytest

from coursekit import apps
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


@pytest.mark.parametrize("name", ["random", "trained"])
def test_network_explorer_reads_out_the_top_two_outputs(digits, nets, name):
    X, y = digits.X_test[:50], digits.y_test[:50]
    app = apps.network_explorer(X, y, nets=nets)
    app.controls["network"].value = name
    for i in (3, 8):
        app.controls["digit"].value = i
        y_hat = nets[name].forward(X[i])
        first, second = np.argsort(-y_hat, kind="stable")[:2]
        assert app.readouts["top two"].value.endswith(
            f"top two outputs: 1st {first} at {y_hat[first]:.2f}, "
            f"2nd {second} at {y_hat[second]:.2f}</span>")
        assert "nnlib-readout" in app.readouts["top two"]._dom_classes


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
