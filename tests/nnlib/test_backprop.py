"""Backpropagation equals the finite-difference gradient, for any sizes, activation and cost."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import nnlib
from nnlib import backprop

HIDDEN = ["sigmoid", "relu", "leaky_relu", "tanh", "identity"]
OUTPUTS = ["sigmoid", "softmax", "tanh", "identity"]
COSTS = ["quadratic", "cross_entropy", "binary_cross_entropy"]


def close_enough(analytic, numeric):
    """Relative error <= 1e-6, or both essentially zero (dead ReLUs give zero gradients)."""
    return (backprop.relative_error(analytic, numeric) <= 1e-6
            or np.max(np.abs(analytic - numeric)) < 1e-9)


@settings(max_examples=60, deadline=None)
@given(sizes=st.lists(st.integers(1, 6), min_size=2, max_size=4),
       hidden=st.sampled_from(HIDDEN), output=st.sampled_from(OUTPUTS),
       cost=st.sampled_from(COSTS), n=st.integers(1, 5), seed=st.integers(0, 2**16))
def test_backprop_matches_numerical_gradient(sizes, hidden, output, cost, n, seed):
    fits = nnlib.cost.get(cost).outputs    # the log costs need outputs they fit (cost.FIT)
    if fits and output not in fits:
        output = fits[0]
    n_out = sizes[-1]
    rng = np.random.default_rng(seed)
    net = nnlib.Network(sizes, rng=rng, activation=hidden, output=output)
    for b in net.biases:
        b[...] = rng.normal(0, 0.5, b.shape)
    X = rng.random((n, sizes[0]))
    y = rng.integers(0, n_out, n)
    analytic = backprop.gradient_vector(net, X, y, cost)
    numeric = backprop.numerical_gradient(net, X, y, cost)
    assert close_enough(analytic, numeric), backprop.relative_error(analytic, numeric)


def test_gradients_have_the_shapes_of_the_parameters():
    net = nnlib.Network(rng=0)
    X = np.random.default_rng(0).random((3, 784))
    grad_W, grad_b = backprop.gradients(net, X, [1, 2, 3])
    assert [g.shape for g in grad_W] == [W.shape for W in net.weights]
    assert [g.shape for g in grad_b] == [b.shape for b in net.biases]
    assert backprop.gradient_vector(net, X, [1, 2, 3]).shape == (13002,)


def test_one_input_gives_the_same_gradient_as_a_batch_of_one():
    net = nnlib.Network((5, 3, 2), rng=1)
    x = np.linspace(0, 1, 5)
    assert np.allclose(backprop.gradient_vector(net, x, 1),
                       backprop.gradient_vector(net, x[None, :], [1]))


@pytest.mark.parametrize("output,cost", [("softmax", "cross_entropy"),
                                         ("sigmoid", "binary_cross_entropy")])
def test_matched_output_and_cost_give_a_minus_y(output, cost):
    net = nnlib.Network((4, 3), rng=2, output=output)
    X = np.random.default_rng(3).random((2, 4))
    zs, acts = net.trace(X)
    Y = np.eye(3)[[0, 2]]
    delta = backprop.output_error(net, zs[-1], acts[-1], Y, nnlib.cost.get(cost))
    assert np.allclose(delta, (acts[-1] - Y) / 2)
