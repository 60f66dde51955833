"""The exercise checkers of coursekit.exercises.activations (moved from tests/coursekit/apps/test_apps_activations.py)."""
import math
import warnings

import numpy as np
import pytest

from coursekit.exercises import activations as checks
from nnlib import activations

from sigmoid_drafts import sigmoid_branch, sigmoid_ratio


# -- the sigmoid checker --------------------------------------------------------------

def test_sigmoid_checker_refuses_the_library_and_accepts_the_textbook_formula():
    feedback = checks.check_sigmoid(activations.sigmoid)
    assert not feedback and "nnlib's own" in feedback.message
    with warnings.catch_warnings():
        warnings.simplefilter("error")            # nothing may leak out of the checker
        feedback = checks.check_sigmoid(lambda z: 1 / (1 + np.exp(-z)))
    assert feedback and "overflowed" in feedback.message


@pytest.mark.parametrize("fn, hint", [
    (lambda z: ..., "replace the"),
    (None, "replace the"),
    (sigmoid_ratio, "NaN"),
    (lambda z: 1 / (1 + math.exp(-z)), "math module"),
    (lambda z: 1 / (1 + np.exp(z)), "minus sign"),
    (lambda z: int(1 / (1 + np.exp(-z))), "rounded"),
    (sigmoid_branch, "truth value"),
    (lambda z: np.exp(-z), "e^(-z) itself"),
    (lambda z: 1 / (1 - np.exp(-z)), "expected"),
    (lambda z: "0.5", "not numbers"),
    (3, "should be a function"),
])
def test_sigmoid_checker_names_the_mistake(fn, hint):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        feedback = checks.check_sigmoid(fn)
    assert not feedback and hint in feedback.message, feedback


# -- the ReLU checker -------------------------------------------------------------------

@pytest.mark.parametrize("fn", [lambda z: np.maximum(z, 0),
                                lambda z: np.where(z > 0, z, 0.0), lambda z: z * (z > 0)])
def test_relu_checker_accepts_correct_versions(fn):
    assert checks.check_relu(fn)


def relu_in_place(z):
    z = np.asarray(z)
    z[z < 0] = 0
    return z


@pytest.mark.parametrize("fn, hint", [
    (lambda z: ..., "replace the"),
    (lambda z: max(0, z), "Python's `max`"),
    (lambda z: np.max(z, 0), "np.maximum"),
    (lambda z: np.maximum(z, 0).astype(int), "lost their fractions"),
    (lambda z: np.clip(z, 0, 1), "not capped at 1"),
    (lambda z: np.abs(z), "|z|"),
    (lambda z: np.minimum(z, 0), "np.minimum"),
    (lambda z: z, "unchanged"),
    (relu_in_place, "changed the array"),
    (lambda z: np.maximum(np.ravel(z), 0), "shape"),
])
def test_relu_checker_names_the_mistake(fn, hint):
    feedback = checks.check_relu(fn)
    assert not feedback and hint in feedback.message, feedback


def test_checker_messages_are_one_line():
    assert "\n" not in repr(checks.check_relu(lambda z: max(0, z)))
