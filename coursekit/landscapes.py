"""Cost landscapes: small costs you can see whole, and slices of the real one.

The real cost is a function of 13,002 numbers: nobody can draw it. So we
learn to walk downhill on costs of one and two numbers first,

    curvy(w)            a cost of one parameter with three valleys
    two_valleys(p)      a cost of two parameters p = (u, v): a deep narrow
                        valley and a shallow round one

then look at the real MNIST cost along a line or a plane through the
network's parameters θ: C(θ + s·d1 + t·d2) for fixed directions d1, d2.

Gradient descent is the same rule in every dimension: p ← p − lr · ∇C(p).
`descent_path` walks it and says, in words, whether the walk settled,
overshot or blew up. Maths only: numpy, no drawing.
"""
from functools import lru_cache
from typing import Callable, NamedTuple

import numpy as np

from nnlib import cost as costs
from nnlib.errors import as_array, check_finite, check_positive, describe, fail


# -- costs you can draw -------------------------------------------------------

def curvy(w):
    """C(w) = 0.03 w⁴ − 0.25 w² + 0.25 w + 0.45 sin 3w + 1.5, element by element.

    Three valleys on [-4, 4]: the lowest near w = −2.5 (C ≈ 0.06), others near
    w = −0.7 and w = 1.6. The w⁴ term makes it climb steeply far out.
    """
    w = np.asarray(w, dtype=np.float64)
    return 0.03 * w**4 - 0.25 * w**2 + 0.25 * w + 0.45 * np.sin(3 * w) + 1.5


def curvy_slope(w):
    """dC/dw of `curvy`: 0.12 w³ − 0.5 w + 0.25 + 1.35 cos 3w."""
    w = np.asarray(w, dtype=np.float64)
    return 0.12 * w**3 - 0.5 * w + 0.25 + 1.35 * np.cos(3 * w)


# The two wells of two_valleys: depth, centre (u, v), spread along u and along v.
WELLS = ((1.8, (-1.2, -1.0), (4.0, 0.35)),    # deep, long in u and narrow in v
         (1.2, (1.5, 1.2), (1.2, 1.2)))       # shallow and round


def two_valleys(p):
    """A cost of two numbers: p of shape (..., 2) -> costs of shape (...).

    C(u, v) = 2 + 0.05 (u² + v²) − Σ depth · exp(−(u−cu)²/su − (v−cv)²/sv)
    Minima near (−1.1, −1.0) (C ≈ 0.31, the global one) and (1.4, 1.1) (C ≈ 0.98).
    """
    p = np.asarray(p, dtype=np.float64)
    u, v = p[..., 0], p[..., 1]
    total = 2 + 0.05 * (u**2 + v**2)
    for depth, (cu, cv), (su, sv) in WELLS:
        total = total - depth * np.exp(-(u - cu) ** 2 / su - (v - cv) ** 2 / sv)
    return total


def two_valleys_gradient(p):
    """∇C = (dC/du, dC/dv) of `two_valleys`, shape (..., 2)."""
    p = np.asarray(p, dtype=np.float64)
    u, v = p[..., 0], p[..., 1]
    du, dv = 0.1 * u, 0.1 * v
    for depth, (cu, cv), (su, sv) in WELLS:
        bump = depth * np.exp(-(u - cu) ** 2 / su - (v - cv) ** 2 / sv)
        du = du + bump * 2 * (u - cu) / su
        dv = dv + bump * 2 * (v - cv) / sv
    return np.stack([du, dv], axis=-1)


class Landscape(NamedTuple):
    """A cost of `dims` numbers with its gradient, and the square it is drawn on.

    cost(p): points (..., dims) -> costs (...); grad(p): (..., dims) -> (..., dims).
    """
    name: str
    dims: int
    cost: Callable
    grad: Callable
    low: float
    high: float


CURVY = Landscape("three valleys", 1, lambda p: curvy(np.asarray(p)[..., 0]), curvy_slope, -4.0, 4.0)
TWO_VALLEYS = Landscape("two valleys", 2, two_valleys, two_valleys_gradient, -4.0, 4.0)


