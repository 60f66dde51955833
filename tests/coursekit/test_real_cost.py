"""The real cost along lines and planes (coursekit.real_cost), as notebook 05 draws it."""
import numpy as np
import pytest

from coursekit import real_cost
from nnlib import Network, backprop, cost, data


@pytest.fixture(scope="module")
def batch():
    digits = data.load_sample()
    return digits.X_train[:200], digits.y_train[:200]


def test_cost_slicer_matches_a_full_evaluation(batch):
    X, y = batch
    net = Network(rng=1)
    rng = np.random.default_rng(0)
    d = np.stack([real_cost.random_direction(net.n_params, rng) for _ in range(2)])
    slicer = real_cost.CostSlicer(net, X, y, d)
    for c in ([0, 0], [0.7, -0.3], [-2.0, 1.5]):
        moved = net.copy().set_parameters(net.parameters() + c[0] * d[0] + c[1] * d[1])
        assert np.isclose(slicer(c), cost.evaluate(moved, X, y), rtol=1e-10)
    plane = slicer.plane([0, 1], [0, 0.5, 1])
    assert plane.shape == (3, 2) and np.isclose(plane[2, 1], slicer([1, 1]))


def test_the_slope_along_minus_the_gradient_is_minus_its_length(batch):
    X, y = batch
    net = Network(rng=2)
    g = backprop.gradient_vector(net, X, y)
    slicer = real_cost.CostSlicer(net, X, y, [-real_cost.unit(g)])
    h = 1e-5
    slope = (slicer([h]) - slicer([-h])) / (2 * h)
    assert np.isclose(slope, -np.linalg.norm(g), rtol=1e-4)


def test_random_directions_are_unit_and_at_right_angles_to_the_gradient():
    rng = np.random.default_rng(0)
    g = rng.standard_normal(100)
    d = real_cost.random_direction(100, rng, away_from=g)
    assert np.isclose(np.linalg.norm(d), 1) and abs(d @ g) < 1e-10


def test_describe_step_tells_short_steps_overshoot_and_uphill_apart():
    ts = np.linspace(0, 4, 401)
    line = 1 + (ts - 1) ** 2            # lowest at t = 1; slope at 0 is -2
    assert "close to what the slope promised" in real_cost.describe_step(2, -2, ts, line, 0.02)
    assert "Overshoot" in real_cost.describe_step(2, -2, ts, line, 1.8)
    assert "UP, not down" in real_cost.describe_step(2, -2, ts, line, 3.0)
    assert "below zero" in real_cost.describe_step(2, -2, ts, line, 1.8)
