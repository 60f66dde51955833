"""The exercise checkers of coursekit.exercises.cost (moved from tests/coursekit/apps/test_apps_cost.py)."""
import numpy as np
import pytest

from coursekit.exercises import cost as checks
from nnlib import Network, cost, data


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


# --- exercise checkers ---------------------------------------------------------------------

Y_HAT = np.array([0.1, 0.7, 0.05, 0.3, 0.2, 0.6, 0.1, 0.9, 0.15, 0.4])
LABEL = 7


def test_example_cost_accepts_the_right_answer():
    Y = np.eye(10)[LABEL]
    answer = np.sum((Y_HAT - Y) ** 2)
    assert checks.check_example_cost(answer, Y_HAT, LABEL).correct
    assert checks.check_example_cost(np.float32(answer), Y_HAT, LABEL).correct


@pytest.mark.parametrize("mistake, hint", [
    (lambda d, Y: np.sum(d), "without squaring"),
    (lambda d, Y: np.mean(d ** 2), "averaged over the 10 outputs"),
    (lambda d, Y: np.sum(Y_HAT ** 2), "all zeros"),
    (lambda d, Y: np.sum((Y_HAT - LABEL) ** 2), "label itself"),
    (lambda d, Y: np.sqrt(np.sum(d ** 2)), "square root"),
    (lambda d, Y: np.sum(np.abs(d)), "SQUARES"),
    (lambda d, Y: np.sum(d) ** 2, "squared the sum"),
    (lambda d, Y: d[LABEL] ** 2, "only the right digit"),
    (lambda d, Y: d ** 2, "ONE number"),
    (lambda d, Y: 12.5, "is not the cost"),
])
def test_example_cost_explains_the_usual_mistakes(mistake, hint):
    Y = np.eye(10)[LABEL]
    feedback = checks.check_example_cost(mistake(Y_HAT - Y, Y), Y_HAT, LABEL)
    assert not feedback.correct and hint in feedback.message


def test_example_cost_placeholder():
    assert repr(checks.check_example_cost(..., Y_HAT, LABEL)).startswith("✗ Not yet: replace the")


def test_cost_function_checker(digits):
    X, y = digits.X_train[:100], digits.y_train[:100]
    net = Network(rng=0)

    def good(theta):
        probe = net.copy()
        probe.set_parameters(theta)
        return cost.evaluate(probe, X, y)

    def in_place(theta):
        net.set_parameters(theta)
        return cost.evaluate(net, X, y)

    assert checks.check_cost_function(good, net, X, y).correct
    feedback = checks.check_cost_function(in_place, net, X, y)
    assert feedback.correct and "changed `net` itself" in feedback.message
    assert np.allclose(net.parameters(), Network(rng=0).parameters())     # put back
    mistakes = [
        (lambda theta: cost.evaluate(net, X, y), "ignores theta"),
        (lambda theta: len(X) * good(theta), "times too big"),
        (lambda theta: cost.get("cross_entropy")(net.copy().set_parameters(theta).forward(X),
                                                  np.eye(10)[y]), "quadratic cost"),
        (lambda theta: np.zeros(3), "ONE number"),
        (lambda theta: 1 / 0, "ZeroDivisionError"),
        (3.0, "should be a function"),
    ]
    for cost_of, hint in mistakes:
        feedback = checks.check_cost_function(cost_of, net, X, y)
        assert not feedback.correct and hint in feedback.message, (hint, feedback)
    assert repr(checks.check_cost_function(..., net, X, y)).startswith("✗ Not yet: replace the")
    assert repr(checks.check_cost_function(lambda theta: ..., net, X, y)).startswith(
        "✗ Not yet: replace the")
