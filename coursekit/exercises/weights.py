"""Checkers for notebook 02, weights and biases.

check_threshold_bias(b)   the bias for "fire only when the weighted sum is above 10"
check_parameter_count(n)  how many weights and biases a 784-16-16-10 network has
check_layer(layer_v1)     a function computing a whole layer, σ(W a + b)
"""
import numpy as np

from coursekit.exercises import (as_vector, check_count, check_number, no_answer, not_a_function,
                                 right, run, same_every_time, show, uses_library, wrong)
from coursekit.exercises.presentation import Answer, exercise, solution
from nnlib.activations import relu, sigmoid
from nnlib.network import MNIST_SIZES, Network

THRESHOLD = 10                # the exercise: fire only when the weighted sum is above 10
LAYER = """
def layer_v1(W, b, a):
    return activations.sigmoid(W @ a + b)
"""


@exercise(f"Which bias b makes a neuron fire only when its weighted sum w·a is above {THRESHOLD}?",
          lambda: Answer(-THRESHOLD, f"b = {-THRESHOLD}"))
def check_threshold_bias(answer):
    """The bias b that makes a sigmoid neuron fire (a > 0.5) exactly when w·a > 10."""
    mistakes = [
        (10, "check the sign. With b = +10 the neuron fires when w·a > -10, so almost "
             "always. It fires when w·a + b > 0; which b makes that mean w·a > 10?"),
        (0, "with b = 0 the neuron fires as soon as w·a > 0. The bias moves that "
            "threshold: it fires when w·a > -b."),
    ]
    return check_number(answer, -THRESHOLD, None,
                        "b = -10. The neuron fires when w·a + b > 0, that is when w·a > -b = 10: "
                        "a negative bias is a threshold the weighted sum has to clear.",
                        mistakes,
                        lambda b: f"with b = {show(b)} the neuron fires when w·a > {show(-b)}. It "
                                  "fires when w·a + b > 0, that is w·a > -b; pick b so that -b is 10.",
                        what="the bias")


