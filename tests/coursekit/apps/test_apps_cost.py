"""Widgets, figures and exercise checkers of notebook 04 (cost).

Every control must change what the learner sees; every checker must accept
the right answer and explain the typical wrong ones.
"""
import numpy as np
import pytest

from coursekit import apps, figures
from nnlib import Network, cost, data
from screen import assert_visible_change, snapshot  # tests/screen.py


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


@pytest.fixture
def app(digits):
    return apps.cost_knobs(Network(rng=0), digits.X_train[:300], digits.y_train[:300])


# --- the knobs app -------------------------------------------------------------------------

def test_every_control_changes_the_screen(app):
    for name, control in app.controls.items():
        before = snapshot(app)
        if name == "reset":
            control.click()
        elif name == "neuron":
            control.value = 4
        elif name == "digit":
            control.value = 7
        else:
            control.value = -2.5
        assert_visible_change(before, snapshot(app))


def test_a_knob_changes_the_average_cost_as_the_network_would(digits):
    X, y = digits.X_train[:300], digits.y_train[:300]
    net = Network(rng=0)
    app = apps.cost_knobs(net, X, y)
    app.controls["neuron"].value = 3
    app.controls["bias"].value = -4.0
    twin = net.copy()
    twin.biases[2][3] = -4.0
    expected = cost.evaluate(twin, X, y)
    assert f"{expected:.3f}" in app.readouts["cost"].value
    assert "turned 1 of the 13,002 knobs" in app.readouts["status"].value
    assert np.allclose(net.parameters(), Network(rng=0).parameters())   # the caller's net is untouched


def test_switching_neuron_loads_its_values_without_turning_anything(app):
    app.controls["neuron"].value = 2
    app.controls["bias"].value = 1.5
    app.controls["neuron"].value = 5
    assert app.controls["bias"].value == 0.0                # neuron 5's own bias
    app.controls["neuron"].value = 2
    assert app.controls["bias"].value == 1.5
    assert app.board.changed() == [2]


def test_reset_puts_every_knob_back(app):
    start = app.board.average_cost()
    app.controls["bias"].value = 3.0
    assert app.board.average_cost() != start
    app.controls["reset"].click()
    assert app.board.average_cost() == start
    assert "Reset" in app.readouts["status"].value and app.controls["bias"].value == 0.0


def test_best_so_far_only_goes_down(app):
    values = []
    for bias in (-3.0, 3.0, -1.0):
        app.controls["bias"].value = bias
        values.append(float(app.readouts["cost"].value.split("your best ")[1].split("<")[0]))
    assert values[0] == values[1] == values[2] or values == sorted(values, reverse=True)


# --- figures -------------------------------------------------------------------------------

def test_cost_bars_show_the_sum_of_squares(digits):
    x, label = digits.X_train[0], int(digits.y_train[0])
    y_hat = np.linspace(0.05, 0.95, 10)
    figure = figures.CostBarsFigure(x, y_hat, label, average=1.234, batch_text="10 digits")
    wanted = np.eye(10)[label]
    assert f"{np.sum((y_hat - wanted) ** 2):.3f}" in figure.cost_title.get_text()
    assert "1.234" in figure.headline.get_text()
    before = figure.rgba().copy()
    figure.update(y_hat=wanted)
    assert "= 0.000" in figure.cost_title.get_text()
    assert not np.array_equal(before, figure.rgba())
    assert figure._repr_mimebundle_()["text/plain"] == "<CostBarsFigure>"


def test_cost_curves_marker_moves():
    figure = figures.CostCurvesFigure(p=0.1)
    before = figure.rgba().copy()
    figure.update(p=0.8)
    assert not np.array_equal(before, figure.rgba())
