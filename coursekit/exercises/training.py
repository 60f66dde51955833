"""Checkers for notebook 06 (training): steps per epoch, one SGD step, held-out accuracy."""
import numpy as np

from coursekit.exercises import is_number, not_a_function, not_written_yet, right, wrong
from nnlib import cost as costs, training
from nnlib.network import Network


def check_steps_per_epoch(answer, n_examples, batch_size):
    """Exercise: how many gradient steps does one epoch take? ceil(n_examples / batch_size)."""
    missing = not_written_yet(answer)
    if missing is not None:
        return missing
    if not is_number(answer):
        return wrong("the answer is one whole number: how many batches fit in one pass over the data.")
    steps = -(-n_examples // batch_size)
    if answer == steps:
        return right(f"{n_examples:,} digits in batches of {batch_size} make {steps:,} batches, "
                     f"and each batch gives one step.")
    mistakes = [
        (n_examples * batch_size, "you multiplied; the digits are SHARED out into batches, so divide."),
        (n_examples, "that is one step per digit. A step uses a whole batch of digits at once."),
        (batch_size, "that is the number of digits in one batch, not the number of batches."),
        (n_examples // batch_size, "almost: the digits left over make one last, smaller batch, "
                                   "and it gets a step too."),
        (batch_size / n_examples, "upside down: the number of digits divided by the batch size."),
    ]
    for mistake, hint in mistakes:
        if np.isclose(answer, mistake):
            return wrong(hint)
    return wrong(f"not {answer}. One epoch shows every one of the {n_examples:,} digits once, "
                 f"{batch_size} per step.")


def check_sgd_step(sgd_step):
    """Exercise: sgd_step(net, X, y, lr) moves every weight and bias by -lr · gradient, in place.

    The learner's function is run on a small copy of a network and compared
    with training.step; the hint names what went wrong.
    """
    feedback = not_a_function(sgd_step,
                              "sgd_step should be a function: def sgd_step(net, X, y, lr): ...")
    if feedback is not None:
        return feedback
    rng = np.random.default_rng(6)
    X, y, lr = rng.random((20, 12)), rng.integers(0, 4, 20), 0.5
    start = Network((12, 5, 4), rng=6)
    expected = start.copy()
    training.step(expected, X, costs.targets(y, 4), lr, costs.get("quadratic"))
    net = start.copy()
    try:
        returned = sgd_step(net, X, y, lr)
    except Exception as error:          # a learner's bug is feedback, not a crash
        return wrong(f"sgd_step raised {type(error).__name__}: {error}")
    if isinstance(returned, Network) and returned is not net:
        net = returned
    before, after, target = start.parameters(), net.parameters(), expected.parameters()
    if np.allclose(after, target, rtol=1e-9, atol=1e-12):
        return right("every weight and bias moved by −lr times its slope: one step downhill. "
                     "train() does exactly this for every batch.")
    step, wanted = after - before, target - before
    in_W = np.concatenate([np.full(p.size, kind == "W") for kind, _, p in start.arrays()])
    if np.allclose(step, 0):
        return wrong("replace the ... in sgd_step with the update: nothing in the network changed. "
                     "Change the arrays in place, W -= lr * gW (W = W - ... only renames).")
    if np.allclose(step, -wanted):
        return wrong("you stepped uphill: the gradient points up, so SUBTRACT lr times it.")
    if np.allclose(step[in_W], wanted[in_W]) and np.allclose(step[~in_W], 0):
        return wrong("the weights moved but the biases did not: update net.biases too.")
    if np.allclose(step[~in_W], wanted[~in_W]) and np.allclose(step[in_W], 0):
        return wrong("the biases moved but the weights did not: update net.weights too.")
    ratio = float(step @ wanted / (wanted @ wanted))
    if np.allclose(step, ratio * wanted, rtol=1e-6, atol=1e-12):
        return wrong(f"right direction, wrong size: your step is {ratio:.3g} times the right one. "
                     "Multiply the gradient by lr, and only once.")
    return wrong("the network moved, but not by −lr · gradient. Use grad_W, grad_b = "
                 "backprop.gradients(net, X, y) and then W -= lr * gW, b -= lr * gb for each layer.")


def check_test_accuracy(answer, net, X_test, y_test, X_train=None, y_train=None):
    """Exercise: the fraction of the held-out digits X_test the network reads correctly."""
    missing = not_written_yet(answer)
    if missing is not None:
        return missing
    if not is_number(answer):
        return wrong("the accuracy is one number: the fraction of test digits read correctly.")
    correct = float(np.mean(net.predict(X_test) == np.asarray(y_test)))
    if np.isclose(answer, correct, atol=1e-9):
        return right(f"{correct:.1%} of the {len(y_test):,} digits it never trained on.")
    if np.isclose(answer, 100 * correct):
        return wrong("that is a percentage; give the fraction (between 0 and 1).")
    if np.isclose(answer, 1 - correct):
        return wrong("that is the share it got WRONG (the error rate); the accuracy is 1 minus it.")
    if np.isclose(answer, correct * len(y_test)):
        return wrong("that is how many it got right; divide by the number of test digits.")
    if X_train is not None and np.isclose(answer, np.mean(net.predict(X_train) == np.asarray(y_train))):
        return wrong("that is the accuracy on the TRAINING digits, which the network has seen. "
                     "Use X_test and y_test.")
    return wrong("compare net.predict(X_test) with y_test, then take the mean of the matches.")
