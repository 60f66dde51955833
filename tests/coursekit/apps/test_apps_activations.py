"""Notebook 03 (activation functions): its widgets and the sigmoid/ReLU checkers."""

import numpy as np
import pytest

from coursekit.apps.activations import activation_gallery, activation_twins, squish_explorer
from coursekit.figures.activation_curves import ActivationGalleryFigure, SquishFigure
from nnlib import data
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
