"""The exercise checkers of coursekit.exercises.training (moved from tests/coursekit/apps/test_apps_training.py)."""
import numpy as np
import pytest

from coursekit import trained
from coursekit.exercises import training as ex
from nnlib import backprop, data


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


# --- exercise checkers ------------------------------------------------------------------------

def test_steps_per_epoch_checker():
    assert ex.check_steps_per_epoch(400, 4000, 10).correct
    assert ex.check_steps_per_epoch(32, 1000, 32).correct
    assert "replace the ..." in repr(ex.check_steps_per_epoch(..., 4000, 10))
    for answer, hint in [(40000, "multiplied"), (4000, "one step per digit"), (10, "in one batch"),
                         (31, "last, smaller batch"), (0.0025, "upside down"), ("400", "whole number")]:
        feedback = ex.check_steps_per_epoch(answer, 4000 if answer != 31 else 1000, 10 if answer != 31 else 32)
        assert not feedback.correct and hint in feedback.message, (answer, feedback)


def step_with(sign=-1, factor=1.0, weights=True, biases=True, in_place=True):
    def sgd_step(net, X, y, lr):
        grad_W, grad_b = backprop.gradients(net, X, y)
        for W, b, gW, gb in zip(net.weights, net.biases, grad_W, grad_b):
            if weights and in_place:
                W += sign * factor * lr * gW
            if biases and in_place:
                b += sign * factor * lr * gb
            if not in_place:
                W = W - lr * gW                            # rebinds the name only
    return sgd_step


def test_sgd_step_checker():
    assert ex.check_sgd_step(step_with()).correct
    for fn, hint in [(step_with(sign=+1), "uphill"), (step_with(biases=False), "biases did not"),
                     (step_with(weights=False), "weights did not"), (step_with(factor=2), "wrong size"),
                     (step_with(in_place=False), "replace the ..."), (..., "replace the ..."),
                     (3, "should be a function"), (lambda net, X, y, lr: 1 / 0, "ZeroDivisionError")]:
        feedback = ex.check_sgd_step(fn)
        assert not feedback.correct and hint in feedback.message, (hint, feedback)


def test_test_accuracy_checker(digits):
    net = trained.trained_network("sigmoid")
    acc = float(np.mean(net.predict(digits.X_test) == digits.y_test))
    train_acc = float(np.mean(net.predict(digits.X_train) == digits.y_train))
    args = (net, digits.X_test, digits.y_test, digits.X_train, digits.y_train)
    assert ex.check_test_accuracy(acc, *args).correct
    for answer, hint in [(100 * acc, "percentage"), (1 - acc, "WRONG"), (acc * 1000, "how many"),
                         (train_acc, "TRAINING"), (0.5, "net.predict(X_test)"), ("0.9", "one number"),
                         (..., "replace the ...")]:
        feedback = ex.check_test_accuracy(answer, *args)
        assert not feedback.correct and hint in feedback.message, (answer, feedback)
