"""Why did training go wrong? A sentence a learner can act on, read off the History.

    diagnose(history, net, X)  ->  "The cost is stuck at 1.000 ... Try lr=3."

Training fails in a few typical ways, each with a fingerprint:

- diverged: the cost climbs or becomes NaN (steps overshoot the valley);
- saturated sigmoids: the cost is stuck and most sigmoid neurons sit at 0 or
  1, where the slope σ' is almost 0, so the gradient is almost 0 too (too
  large steps pushed the weighted sums far from 0);
- dead ReLUs: the cost is stuck and many ReLU neurons output 0 for every
  digit, so no gradient reaches their weights;
- too small steps: the cost falls, but only a little per epoch;
- memorising (overfitting): far better on the training digits than on new ones.

Only numbers rounded for printing go into the sentences, so they repeat exactly.
"""
import numpy as np

from nnlib.errors import check_inputs, fail

# Thresholds, in words: "stuck" means the cost changed by less than 2 % over
# the last epochs; a sigmoid output below 0.02 or above 0.98 is "saturated".
STUCK = 0.02
SATURATED = 0.02
CHANCE = 0.2          # for 10 digits guessing gives 10 %: 20 % is "about as good as guessing"


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
    cost, lr = np.asarray(history.cost, dtype=float), (history.lr[-1] if history.lr else None)
    accuracy = history.test_accuracy or history.train_accuracy
    try_lr = f" (try lr={lr / 10:g})" if lr else ""
    if not np.all(np.isfinite(cost)) or cost[-1] > 1.5 * cost.min():
        return (f"The cost went up instead of down (from {cost.min():.3g} to {cost[-1]:.3g}): the steps "
                f"are so large that they jump across the valley and climb out. Use a smaller "
                f"learning rate{try_lr}.")
    recent = cost[-3:]
    stuck = history.epochs >= 2 and (recent.max() - recent.min()) <= STUCK * recent.max()
    if stuck and accuracy[-1] <= CHANCE:
        return _stuck(net, X, cost[-1], accuracy[-1], lr, try_lr)
    gap = history.train_accuracy[-1] - history.test_accuracy[-1] if history.test_accuracy else 0
    if accuracy[-1] < 0.8:
        bigger = f" (try lr={lr * 3:g})" if lr else ""
        return (f"Learning is slow: after {history.epochs} epoch(s) the cost fell only from {cost[0]:.3g} to "
                f"{cost[-1]:.3g}, and the network reads {accuracy[-1]:.1%} of the digits correctly. The "
                f"steps are too small: use a larger learning rate{bigger}, or train for more epochs.")
    if gap > 0.05:
        return (f"It reads its training digits much better than new ones ({history.train_accuracy[-1]:.1%} "
                f"against {history.test_accuracy[-1]:.1%}): it has started to memorise them. More "
                f"training digits help most (the full MNIST has 60,000); fewer epochs help a little.")
    where = "test digits" if history.test_accuracy else "training digits"
    return (f"Training went well: the cost fell from {cost[0]:.3g} to {cost[-1]:.3g}, and the network "
            f"reads {accuracy[-1]:.1%} of the {where} correctly.")


def _stuck(net, X, last_cost, accuracy, lr, try_lr):
    """The sentence for a cost that does not move while the network is no better than guessing."""
    start = (f"The cost is stuck at {last_cost:.3f} and the network reads only {accuracy:.0%} of the "
             f"digits correctly, no better than guessing.")
    if X is not None and net.activation in STUCK_NEURONS:
        share_of, what = STUCK_NEURONS[net.activation]
        share = share_of(net, X)
        if share >= 0.5:
            return (f"{start} {share:.0%} {what} Start again from a fresh network with a smaller "
                    f"learning rate{try_lr}.")
    return (f"{start} Either the steps are far too large (the network is thrown about, try a "
            f"smaller learning rate{try_lr}) or far too small (nothing happens, try a larger one).")


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
