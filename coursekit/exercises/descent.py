"""Checkers for notebook 05 (gradient descent): one step, a gradient by nudging, a step in 13,002-D."""
import numpy as np

from coursekit import landscapes
from coursekit.exercises import (NEAR, as_vector, check_number, looks_typed, not_written_yet,
                                 right, show, wrong)
from coursekit.exercises.presentation import Answer, exercise, solution

# The notebook shows the new w as 1.147 (the solution's comment): 3 decimals.
STEP_DECIMALS = 3
# A gradient by nudging, compared with the exact one. The exercise asks for code, and
# the notebook prints the gradient rounded (0.412, -1.378), so a tolerance loose enough
# for that would pass numbers typed in. 2e-5 takes any honest nudge of h <= 1e-5
# (centred: error ~1e-10; one-sided C(p + h) - C(p) over h: ~5e-6) and refuses the
# printed 3 or 4 decimals; numbers copied with more digits (0.41166768) are refused
# by looks_typed: computed ones have ~16.
GRADIENT_ATOL = 2e-5
GRADIENT = """
h = 1e-5
du, dv = np.array([h, 0]), np.array([0, h])
gradient = [(landscapes.two_valleys(p + du) - landscapes.two_valleys(p - du)) / (2 * h),
            (landscapes.two_valleys(p + dv) - landscapes.two_valleys(p - dv)) / (2 * h)]
"""
DESCENT_STEP = """
theta_new = theta - lr * grad
"""


def _step(w, lr):
    """Answer: where one step from w on landscapes.curvy lands, w − lr · C'(w)."""
    target = w - lr * float(landscapes.curvy_slope(w))
    return Answer(target, f"w - lr * landscapes.curvy_slope(w)   # {target:.{STEP_DECIMALS}f}",
                  code=True)


def _gradient(p):
    """Answer: the nudging code, run at p, with the exact gradient rounded in a comment."""
    p = np.asarray(p, dtype=np.float64)
    found = solution(GRADIENT, "gradient", landscapes=landscapes, p=p)
    exact = landscapes.two_valleys_gradient(p)
    return found._replace(shown=found.shown + f"\n# about ({exact[0]:.3f}, {exact[1]:.3f}); "
                                              "landscapes.two_valleys_gradient(p) gives it exactly")


def _where(p):
    return ", ".join(f"{float(v):g}" for v in np.ravel(p))


@exercise("The ball is at w = {w:g} and the learning rate is {lr:g}: where is it after one step "
          "downhill on landscapes.curvy?", _step)
def check_step(answer, w, lr):
    """Exercise: one gradient-descent step on landscapes.curvy from w: w − lr · C'(w)."""
    slope = float(landscapes.curvy_slope(w))
    target = w - lr * slope
    side = "left" if slope > 0 else "right"
    mistakes = [
        (w + lr * slope, "you stepped UPHILL: w + lr·slope. To go down, move against the slope: "
                         "w − lr·slope."),
        (w - slope, "you moved by the whole slope; the step is the slope times the learning "
                    "rate: w − lr·slope."),
        (w - lr * float(landscapes.curvy(w)), "you used the cost C(w) where the slope C'(w) "
                                              "belongs: use landscapes.curvy_slope(w)."),
        (-lr * slope, "that is the change in w, −lr·slope; add it to w to get the new w."),
        (lr * slope, "that is lr·slope, the size of the step; the new w is w minus it: "
                     "w − lr·slope."),
        (slope, "that is the slope C'(w) itself; the new w is w − lr·slope."),
        (w, "w has not moved: subtract lr times the slope from it."),
    ]
    return check_number(
        answer, target, STEP_DECIMALS,
        f"the slope at w = {w} is {slope:+.3f}, so the ball moves {side}, to "
        f"w = {target:.{STEP_DECIMALS}f}.",
        mistakes,
        lambda value: f"{show(value)} is not w − lr·slope. The slope at w is "
                      "landscapes.curvy_slope(w).",
        what="the new w")


def _close(a, b, rtol=1e-6):
    return bool(np.allclose(a, b, rtol=rtol, atol=1e-9))


@exercise(lambda p: f"Estimate the gradient of landscapes.two_valleys at p = ({_where(p)}) by "
                    "nudging u and then v by a small h, in code: [dC/du, dC/dv].", _gradient)
