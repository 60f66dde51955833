"""Backpropagation: the gradient of the cost with respect to every weight and bias.

C depends on the outputs, which depend on the last weights, which act on the layer
before, and so on. The chain rule, from the output back, gives them all in one sweep:

    δ^(L)   = dC/dz^(L)                          the output error
    δ^(l)   = (δ^(l+1) W^(l+1)) ⊙ σ'(z^(l))      pulled back one layer
    dC/dW^(l) = δ^(l)ᵀ a^(l-1)                   (n_out, n_in), summed over the batch
    dC/db^(l) = Σ_batch δ^(l)                    (n_out,)

Rows of δ are examples: a whole batch goes through as matrix products. `numerical_gradient`
nudges each parameter in turn: too slow to learn with, but the judge backprop must agree with.
"""
import numpy as np

from nnlib import cost as costs
from nnlib.errors import check_same_length, fail

# Output function and cost pairs whose derivatives cancel to δ = (a - Y) / N.
MATCHED = {("softmax", "cross_entropy"), ("sigmoid", "binary_cross_entropy")}


def output_error(net, z, a, Y, cost):
    """δ^(L) = dC/dz at the output layer, shape (N, n_out)."""
    if (net.output, cost.name) in MATCHED:
        # The logarithm in the cost undoes the exponential in the output
        # function: no tiny σ' slows learning, and no division by a ≈ 0.
        return (a - Y) / a.shape[0]
    return net.layer_function(len(net.sizes) - 1).vjp(z, a, cost.grad(a, Y))


def gradients(net, X, y, cost="quadratic", check=True, outputs=None):
    """dC/dW and dC/db for every layer: two lists shaped like net.weights and net.biases.

    X: (N, n_in) inputs; y: (N,) labels or (N, n_out) wanted outputs.
    check=False: X, y checked once already by checked_batch (train() does: per batch it costs).
    outputs: an (N, n_out) array that receives y_hat on the way (train() reports the cost from it).
    """
    cost = costs.get(cost, net.output)
    X, Y = checked_batch(net, X, y, cost) if check else (X, y)
    zs, acts = net.trace(X, check=False)
    if outputs is not None:
        outputs[...] = acts[-1]
    delta = output_error(net, zs[-1], acts[-1], Y, cost)
    grad_W, grad_b = [None] * len(net.weights), [None] * len(net.biases)
    for l in range(len(net.weights), 0, -1):          # layers L, L-1, ..., 1
        grad_W[l - 1] = delta.T @ acts[l - 1]          # (n_out, n_in), summed over the batch
        grad_b[l - 1] = delta.sum(axis=0)
        if l > 1:                                      # the input layer needs no gradient
            grad_a = delta @ net.weights[l - 1]        # dC/da^(l-1)
            delta = net.layer_function(l - 1).vjp(zs[l - 2], acts[l - 1], grad_a)
    return grad_W, grad_b


def checked_batch(net, X, y, cost, x_name="X", y_name="y"):
    """Inputs (N, n_in) and wanted outputs Y (N, n_out) in the network's dtype, with readable errors."""
    if y is None:
        fail(f"labels {y_name} for the inputs {x_name}", "None", f"Pass {x_name} and {y_name} together.")
    X = np.atleast_2d(net.check_input(X))
    Y = costs.targets(y, net.sizes[-1]).astype(net.dtype, copy=False)
    check_same_length(X, Y, x_name, y_name)
    return X, costs.check_sums(Y, y_name) if cost.name == "cross_entropy" else Y


def gradient_vector(net, X, y, cost="quadratic"):
    """The gradient as one flat vector (n_params,), in the order of net.parameters()."""
    grad_W, grad_b = gradients(net, X, y, cost)
    return np.concatenate([g.ravel() for pair in zip(grad_W, grad_b) for g in pair])


def numerical_gradient(net, X, y, cost="quadratic", eps=1e-6):
    """The same gradient by central differences: (C(θ + ε e_i) - C(θ - ε e_i)) / 2ε.

    Two forward passes per parameter (26,004 for MNIST): use it on small networks.
    """
    probe = net.copy()
    theta = net.parameters().astype(np.float64)
    grad = np.zeros_like(theta)
    for i in range(theta.size):
        for sign in (+1, -1):
            theta[i] += sign * eps
            grad[i] += sign * costs.evaluate(probe.set_parameters(theta), X, y, cost)
            theta[i] -= sign * eps
        grad[i] /= 2 * eps
    return grad


def relative_error(g1, g2):
    """|g1 - g2| / max(|g1| + |g2|, tiny): how far two gradients disagree."""
    return float(np.linalg.norm(g1 - g2) / max(np.linalg.norm(g1) + np.linalg.norm(g2), 1e-300))
