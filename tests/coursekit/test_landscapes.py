"""The maths behind notebooks 04 and 05: toy costs, descent paths, knobs."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from coursekit import knobs, landscapes
from nnlib import Network, backprop, cost, data


@pytest.fixture(scope="module")
def batch():
    digits = data.load_sample()
    return digits.X_train[:200], digits.y_train[:200]


# --- toy costs -----------------------------------------------------------------------------

@given(st.floats(-4, 4))
def test_curvy_slope_is_the_derivative(w):
    h = 1e-6
    numeric = (landscapes.curvy(w + h) - landscapes.curvy(w - h)) / (2 * h)
    assert np.isclose(landscapes.curvy_slope(w), numeric, rtol=1e-5, atol=1e-6)


@given(st.floats(-4, 4), st.floats(-4, 4))
def test_two_valleys_gradient_is_the_derivative(u, v):
    h = 1e-6
    p = np.array([u, v])
    numeric = [(landscapes.two_valleys(p + h * e) - landscapes.two_valleys(p - h * e)) / (2 * h)
               for e in np.eye(2)]
    assert np.allclose(landscapes.two_valleys_gradient(p), numeric, rtol=1e-5, atol=1e-6)


def test_the_toys_have_the_valleys_the_notebook_describes():
    minima = landscapes.local_minima(landscapes.CURVY)[:, 0]
    assert np.allclose(minima, [-2.52, -0.66, 1.59], atol=0.02)
    costs_at = landscapes.curvy(minima)
    assert np.argmin(costs_at) == 0 and costs_at.min() > 0
    two = landscapes.local_minima(landscapes.TWO_VALLEYS, 201)
    assert len(two) == 2
    assert np.allclose(sorted(two[:, 0]), [-1.08, 1.44], atol=0.05)


# --- descent paths -------------------------------------------------------------------------

@pytest.mark.parametrize("start, floor", [(-3.5, -2.52), (0.3, -0.66), (3.5, 1.59)])
def test_small_steps_settle_in_the_valley_where_the_ball_starts(start, floor):
    path = landscapes.descent_path(landscapes.CURVY, start, 0.05, 300)
    assert path.status == "settled"
    assert abs(path.points[-1, 0] - floor) < 0.01
    assert np.all(np.diff(path.costs) <= 1e-12)         # downhill all the way
    assert "local minimum" in path.message


def test_each_step_is_minus_lr_times_the_slope():
    path = landscapes.descent_path(landscapes.CURVY, 1.0, 0.1, 3)
    for before, after in zip(path.points[:-1, 0], path.points[1:, 0]):
        assert np.isclose(after, before - 0.1 * landscapes.curvy_slope(before))


def test_too_large_a_step_diverges_and_says_so_in_words_without_warnings():
    with np.errstate(all="raise"):                       # no overflow on the way
        path = landscapes.descent_path(landscapes.CURVY, 3.5, 1.5, 500)
    assert path.status == "diverged"
    assert len(path.points) < 501                         # stopped early
    assert "too large" in path.message and "smaller" in path.message
    assert not np.isfinite(path.costs[-1])


def test_overshooting_is_reported():
    path = landscapes.descent_path(landscapes.TWO_VALLEYS, [2.5, -3.0], 0.5, 40)
    assert path.status == "zig-zag"
    assert "went UP" in path.message


def test_zero_steps_is_the_start_and_bad_inputs_are_explained():
    path = landscapes.descent_path(landscapes.TWO_VALLEYS, [1, 2], 0.1, 0)
    assert path.points.shape == (1, 2) and path.status == "rolling"
    with pytest.raises(ValueError, match="lr"):
        landscapes.descent_path(landscapes.CURVY, 0.0, -0.1, 5)
    with pytest.raises(ValueError, match="2 number"):
        landscapes.descent_path(landscapes.TWO_VALLEYS, 0.5, 0.1, 5)


def test_the_gradient_is_the_direction_of_steepest_ascent():
    p = np.array([0.5, -1.5])
    angles = np.linspace(0, 2 * np.pi, 3601)
    slopes = landscapes.directional_slopes(landscapes.TWO_VALLEYS, p, angles)
    g = landscapes.two_valleys_gradient(p)
    best = angles[np.argmax(slopes)]
    assert np.isclose(np.cos(best), g[0] / np.linalg.norm(g), atol=1e-3)
    assert np.isclose(slopes.max(), np.linalg.norm(g), rtol=1e-5)


# --- knobs ---------------------------------------------------------------------------------

def test_parameter_index_and_name_round_trip():
    net = Network(rng=0)
    theta = net.parameters()
    for knob in (knobs.weight(1, 3, 412), knobs.bias(1, 15), knobs.weight(3, 9, 15), knobs.bias(3, 0)):
        i = knobs.parameter_index(net, knob)
        assert knobs.parameter_name(net, i) == knob
        array = net.weights if knob.kind == "W" else net.biases
        where = (knob.neuron, knob.source) if knob.kind == "W" else knob.neuron
        assert theta[i] == array[knob.layer - 1][where]
    assert knobs.parameter_name(net, net.n_params - 1).name == "b3[9]"
    with pytest.raises(ValueError, match="neuron 0 .. 9"):
        knobs.parameter_index(net, knobs.bias(3, 10))


@settings(max_examples=20, deadline=None)
@given(st.lists(st.floats(-5, 5), min_size=3, max_size=3))
def test_knob_board_agrees_with_the_whole_network(values):
    digits = data.load_sample()
    X, y = digits.X_train[:50], digits.y_train[:50]
    net = Network(rng=0)
    chosen = [knobs.bias(3, 2), knobs.weight(3, 2, 5), knobs.bias(2, 7)]
    board = knobs.KnobBoard(net, X, y, chosen)
    twin = net.copy()
    for i, (knob, v) in enumerate(zip(chosen, values)):
        board.set(i, v)
        (twin.weights if knob.kind == "W" else twin.biases)[knob.layer - 1][
            (knob.neuron, knob.source) if knob.kind == "W" else knob.neuron] = v
    assert np.allclose(board.outputs(), twin.forward(X))
    assert np.isclose(board.average_cost(), cost.evaluate(twin, X, y))
    assert np.allclose(net.parameters(), Network(rng=0).parameters())     # caller's net untouched
    board.reset()
    assert np.allclose(board.outputs(), net.forward(X)) and board.changed() == []


@pytest.mark.parametrize("name", ["quadratic", "cross_entropy", "binary_cross_entropy"])
def test_example_costs_average_to_nnlib_cost(name):
    rng = np.random.default_rng(0)
    y_hat = rng.random((7, 10))
    Y = np.eye(10)[rng.integers(0, 10, 7)]
    assert np.isclose(cost.get(name).each(y_hat, Y).mean(), cost.get(name)(y_hat, Y))


def test_liveliest_neurons_vary_most(batch):
    X, _ = batch
    net = Network(rng=0)
    top = knobs.liveliest_neurons(net, X, 2, k=2)
    spread = net.trace(X).activations[2].std(axis=0)
    assert spread[top[0]] == spread.max() and spread[top[1]] >= np.sort(spread)[-2]


def test_first_steps_equals_a_shorter_walk():
    long = landscapes.descent_path(landscapes.TWO_VALLEYS, [2.5, -3.0], 0.3, 80)
    for k in (0, 5, 40, 80):
        cut = landscapes.first_steps(long, k, 0.3)
        short = landscapes.descent_path(landscapes.TWO_VALLEYS, [2.5, -3.0], 0.3, k)
        assert np.allclose(cut.points, short.points) and cut.message == short.message


def test_cost_change_matches_gradient_times_nudge_for_small_nudges(batch):
    X, y = batch
    net = Network(rng=0)
    g = backprop.gradient_vector(net, X, y)
    i = int(np.argmax(np.abs(g)))
    real = knobs.cost_change(net, X, y, i, 1e-4)
    assert np.isclose(real, g[i] * 1e-4, rtol=1e-3)
    with pytest.raises(ValueError, match="parameter index"):
        knobs.cost_change(net, X, y, net.n_params, 0.1)