def local_minima(landscape, n=801):
    """The valley floors of a 1-D or 2-D landscape, found on a grid: array (k, dims).

    A grid point is a minimum when it is lower than all its neighbours;
    good to ±(high − low)/n, enough to mark them on a plot.
    """
    grid = np.linspace(landscape.low, landscape.high, n)
    if landscape.dims == 1:
        c = landscape.cost(grid[:, None])
        inner = (c[1:-1] < c[:-2]) & (c[1:-1] <= c[2:])
        return grid[1:-1][inner][:, None]
    U, V = np.meshgrid(grid, grid)
    c = landscape.cost(np.stack([U, V], axis=-1))
    centre = c[1:-1, 1:-1]
    lower = np.ones_like(centre, dtype=bool)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            if di or dj:
                lower &= centre < c[1 + di:n - 1 + di, 1 + dj:n - 1 + dj]
    rows, cols = np.nonzero(lower)
    return np.stack([grid[1:-1][cols], grid[1:-1][rows]], axis=1)


# -- walking downhill ---------------------------------------------------------

class Path(NamedTuple):
    """Where gradient descent went: points (k+1, dims), costs (k+1,), grads (k+1, dims).

    status is "settled", "rolling", "zig-zag" or "diverged"; message says it in words.
    landscape: the cost it walked on (first_steps needs it for its advice).
    """
    points: np.ndarray
    costs: np.ndarray
    grads: np.ndarray
    status: str
    message: str
    landscape: object = None


SETTLED = 1e-3     # a gradient shorter than this: the ball has stopped
ESCAPE = 1e3       # farther than this from the origin: the walk has blown up
CALM = 5           # settled also means: the cost did not go up in the last 5 steps
ADVICE_STEPS = 100                    # a suggested step size settles within this many steps
NICE_RATES = (1.0, 0.5, 0.3, 0.2, 0.1, 0.05, 0.03, 0.02, 0.01)     # what the advice may suggest


def descent_path(landscape, start, lr, steps):
    """`steps` steps of p ← p − lr ∇C(p) from `start` (a number or `dims` numbers).

    Stops early when the walk blows up (|p| > 1000), before any overflow, and
    reports that as status "diverged" with a message in words.
    """
    lr = check_positive(lr, "lr", "The learning rate (step size) must be a number > 0, e.g. 0.1.")
    steps = int(steps)
    if steps < 0:
        fail("steps >= 0", repr(steps))
    p = check_finite(as_array(start, "start"), "start").reshape(-1).copy()
    if p.shape != (landscape.dims,):
        fail(f"a start point of {landscape.dims} number(s)", describe(start))
    points, path_costs, grads = _walk(landscape, p, lr, steps)
    return Path(points, path_costs, grads, *_describe(points, path_costs, grads, lr, landscape),
                landscape)


def _walk(landscape, p, lr, steps):
    """The points, costs and gradients of `steps` steps from p (fewer if it flies off the map)."""
    points, grads = [p.copy()], [landscape.grad(p)]
    for _ in range(steps):
        p = p - lr * grads[-1]
        points.append(p.copy())
        if np.max(np.abs(p)) > ESCAPE:
            grads.append(np.full_like(p, np.nan))
            break
        grads.append(landscape.grad(p))
    points, grads = np.array(points), np.array(grads)
    inside = np.max(np.abs(points), axis=1) <= ESCAPE
    path_costs = np.full(len(points), np.inf)
    path_costs[inside] = landscape.cost(points[inside])
    return points, path_costs, grads


def first_steps(path, k, lr):
    """The walk `path` (made with step size lr) cut after k steps, with its own status and words.

    Lets a steps slider reuse one long walk instead of walking again per tick.
    """
    k = min(int(k), len(path.points) - 1)
    points, path_costs, grads = path.points[:k + 1], path.costs[:k + 1], path.grads[:k + 1]
    return Path(points, path_costs, grads, *_describe(points, path_costs, grads, lr, path.landscape),
                path.landscape)


def format_point(p):
    """A point as '1.23' (one number) or '(1.23, -0.50)'."""
    return f"{p[0]:.2f}" if len(p) == 1 else "(" + ", ".join(f"{x:.2f}" for x in p) + ")"


def _rises(path_costs):
    """The steps (1, 2, ...) after which the cost was higher than before."""
    return np.nonzero(np.diff(path_costs) > 1e-12)[0] + 1


def _settles(points, path_costs, grads):
    """True when the walk ends on a valley floor: almost no slope, and the cost no longer rising."""
    k = len(points) - 1
    rises = _rises(path_costs)
    return (bool(np.isfinite(path_costs[-1])) and float(np.linalg.norm(grads[-1])) < SETTLED
            and not np.any(rises > k - CALM))


