"""Notebook 03 (activation functions): its widgets and the sigmoid/ReLU checkers."""
import math
import warnings

import numpy as np
import pytest

from coursekit.apps.activations import activation_gallery, activation_twins, squish_explorer
from coursekit.exercises import activations as checks
from coursekit.figures.activation_curves import ActivationGalleryFigure, SquishFigure
from nnlib import activations, data
from nnlib.network import Network


def pixels(app):
    return app.figures[0].figure.rgba().copy()


@pytest.fixture(scope="module")
def X():
    return data.load_sample().X_test[:200]


# -- widgets ----------------------------------------------------------------------

@pytest.mark.parametrize("control, value", [("z", 3.0), ("w", 4.0), ("b", -2.0),
                                            ("function", "relu")])
def test_squish_controls_change_the_figure(control, value):
    app = squish_explorer()
    before, text = pixels(app), app.readouts["threshold"].value
    app.controls[control].value = value
    assert not np.array_equal(before, pixels(app))
    if control in ("w", "b"):
        assert app.readouts["threshold"].value != text


def test_squish_threshold_is_minus_b_over_w():
    app = squish_explorer(w=2.0, b=-6.0)
    assert "z = 3.00" in app.readouts["threshold"].value
    app.controls["w"].value = 0.0
    assert "ignores z" in app.readouts["threshold"].value


def test_gallery_z_moves_the_points():
    app = activation_gallery()
    before = pixels(app)
    app.controls["z"].value = -6.0
    assert not np.array_equal(before, pixels(app))


def test_twins_start_from_the_same_weights():
    sigmoid_net = Network(rng=0, activation="sigmoid")
    relu_net = Network(rng=0, activation="relu")
    for W_s, W_r in zip(sigmoid_net.weights, relu_net.weights):
        assert np.array_equal(W_s, W_r)


def test_twins_scale_flattens_sigmoid_but_not_relu(X):
    app = activation_twins(X)
    before, text = pixels(app), app.readouts["slopes"].value
    app.controls["scale"].value = 16.0
    assert not np.array_equal(before, pixels(app))
    assert app.readouts["slopes"].value != text


def test_twins_trained_button_changes_the_histograms(X):
    nets = {"sigmoid": Network(rng=1), "ReLU": Network(rng=1, activation="relu")}
    app = activation_twins(X, trained=nets)
    before = pixels(app)
    app.controls["weights"].value = "trained"
    assert not np.array_equal(before, pixels(app))


@pytest.mark.parametrize("make", [lambda: SquishFigure("tanh", z=1.0),
                                  lambda: ActivationGalleryFigure(z=2.0)])
def test_curve_figures_blit_like_a_full_redraw(make):
    fig = make()
    fig.rgba()
    fig.update(z=-4.0)
    fast = fig.rgba().copy()
    fig.redraw(full=True)
    assert np.array_equal(fast, fig.rgba())


# -- the sigmoid checker --------------------------------------------------------------

def test_sigmoid_checker_refuses_the_library_and_accepts_the_textbook_formula():
    feedback = checks.check_sigmoid(activations.sigmoid)
    assert not feedback and "nnlib's own" in feedback.message
    with warnings.catch_warnings():
        warnings.simplefilter("error")            # nothing may leak out of the checker
        feedback = checks.check_sigmoid(lambda z: 1 / (1 + np.exp(-z)))
    assert feedback and "overflowed" in feedback.message


def sigmoid_ratio(z):
    return np.exp(z) / (1 + np.exp(z))          # right, until e^750 overflows: inf / inf


def sigmoid_branch(z):
    if z >= 0:
        return 1 / (1 + np.exp(-z))
    return np.exp(z) / (1 + np.exp(z))


@pytest.mark.parametrize("fn, hint", [
    (lambda z: ..., "replace the"),
    (None, "replace the"),
    (sigmoid_ratio, "NaN"),
    (lambda z: 1 / (1 + math.exp(-z)), "math module"),
    (lambda z: 1 / (1 + np.exp(z)), "minus sign"),
    (lambda z: int(1 / (1 + np.exp(-z))), "rounded"),
    (sigmoid_branch, "truth value"),
    (lambda z: np.exp(-z), "e^(-z) itself"),
    (lambda z: 1 / (1 - np.exp(-z)), "expected"),
    (lambda z: "0.5", "not numbers"),
    (3, "should be a function"),
])
def test_sigmoid_checker_names_the_mistake(fn, hint):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        feedback = checks.check_sigmoid(fn)
    assert not feedback and hint in feedback.message, feedback


# -- the ReLU checker -------------------------------------------------------------------

@pytest.mark.parametrize("fn", [lambda z: np.maximum(z, 0),
                                lambda z: np.where(z > 0, z, 0.0), lambda z: z * (z > 0)])
def test_relu_checker_accepts_correct_versions(fn):
    assert checks.check_relu(fn)


def relu_in_place(z):
    z = np.asarray(z)
    z[z < 0] = 0
    return z


@pytest.mark.parametrize("fn, hint", [
    (lambda z: ..., "replace the"),
    (lambda z: max(0, z), "Python's `max`"),
    (lambda z: np.max(z, 0), "np.maximum"),
    (lambda z: np.maximum(z, 0).astype(int), "lost their fractions"),
    (lambda z: np.clip(z, 0, 1), "not capped at 1"),
    (lambda z: np.abs(z), "|z|"),
    (lambda z: np.minimum(z, 0), "np.minimum"),
    (lambda z: z, "unchanged"),
    (relu_in_place, "changed the array"),
    (lambda z: np.maximum(np.ravel(z), 0), "shape"),
])
def test_relu_checker_names_the_mistake(fn, hint):
    feedback = checks.check_relu(fn)
    assert not feedback and hint in feedback.message, feedback


def test_checker_messages_are_one_line():
    assert "\n" not in repr(checks.check_relu(lambda z: max(0, z)))
