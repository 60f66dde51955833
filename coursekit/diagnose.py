"""Why did training go wrong? A sentence a learner can act on, read off the History.

    diagnose(history, net, X)  ->  "The cost is stuck at 1.000 ... (try lr=3)."

diagnose judges a run by its test-accuracy curve when it has one (the training
accuracy otherwise) and by its cost. Training fails in a few typical ways, each
with a fingerprint:

- diverged: the cost climbs or becomes NaN (steps overshoot the valley);
- saturated sigmoids: the network is no better than guessing and most sigmoid
  neurons sit at 0 or 1, where the slope σ' is almost 0, so the gradient is
  almost 0 too (too large steps pushed the weighted sums far from 0);
- dead ReLUs: no better than guessing, and many ReLU neurons output 0 for
  every digit, so no gradient reaches their weights;
- stopped early: History.stopped is set after too few epochs to judge;
- unstable: the test accuracy jumps up and down and the cost rises again
  (steps so large that they keep jumping across the valley);
- too small steps: the cost falls, but only a little per epoch;
- memorising (overfitting): far better on the training digits than on new ones.

Every "try lr=..." names the learning rate nnlib.training.suggested_lr gives
this kind of network (GOOD_LR), and tests/coursekit/advice/ follows each piece of advice
and checks that it does what the sentence promises.

Only numbers rounded for printing go into the sentences, so they repeat exactly.
"""
from typing import NamedTuple

import numpy as np

from coursekit.trained import RECIPES
from nnlib import cost as costs, training
from nnlib.errors import check_inputs, fail
from nnlib.network import Network

# Thresholds, in words: "stuck" means the cost changed by less than 2 % over
# the last epochs; a sigmoid output below 0.02 or above 0.98 is "saturated".
STUCK = 0.02
SATURATED = 0.02
CHANCE = 0.2          # for 10 digits guessing gives 10 %: 20 % is "about as good as guessing"
JUDGE = 3             # fewer epochs than this after a stop: too early to judge
WINDOW = 5            # "unstable" looks at the last 5 epochs: the accuracy swings by
SWING = 0.05          # 5 points or more, falls by 3 points or more from one epoch to
FALL = 0.03           # the next, and the cost rises again by more than 1 %
RISE = 0.01
LEARNS = 0.85         # below 85 % learning is not done (the course's recipes reach about 90 %)
MEMORISING = 0.05     # training accuracy this far above the test accuracy

# (hidden activation, output) of the networks the course trains: the shipped
# recipes and two more. For each, the advice names nnlib's suggested rate (the one
# place that knows it), with the cost that fits the output; tests/coursekit/advice/
# follows it for every entry (about 90 % of the sample's test digits in 10 epochs).
KINDS = [(r["activation"], r["output"]) for r in RECIPES.values()] + [("sigmoid", "softmax"),
                                                                       ("relu", "sigmoid")]


def good_lr(net):
    """The learning rate nnlib suggests for this kind of network, or None for kinds the course does not train."""
    kind = (getattr(net, "activation", None), getattr(net, "output", None))
    if kind not in KINDS:
        return None
    return training.suggested_lr(net, costs.get("cross_entropy" if kind[1] == "softmax" else "quadratic"))


GOOD_LR = {kind: good_lr(Network((1, 1, 1), activation=kind[0], output=kind[1])) for kind in KINDS}


def diagnose(history, net, X=None):
    """One or two sentences on how training went, and what to change if it went wrong.

    history: the training.History that train() returned; net: the trained
    network; X: a few hundred inputs (N, n_in), used to look for saturated
    or dead neurons (optional, but the advice is better with it).
    """
    if not hasattr(history, "cost") or not hasattr(history, "lr"):
        fail("the History returned by training.train(...)", type(history).__name__)
    if history.epochs == 0:
        return "No epoch has finished yet, so there is nothing to judge: train for at least one epoch."
    run = _read(history)
    lead = run.stopped + " " if run.stopped else ""
    if not np.all(np.isfinite(run.cost)) or run.cost[-1] > 1.5 * run.cost.min():
        return lead + _diverged(net, run)
    if run.accuracy <= CHANCE:
        stuck = _stuck(net, X, run.cost[-1], run.accuracy, run.lr, _frozen(run))
        if stuck:
            return lead + stuck
    if run.stopped and run.n < JUDGE:
        return _too_early(run)
    unstable = _unstable(run.curve, run.cost)
    if unstable:
        return lead + _swinging(net, run, *unstable)
    if run.accuracy < LEARNS:
        return lead + _slow(net, run.lr, run.cost, run.accuracy, run.where, run.n)
    return lead + _learned(history, run)


