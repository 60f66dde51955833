"""Learning: gradient descent on the cost, one small step at a time.

    θ ← θ - lr · ∇C(θ)        θ = all 13,002 weights and biases

`train` (mini-batch stochastic gradient descent) steps on small random batches:
noisier than a step on all the data, but many more steps for the same work. It
records a History, calls an optional callback after each epoch (return True to
stop), and stops cleanly on Jupyter's stop button. It checks the data once, not
per batch. A learning rate too large makes the cost blow up: after every epoch
we check, put the network back as it was, and raise an error with a rate to try.
"""
import time
from dataclasses import dataclass, field

import numpy as np

from nnlib import backprop, cost as costs
from nnlib.errors import check_positive, check_positive_int, fail
from nnlib.network import make_rng


@dataclass
class History:
    """What happened during training, one entry per epoch."""
    cost: list = field(default_factory=list)            # mean training cost over the epoch
    train_accuracy: list = field(default_factory=list)  # fraction right on the batches seen
    test_accuracy: list = field(default_factory=list)   # on held-out data, when given
    seconds: list = field(default_factory=list)         # wall time since the start
    lr: list = field(default_factory=list)              # the learning rate each epoch used
    stopped: str = ""                                   # why training ended early, if it did

    @property
    def epochs(self):
        return len(self.cost)

    def summary(self):
        """One line: epochs, final cost and accuracies (rounded, for printing)."""
        parts = [f"{self.epochs} epochs", f"cost {self.cost[-1]:.4f}" if self.cost else "no epoch"]
        parts += [f"{name} accuracy {values[-1]:.1%}" for name, values in
                  (("train", self.train_accuracy), ("test", self.test_accuracy)) if values]
        return ", ".join(parts + ([f"stopped: {self.stopped}"] if self.stopped else []))


def step(net, X, Y, lr, cost):
    """One gradient-descent step on the batch (X, Y), in place: the textbook, as in the docstring above."""
    grad_W, grad_b = backprop.gradients(net, X, Y, cost)
    update(net, grad_W + grad_b, lr)


def update(net, grads, lr, momentum=0.0, velocity=None):
    """θ ← θ - lr·grad for every W and b, in place; grads: grad_W + grad_b.
    Momentum m keeps m of the last step: v ← m·v - lr·grad; θ ← θ + v."""
    params = net.weights + net.biases
    check_positive(lr, "the learning rate lr", "Steps go downhill only for a positive rate, e.g. lr=0.1.")
    if len(grads) != len(params) or any(getattr(g, "shape", 0) != p.shape for p, g in zip(params, grads)):
        fail(f"grads shaped like net.weights + net.biases ({len(params)} arrays)", f"{len(grads)} array(s)",
             "Pass grad_W + grad_b, as backprop.gradients(net, X, y) returns them.")
    if momentum and velocity is None:
        fail("a velocity to go with momentum", "velocity=None",
             "Pass velocity=[np.zeros_like(p) for p in net.weights + net.biases] and keep it between steps.")
    for p, g, v in zip(params, grads, velocity or grads):
        if momentum:
            v *= momentum
            v -= lr * g
            p += v
        else:
            p -= lr * g


def train(net, X, y, epochs=10, lr=0.5, batch_size=32, cost="quadratic", rng=0,
          X_test=None, y_test=None, callback=None, momentum=0.0, lr_schedule="constant",
          shuffle="examples"):
    """Mini-batch stochastic gradient descent; changes `net` in place, returns a History.

    X: (N, n_in) inputs; y: (N,) labels; one step per batch of `batch_size` (run_epoch).
    momentum: 0 to 0.99 (see update). lr_schedule: "constant", "cosine" (lr glides to 0) or a function
    epoch -> lr. shuffle: "examples" (a new order each epoch) or "batches" (batches made once: no copying).
    """
    cost, batches, test, learning_rate, momentum, velocity = _prepare(
        net, X, y, epochs, lr, batch_size, cost, rng, X_test, y_test, lr_schedule, shuffle, momentum)
    with np.errstate(over="ignore", invalid="ignore"):      # a blow-up is caught below
        reference, history, start = _divergence_reference(net, batches, cost), History(), time.perf_counter()
        advice = suggested_lr(net, cost, momentum)
        try:
            for epoch in range(epochs):
                before, lr_now = net.parameters(), learning_rate(epoch)
                epoch_cost = run_epoch(net, batches, cost, lr_now, momentum, velocity)
                _check_not_diverged(net, before, epoch_cost, reference, lr_now, epoch, advice)
                _record(history, net, epoch_cost, batches.accuracy(), lr_now, test, start)
                if callback is not None and callback(history, net):
                    history.stopped = "the callback asked to stop"
                    break
        except KeyboardInterrupt:
            history.stopped = "interrupted (the network keeps what it learned so far)"
            if not np.all(np.isfinite(net.parameters())):
                net.set_parameters(before)
    return history


