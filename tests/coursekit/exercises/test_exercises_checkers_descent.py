"""The exercise checkers of coursekit.exercises.descent (moved from tests/coursekit/apps/test_apps_descent.py)."""
import numpy as np

from coursekit import landscapes
from coursekit.exercises import descent as checks


# --- exercise checkers ---------------------------------------------------------------------

def test_step_checker():
    w, lr = 1.0, 0.1
    slope = float(landscapes.curvy_slope(w))
    assert checks.check_step(w - lr * slope, w, lr).correct
    h = 1e-5
    numeric = (landscapes.curvy(w + h) - landscapes.curvy(w - h)) / (2 * h)
    assert checks.check_step(w - lr * numeric, w, lr).correct
    for answer, hint in [(w + lr * slope, "UPHILL"), (w - slope, "learning rate"),
                         (w - lr * float(landscapes.curvy(w)), "cost C(w)"), (-lr * slope, "add it to w"),
                         (w, "has not moved"), (7.0, "is not w − lr·slope"), ("left", "one number")]:
        feedback = checks.check_step(answer, w, lr)
        assert not feedback.correct and hint in feedback.message, (answer, feedback)
    assert repr(checks.check_step(..., w, lr)).startswith("✗ Not yet: replace the")


def test_gradient_checker():
    p = (0.5, -1.5)
    g = landscapes.two_valleys_gradient(np.array(p))
    h = 1e-5
    numeric = [(landscapes.two_valleys(np.array(p) + h * e) - landscapes.two_valleys(np.array(p) - h * e))
               / (2 * h) for e in np.eye(2)]
    assert checks.check_gradient(numeric, p).correct
    for answer, hint in [(-g, "DOWNHILL"), (g[::-1], "swapped"), (2 * g, "divide by 2h"),
                         (g / 2, "not 2h"), (g * 1e-5, "tiny"), (g * 1.02, "not close enough"),
                         ([1.0], "one number per input"), (g + 1, "not the gradient")]:
        feedback = checks.check_gradient(answer, p)
        assert not feedback.correct and hint in feedback.message, (answer, feedback)
    assert repr(checks.check_gradient(None, p)).startswith("✗ Not yet: replace the")


def test_descent_step_checker():
    rng = np.random.default_rng(0)
    theta, grad, lr = rng.standard_normal(50), rng.standard_normal(50), 0.5
    assert checks.check_descent_step(theta - lr * grad, theta, grad, lr).correct
    for answer, hint in [(theta + lr * grad, "UPHILL"), (theta - grad, "learning rate"),
                         (-lr * grad, "add it to θ"), (theta, "did not move"),
                         (theta[:10], "shape"), (theta - 2 * grad, "not θ − lr·∇C")]:
        feedback = checks.check_descent_step(answer, theta, grad, lr)
        assert not feedback.correct and hint in feedback.message, (hint, feedback)
    assert repr(checks.check_descent_step(..., theta, grad, lr)).startswith("✗ Not yet: replace the")
