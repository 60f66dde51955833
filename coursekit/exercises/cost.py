"""Checkers for notebook 04 (cost): one example's cost, and the cost as a function of θ."""
import numpy as np

from coursekit.exercises import (as_number, check_number, describe, no_answer, not_a_function,
                                 not_written_yet, right, run, same_every_time, show, wrong)
from coursekit.exercises.presentation import Answer, exercise, solution
from nnlib import cost as costs

# The notebook shows the example's cost as 3.069 (the solution's comment): 3 decimals.
EXAMPLE_COST_DECIMALS = 3
COST_OF = """
def cost_of(theta):
    probe = net.copy()
    probe.set_parameters(theta)
    return cost.evaluate(probe, X_batch, y_batch)
"""


def _example_cost(y_hat, label):
    """Answer: nnlib's quadratic cost of one example, y_hat (10,) against the one-hot of label."""
    y_hat = np.asarray(y_hat, dtype=np.float64)
    value = float(costs.quadratic_each(y_hat, costs.targets([int(label)], len(y_hat))[0]))
    return Answer(value, f"np.sum((y_hat - np.eye(10)[label]) ** 2)   # "
                         f"{value:.{EXAMPLE_COST_DECIMALS}f}", code=True)


@exercise("What is the quadratic cost of this one digit (a {label}), the sum over the outputs of "
          "(y_hat_j - Y_j)², with Y the wanted one-hot outputs?", _example_cost)
def check_example_cost(answer, y_hat, label):
    """Exercise: the cost of one example, C = Σ_j (y_hat_j − Y_j)², Y the one-hot of `label`.

    y_hat (10,): the network's outputs for the digit; label: its right digit.
    """
    missing = not_written_yet(answer)
    if missing is not None:
        return missing
    y_hat = np.asarray(y_hat, dtype=np.float64)
    if isinstance(answer, (np.ndarray, list, tuple)) and _size(answer) == len(y_hat):
        return wrong(f"that is {len(y_hat)} numbers, one per output. The cost of the example is "
                     "ONE number: add the squared differences up, e.g. np.sum(...).")
    Y = np.eye(len(y_hat))[int(label)]
    diff = y_hat - Y
    target = float(np.sum(diff ** 2))
    mistakes = _example_cost_mistakes(y_hat, label, diff, target)
    return check_number(
        answer, target, EXAMPLE_COST_DECIMALS,
        f"the cost of this example is {target:.{EXAMPLE_COST_DECIMALS}f}: the sum of the squared "
        "differences between the outputs and the one-hot wanted outputs.",
        mistakes, _not_the_example_cost, what="the cost")