def run_epoch(net, batches, cost, lr, momentum=0.0, velocity=None):
    """One pass over the data: per mini-batch backprop.gradients, then update; the mean cost."""
    for X_batch, Y_batch, outputs in batches.epoch():
        grad_W, grad_b = backprop.gradients(net, X_batch, Y_batch, cost, check=False, outputs=outputs)
        update(net, grad_W + grad_b, lr, momentum, velocity)
    return batches.cost(cost)


def _prepare(net, X, y, epochs, lr, batch_size, cost, rng, X_test, y_test, lr_schedule, shuffle,
             momentum):
    """Check everything once: cost, Batches, test data or None, epoch -> lr, momentum, velocity."""
    cost, momentum = costs.get(cost, net.output), _check_momentum(momentum)
    X, Y = backprop.checked_batch(net, X, y, cost)
    if X_test is None and y_test is not None:
        fail("X_test to go with y_test", "X_test=None", "Pass both: X_test=digits.X_test, y_test=...")
    test = None if X_test is None else backprop.checked_batch(net, X_test, y_test, cost, "X_test", "y_test")
    lr = check_positive(lr, "the learning rate lr", f"For this network lr={suggested_lr(net, cost, momentum):g} works.")
    learning_rate = _lr_schedule(lr_schedule, lr, check_positive_int(epochs, "epochs"))
    if shuffle not in ("examples", "batches"):
        fail('shuffle "examples" (a new order every epoch) or "batches"', repr(shuffle), "e.g. shuffle='batches'.")
    batches = Batches(X, Y, min(check_positive_int(batch_size, "batch_size"), len(X)), shuffle, make_rng(rng))
    velocity = [np.zeros_like(p) for p in net.weights + net.biases] if momentum else None
    return cost, batches, test, learning_rate, momentum, velocity


class Batches:
    """Each epoch's mini-batches (X_batch, Y_batch, outputs to fill in): after an epoch self.outputs
    (N, n_out) holds each example's outputs just before its step, self.targets its wanted outputs."""

    def __init__(self, X, Y, batch_size, shuffle, rng):
        self.X, self.Y, self.batch_size, self.shuffle, self.rng = X, Y, batch_size, shuffle, rng
        if shuffle == "batches":
            order = rng.permutation(len(X))
            self.X, self.Y = X[order], Y[order]          # the only copy of the data
        self.targets, self.outputs = self.Y, np.empty(Y.shape, dtype=Y.dtype)

    def epoch(self):
        starts = range(0, len(self.X), self.batch_size)
        if self.shuffle == "batches":                     # the same batches in a new order: views
            for first in self.rng.permutation(starts):
                rows = slice(first, first + self.batch_size)
                yield self.X[rows], self.Y[rows], self.outputs[rows]
            return
        order = self.rng.permutation(len(self.X))         # a new order of the examples
        self.targets = self.Y[order]
        for first in starts:
            rows = slice(first, first + self.batch_size)
            yield self.X[order[rows]], self.targets[rows], self.outputs[rows]

    def accuracy(self):
        """The fraction of the epoch's examples the network got right, just before their step."""
        return float(np.mean(self.outputs.argmax(axis=1) == self.targets.argmax(axis=1)))

    def cost(self, cost):
        """The mean cost over the epoch's examples, each taken just before its step."""
        return cost(self.outputs, self.targets)


