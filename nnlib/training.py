"""Learning: gradient descent on the cost, one small step at a time.

    θ ← θ - lr · ∇C(θ)        θ = all 13,002 weights and biases

`gradient_descent` takes every step on the whole training set; `train` (mini-
batch stochastic gradient descent) takes each step on a small random batch,
which is noisier but gives many more steps for the same work. Both record a
History, call an optional callback after each epoch (for live plots; return
True from it to stop), and stop cleanly on Jupyter's stop button.

A learning rate that is too large makes the cost blow up to inf or NaN. We
check after every epoch, put the network back as it was before that epoch,
and raise an error that says so, instead of leaving a network full of NaN.
"""
import time
from dataclasses import dataclass, field

import numpy as np

from nnlib import backprop, cost as costs
from nnlib.errors import check_positive, check_positive_int, check_same_length, fail
from nnlib.network import make_rng


@dataclass
class History:
    """What happened during training, one entry per epoch."""
    cost: list = field(default_factory=list)            # mean training cost over the epoch
    train_accuracy: list = field(default_factory=list)  # fraction right on the batches seen
    test_accuracy: list = field(default_factory=list)   # on held-out data, when given
    seconds: list = field(default_factory=list)         # wall time since the start
    stopped: str = ""                                   # why training ended early, if it did

    @property
    def epochs(self):
        return len(self.cost)

    def summary(self):
        """One line: epochs, final cost and accuracies (rounded, for printing)."""
        parts = [f"{self.epochs} epochs", f"cost {self.cost[-1]:.4f}" if self.cost else "no epoch"]
        if self.train_accuracy:
            parts.append(f"train accuracy {self.train_accuracy[-1]:.1%}")
        if self.test_accuracy:
            parts.append(f"test accuracy {self.test_accuracy[-1]:.1%}")
        if self.stopped:
            parts.append(f"stopped: {self.stopped}")
        return ", ".join(parts)


def step(net, X, Y, lr, cost):
    """One gradient-descent step on the batch (X, Y), in place. Returns the batch's outputs."""
    grad_W, grad_b = backprop.gradients(net, X, Y, cost)
    for W, b, gW, gb in zip(net.weights, net.biases, grad_W, grad_b):
        W -= lr * gW
        b -= lr * gb


def train(net, X, y, epochs=10, lr=0.5, batch_size=32, cost="quadratic", rng=0,
          X_test=None, y_test=None, callback=None):
    """Mini-batch stochastic gradient descent; changes `net` in place, returns a History.

    X: (N, n_in) training inputs; y: (N,) labels. Each epoch shuffles the data
    with `rng` and takes one step per batch of `batch_size` examples.
    """
    cost = costs.get(cost)
    X, Y = _check_training_data(net, X, y)
    epochs = check_positive_int(epochs, "epochs")
    lr = check_positive(lr, "the learning rate lr", "Typical values are 0.01 to 5.")
    batch_size = min(check_positive_int(batch_size, "batch_size"), len(X))
    rng = make_rng(rng)
    if X_test is not None:
        X_test, y_test = _check_training_data(net, X_test, y_test, "X_test", "y_test")
    history, start = History(), time.perf_counter()
    try:
        for epoch in range(epochs):
            before = net.parameters()
            order = rng.permutation(len(X))
            epoch_cost, n_right = 0.0, 0
            with np.errstate(over="ignore", invalid="ignore"):
                for first in range(0, len(X), batch_size):
                    batch = order[first:first + batch_size]
                    y_hat = net.forward(X[batch])
                    epoch_cost += cost(y_hat, Y[batch]) * len(batch)
                    n_right += int(np.sum(y_hat.argmax(axis=1) == Y[batch].argmax(axis=1)))
                    step(net, X[batch], Y[batch], lr, cost)
            _check_not_diverged(net, before, epoch_cost / len(X), history.cost, lr, epoch)
            _record(history, net, epoch_cost / len(X), n_right / len(X), X_test, y_test, start)
            if callback is not None and callback(history, net):
                history.stopped = "the callback asked to stop"
                break
    except KeyboardInterrupt:
        history.stopped = "interrupted (the network keeps what it learned so far)"
    return history


def gradient_descent(net, X, y, steps=100, lr=1.0, cost="quadratic", X_test=None,
                     y_test=None, callback=None):
    """Plain gradient descent: every step uses the whole training set (one step = one epoch)."""
    return train(net, X, y, epochs=steps, lr=lr, batch_size=len(X), cost=cost,
                 X_test=X_test, y_test=y_test, callback=callback)


def _check_training_data(net, X, y, x_name="X", y_name="y"):
    """Inputs as a batch (N, n_in) and wanted outputs Y (N, n_out), checked once."""
    if y is None:
        fail(f"labels {y_name} for the inputs {x_name}", "None")
    X = np.atleast_2d(net.check_input(X))
    Y = np.atleast_2d(costs.targets(y, net.sizes[-1])).astype(net.dtype, copy=False)
    check_same_length(X, Y, x_name, y_name)
    return X, Y


# Honest training never makes the epoch cost this many times its best so far.
DIVERGENCE_FACTOR = 3.0


def _check_not_diverged(net, before, epoch_cost, past_costs, lr, epoch):
    """Undo the epoch and explain, if the cost became inf/NaN or shot up."""
    finite = np.isfinite(epoch_cost) and all(np.all(np.isfinite(W)) for W in net.weights)
    if finite and not (past_costs and epoch_cost > DIVERGENCE_FACTOR * min(past_costs)):
        return
    net.set_parameters(before)
    what = "became inf or NaN" if not finite else (
        f"rose to {epoch_cost:.3g}, over {DIVERGENCE_FACTOR:g} times its best of {min(past_costs):.3g}")
    raise ValueError(
        f"training diverged in epoch {epoch + 1}: the cost {what}. "
        f"The steps were so large that they overshot the valley and climbed out. "
        f"The learning rate lr={lr} is too large: try lr={lr / 10:g}. "
        f"The network was put back as it was before this epoch.")


def _record(history, net, epoch_cost, train_accuracy, X_test, y_test, start):
    history.cost.append(float(epoch_cost))
    history.train_accuracy.append(float(train_accuracy))
    if X_test is not None:
        history.test_accuracy.append(float(np.mean(net.predict(X_test) == y_test.argmax(axis=1))))
    history.seconds.append(time.perf_counter() - start)
