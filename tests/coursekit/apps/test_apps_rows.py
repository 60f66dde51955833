"""The rows-of-W app of notebook 02: every control changes the figure and the read-out,
and the read-out gives the network's own z and a."""
import numpy as np
import pytest
from screen import assert_visible_change, snapshot  # tests/screen.py

from coursekit import apps
from coursekit.trained import trained_network
from nnlib import Network, data


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


@pytest.fixture(scope="module")
def net():
    return trained_network()


@pytest.mark.parametrize("control, value", [("layer", 2), ("layer", 3), ("neuron", 9),
                                            ("digit", 4)])
def test_every_control_changes_the_figure_and_the_readout(digits, net, control, value):
    app = apps.rows_of_w(net, digits.X_test[:20], digits.y_test[:20], neuron=6)
    before = snapshot(app)
    app.controls[control].value = value
    after = snapshot(app)
    assert_visible_change(before, after)
    assert not np.array_equal(before[0][0], after[0][0])            # the pixels themselves
    assert before[2]["sum"] != after[2]["sum"]


def test_readout_gives_the_forward_layer_numbers(digits, net):
    X, y = digits.X_test[:20], digits.y_test[:20]
    app = apps.rows_of_w(net, X, y)
    app.controls["digit"].value = 7
    app.controls["layer"].value = 2
    app.controls["neuron"].value = 11
    z, a = net.forward_layer(2, net.trace(X[7]).activations[1])
    text = app.readouts["sum"].value
    assert "layer 2, neuron 11" in text and f"label {y[7]}" in text
    assert f"z = {z[11]:.2f}" in text and f"a = {a[11]:.2f}" in text


def test_the_neuron_slider_follows_the_layer(digits, net):
    app = apps.rows_of_w(net, digits.X_test[:5], digits.y_test[:5], layer=2, neuron=15)
    figure = app.figures[0].figure
    sent = app.figures[0].sent
    app.controls["layer"].value = 3                       # 10 outputs: neuron 15 does not exist
    assert app.controls["neuron"].max == 9 and app.controls["neuron"].value == 9
    assert (figure.parts.layer, figure.parts.neuron) == (3, 9)
    assert app.figures[0].sent == sent + 1                # one picture for one click
    app.controls["layer"].value = 1
    assert app.controls["neuron"].max == 15 and figure.parts.neuron == 9


def test_rows_of_w_checks_its_inputs(digits, net):
    with pytest.raises(ValueError, match="Layer 0 is the input"):
        apps.rows_of_w(net, digits.X_test[:5], digits.y_test[:5], layer=0)
    with pytest.raises(ValueError, match="one label per input"):
        apps.rows_of_w(net, digits.X_test[:5], digits.y_test[:4])
    with pytest.raises(TypeError, match="nnlib.Network"):
        apps.rows_of_w([np.zeros((16, 784))], digits.X_test[:5], digits.y_test[:5])
    assert apps.rows_of_w(Network(rng=1), digits.X_test[:5], digits.y_test[:5]).title == "rows of W"
