"""Costs against values worked out by hand, and the cost of a network on data."""
import numpy as np
import pytest

import nnlib
from nnlib import cost


def test_quadratic_one_example_by_hand():
    y_hat = np.array([0.5, 0.2, 0.9])
    Y = np.array([0.0, 0.0, 1.0])
    assert cost.quadratic(y_hat, Y) == pytest.approx(0.25 + 0.04 + 0.01)


def test_quadratic_averages_over_examples():
    y_hat = np.array([[1.0, 0.0], [0.0, 0.0]])
    Y = np.array([[1.0, 0.0], [1.0, 0.0]])
    assert cost.quadratic(y_hat, Y) == pytest.approx((0.0 + 1.0) / 2)


def test_cross_entropy_by_hand():
    y_hat = np.array([[0.25, 0.75], [0.5, 0.5]])
    Y = np.array([[0.0, 1.0], [1.0, 0.0]])
    assert cost.cross_entropy(y_hat, Y) == pytest.approx((-np.log(0.75) - np.log(0.5)) / 2)
    assert cost.binary_cross_entropy(np.array([0.8]), np.array([1.0])) == pytest.approx(-np.log(0.8))


def test_cross_entropy_of_a_zero_output_is_finite():
    assert np.isfinite(cost.cross_entropy(np.array([0.0, 1.0]), np.array([1.0, 0.0])))


@pytest.mark.parametrize("name", ["quadratic", "cross_entropy", "binary_cross_entropy"])
def test_gradient_matches_finite_difference(name):
    c = cost.get(name)
    rng = np.random.default_rng(0)
    y_hat = rng.uniform(0.1, 0.9, (3, 4))
    y_hat /= y_hat.sum(axis=1, keepdims=True)        # outputs that sum to 1, as softmax gives
    Y = np.eye(4)[[0, 2, 3]]
    h = 1e-6
    numeric = np.zeros_like(y_hat)
    for i in np.ndindex(y_hat.shape):
        e = np.zeros_like(y_hat)
        e[i] = h
        numeric[i] = (c(y_hat + e, Y) - c(y_hat - e, Y)) / (2 * h)
    assert c.grad(y_hat, Y) == pytest.approx(numeric, abs=1e-7)


def test_targets_from_labels_and_one_hot():
    assert cost.targets([3], 5).tolist() == [[0, 0, 0, 1, 0]]
    assert cost.targets(np.array([0.0, 1.0, 0.0]), 3).tolist() == [[1, 0, 0], [0, 1, 0], [1, 0, 0]]  # 1-D: labels
    assert cost.targets(np.array([[0.0, 1.0, 0.0]]), 3).tolist() == [[0.0, 1.0, 0.0]]          # 2-D: one-hot


def test_evaluate_network_on_a_dataset_equals_the_formula():
    net = nnlib.Network((4, 3, 2), rng=0)
    X = np.random.default_rng(1).random((5, 4))
    y = np.array([0, 1, 1, 0, 1])
    expected = np.mean(np.sum((net.forward(X) - np.eye(2)[y]) ** 2, axis=1))
    assert cost.evaluate(net, X, y) == pytest.approx(expected)
    assert cost.evaluate(net, X[0], y[0]) == pytest.approx(np.sum((net.forward(X[0]) - np.eye(2)[0]) ** 2))