# Mini-batch noise makes the cost wobble, but training that works never ends
# an epoch this much worse than both where it started and a network that
# ignores its input and always gives the same answer.
DIVERGENCE_FACTOR = 1.5


def _divergence_reference(net, batches, cost):
    """(cost, words): the larger of the cost before training and that of a blind network,
    which answers every input with the average wanted output (10 % each digit)."""
    X, Y = batches.X, batches.Y
    start = cost(net.forward_from(0, X), Y)
    blind = cost(np.broadcast_to(Y.mean(axis=0), Y.shape), Y)
    if start >= blind:
        return start, f"the {start:.3g} it started from"
    return blind, f"{blind:.3g}, the cost of always giving the same answer"


def suggested_lr(net, cost, momentum=0.0):
    """A learning rate that suits this network and cost on the digits (tests/nnlib trains with it).

    Measured on the sample: sigmoid layers learn at 3 (quadratic) or 1 (cross-entropy), ReLU and
    tanh at a tenth, identity outputs at a third of that; momentum m makes steps 1/(1 - m) longer.
    """
    lr = (3.0 if cost.name == "quadratic" else 1.0) * (1 if net.activation == "sigmoid" else 0.1)
    return round(lr * (1 if net.output in ("sigmoid", "softmax") else 1 / 3) * (1 - momentum), 6)


def _check_not_diverged(net, before, epoch_cost, reference, lr, epoch, advice):
    """Undo the epoch and explain, if the cost became inf/NaN or shot up."""
    limit, words = reference
    finite = np.isfinite(epoch_cost) and np.all(np.isfinite(net.parameters()))
    if finite and epoch_cost <= DIVERGENCE_FACTOR * limit:
        return
    net.set_parameters(before)
    what = "became inf or NaN" if not finite else f"rose to {epoch_cost:.3g}, far above {words}"
    raise ValueError(
        f"training diverged in epoch {epoch + 1}: the cost {what}. "
        f"The steps were so large that they overshot the valley and climbed out. "
        f"The learning rate lr={round(float(lr), 6)!r} is too large: try lr={advice if advice < lr else lr / 10:g}. "
        f"The network was put back as it was before this epoch.")


def _record(history, net, epoch_cost, train_accuracy, lr, test, start):
    history.cost.append(float(epoch_cost))
    history.train_accuracy.append(float(train_accuracy))
    history.lr.append(float(lr))
    if test is not None:
        history.test_accuracy.append(float(np.mean(net.forward_from(0, test[0]).argmax(1) == test[1].argmax(1))))
    history.seconds.append(time.perf_counter() - start)


def _lr_schedule(schedule, lr, epochs):
    """A function epoch -> learning rate, from "constant", "cosine" or the learner's own function."""
    if callable(schedule):
        def checked(epoch):
            return check_positive(schedule(epoch), f"lr_schedule({epoch}), the learning rate of epoch {epoch}",
                                  "Return a rate > 0 for every epoch, e.g. lambda epoch: 1 / (1 + epoch).")
        return checked
    if schedule == "constant":
        return lambda epoch: lr
    if schedule == "cosine":
        # Half a cosine wave from lr down towards 0: big steps first, small ones to settle.
        return lambda epoch: lr * 0.5 * (1 + np.cos(np.pi * epoch / epochs))
    fail('lr_schedule "constant", "cosine" or a function epoch -> learning rate', repr(schedule),
         "e.g. lr_schedule='cosine'.")


def _check_momentum(momentum):
    if isinstance(momentum, bool) or not isinstance(momentum, (int, float, np.integer, np.floating)):
        fail("momentum as a number from 0 to 0.99", repr(momentum), "e.g. momentum=0.9.", TypeError)
    if not 0 <= momentum < 1:
        fail("momentum from 0 (none) up to 0.99", repr(momentum),
             "Momentum 1 or more never forgets a step, and training runs away; 0.9 is typical.")
    return float(momentum)