def _count(sizes):
    weights = sum(n_in * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
    return weights, sum(sizes[1:])


def _parameter_count(sizes):
    """Answer: the number of parameters nnlib's Network of these sizes has, split as _count says."""
    n_weights, n_biases = _count(sizes)
    n = Network(sizes, rng=0).n_params
    return Answer(n, f"{n:,} parameters: {n_weights:,} weights + {n_biases:,} biases")


@exercise(lambda sizes: f"How many weights and biases does the {'-'.join(map(str, sizes))} network "
                        "have in total?", _parameter_count)
def check_parameter_count(answer, sizes=MNIST_SIZES):
    """How many weights and biases the network with these layer sizes has (13,002 for MNIST)."""
    weights, biases = _count(sizes)
    sizes_text = "-".join(str(n) for n in sizes)
    hints = {
        weights: f"those are the {weights:,} weights; every neuron after the input also has a "
                 "bias. Add them.",
        biases: f"those are the {biases:,} biases; add the weights: one per connection, "
                "n_in · n_out between two layers.",
        sum(sizes): f"that counts the neurons ({sum(sizes):,}). The knobs are the connections "
                    "between neurons (weights) and one bias per neuron after the input.",
        weights + sum(sizes): f"the input layer has no bias: its {sizes[0]:,} activations are the "
                              "pixels, nothing computes them. Count biases only for the layers "
                              "after it.",
        int(np.prod(sizes)): "multiplying all the layer sizes counts paths through the whole "
                             "network. Weights connect neighbouring layers only: add n_in · n_out "
                             "for each pair of neighbours.",
        sizes[0] * sizes[1] + sizes[1]: "that is only the first layer. Add the weights and biases "
                                        "of the other layers too.",
    }
    return check_count(answer, weights + biases,
                       f"{weights:,} weights + {biases:,} biases = {weights + biases:,} knobs "
                       f"in a {sizes_text} network.", hints,
                       lambda n: f"{n:,} is not it. Between neighbouring layers there are n_in · "
                                 f"n_out weights ({sizes[0]} · {sizes[1]} for the first pair); "
                                 "each neuron after the input has one bias.")


LAYER_LIBRARY = {"Network.forward_layer": Network.forward_layer}


def layer_cases(rng=0):
    """Two made-up layers (W, b, a), 5 neurons x 7 inputs and 3 x 4, from default_rng(rng).

    Not square on purpose: W.T @ a or a @ W then fail instead of passing by luck.
    """
    rng = np.random.default_rng(rng)
    return [(rng.standard_normal((n_out, n_in)), rng.standard_normal(n_out), rng.random(n_in))
            for n_out, n_in in ((5, 7), (3, 4))]


def _layer_activations(layer_v1, W, b, a):
    """(the vector layer_v1(W, b, a) gave, None), or (None, Feedback) if it gave no numbers."""
    call = run(layer_v1, W.copy(), b.copy(), a.copy(), library=LAYER_LIBRARY)
    if call.library:
        return None, uses_library(call, "activations.sigmoid(W @ a + b)")
    feedback = no_answer(call, "layer_v1", "the activations", raised=_layer_error_hint)
    if feedback is not None:
        return None, feedback
    got, problem = as_vector(call.result, "the layer's activations")
    if problem is not None:
        return None, wrong(f"the function should return the layer's activations as a numpy "
                           f"array of numbers: {problem.message}")
    return got, None


def _layer_mistake(W, b, a, got):
    """The Feedback for activations `got` that are not σ(W a + b), or None if they are."""
    expected = sigmoid(W @ a + b)
    if got.shape != expected.shape:
        if got.shape == W.shape:
            return wrong("W * a multiplies element by element and keeps a matrix. The weighted "
                         "sums are a matrix-vector product: W @ a.")
        return wrong(f"with W of shape {W.shape} the layer has {W.shape[0]} neurons, so "
                     f"expected shape {expected.shape}, got {got.shape}. Use W @ a + b.")
    if np.allclose(got, expected):
        return None
    for value, hint in _layer_mistakes(W, b, a):
        if np.allclose(got, value):
            return wrong(hint)
    return wrong("the numbers differ from σ(W a + b). Each neuron j computes "
                 "σ(Σ_k W[j, k] a[k] + b[j]); with numpy that is sigmoid(W @ a + b).")


def _layer_mistakes(W, b, a):
    """The known wrong layers for (W, b, a), each with its hint, in the order they are tried."""
    return [
        (W @ a + b, "these are the weighted sums z = W a + b; squish them: sigmoid(W @ a + b)."),
        (sigmoid(W @ a), "the bias is missing: sigmoid(W @ a + b)."),
        (sigmoid(W @ a) + b, "add the bias before squishing, inside the sigmoid: "
                             "sigmoid(W @ a + b)."),
        (sigmoid(W @ a - b), "the bias is added, not subtracted: sigmoid(W @ a + b)."),
        (relu(W @ a + b), "this network's neurons use the sigmoid, not ReLU (that is "
                          "notebook 03)."),
        (np.tanh(W @ a + b), "that is tanh, which goes from -1 to 1; this network's neurons "
                             "use the sigmoid, from 0 to 1: activations.sigmoid(W @ a + b)."),
    ]


@exercise("Write layer_v1(W, b, a): the activations of a whole layer, for W of shape (n_out, n_in).",
          lambda rng: solution(LAYER, "layer_v1"))
def check_layer(layer_v1, rng=0):
    """layer_v1(W, b, a) should return σ(W a + b): shape (n_out,) for W (n_out, n_in)."""
    feedback = not_a_function(layer_v1,
                              "layer_v1 should be a function: def layer_v1(W, b, a): return ...")
    if feedback is not None:
        return feedback
    cases, results = layer_cases(rng), []
    for W, b, a in cases:
        got, feedback = _layer_activations(layer_v1, W, b, a)
        if feedback is not None:          # the first layer it gets wrong in kind is reported
            return feedback
        results.append(got)
    if same_every_time(results):
        return wrong("your function returns the same numbers for every layer it is given: "
                     "compute them from W, b and a, sigmoid(W @ a + b).")
    for (W, b, a), got in zip(cases, results):
        feedback = _layer_mistake(W, b, a, got)
        if feedback is not None:
            return feedback
    return right("σ(W a + b): one matrix product computes all the weighted sums at once.")


def _layer_error_hint(error):
    message = str(error)
    if "matmul" in message or "shapes" in message or "aligned" in message:
        return ("the shapes do not fit together (" + message.split("\n")[0] + "). W has one row "
                "per neuron and one column per input, so W @ a works; W.T @ a and a @ W do not.")
    if isinstance(error, NameError):
        name = getattr(error, "name", None)
        if name == "sigmoid":
            return (f"{message}: this notebook imports the module, not the function. Write "
                    "activations.sigmoid(...).")
        return (f"{message}: check its spelling, or run the cell above that defines or imports "
                "it (the setup cell imports activations).")
    return f"the function raised {type(error).__name__}: {message}"