class _Run(NamedTuple):
    """The numbers diagnose reads off a History with at least one epoch."""
    cost: np.ndarray    # the cost of each epoch
    lr: float | None    # the last epoch's learning rate, or None when the History has none
    curve: np.ndarray   # the accuracy of each epoch: on the test digits when there are any
    where: str          # which digits `curve` counts: "test digits" or "training digits"
    n: int              # epochs trained
    accuracy: float     # the last epoch's accuracy, curve[-1]
    stopped: str        # "Stopped after ... (why)." when training stopped early, else ""


def _read(history):
    """The _Run of a History with at least one epoch."""
    cost, lr = np.asarray(history.cost, dtype=float), (history.lr[-1] if history.lr else None)
    curve = np.asarray(history.test_accuracy or history.train_accuracy, dtype=float)
    where = "test digits" if history.test_accuracy else "training digits"
    n, accuracy = history.epochs, curve[-1]
    stopped = (f"Stopped after {_epochs(n)} ({history.stopped})." if getattr(history, "stopped", "")
               else "")
    return _Run(cost, lr, curve, where, n, accuracy, stopped)


def _frozen(run):
    """True when the cost changed by less than STUCK over the last three epochs (two or more run)."""
    return run.n >= 2 and np.ptp(run.cost[-3:]) <= STUCK * run.cost[-3:].max()


def _diverged(net, run):
    """The cost went up or became NaN: the steps overshoot the valley."""
    cost = run.cost
    return (f"The cost went up instead of down (from {cost.min():.3g} to {cost[-1]:.3g}): "
            f"the steps are so large that they jump across the valley and climb out. Use a "
            f"smaller learning rate{_smaller(net, run.lr)}.")


def _too_early(run):
    """Stopped after fewer than JUDGE epochs: say what happened so far, and to train on."""
    return (f"{run.stopped[:-1]}, too early to judge: {_progress(run.cost)}, and the network reads "
            f"{run.accuracy:.1%} of the {run.where} correctly. Train it for more epochs (in the "
            f"training app: press Start again) and ask again.")


def _swinging(net, run, low, high, epoch):
    """The accuracy swings and the cost rose again: a smaller rate, or a schedule that shrinks it."""
    good = good_lr(net)
    if good and run.lr and run.lr > good:
        fix = f"Use a smaller learning rate: try lr={good:g}, from a fresh network."
    else:
        fix = 'Let the steps shrink as training goes on: try lr_schedule="cosine" in training.train.'
    return (f"Training is unstable: over the last {min(WINDOW, run.n)} epochs the network read "
            f"between {low:.1%} and {high:.1%} of the {run.where}, up and down, and the cost rose "
            f"again in epoch {epoch}: the steps are so large that they keep jumping across "
            f"the valley instead of settling in it. {fix}")


def _learned(history, run):
    """It reads LEARNS or more: memorising when it reads its training digits far better, else well."""
    train, test = history.train_accuracy, history.test_accuracy
    if test and train[-1] - test[-1] > MEMORISING:
        return (f"It reads its training digits much better than new ones ({train[-1]:.1%} against "
                f"{test[-1]:.1%}): it has started to memorise them. More training digits help most "
                f"(the full MNIST has 60,000); fewer epochs help a little.")
    return (f"Training went well: {_progress(run.cost)}, and the network reads {run.accuracy:.1%} "
            f"of the {run.where} correctly.")


def _epochs(n):
    return "1 epoch" if n == 1 else f"{n} epochs"


def _progress(cost):
    """What the cost did, in words that are true for one epoch too."""
    if len(cost) == 1:
        return f"after one epoch the cost is {cost[0]:.3g}"
    verb = "fell" if cost[-1] < cost[0] else "went"
    return f"the cost {verb} from {cost[0]:.3g} to {cost[-1]:.3g}"


