"""The real cost along lines and planes: C(θ + s·d1 + t·d2) for fixed directions d1, d2.

The real MNIST cost is a function of 13,002 numbers θ. It cannot be drawn
whole, but a line or a plane through θ can: fix one or two directions in
parameter space and draw the cost as you walk along them. Notebook 05 walks
along minus the gradient (steepest descent) and along random directions
at right angles to it, and `describe_step` says in words what one step of
gradient descent along such a line did. Maths only: numpy, no drawing.
"""
import numpy as np

from nnlib import cost as costs
from nnlib.errors import as_array, check_finite, describe, fail


def unit(v):
    """v / |v|: a direction of length 1."""
    v = check_finite(as_array(v, "direction"), "direction")
    norm = np.linalg.norm(v)
    if norm == 0:
        fail("a direction with at least one non-zero number", "all zeros")
    return v / norm


def random_direction(n, rng, away_from=None):
    """A random unit vector of n numbers; at right angles to `away_from` if given."""
    d = rng.standard_normal(n)
    if away_from is not None:
        a = unit(away_from)
        d = d - (d @ a) * a     # remove the part along `away_from`
    return unit(d)


class CostSlicer:
    """The average cost at θ + Σ_k c_k d_k, for a few fixed directions d_k, cheaply.

    net, X (N, 784), y (N,) labels: the network at θ and the batch the cost averages.
    directions: (k, n_params) vectors in the order of net.parameters().

    Why it is fast: the first layer holds 12,544 of the 13,002 parameters and is
    linear in them, z1 = X (W1 + Σ c_k D1_k)ᵀ + b = X W1ᵀ + Σ c_k X D1_kᵀ + b.
    The (N, 16) products are computed once; each new point then costs N·16·k
    additions there, instead of N·784·16 multiplications.
    """

    def __init__(self, net, X, y, directions, cost="quadratic"):
        self.net = net
        self.cost = costs.get(cost)
        X = np.atleast_2d(net.check_input(X))
        self.Y = costs.targets(y, net.sizes[-1]).reshape(len(X), -1)
        directions = np.atleast_2d(check_finite(as_array(directions, "directions"), "directions"))
        if directions.shape[1] != net.n_params:
            fail(f"directions of {net.n_params:,} numbers each, like net.parameters()",
                 describe(directions))
        split = [net.copy().set_parameters(d) for d in directions]
        self.dW = [[s.weights[l] for s in split] for l in range(len(net.weights))]
        self.db = [[s.biases[l] for s in split] for l in range(len(net.biases))]
        self.z1 = X @ net.weights[0].T                    # (N, n1), once
        self.dz1 = [X @ D.T for D in self.dW[0]]          # (N, n1) per direction, once

    def __call__(self, c):
        """The average cost at θ + Σ c_k d_k; c: k numbers."""
        c = np.atleast_1d(np.asarray(c, dtype=np.float64))
        net = self.net
        z = self.z1 + sum(ck * dz for ck, dz in zip(c, self.dz1))
        z = z + net.biases[0] + sum(ck * db for ck, db in zip(c, self.db[0]))
        a = net.layer_function(1)(z)
        for l in range(2, len(net.sizes)):
            W = net.weights[l - 1] + sum(ck * D for ck, D in zip(c, self.dW[l - 1]))
            b = net.biases[l - 1] + sum(ck * db for ck, db in zip(c, self.db[l - 1]))
            a = net.layer_function(l)(a @ W.T + b)
        return self.cost(a, self.Y)

    def along(self, ts, k=0):
        """Costs at θ + t·d_k for each t: shape (len(ts),). A 1-D slice."""
        basis = np.eye(len(self.dz1))[k]
        return np.array([self(t * basis) for t in np.asarray(ts, dtype=np.float64)])

    def plane(self, s, t, k1=0, k2=1):
        """Costs at θ + s_i d_k1 + t_j d_k2: shape (len(t), len(s)). A 2-D slice."""
        eye = np.eye(len(self.dz1))
        return np.array([[self(si * eye[k1] + tj * eye[k2]) for si in s] for tj in t])


def describe_step(c0, slope, ts, line, step):
    """Words for one gradient step of length `step` along a precomputed line of costs.

    c0: the cost where we stand; slope: its (negative) slope along the line;
    ts (n,), line (n,): the costs along the line, so that we know its lowest point.
    """
    cost = float(np.interp(step, ts, line))
    promised = c0 + slope * step
    best = int(np.argmin(line))
    t_best, c_best = float(ts[best]), float(line[best])
    head = f"A step of length {step:.2f}: the cost goes from {c0:.3f} to {cost:.3f}"
    if step <= 0:
        return f"No step (learning rate 0): the cost stays at {c0:.3f}."
    if cost > c0:
        return (head + f", UP, not down. The step is far too long: it flies past the valley "
                f"(lowest {c_best:.3f}, at length {t_best:.2f}) and lands higher than it started.")
    promise = (f"the slope promised {promised:.3f}" if promised >= 0 else
               f"the tangent line promised {promised:.3f}, below zero, which no cost can reach: "
               "the slope only describes the cost near θ")
    if step > 1.15 * t_best:
        return (head + f". Overshoot: the lowest point along this line is {c_best:.3f}, at length "
                f"{t_best:.2f}; this step went past it ({promise}).")
    if abs(cost - promised) <= 0.1 * (c0 - cost):
        return head + (f", close to what the slope promised ({promised:.3f}): for short steps "
                       "the slope is a good guide.")
    return head + (f"; {promise}. The line curves up, so the gain is smaller than that; "
                   f"the lowest point along it is {c_best:.3f}, at length {t_best:.2f}.")