def _example_cost_mistakes(y_hat, label, diff, target):
    """(wrong cost, hint) for each usual slip in Σ (y_hat − Y)²; diff = y_hat − Y."""
    return [
        (np.sum(diff), "you added the differences without squaring them: positive and negative "
                       "differences cancel out. Square each difference first: (y_hat - Y) ** 2."),
        (np.sum(np.abs(diff)), "you added the sizes of the differences; the quadratic cost adds their "
                               "SQUARES: (y_hat - Y) ** 2."),
        (np.mean(diff ** 2), f"you averaged over the {len(y_hat)} outputs (np.mean); the cost of one "
                             "example is the SUM over its outputs (np.sum). Averaging comes later, "
                             "over examples."),
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


def _not_the_example_cost(value):
    """The hint for a cost that matches no known slip: the recipe, step by step."""
    return (f"{show(value)} is not the cost. Make Y, the one-hot wanted outputs, subtract "
            "it from y_hat, square each difference and add the 10 squares up.")


def _size(values):
    """How many numbers a list or array holds; None for a ragged list."""
    try:
        return np.size(values)
    except ValueError:
        return None


def _close(a, b):
    """Results of the learner's code, compared at computed precision (they are never typed in)."""
    return bool(np.isclose(a, b, rtol=1e-6, atol=1e-9))


@exercise(lambda net, X, y, rng: f"Write cost_of(theta): the average quadratic cost on the "
          f"{len(X):,} digits of the batch of a copy of net with parameters theta "
          f"({net.parameters().size:,} numbers).",
          lambda net, X, y, rng: solution(COST_OF, "cost_of", net=net, X_batch=X, y_batch=y))
def check_cost_function(cost_of, net, X, y, rng=0):
    """Exercise: a function θ (13,002 numbers) -> the average cost of net with θ on (X, y).

    Tries the network's own θ and two θ nudged at random (np.random.default_rng(rng));
    `net` is put back as it was.
    """
    feedback = not_a_function(cost_of,
                              "cost_of should be a function, written with def cost_of(theta): ...")
    if feedback is not None:
        return feedback
    thetas = _trial_thetas(net.parameters(), rng)
    Y, outputs, wanted = _reference_costs(net, X, y, thetas)
    calls, changed = _call_on_each(cost_of, net, thetas)
    got, feedback = _returned_costs(calls)
    if feedback is not None:
        return feedback
    if same_every_time(got):
        return wrong(f"cost_of gives the same cost, {got[0]:.4f}, for every θ: it ignores theta. "
                     "Load it into a copy of the network first: probe = net.copy(); "
                     "probe.set_parameters(theta).")
    mistakes = _cost_function_mistakes(len(X), net.sizes[-1], outputs, Y, wanted)
    return _cost_function_verdict(got, wanted, mistakes, thetas[0].size, changed)


def _trial_thetas(theta0, rng):
    """The θ cost_of is tried on: the network's own, then two nudged at random."""
    draw = np.random.default_rng(rng)
    return [theta0] + [theta0 + 0.5 * draw.standard_normal(theta0.size) for _ in range(2)]


def _reference_costs(net, X, y, thetas):
    """(Y, the network's outputs and the right average quadratic cost per θ), on a copy of net."""
    probe = net.copy()
    Y = costs.targets(y, net.sizes[-1])
    wanted, outputs = [], []
    for theta in thetas:
        outputs.append(probe.set_parameters(theta).forward(X))
        wanted.append(costs.quadratic(outputs[-1], Y))
    return Y, outputs, wanted


def _call_on_each(cost_of, net, thetas):
    """(cost_of's Run on each θ until one fails, True if it changed `net`); net is put back."""
    theta0 = thetas[0]
    calls = []
    try:
        for theta in thetas:
            calls.append(run(cost_of, theta.copy()))
            if calls[-1].error is not None or calls[-1].result is None:
                break                             # the feedback is about this call: stop here
    finally:
        changed = not np.array_equal(net.parameters(), theta0)
        net.set_parameters(theta0)                # even if the checking is interrupted
    return calls, changed


def _returned_costs(calls):
    """(the cost each call returned, None), or (None, the Feedback on the first call gone wrong)."""
    got = []
    for call in calls:
        feedback = no_answer(call, "cost_of", "the cost", raised=lambda error: (
            f"calling cost_of(theta) raised {type(error).__name__}: {error}"))
        if feedback is not None:
            return None, feedback
        value, _ = as_number(call.result)
        if value is None:
            return None, wrong(f"cost_of(theta) returned {describe(call.result)}; it should "
                               "return ONE number, the average cost. cost.evaluate(probe, X_batch, "
                               "y_batch) averages over the examples for you.")
        got.append(value)
    return got, None


def _cost_function_mistakes(n_examples, n_out, outputs, Y, wanted):
    """(wrong costs, one per θ, hint) for each usual slip in averaging the quadratic cost."""
    return [
        ([n_examples * c for c in wanted],
         f"your costs are {n_examples} times too big: you added the examples' costs up; average "
         "them instead (cost.evaluate does)."),
        ([c / n_out for c in wanted],
         f"your costs are {n_out} times too small: you averaged over the {n_out} outputs as well "
         "as over the examples (np.mean of all the squares). Each example's cost is the SUM over "
         "its outputs; only the examples are averaged (cost.evaluate does this)."),
        ([costs.cross_entropy(o, Y) for o in outputs],
         "that is the cross-entropy cost; this exercise uses the quadratic cost, cost.evaluate's "
         "default: cost.evaluate(probe, X_batch, y_batch)."),
    ]


def _cost_function_verdict(got, wanted, mistakes, n_parameters, changed):
    """✓ if the costs got match the right ones, else the hint of the slip they match, if any."""
    if all(_close(v, c) for v, c in zip(got, wanted)):
        note = (" Note: it changed `net` itself (we put it back); work on net.copy() so that "
                "trying a θ never spoils your network.") if changed else ""
        return right(f"cost_of maps {n_parameters:,} numbers to one: {got[0]:.4f} for the "
                     f"network's θ, {got[1]:.4f} for a nudged one." + note)
    for values, hint in mistakes:
        if all(_close(v, c) for v, c in zip(got, values)):
            return wrong(hint)
    return wrong(f"for the network's own θ the average cost is {wanted[0]:.4f}, yours "
                 f"{got[0]:.4f}. Use the batch the checker is given (X_batch, y_batch in the "
                 "notebook), the quadratic cost, and return the cost unrounded.")
