"""Activations against values worked out by hand, and their derivatives."""
import warnings

import numpy as np
import pytest

from nnlib import activations as act


def test_sigmoid_hand_values():
    assert act.sigmoid(0.0) == 0.5
    assert act.sigmoid(np.log(3)) == pytest.approx(0.75)          # 1 / (1 + 1/3)
    assert act.sigmoid(-np.log(3)) == pytest.approx(0.25)
    assert act.sigmoid_prime(0.0) == pytest.approx(0.25)


@pytest.mark.parametrize("z", [1e4, -1e4, 800.0, -800.0])
def test_sigmoid_no_overflow_warning_for_huge_sums(z):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = act.sigmoid(np.array([z]))
        slope = act.sigmoid_prime(np.array([z]))
    assert value[0] == (1.0 if z > 0 else 0.0)
    assert slope[0] == 0.0


def test_relu_and_leaky_relu():
    z = np.array([-2.0, 0.0, 3.0])
    assert act.relu(z).tolist() == [0.0, 0.0, 3.0]
    assert act.relu_prime(z).tolist() == [0.0, 0.0, 1.0]
    assert act.leaky_relu(z).tolist() == [-0.02, 0.0, 3.0]
    assert act.leaky_relu_prime(z).tolist() == [0.01, 0.01, 1.0]


def test_tanh_hand_values():
    assert act.tanh(0.0) == 0.0
    assert act.tanh_prime(0.0) == 1.0
    assert act.tanh(np.log(2)) == pytest.approx(0.6)               # (4 - 1) / (4 + 1)


def test_softmax_hand_values_and_stability():
    a = act.softmax(np.array([0.0, np.log(3)]))
    assert a.tolist() == pytest.approx([0.25, 0.75])
    big = act.softmax(np.array([1000.0, 1000.0]))                  # e^1000 would overflow
    assert big.tolist() == [0.5, 0.5]
    rows = act.softmax(np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]]))
    assert rows.sum(axis=1) == pytest.approx([1.0, 1.0])


@pytest.mark.parametrize("name", ["sigmoid", "relu", "leaky_relu", "tanh", "identity"])
def test_derivative_matches_finite_difference(name):
    f = act.get(name)
    z = np.linspace(-3, 3, 13) + 0.05                               # avoid ReLU's kink at 0
    h = 1e-6
    numeric = (f(z + h) - f(z - h)) / (2 * h)
    assert f.prime(z) == pytest.approx(numeric, abs=1e-7)


def test_softmax_jacobian_matches_finite_difference_and_vjp():
    z = np.array([0.3, -1.2, 2.0])
    h = 1e-6
    numeric = np.stack([(act.softmax(z + h * e) - act.softmax(z - h * e)) / (2 * h)
                        for e in np.eye(3)], axis=1)
    assert act.softmax_jacobian(z) == pytest.approx(numeric, abs=1e-8)
    g = np.array([1.0, 2.0, -1.0])
    assert act.softmax_vjp(z, act.softmax(z), g) == pytest.approx(act.softmax_jacobian(z).T @ g)


def test_lookup_by_name():
    assert act.get("relu").name == "relu"
    assert act.get(act.get("tanh")).name == "tanh"
    with pytest.raises(ValueError, match="leaky_relu"):
        act.get("Leaky ReLU")
