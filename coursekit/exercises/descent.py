"""Checkers for notebook 05 (gradient descent): one step, a gradient by nudging, a step in 13,002-D."""
import numpy as np

from coursekit import landscapes
from coursekit.exercises import not_written_yet, right, wrong
from coursekit.exercises.cost import _as_number


def _close(a, b, rtol=1e-6):
    return bool(np.allclose(a, b, rtol=rtol, atol=1e-9))


def check_step(answer, w, lr):
    """Exercise: one gradient-descent step on landscapes.curvy from w: w − lr · C'(w)."""
    missing = not_written_yet(answer)
    if missing is not None:
        return missing
    value = _as_number(answer)
    if value is None:
        return wrong("the new w is one number.")
    slope = float(landscapes.curvy_slope(w))
    target = w - lr * slope
    if _close(value, target, rtol=1e-4):      # a slope found by nudging w is good enough
        side = "left" if slope > 0 else "right"
        return right(f"the slope at w = {w} is {slope:+.3f}, so the ball moves {side}, to "
                     f"w = {target:.4f}.")
    mistakes = [
        (w + lr * slope, "you stepped UPHILL: w + lr·slope. To go down, move against the slope: "
                         "w − lr·slope."),
        (w - slope, "you moved by the whole slope; the step is the slope times the learning "
                    "rate: w − lr·slope."),
        (w - lr * float(landscapes.curvy(w)), "you used the cost C(w) where the slope C'(w) "
                                              "belongs: use landscapes.curvy_slope(w)."),
        (-lr * slope, "that is the change in w, −lr·slope; add it to w to get the new w."),
        (w, "w has not moved: subtract lr times the slope from it."),
    ]
    for mistake, hint in mistakes:
        if _close(value, mistake, rtol=1e-4):
            return wrong(hint)
    return wrong(f"{value:.4f} is not w − lr·slope. The slope at w is landscapes.curvy_slope(w).")


def check_gradient(answer, p):
    """Exercise: the gradient of landscapes.two_valleys at p = (u, v), found by nudging u and v."""
    missing = not_written_yet(answer)
    if missing is not None:
        return missing
    try:
        g = np.asarray(answer, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        return wrong("the gradient is two numbers: np.array([dC_du, dC_dv]).")
    if g.size != 2:
        return wrong(f"the gradient has one number per input: two here (dC/du, dC/dv); you gave {g.size}.")
    target = landscapes.two_valleys_gradient(np.asarray(p, dtype=np.float64))
    tol = 1e-3
    if _close(g, target, rtol=tol):
        return right(f"∇C = ({target[0]:.4f}, {target[1]:.4f}): it points uphill, and its length "
                     f"{np.linalg.norm(target):.4f} is how steep that is.")
    mistakes = [
        (-target, "that is minus the gradient, the way DOWNHILL. The gradient itself points uphill."),
        (target[::-1], "the two numbers are swapped: first dC/du (nudge u), then dC/dv (nudge v)."),
        (2 * target, "twice too big: with C(p + h) − C(p − h) the nudge spans 2h, so divide by 2h."),
        (target / 2, "half the size it should be: with C(p + h) − C(p) divide by h, not 2h."),
    ]
    for mistake, hint in mistakes:
        if _close(g, mistake, rtol=tol):
            return wrong(hint)
    if _close(g, target, rtol=0.05):
        return wrong("close, but not close enough: a nudge h that is too big bends the estimate. "
                     "Use a small h such as 1e-5, or the centred C(p + h) − C(p − h) over 2h.")
    if np.linalg.norm(g) < 0.01 * np.linalg.norm(target):
        return wrong("your numbers are tiny: a change in cost must be divided by the size of the "
                     "nudge h to give a slope.")
    return wrong(f"not the gradient at {tuple(p)}. Nudge u alone by a small h and see how C "
                 "changes, divide by h; then the same for v.")


def check_descent_step(new_theta, theta, grad, lr):
    """Exercise: one step for all parameters at once, θ_new = θ − lr · ∇C."""
    missing = not_written_yet(new_theta)
    if missing is not None:
        return missing
    theta, grad = np.asarray(theta), np.asarray(grad)
    new = np.asarray(new_theta, dtype=np.float64)
    if new.shape != theta.shape:
        return wrong(f"θ_new should have one number per parameter, shape {theta.shape}; yours has "
                     f"shape {new.shape}.")
    target = theta - lr * grad
    if _close(new, target):
        return right(f"every one of the {theta.size:,} parameters moved against its own slope; "
                     f"the whole step has length {lr * np.linalg.norm(grad):.4f}.")
    mistakes = [
        (theta + lr * grad, "you stepped UPHILL (θ + lr·∇C): subtract instead."),
        (theta - grad, "you forgot the learning rate: θ − lr·∇C."),
        (-lr * grad, "that is only the change −lr·∇C; add it to θ."),
        (theta, "θ did not move: subtract lr times the gradient from it."),
    ]
    for mistake, hint in mistakes:
        if _close(new, mistake):
            return wrong(hint)
    return wrong("not θ − lr·∇C: check that you used the same θ, gradient and learning rate.")
