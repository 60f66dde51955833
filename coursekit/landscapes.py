"""Cost landscapes: small costs you can see whole, and walking downhill on them.

The real cost is a function of 13,002 numbers: nobody can draw it. So we
learn to walk downhill on costs of one and two numbers first,

    curvy(w)            a cost of one parameter with three valleys
    two_valleys(p)      a cost of two parameters p = (u, v): a deep narrow
                        valley and a shallow round one

before the real MNIST cost, which coursekit.real_cost cuts into lines and
planes through the network's parameters.

Gradient descent is the same rule in every dimension: p ← p − lr · ∇C(p).
`descent_path` walks it and says, in words, whether the walk settled,
overshot or blew up. Maths only: numpy, no drawing.
"""
from functools import lru_cache
from typing import Callable, NamedTuple

import numpy as np

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
        return "diverged", _diverged_words(points, path_costs, lr, landscape)
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
    return "rolling", _rolling_words(k, where, grads[-1], lr)


def _diverged_words(points, path_costs, lr, landscape):
    """Why a walk that flew off the map blew up: climbing all the way, or after bouncing about."""
    k = len(points) - 1
    fell = np.nonzero(np.diff(path_costs) <= 1e-12)[0]      # steps after which the cost did not rise
    climbing = k - (int(fell[-1]) + 1 if len(fell) else 0)   # the last steps, each landing higher
    if climbing == k:
        how = ("Each step jumped past the valley and landed higher up than the last, so the steps "
               "grew instead of shrinking; after")
    else:
        how = (f"For {k - climbing} step(s) the ball bounced about across the valleys, the cost "
               f"going up and down; then each of its last {climbing} step(s) landed higher up than "
               f"the one before, so the steps grew instead of shrinking, and after")
    return (f"Diverged: the step size {lr:g} is too large. {how} {k} steps the ball flew off the map "
            f"and the cost grows without limit.{_advice(landscape, points[0], lr)}")


def _rolling_words(k, where, grad, lr):
    """Where a walk that is still going is, and (in 1-D) which way is downhill."""
    # In 1-D the slope is part of the story; a 2-D app shows the gradient beside it.
    slope_words = f", {_slope_words(grad)}" if len(grad) == 1 else ""
    if k == 0:
        return f"At the start {where}{slope_words}. Take a step."
    return (f"Still rolling after {k} steps: {where}{slope_words}; "
            f"the next step moves it by {format_point(-lr * grad)}.")


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