def _smaller(net, lr, fresh=True):
    """' (try lr=...)' naming a rate known to work when there is one below lr, else how to find one."""
    good = good_lr(net)
    if good and lr and lr > good:
        return f" (try lr={good:g}" + (", from a fresh network)" if fresh else ")")
    return ": divide it by 10, and again, until the cost falls steadily"


def _unstable(curve, cost):
    """(lowest, highest accuracy, epoch the cost rose) over the last epochs, or None if steady."""
    if len(curve) < 4:
        return None
    first = max(0, len(curve) - WINDOW)
    window, costs = curve[first:], cost[first:]
    rose = np.nonzero(np.diff(costs) > RISE * costs[:-1])[0]
    if np.ptp(window) >= SWING and np.min(np.diff(window)) <= -FALL and len(rose):
        return float(window.min()), float(window.max()), first + int(rose[-1]) + 2
    return None


def _slow(net, lr, cost, accuracy, where, n):
    """Accuracy still below LEARNS: the steps are too small, too large, or it needs more epochs."""
    good = good_lr(net)
    reads = f"the network reads {accuracy:.1%} of the {where} correctly"
    progress = _progress(cost) if n == 1 else f"after {_epochs(n)} {_progress(cost)}"
    if good and lr and lr < good:
        return (f"Learning is slow: {progress.replace('fell', 'fell only')}, "
                f"and {reads}. The steps are too small: use a larger learning rate (try lr={good:g}: "
                f"the same {_epochs(n)} then read far more of the {where}).")
    if good and lr and lr > good:
        return (f"It learns, but not far: after {_epochs(n)} {reads}. The steps are too large to "
                f"settle in the valley: use a smaller learning rate (try lr={good:g}, from a fresh "
                f"network).")
    return f"Not there yet: {progress}, and {reads}. Train for more epochs (10 or more)."


def _stuck(net, X, last_cost, accuracy, lr, frozen):
    """The sentence for a network no better than guessing that cannot learn, or None if it may."""
    start = (f"The cost is stuck at {last_cost:.3f} and the network reads only {accuracy:.0%} of the "
             f"digits correctly, no better than guessing.")
    if X is not None and net.activation in STUCK_NEURONS:
        share_of, what = STUCK_NEURONS[net.activation]
        share = share_of(net, X)
        if share >= 0.5:
            start = start if frozen else (f"The network reads only {accuracy:.0%} of the digits "
                                          f"correctly, no better than guessing.")
            return (f"{start} {share:.0%} {what} Start again from a fresh network with a smaller "
                    f"learning rate{_smaller(net, lr, fresh=False)}.")
    if not frozen:
        return None
    good = good_lr(net)
    if good and lr and lr > good:
        return (f"{start} The steps are far too large: the network is thrown about. Start again from "
                f"a fresh network with a smaller learning rate (try lr={good:g}).")
    if good and lr and lr < good:
        return f"{start} The steps are far too small, so nothing happens: try lr={good:g}."
    return (f"{start} Either the steps are far too large (the network is thrown about: use a smaller "
            f"learning rate) or far too small (nothing happens: use a larger one).")


def saturated_share(net, X):
    """The fraction of hidden sigmoid activations within 0.02 of 0 or 1, over the inputs X."""
    hidden = net.trace(check_inputs(X, net.sizes[0], "X")).activations[1:-1]
    values = np.concatenate([a.ravel() for a in hidden])
    return float(np.mean((values < SATURATED) | (values > 1 - SATURATED)))


def dead_share(net, X):
    """The fraction of hidden neurons whose activation is 0 for every input in X."""
    hidden = net.trace(check_inputs(X, net.sizes[0], "X")).activations[1:-1]
    dead = np.concatenate([np.all(np.atleast_2d(a) == 0, axis=0) for a in hidden])
    return float(np.mean(dead))


# Hidden activation -> (the share of its neurons that cannot learn, why they cannot).
STUCK_NEURONS = {
    "sigmoid": (saturated_share, "of its sigmoid neurons are saturated (stuck near 0 or 1), where "
                "the slope σ' is almost 0, so the gradient is almost 0 and nothing moves. Too large "
                "steps pushed the weighted sums far from 0."),
    "relu": (dead_share, "of its ReLU neurons output 0 for every digit (they are 'dead'), so no "
             "gradient reaches their weights."),
}
