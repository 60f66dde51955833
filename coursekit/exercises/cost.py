"""Checkers for notebook 04 (cost): one example's cost, and the cost as a function of θ."""
import numpy as np

from coursekit.exercises import not_a_function, not_written_yet, right, wrong
from nnlib import cost as costs


def _as_number(answer):
    """A float for a number or a 0-d / 1-element array; None for anything else."""
    if isinstance(answer, bool):
        return None
    try:
        value = np.asarray(answer, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return float(value.reshape(-1)[0]) if value.size == 1 else None


def _close(a, b):
    return bool(np.isclose(a, b, rtol=1e-6, atol=1e-9))


def check_example_cost(answer, y_hat, label):
    """Exercise: the cost of one example, C = Σ_j (y_hat_j − Y_j)², Y the one-hot of `label`.

    y_hat (10,): the network's outputs for the digit; label: its right digit.
    """
    missing = not_written_yet(answer)
    if missing is not None:
        return missing
    y_hat = np.asarray(y_hat, dtype=np.float64)
    size = np.size(answer) if isinstance(answer, (np.ndarray, list, tuple)) else 1
    if size == len(y_hat):
        return wrong(f"that is {size} numbers, one per output. The cost of the example is ONE "
                     "number: add the squared differences up, e.g. np.sum(...).")
    value = _as_number(answer)
    if value is None:
        return wrong(f"the cost should be one number; got {type(answer).__name__}.")
    Y = np.eye(len(y_hat))[int(label)]
    diff = y_hat - Y
    target = float(np.sum(diff ** 2))
    if _close(value, target):
        return right(f"the cost of this example is {target:.4f}: the sum of the squared differences "
                     "between the outputs and the one-hot wanted outputs.")
    mistakes = [
        (np.sum(diff), "you added the differences without squaring them: positive and negative "
                       "differences cancel out. Square each difference first: (y_hat - Y) ** 2."),
        (np.sum(np.abs(diff)), "you added the sizes of the differences; the quadratic cost adds their "
                               "SQUARES: (y_hat - Y) ** 2."),
        (np.mean(diff ** 2), "you averaged over the 10 outputs (np.mean); the cost of one example is "
                             "the SUM over its outputs (np.sum). Averaging comes later, over examples."),
        (np.sum(y_hat ** 2), "you compared the outputs with all zeros: the wanted output has a 1 for the "
                             "right digit. Build it with data.one_hot or np.eye(10)[label]."),
        (np.sum((y_hat - label) ** 2), f"you compared every output with the label itself ({int(label)}), "
                                       "as a number. The wanted outputs are the one-hot vector: 1 at "
                                       "position label, 0 elsewhere, e.g. np.eye(10)[label]."),
        (np.sqrt(target), "you took the square root (that is the distance between the two vectors); "
                          "the cost is the sum of squares itself, with no root."),
        (np.sum(diff) ** 2, "you squared the sum of the differences; square each difference first, "
                            "then add: np.sum((y_hat - Y) ** 2)."),
        (diff[int(label)] ** 2, "you counted only the right digit's output. The other 9 outputs "
                                "should be 0, and each one's squared difference counts too."),
    ]
    for mistake, hint in mistakes:
        if _close(value, mistake):
            return wrong(hint)
    return wrong(f"{value:.4f} is not the cost. Make Y, the one-hot wanted outputs, subtract it from "
                 "y_hat, square each difference and add the 10 squares up.")


def check_cost_function(cost_of, net, X, y, rng=0):
    """Exercise: a function θ (13,002 numbers) -> the average cost of net with θ on (X, y).

    Tries the network's own θ and a nudged one; `net` is put back as it was.
    """
    feedback = not_a_function(cost_of,
                              "cost_of should be a function, written with def cost_of(theta): ...")
    if feedback is not None:
        return feedback
    theta0 = net.parameters()
    nudged = theta0 + 0.5 * np.random.default_rng(rng).standard_normal(theta0.size)
    wanted = [costs.evaluate(net.copy().set_parameters(t), X, y) for t in (theta0, nudged)]
    try:
        got = [cost_of(t.copy()) for t in (theta0, nudged)]
    except Exception as error:       # a learner's bug: report it, never crash the check cell
        return wrong(f"calling cost_of(theta) raised {type(error).__name__}: {error}")
    finally:
        changed = not np.array_equal(net.parameters(), theta0)
        net.set_parameters(theta0)
    if any(g is None or g is Ellipsis for g in got):
        return not_written_yet(None)          # the body still returns the placeholder
    values = [_as_number(g) for g in got]
    if any(v is None for v in values):
        return wrong("cost_of(theta) should return ONE number, the average cost; use "
                     "cost.evaluate(probe, X, y), which averages over the examples for you.")
    if _close(values[0], values[1]):
        return wrong("cost_of gives the same cost for different θ: it ignores theta. Load it into a "
                     "copy of the network first: probe = net.copy(); probe.set_parameters(theta).")
    if all(_close(v, len(X) * c) for v, c in zip(values, wanted)):
        return wrong(f"your costs are {len(X)} times too big: you added the examples' costs up; "
                     "average them instead (cost.evaluate does).")
    if not all(_close(v, c) for v, c in zip(values, wanted)):
        return wrong(f"for the network's own θ the average cost is {wanted[0]:.4f}, yours "
                     f"{values[0]:.4f}. Use the same batch X, y and the quadratic cost.")
    note = (" Note: it changed `net` itself (we put it back); work on net.copy() so that "
            "trying a θ never spoils your network.") if changed else ""
    return right(f"cost_of maps {theta0.size:,} numbers to one: {values[0]:.4f} for the network's θ, "
                 f"{values[1]:.4f} for a nudged one." + note)