def settling_rate(landscape, start, lr):
    """The largest of NICE_RATES below lr with which a walk from start settles within ADVICE_STEPS
    steps, or None: the step size the advice suggests, found by walking it."""
    p = np.asarray(start, dtype=np.float64).reshape(-1)
    return _settling_rate(landscape, tuple(float(x) for x in p), float(lr))


@lru_cache(maxsize=64)
def _settling_rate(landscape, start, lr):
    for rate in (r for r in NICE_RATES if r < lr):
        if _settles(*_walk(landscape, np.array(start), rate, ADVICE_STEPS)):
            return rate
    return None


def _advice(landscape, start, lr):
    rate = None if landscape is None else settling_rate(landscape, start, lr)
    if rate is None:
        return " Make the step size smaller."
    return (f" Make the step size smaller: try lr={rate:g}; from this start the ball then settles on "
            f"a valley floor within {ADVICE_STEPS} steps.")


def _describe(points, path_costs, grads, lr, landscape=None):
    """The status of a walk and a sentence a learner can read."""
    k = len(points) - 1
    rises = _rises(path_costs)
    if not np.isfinite(path_costs[-1]):
        climbing = k - (int(np.nonzero(np.diff(path_costs) <= 1e-12)[0][-1]) + 1
                        if np.any(np.diff(path_costs) <= 1e-12) else 0)
        if climbing == k:
            how = ("Each step jumped past the valley and landed higher up than the last, so the steps "
                   "grew instead of shrinking; after")
        else:
            how = (f"For {k - climbing} step(s) the ball bounced about across the valleys, the cost "
                   f"going up and down; then each of its last {climbing} step(s) landed higher up than "
                   f"the one before, so the steps grew instead of shrinking, and after")
        return "diverged", (
            f"Diverged: the step size {lr:g} is too large. {how} {k} steps the ball flew off the map "
            f"and the cost grows without limit.{_advice(landscape, points[0], lr)}")
    slope = float(np.linalg.norm(grads[-1]))
    where = f"at {format_point(points[-1])}, cost {path_costs[-1]:.3f}"
    if _settles(points, path_costs, grads):
        text = (f"Settled after {k} steps {where}. The slope there is almost 0, so the steps "
                "shrank to nothing: a valley floor, a local minimum (not necessarily the lowest one).")
        if len(rises):
            text += f" On the way it overshot: the cost went up at step {rises[0]}."
        return "settled", text
    if len(rises):
        still = (f" It is still overshooting: the cost went up again at step {rises[-1]}."
                 if rises[-1] > k - CALM and rises[-1] != rises[0] else "")
        return "zig-zag", (
            f"Overshooting: at step {rises[0]} the ball jumped across the valley and the cost went "
            f"UP. The step size {lr:g} is large for this valley; after {k} steps it is {where}.{still}")
    # In 1-D the slope is part of the story; a 2-D app shows the gradient beside it.
    slope_words = f", {_slope_words(grads[-1])}" if len(grads[-1]) == 1 else ""
    if k == 0:
        return "rolling", f"At the start {where}{slope_words}. Take a step."
    return "rolling", (f"Still rolling after {k} steps: {where}{slope_words}; "
                       f"the next step moves it by {format_point(-lr * grads[-1])}.")


def _slope_words(grad):
    if len(grad) == 1:
        side = "right" if grad[0] < 0 else "left"
        return f"slope {grad[0]:+.3f} (downhill is to the {side})"
    return f"gradient {format_point(grad)}, steepness {np.linalg.norm(grad):.3f}"


def directional_slopes(landscape, p, angles):
    """The slope of a 2-D cost at p when walking in each direction (cos a, sin a): (len(angles),).

    It equals ∇C · direction, largest along the gradient (steepest ascent),
    most negative against it (steepest descent), 0 at right angles.
    """
    directions = np.stack([np.cos(angles), np.sin(angles)], axis=-1)
    return directions @ landscape.grad(np.asarray(p, dtype=np.float64))


# -- the real cost, along lines and planes ---------------------------------------

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


def cost_change(net, X, y, index, nudge, cost="quadratic"):
    """The real change in the average cost when parameter `index` moves by `nudge`."""
    if isinstance(index, bool) or not isinstance(index, (int, np.integer)) \
            or not 0 <= index < net.n_params:
        fail(f"a parameter index, a whole number 0 .. {net.n_params - 1:,}", describe(index))
    theta = net.parameters()
    theta[index] += nudge
    return costs.evaluate(net.copy().set_parameters(theta), X, y, cost) - costs.evaluate(net, X, y, cost)


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
