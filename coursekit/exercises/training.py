"""Checkers for notebook 06 (training): steps per epoch, one SGD step, held-out accuracy."""
import numpy as np

from coursekit.exercises import (check_number, describe, not_a_function, run, right, show,
                                 uses_library, wrong)
from coursekit.exercises.presentation import Answer, exercise, solution
from nnlib import cost as costs, training
from nnlib.network import Network

# The notebook shows accuracies as percentages with one decimal (90.1 %): 3 decimals of
# the fraction.
ACCURACY_DECIMALS = 3
SGD_LIBRARY = {"training.step": training.step, "training.update": training.update}
SGD_STEP = """
def sgd_step(net, X, y, lr):
    grad_W, grad_b = backprop.gradients(net, X, y)
    for W, b, gW, gb in zip(net.weights, net.biases, grad_W, grad_b):
        W -= lr * gW
        b -= lr * gb
"""
NOTHING_CHANGED = ("replace the ... in sgd_step with the update: nothing in the network changed. "
                   "Change the arrays in place, W -= lr * gW (W = W - ... only renames).")


def _steps(n_examples, batch_size):
    """Answer: the number of batches, the last one smaller if batch_size does not divide n."""
    steps = -(-n_examples // batch_size)
    rest = n_examples % batch_size
    last = f", the last one of only {rest}" if rest else ""
    return Answer(steps, f"{steps:,} steps: {n_examples:,} digits make {steps:,} batches of "
                         f"{batch_size}{last}, one step each")


@exercise("With {n_examples:,} training digits and batch_size={batch_size}, how many steps does "
          "one epoch take?", _steps)
def check_steps_per_epoch(answer, n_examples, batch_size):
    """Exercise: how many gradient steps does one epoch take? ceil(n_examples / batch_size)."""
    steps = -(-n_examples // batch_size)
    mistakes = [
        (n_examples * batch_size, "you multiplied; the digits are SHARED out into batches, so divide."),
        (n_examples, "that is one step per digit. A step uses a whole batch of digits at once."),
        (batch_size, "that is the number of digits in one batch, not the number of batches."),
        (n_examples // batch_size, "almost: the digits left over make one last, smaller batch, "
                                   "and it gets a step too."),
        (batch_size / n_examples, "upside down: the number of digits divided by the batch size."),
        (n_examples / batch_size, "almost: the digits left over make one last, smaller batch, "
                                  "so round up to a whole number of steps."),
    ]
    return check_number(answer, steps, None,
                        f"{n_examples:,} digits in batches of {batch_size} make {steps:,} batches, "
                        f"and each batch gives one step.",
                        mistakes,
                        lambda value: f"not {show(value)}. One epoch shows every one of the "
                                      f"{n_examples:,} digits once, {batch_size} per step.",
                        kind="a whole number", what="the number of steps")


def sgd_trials(rng=6):
    """Two small networks with data and a learning rate each, from np.random.default_rng(rng).

    Two learning rates tell a step that ignores lr from one that is the wrong size.
    """
    rng = np.random.default_rng(rng)
    trials = []
    for sizes, n, lr in (((12, 5, 4), 20, 0.5), ((9, 6, 3), 15, 2.0)):
        X, y = rng.random((n, sizes[0])), rng.integers(0, sizes[-1], n)
        trials.append((Network(sizes, rng=int(rng.integers(2 ** 31))), X, y, lr))
    return trials


def _try_step(sgd_step, start, X, y, lr):
    """One trial: (Feedback if it went wrong at once, or None; step taken; right step)."""
    expected = start.copy()
    training.step(expected, X, costs.targets(y, start.sizes[-1]), lr, costs.get("quadratic"))
    net = start.copy()
    call = run(sgd_step, net, X.copy(), y.copy(), lr, library=SGD_LIBRARY)
    if call.library:
        return uses_library(call, "for each layer W -= lr * gW and b -= lr * gb"), None, None
    if call.error is not None:
        return wrong(f"sgd_step raised {type(call.error).__name__}: {call.error}"), None, None
    before, wanted = start.parameters(), expected.parameters() - start.parameters()
    returned = call.result
    if isinstance(returned, Network) and returned is not net:
        if np.array_equal(net.parameters(), before):
            return wrong("your sgd_step returns a new network, and the network it was given did "
                         "not change. The exercise asks you to change net's own arrays in place "
                         "(W -= lr * gW), as train() does, so nothing needs returning."), \
                None, None
        net = returned
    step = net.parameters() - before
    if np.allclose(step, 0) and returned is not None and not isinstance(returned, Network):
        return wrong(f"sgd_step returned {describe(returned)} and changed nothing in the network. "
                     "It should change net's arrays in place and needs no return value: "
                     "W -= lr * gW and b -= lr * gb for each layer."), None, None
    return None, step, wanted


@exercise("Write sgd_step(net, X, y, lr): move every weight matrix and bias vector a step of size "
          "lr downhill, changing the network's arrays in place.",
          lambda rng: solution(SGD_STEP, "sgd_step"))
def check_sgd_step(sgd_step, rng=6):
    """Exercise: sgd_step(net, X, y, lr) moves every weight and bias by -lr · gradient, in place.

    The learner's function is run on two small fresh networks (sgd_trials) and
    compared with training.step; the hint names what went wrong.
    """
    feedback = not_a_function(sgd_step,
                              "sgd_step should be a function: def sgd_step(net, X, y, lr): ...")
    if feedback is not None:
        return feedback
    steps, feedback = _sgd_steps(sgd_step, rng)
    if feedback is not None:
        return feedback
    if all(np.allclose(step, wanted, rtol=1e-9, atol=1e-12) for step, wanted, _, _ in steps):
        return right("every weight and bias moved by −lr times its slope: one step downhill. "
                     "train() does exactly this for every batch.")
    feedback = _ignores_lr(steps)
    if feedback is not None:
        return feedback
    for step, wanted, start, lr in steps:
        if not np.allclose(step, wanted, rtol=1e-9, atol=1e-12):
            return _wrong_sgd_step(step, wanted, start)


def _sgd_steps(sgd_step, rng):
    """([(step taken, right step, start, lr) per trial], None), or (None, Feedback) if one failed."""
    steps = []
    for start, X, y, lr in sgd_trials(rng):
        feedback, step, wanted = _try_step(sgd_step, start, X, y, lr)
        if feedback is not None:
            return None, feedback
        steps.append((step, wanted, start, lr))
    return steps, None


def _ignores_lr(steps):
    """The Feedback for a step of one size in every trial, whatever lr is; None otherwise."""
    # The trials' lrs differ: a step of c · gradient, c a number of the learner's own, gives
    # the same ratio × lr in each, while a step off by a fixed factor gives the same ratio.
    ratios = [float(step @ wanted / (wanted @ wanted)) for step, wanted, _, _ in steps]
    proportional = all(np.allclose(step, r * wanted, rtol=1e-6, atol=1e-12)
                       for r, (step, wanted, _, _) in zip(ratios, steps))
    sizes = [r * lr for r, (_, _, _, lr) in zip(ratios, steps)]
    if proportional and all(r > 0 for r in ratios) and np.allclose(sizes, sizes[0]) \
            and not np.allclose(ratios, ratios[0]):
        return wrong(f"your step is {sizes[0]:.3g} times the gradient whatever lr is: use the "
                     "function's argument lr, not a number of your own.")
    return None


def _wrong_sgd_step(step, wanted, start):
    """The Feedback for one trial's step that is not −lr · gradient: which part went wrong."""
    in_W = np.concatenate([np.full(p.size, kind == "W") for kind, _, p in start.arrays()])
    if np.allclose(step, 0):
        return wrong(NOTHING_CHANGED)
    if np.allclose(step, -wanted):
        return wrong("you stepped uphill: the gradient points up, so SUBTRACT lr times it.")
    if np.allclose(step[in_W], wanted[in_W]) and np.allclose(step[~in_W], 0):
        return wrong("the weights moved but the biases did not: update net.biases too.")
    if np.allclose(step[~in_W], wanted[~in_W]) and np.allclose(step[in_W], 0):
        return wrong("the biases moved but the weights did not: update net.weights too.")
    ratio = float(step @ wanted / (wanted @ wanted))
    if np.allclose(step, ratio * wanted, rtol=1e-6, atol=1e-12):
        return wrong(f"right direction, wrong size: your step is {ratio:.3g} times the right "
                     "one. Multiply the gradient by lr, and only once.")
    return wrong("the network moved, but not by −lr · gradient. Use grad_W, grad_b = "
                 "backprop.gradients(net, X, y) and then W -= lr * gW, b -= lr * gb for each "
                 "layer.")


def _accuracy(net, X_test, y_test, X_train=None, y_train=None):
    """Answer: the fraction of the test digits net.predict reads right."""
    value = float(np.mean(net.predict(X_test) == np.asarray(y_test)))
    return Answer(value, f"np.mean(net.predict(X_test) == y_test)   # {value:.{ACCURACY_DECIMALS}f}"
                         f", {value:.1%} of the {len(y_test):,} test digits", code=True)


@exercise(lambda net, X_test, y_test, X_train=None, y_train=None:
          f"Compute the accuracy on the {len(y_test):,} test digits, as a fraction between 0 and 1.",
          _accuracy)
def check_test_accuracy(answer, net, X_test, y_test, X_train=None, y_train=None):
    """Exercise: the fraction of the held-out digits X_test the network reads correctly."""
    correct = float(np.mean(net.predict(X_test) == np.asarray(y_test)))
    mistakes = [
        (100 * correct, "that is a percentage; give the fraction (between 0 and 1)."),
        (1 - correct, "that is the share it got WRONG (the error rate); the accuracy is 1 minus it."),
        (correct * len(y_test), "that is how many it got right; divide by the number of test digits."),
    ]
    if X_train is not None:
        mistakes.append((np.mean(net.predict(X_train) == np.asarray(y_train)),
                         "that is the accuracy on the TRAINING digits, which the network has seen. "
                         "Use X_test and y_test."))
    return check_number(answer, correct, ACCURACY_DECIMALS,
                        f"{correct:.1%} of the {len(y_test):,} digits it never trained on.",
                        mistakes,
                        "compare net.predict(X_test) with y_test, then take the mean of the matches.",
                        what="the accuracy")
