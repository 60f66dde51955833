"""Activation functions: the "squish" a neuron applies to its weighted sum z.

Each function sits beside its derivative: a = f(z) going forward, da/dz = f'(z) going
backward. All work element by element, except softmax, across the last axis (one layer's
neurons; its derivative is a Jacobian, see softmax_vjp). Look one up with get("relu").
"""
from typing import Callable, NamedTuple

import numpy as np

from nnlib.errors import fail


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(-z)), squishing any number into (0, 1); e^ of negatives only (no overflow)."""
    z = np.asarray(z)
    e = np.exp(-np.abs(z))            # in (0, 1]: never overflows
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_prime(z):
    """σ'(z) = σ(z) (1 - σ(z)): at most 1/4, and almost 0 far from z = 0."""
    s = sigmoid(z)
    return s * (1 - s)


def relu(z):
    """ReLU(z) = max(0, z): keeps positive sums, silences negative ones."""
    return np.maximum(z, 0)


def relu_prime(z):
    """1 where z > 0, else 0 (we take 0 at the kink z = 0)."""
    return (np.asarray(z) > 0).astype(np.result_type(z, np.float32))


LEAKY_SLOPE = 0.01


def leaky_relu(z, slope=LEAKY_SLOPE):
    """z for z > 0, slope·z otherwise: a ReLU whose negative side still learns."""
    return np.where(np.asarray(z) > 0, z, slope * np.asarray(z))


def leaky_relu_prime(z, slope=LEAKY_SLOPE):
    """1 for z > 0, `slope` otherwise."""
    z = np.asarray(z)
    return np.where(z > 0, 1.0, slope).astype(np.result_type(z, np.float32))


def tanh(z):
    """tanh(z), in (-1, 1): a sigmoid stretched and centred on 0."""
    return np.tanh(z)


def tanh_prime(z):
    """1 - tanh(z)²."""
    return 1 - np.tanh(z) ** 2


def identity(z):
    """z itself: no squish (used to show what squishing adds)."""
    return np.asarray(z)


def identity_prime(z):
    """1 everywhere."""
    return np.ones_like(np.asarray(z, dtype=np.result_type(z, np.float32)))


def softmax(z):
    """e^z / Σ e^z across the last axis: positive outputs that sum to 1 (minus max z: no overflow)."""
    z = np.asarray(z)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(z):
    """da_i/dz_j = a_i (δ_ij - a_j), shape (..., k, k) for z (..., k): backprop never builds it."""
    a = softmax(z)
    return a[..., :, None] * (np.eye(a.shape[-1]) - a[..., None, :])


def softmax_vjp(z, a, grad_a):
    """dC/dz from dC/da for a softmax layer: a * (grad_a - Σ grad_a·a), the Jacobian times grad_a in O(k)."""
    return a * (grad_a - np.sum(grad_a * a, axis=-1, keepdims=True))


class Activation(NamedTuple):
    """A named activation: the function, its derivative, and the backward rule."""
    name: str
    f: Callable
    prime: Callable

    def __call__(self, z):
        return self.f(z)

    prime_of_a: Callable = None    # f'(z) written with a = f(z), where it can be: no f(z) again

    def vjp(self, z, a, grad_a):
        """dC/dz given dC/da: for element-wise functions grad_a * f'(z)."""
        if self.name == "softmax":
            return softmax_vjp(z, a, grad_a)
        return grad_a * (self.prime_of_a(a) if self.prime_of_a else self.prime(z))


ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_prime, lambda a: a * (1 - a)),   # σ(1 - σ)
    "relu": Activation("relu", relu, relu_prime, lambda a: a > 0),
    "leaky_relu": Activation("leaky_relu", leaky_relu, leaky_relu_prime),
    "tanh": Activation("tanh", tanh, tanh_prime, lambda a: 1 - a * a),                 # 1 - tanh²
    "softmax": Activation("softmax", softmax, softmax_jacobian),
    "identity": Activation("identity", identity, identity_prime),
}


def get(name):
    """The Activation called `name`, e.g. get("relu"); a clear error for typos."""
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str) or name not in ACTIVATIONS:
        fail(f"an activation name, one of {sorted(ACTIVATIONS)}", repr(name),
             "Names are lower case with underscores, e.g. 'leaky_relu'.")
    return ACTIVATIONS[name]