def check_gradient(answer, p):
    """Exercise: the gradient of landscapes.two_valleys at p = (u, v), found by nudging u and v.

    The answer is numbers, so the checker cannot try the learner's code at another
    point; it takes only numbers that were computed (see GRADIENT_ATOL).
    """
    g, problem = as_vector(answer, "the gradient")
    if problem is not None:
        return problem
    g = g.reshape(-1)
    if g.size != 2:
        return wrong(f"the gradient has one number per input: two here (dC/du, dC/dv); you gave {g.size}.")
    target = landscapes.two_valleys_gradient(np.asarray(p, dtype=np.float64))
    if looks_typed(g) and not looks_typed(target) and _close(g, target, rtol=NEAR):
        return wrong("these numbers were typed in or rounded (they have only a few decimals; "
                     "computed ones have about 16). The exercise asks you to compute them: write "
                     "the nudging formula itself after `gradient =`, with "
                     "landscapes.two_valleys(p + ...), and do not round the result.")
    if np.allclose(g, target, rtol=0, atol=GRADIENT_ATOL):
        return right(f"∇C = ({target[0]:.3f}, {target[1]:.3f}): it points uphill, and its length "
                     f"{np.linalg.norm(target):.3f} is how steep that is.")
    return _wrong_gradient(g, target, p)


def _wrong_gradient(g, target, p):
    """The Feedback for two numbers that are not the gradient: a known mistake, else how to nudge."""
    mistakes = [
        (-target, "that is minus the gradient, the way DOWNHILL. The gradient itself points uphill."),
        (target[::-1], "the two numbers are swapped: first dC/du (nudge u), then dC/dv (nudge v)."),
        (2 * target, "twice too big: with C(p + h) − C(p − h) the nudge spans 2h, so divide by 2h."),
        (target / 2, "half the size it should be: with C(p + h) − C(p) divide by h, not 2h."),
    ]
    for mistake, hint in mistakes:
        if _close(g, mistake, rtol=1e-3):
            return wrong(hint)
    if _close(g, target, rtol=NEAR):
        return wrong("close, but not close enough: a nudge h that is too big bends the estimate. "
                     "Use a small h such as 1e-5, or the centred C(p + h) − C(p − h) over 2h.")
    if np.linalg.norm(g) < 0.01 * np.linalg.norm(target):
        return wrong("your numbers are tiny: a change in cost must be divided by the size of the "
                     "nudge h to give a slope.")
    return wrong(f"not the gradient at {tuple(float(v) for v in np.ravel(p))}. Nudge u alone by a "
                 "small h and see how C changes, divide by h; then the same for v.")


@exercise(lambda theta, grad, lr: f"Take one gradient-descent step with learning rate {lr:g} for "
          f"all {np.size(theta):,} parameters: the new parameter vector from theta and grad.",
          lambda theta, grad, lr: solution(DESCENT_STEP, "theta_new", theta=np.asarray(theta),
                                           grad=np.asarray(grad), lr=lr))
def check_descent_step(new_theta, theta, grad, lr):
    """Exercise: one step for all parameters at once, θ_new = θ − lr · ∇C."""
    missing = not_written_yet(new_theta)
    if missing is not None:
        return missing
    theta, grad = np.asarray(theta), np.asarray(grad)
    in_place = _theta_itself(new_theta, theta)
    if in_place is not None:
        return in_place
    new, problem = as_vector(new_theta, "θ_new")
    if problem is not None:
        return problem
    if new.shape != theta.shape:
        return wrong(f"θ_new should have one number per parameter, shape {theta.shape}; yours has "
                     f"shape {new.shape}.")
    target = theta - lr * grad
    if _close(new, target):
        return right(f"every one of the {theta.size:,} parameters moved against its own slope; "
                     f"the whole step has length {lr * np.linalg.norm(grad):.4f}.")
    return _wrong_descent_step(new, theta, grad, lr)


def _theta_itself(new_theta, theta):
    """The Feedback for a θ_new that is theta's own memory (theta, or changed in place), or None."""
    if new_theta is theta or (isinstance(new_theta, np.ndarray) and new_theta.shape == theta.shape
                              and np.may_share_memory(new_theta, theta)):
        return wrong("θ_new is the very array theta, so as far as the checker can see θ did not "
                     "move: either it is theta itself, or `theta -= ...` changed theta in place "
                     "and where you started is lost. Run `theta = net.parameters()` again and "
                     "write theta_new = theta - lr * grad, a new array.")
    return None


def _wrong_descent_step(new, theta, grad, lr):
    """The Feedback for a θ_new of the right shape that is not θ − lr · ∇C: a known mistake, or not."""
    if np.all(new == new.flat[0]):
        return wrong(f"every number in θ_new is {show(new.flat[0])}: θ_new starts from θ, "
                     "theta - lr * grad.")
    mistakes = [
        (theta + lr * grad, "you stepped UPHILL (θ + lr·∇C): subtract instead."),
        (theta - grad, "you forgot the learning rate: θ − lr·∇C."),
        (-lr * grad, "that is only the change −lr·∇C; add it to θ."),
        (theta, "θ did not move: subtract lr times the gradient from it."),
        (grad, "that is the gradient ∇C itself; the new θ is θ − lr·∇C."),
    ]
    for mistake, hint in mistakes:
        if _close(new, mistake):
            return wrong(hint)
    return wrong("not θ − lr·∇C: check that you used the same θ, gradient and learning rate.")
