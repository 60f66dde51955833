"""Widgets, figures and exercise checkers of notebook 05 (gradient descent).

Every control must change what the learner sees; a too-large step must be
reported in words; every checker must accept the right answer and explain the
typical wrong ones.
"""
import numpy as np
import pytest

from coursekit import apps, figures, landscapes
from nnlib import Network, backprop, data
from screen import assert_visible_change, snapshot  # tests/screen.py


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


# --- 1-D -----------------------------------------------------------------------------------

@pytest.mark.parametrize("control, value", [("start", -1.0), ("lr", 0.3), ("step", None),
                                            ("ten_steps", None), ("back", None)])
def test_descent_1d_every_control_changes_the_screen(control, value):
    app = apps.descent_1d()
    before = snapshot(app)
    if value is None:
        app.controls[control].click()
    else:
        app.controls[control].value = value
    assert_visible_change(before, snapshot(app))


def test_descent_1d_steps_follow_the_slope_and_reset():
    app = apps.descent_1d(start=3.5, lr=0.1)
    app.controls["step"].click()
    w1 = 3.5 - 0.1 * float(landscapes.curvy_slope(3.5))
    assert f"w = {w1:.3g}" in app.figures[0].figure.words.get_text()
    assert "step 1" in app.figures[0].figure.words.get_text()
    app.controls["ten_steps"].click()
    assert "step 11" in app.figures[0].figure.words.get_text()
    app.controls["back"].click()
    assert "step 0" in app.figures[0].figure.words.get_text()
    assert "Back at the start" in app.readouts["words"].value


def test_descent_1d_says_in_words_when_the_step_is_too_large():
    app = apps.descent_1d(start=3.5, lr=1.5)
    for _ in range(3):
        app.controls["ten_steps"].click()
    text = app.readouts["words"].value
    assert "Diverged" in text and "too large" in text and "nan" not in text.lower()
    assert "off the chart" in app.figures[0].figure.words.get_text()


# --- 2-D -----------------------------------------------------------------------------------

@pytest.mark.parametrize("control, value", [("u", -2.0), ("v", 2.0), ("lr", 0.3), ("steps", 5)])
def test_descent_2d_every_control_changes_the_screen(control, value):
    app = apps.descent_2d()
    before = snapshot(app)
    app.controls[control].value = value
    assert_visible_change(before, snapshot(app))


def test_descent_2d_reports_the_gradient_and_its_length():
    app = apps.descent_2d(start=(0.5, -1.5), steps=0)
    g = landscapes.two_valleys_gradient(np.array([0.5, -1.5]))
    text = app.readouts["numbers"].value
    assert f"{np.linalg.norm(g):.3f}" in text and f"{g[0]:.2f}" in text
    app.controls["steps"].value = 100
    app.controls["lr"].value = 0.1
    assert "Settled" in app.readouts["words"].value


def test_descent_2d_survives_a_diverging_walk():
    app = apps.descent_2d(start=(3.9, 3.9), lr=0.6, steps=100)
    # the biggest step size on offer zig-zags on this surface but never blows up
    assert app.readouts["words"].value
    figure = figures.SurfaceFigure(np.linspace(-1, 1, 5), np.linspace(-1, 1, 5), np.ones((5, 5)))
    figure.update(points=[[0, 0], [1e6, -1e6]], costs=[1.0, np.inf], arrow=[np.nan, np.nan])
    assert figure.rgba().shape[2] == 4


# --- the real cost -------------------------------------------------------------------------

def test_cost_slices_lr_moves_the_marker_and_the_words(digits):
    app = apps.cost_slices(Network(rng=0), digits.X_train[:200], digits.y_train[:200],
                           lr_max=12.0, n_plane=9)
    for lr in (0.5, 4.0, 12.0):
        before = snapshot(app)
        app.controls["lr"].value = lr
        assert_visible_change(before, snapshot(app))
    assert "Overshoot" in app.readouts["words"].value or "UP" in app.readouts["words"].value
    app.controls["lr"].value = 0.1
    assert "close to what the slope promised" in app.readouts["words"].value


def test_cost_slices_curve_is_the_real_cost(digits):
    X, y = digits.X_train[:200], digits.y_train[:200]
    net = Network(rng=0)
    app = apps.cost_slices(net, X, y, lr_max=4.0, n_plane=5)
    g = backprop.gradient_vector(net, X, y)
    assert np.isclose(app.gradient_length, np.linalg.norm(g))
    i = 40
    step = net.copy().set_parameters(net.parameters() - app.ts[i] * g / np.linalg.norm(g))
    from nnlib import cost
    assert np.isclose(app.lines["along −gradient"][i], cost.evaluate(step, X, y))


def test_gradient_images_update():
    rng = np.random.default_rng(0)
    figure = figures.GradientImagesFigure(rng.standard_normal((3, 784)), ["a", "b", "c"])
    before = figure.rgba().copy()
    figure.update(grads=rng.standard_normal((3, 784)), titles=["d", "e", "f"])
    assert not np.array_equal(before, figure.rgba())
    assert figure.titles[0].get_text() == "d"
