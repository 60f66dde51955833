"""The exercise checkers of coursekit.exercises.weights (moved from tests/coursekit/apps/test_apps_knobs.py)."""
import pytest

from coursekit.exercises import weights as checks
from nnlib import activations


# -- exercise checkers -------------------------------------------------------------

def test_threshold_bias_checker():
    assert checks.check_threshold_bias(-10)
    assert checks.check_threshold_bias(-10.0)
    assert "replace the" in repr(checks.check_threshold_bias(...))
    assert "sign" in checks.check_threshold_bias(10).message
    assert "w·a > 0" in checks.check_threshold_bias(0).message
    assert "w·a > 5" in checks.check_threshold_bias(-5).message
    assert not checks.check_threshold_bias("-10")


@pytest.mark.parametrize("answer, hint", [
    (12960, "bias"), (42, "weights"), (826, "counts the neurons"),
    (13786, "input layer has no bias"),
    (784 * 16 * 16 * 10, "paths"), (784 * 16 + 16, "only the first layer"), (5, "n_in · n_out"),
    ("13002", "quotes"), (float("nan"), "whole number"), (None, "replace the"),
])
def test_parameter_count_checker_hints(answer, hint):
    feedback = checks.check_parameter_count(answer)
    assert not feedback and hint in feedback.message


def test_parameter_count_checker_accepts_13002():
    assert checks.check_parameter_count(13002)
    assert checks.check_parameter_count(784 * 16 + 16 * 16 + 16 * 10 + 16 + 16 + 10)
    assert repr(checks.check_parameter_count(13002)).startswith("✓ Correct")


def layer_right(W, b, a):
    return activations.sigmoid(W @ a + b)


@pytest.mark.parametrize("fn, hint", [
    (lambda W, b, a: W @ a + b, "squish"),
    (lambda W, b, a: activations.sigmoid(W @ a), "bias is missing"),
    (lambda W, b, a: activations.sigmoid(W @ a) + b, "inside the sigmoid"),
    (lambda W, b, a: activations.sigmoid(W.T @ a + b), "W @ a works"),
    (lambda W, b, a: activations.sigmoid(W * a + b[:, None]), "element by element"),
    (lambda W, b, a: activations.relu(W @ a + b), "not ReLU"),
    (lambda W, b, a: ..., "replace the"),
    (lambda W, b, a: undefined_name, "setup cell"),  # noqa: F821
    (None, "replace the"),
])
def test_layer_checker_hints(fn, hint):
    feedback = checks.check_layer(fn)
    assert not feedback and hint in feedback.message


def test_layer_checker_accepts_the_matrix_form():
    assert checks.check_layer(layer_right)
