"""Notebook 03 (activations): every widget task, done with the controls, gives what the text says."""
import numpy as np
import pytest
from task_helpers import set_controls, text

from coursekit import apps
from coursekit.trained import trained_network
from nnlib import activations, data


@pytest.fixture(scope="module")
def sample():
    digits = data.load_sample()
    return digits.X_test, digits.y_test


# -- squish_explorer (cell: apps.squish_explorer()) ---------------------------------------------

def output_at(app, z):
    """The squish figure's output at z, for the app's current function, w and b."""
    figure = app.figures[0].figure
    return float(activations.get(figure.f)(figure.w * z + figure.b))


@pytest.mark.parametrize("w, b", [(1.0, -3.0), (2.0, -6.0)])
def test_squish_task1_switch_on_at_3(w, b):
    app = apps.squish_explorer()
    set_controls(app, w=w, b=b, z=3.0)
    assert "at z = 3.00" in text(app.readouts["threshold"])
    assert "above it the neuron is on" in text(app.readouts["threshold"])
    figure = app.figures[0].figure
    assert "a = 0.500" in figure.label.get_text()
    assert figure.threshold.get_xdata()[0] == pytest.approx(3.0)


def test_squish_task2_a_sharp_switch_within_half_a_unit_kept_at_3():
    """What you should find, 2: w = 9, b = -27: from 0.1 to 0.9 between z = 2.76 and 3.24."""
    app = apps.squish_explorer()
    set_controls(app, w=9.0, b=-27.0)
    assert "at z = 3.00" in text(app.readouts["threshold"])
    figure = app.figures[0].figure
    z = np.linspace(-10, 10, 200_001)
    a = activations.sigmoid(figure.w * z + figure.b)
    low, high = z[np.argmax(a > 0.1)], z[np.argmax(a > 0.9)]
    assert (round(low, 2), round(high, 2)) == (2.76, 3.24)
    assert high - low == pytest.approx(0.5, abs=0.02)          # "about half a unit of z"
    # the figure's curve is that function, on its own z grid
    zs = figure.curve.get_xdata()
    np.testing.assert_allclose(figure.curve.get_ydata(), activations.sigmoid(9.0 * zs - 27.0))
    # w = 5 (b = -15) is not yet that sharp: 2.56 .. 3.44, nearly a whole unit
    set_controls(app, w=5.0, b=-15.0)
    a = activations.sigmoid(5.0 * z - 15.0)
    assert (round(z[np.argmax(a > 0.1)], 2), round(z[np.argmax(a > 0.9)], 2)) == (2.56, 3.44)


def test_squish_task2_every_w_on_the_slider_can_keep_the_threshold_at_3():
    app = apps.squish_explorer()
    w_max = app.controls["w"].max
    assert app.controls["b"].min <= -3 * w_max and app.controls["b"].max >= 3 * w_max


def test_squish_task3_negative_weight_is_on_for_small_z():
    app = apps.squish_explorer()
    set_controls(app, w=-1.0, b=3.0)
    assert "at z = 3.00; below it the neuron is on" in text(app.readouts["threshold"])
    assert output_at(app, 0.0) > 0.9 and output_at(app, 6.0) < 0.1


# -- activation_gallery (cell: apps.activation_gallery(z=-3.0)) --------------------------------

def gallery_titles(app):
    titles = [t.get_text() for t in app.figures[0].figure.titles]
    return {name: (titles[2 * c], titles[2 * c + 1])
            for c, name in enumerate(("sigmoid", "tanh", "relu", "leaky_relu"))}


def test_gallery_task_slopes_at_plus_and_minus_6():
    """What you should find: sigmoid 0.002, tanh 0.000 on both sides; ReLU 1 / 0; leaky 1 / 0.01."""
    app = apps.activation_gallery(z=-3.0)
    expected = {6.0: {"sigmoid": "0.002", "tanh": "0.000", "relu": "1.000", "leaky_relu": "1.000"},
                -6.0: {"sigmoid": "0.002", "tanh": "0.000", "relu": "0.000", "leaky_relu": "0.010"}}
    for z, slopes in expected.items():
        set_controls(app, z=z)
        shown = gallery_titles(app)
        for name, slope in slopes.items():
            assert shown[name][1] == f"slope {slope}", (z, name)
    assert float(activations.get("tanh").prime(6.0)) == pytest.approx(0.00002, abs=0.000005)
    set_controls(app, z=0.0)
    assert gallery_titles(app)["sigmoid"][1] == "slope 0.250"     # its steepest point


# -- activation_twins (cell: apps.activation_twins(X, trained={...})) --------------------------

@pytest.fixture(scope="module")
def twins(sample):
    X, _ = sample
    return apps.activation_twins(X, trained={"sigmoid": trained_network(),
                                             "ReLU": trained_network("relu")})


def panel(app, name, layer):
    edges, bars, title = app.figures[0].figure.panels[name, layer]
    heights = bars._verts[:, 1, 1]
    flat = float(title.get_text().split(" % flat")[0])
    return heights, flat


def mean_slopes(app):
    words = text(app.readouts["slopes"]).split(":")[1]
    return {part.split()[0]: float(part.split()[1]) for part in words.split(",")}


def test_twins_task_large_weights_push_sigmoids_to_their_tails(twins):
    set_controls(twins, weights="initial")
    seen = []
    for scale in (1.0, 4.0, 16.0, 32.0):
        set_controls(twins, scale=scale)
        seen.append(mean_slopes(twins))
    sigmoid = [s["sigmoid"] for s in seen]
    relu = [s["ReLU"] for s in seen]
    assert sigmoid == sorted(sigmoid, reverse=True) and sigmoid[-1] < 0.05     # falls towards 0
    assert max(relu) - min(relu) < 1e-9                                         # ReLU keeps its shape
    heights, flat = panel(twins, "sigmoid", 1)
    assert heights[0] + heights[-1] > 0.5 and flat > 50      # piled up at 0 and 1, most flat
    for layer in (0, 1):
        _, flat = panel(twins, "ReLU", layer)
        assert 55 <= flat <= 68                               # about three in five off
    set_controls(twins, scale=1.0)


def test_twins_task_trained_sigmoid_first_layer_sits_on_flat_tails(twins):
    set_controls(twins, scale=1.0, weights="trained")
    _, flat = panel(twins, "sigmoid", 0)
    assert flat > 50                                          # "most first-layer neurons"
    set_controls(twins, weights="initial")
