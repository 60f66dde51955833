"""Checkers for notebook 02, weights and biases.

check_threshold_bias(b)   the bias for "fire only when the weighted sum is above 10"
check_parameter_count(n)  how many weights and biases a 784-16-16-10 network has
check_layer(layer_v1)     a function computing a whole layer, σ(W a + b)
"""
import numpy as np

from coursekit.exercises import check_count, is_number, not_a_function, not_written_yet, right, wrong
from nnlib.activations import relu, sigmoid
from nnlib.network import MNIST_SIZES


def check_threshold_bias(answer):
    """The bias b that makes a sigmoid neuron fire (a > 0.5) exactly when w·a > 10."""
    placeholder = not_written_yet(answer)
    if placeholder is not None:
        return placeholder
    if not is_number(answer):
        return wrong(f"the bias is one number; you gave {answer!r}.")
    if np.isclose(answer, -10):
        return right("b = -10. The neuron fires when w·a + b > 0, that is when w·a > -b = 10: "
                     "a negative bias is a threshold the weighted sum has to clear.")
    if np.isclose(answer, 10):
        return wrong("check the sign. With b = +10 the neuron fires when w·a > -10, so almost "
                     "always. It fires when w·a + b > 0; which b makes that mean w·a > 10?")
    if np.isclose(answer, 0):
        return wrong("with b = 0 the neuron fires as soon as w·a > 0. The bias moves that "
                     "threshold: it fires when w·a > -b.")
    return wrong(f"with b = {answer:g} the neuron fires when w·a > {-answer:g}. It fires when "
                 "w·a + b > 0, that is w·a > -b; pick b so that -b is 10.")


def _count(sizes):
    weights = sum(n_in * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
    return weights, sum(sizes[1:])


def check_parameter_count(answer, sizes=MNIST_SIZES):
    """How many weights and biases the network with these layer sizes has (13,002 for MNIST)."""
    placeholder = not_written_yet(answer)
    if placeholder is not None:
        return placeholder
    if isinstance(answer, str):
        return wrong(f"give a number, not the text {answer!r}: leave out the quotes.")
    if not is_number(answer) or not np.isfinite(answer) or answer != int(answer):
        return wrong(f"a count is a whole number; you gave {answer!r}.")
    answer = int(answer)
    weights, biases = _count(sizes)
    sizes_text = "-".join(str(n) for n in sizes)
    hints = {
        weights: f"those are the {weights:,} weights; every neuron after the input also has a "
                 "bias. Add them.",
        biases: f"those are the {biases:,} biases; add the weights: one per connection, "
                "n_in · n_out between two layers.",
        sum(sizes): f"that counts the neurons ({sum(sizes):,}). The knobs are the connections "
                    "between neurons (weights) and one bias per neuron after the input.",
        weights + sum(sizes): "the input layer has no bias: its 784 activations are the pixels, "
                              "nothing computes them. Count biases only for the layers after it.",
        int(np.prod(sizes)): "multiplying all the layer sizes counts paths through the whole "
                             "network. Weights connect neighbouring layers only: add n_in · n_out "
                             "for each pair of neighbours.",
        sizes[0] * sizes[1] + sizes[1]: "that is only the first layer. Add the weights and biases "
                                        "of the second hidden layer and of the output layer too.",
    }
    return check_count(answer, weights + biases,
                       f"{weights:,} weights + {biases:,} biases = {weights + biases:,} knobs "
                       f"in a {sizes_text} network.", hints,
                       f"{answer:,} is not it. Between neighbouring layers there are n_in · n_out "
                       "weights (784 · 16 for the first pair); each neuron after the input has one bias.")


def check_layer(layer_v1):
    """layer_v1(W, b, a) should return σ(W a + b): shape (n_out,) for W (n_out, n_in)."""
    feedback = not_a_function(layer_v1,
                              "layer_v1 should be a function: def layer_v1(W, b, a): return ...")
    if feedback is not None:
        return feedback
    rng = np.random.default_rng(0)
    # Not square on purpose: W.T @ a or a @ W then fail instead of passing by luck.
    W, b, a = rng.standard_normal((5, 7)), rng.standard_normal(5), rng.random(7)
    try:
        got = layer_v1(W.copy(), b.copy(), a.copy())
    except Exception as error:                 # a learner's code can fail in any way
        return wrong(_layer_error_hint(error))
    placeholder = not_written_yet(got)
    if placeholder is not None:
        return placeholder
    got = np.asarray(got, dtype=float) if _numeric(got) else None
    expected = sigmoid(W @ a + b)
    if got is None:
        return wrong("the function should return the layer's activations as a numpy array.")
    if got.shape != expected.shape:
        if got.shape == W.shape:
            return wrong("W * a multiplies element by element and keeps a matrix. The weighted "
                         "sums are a matrix-vector product: W @ a.")
        return wrong(f"with W of shape {W.shape} the layer has {W.shape[0]} neurons, so expected "
                     f"shape {expected.shape}, got {got.shape}. Use W @ a + b.")
    if np.allclose(got, expected):
        return right("σ(W a + b): one matrix product computes all the weighted sums at once.")
    candidates = [
        (W @ a + b, "these are the weighted sums z = W a + b; squish them: sigmoid(W @ a + b)."),
        (sigmoid(W @ a), "the bias is missing: sigmoid(W @ a + b)."),
        (sigmoid(W @ a) + b, "add the bias before squishing, inside the sigmoid: "
                             "sigmoid(W @ a + b)."),
        (sigmoid(W @ a - b), "the bias is added, not subtracted: sigmoid(W @ a + b)."),
        (relu(W @ a + b), "this network's neurons use the sigmoid, not ReLU (that is "
                          "notebook 03)."),
    ]
    for value, hint in candidates:
        if np.allclose(got, value):
            return wrong(hint)
    return wrong("the numbers differ from σ(W a + b). Each neuron j computes "
                 "σ(Σ_k W[j, k] a[k] + b[j]); with numpy that is sigmoid(W @ a + b).")


def _numeric(value):
    try:
        return np.asarray(value).dtype.kind in "fiub"
    except (TypeError, ValueError):
        return False


def _layer_error_hint(error):
    message = str(error)
    if "matmul" in message or "shapes" in message or "aligned" in message:
        return ("the shapes do not fit together (" + message.split("\n")[0] + "). W has one row "
                "per neuron and one column per input, so W @ a works; W.T @ a and a @ W do not.")
    if isinstance(error, NameError):
        return (f"{message}. Import what you use in the setup cell "
                "(e.g. sigmoid from nnlib.activations).")
    return f"the function raised {type(error).__name__}: {message}"
