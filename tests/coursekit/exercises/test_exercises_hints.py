"""Every mistake a checker names gets its own hint, and only that mistake gets it.

One section per notebook, each listing the checker's hint table entry by entry.
"""
import math

import numpy as np
import pytest

from coursekit import landscapes, trained
from coursekit.exercises import activations as act_checks
from coursekit.exercises import cost as cost_checks
from coursekit.exercises import descent as descent_checks
from coursekit.exercises import neurons, training as train_checks, weights
from nnlib import activations, backprop, cost, data
from nnlib.network import Network

from sigmoid_drafts import sigmoid_branch, sigmoid_ratio


def says(feedback, words):
    assert not feedback.correct, feedback
    assert words in feedback.message, feedback
    assert "\n" not in repr(feedback)


# -- 00 and 01: neurons -------------------------------------------------------------------------

@pytest.mark.parametrize("answer, words", [
    (9, "ten of them"), (784, "input neurons, one per pixel"), (16, "hidden layer"),
    (1, "yes or no"), (3, "3 is not it"),
])
def test_output_count_hints(answer, words):
    says(neurons.check_output_count(answer), words)


@pytest.mark.parametrize("answer, words", [
    (56, "multiply"), (28, "one row of pixels"), (729, "one row and one column short"),
    (783, "one more"), (785, "one too many"), (10, "number of outputs"),
    (100, "how many pixels"), (784.5, "a count is a whole number"),
])
def test_input_count_hints(answer, words):
    says(neurons.check_input_count(answer), words)


@pytest.mark.parametrize("formula, hint", neurons.PIXEL_MISTAKES)
def test_each_pixel_mistake_gets_its_hint(formula, hint):
    assert neurons.check_pixel_index(formula).message == hint


def knows_only_the_fixed_cases(row, col):
    return {(0, 0): 0, (0, 5): 5, (1, 0): 28, (3, 7): 91, (14, 9): 401, (27, 27): 783}.get((row, col), 0)


@pytest.mark.parametrize("fn, words", [
    (lambda r, c: 290, "gives 290 for every pixel"),
    (lambda r, c: 0.5, "pixel_index(0, 0) gave 0.5; an index is one whole number."),
    (lambda r, c: r * 28 - c, "pixel_index(0, 5) gave -5, but pixel (row 0, column 5) is x[5]"),
    (knows_only_the_fixed_cases, "but pixel (row"),                  # the random pixels tell
    (lambda r, c: (r, c), "gave (0, 0); an index is one whole number"),
    (lambda r, c: str(28 * r + c), "gave '0'; an index is one whole number"),
])
def test_pixel_index_other_hints(fn, words):
    says(neurons.check_pixel_index(fn), words)


def test_pixel_index_names_a_brightness_only_when_it_reads_x():
    x = np.linspace(0, 1, 784) + 0.001
    namespace = {"x": x}
    exec("def pixel_index(row, col):\n    return x[28 * row + col]", namespace)
    says(neurons.check_pixel_index(namespace["pixel_index"]), "pixel's brightness, x[...]")
    plain = neurons.check_pixel_index(lambda r, c: (28 * r + c) / 1000 + 0.0001)
    assert "brightness" not in plain.message and "one whole number" in plain.message


def sort_then_argmax(y_hat):
    y_hat.sort()
    return int(np.argmax(y_hat))


@pytest.mark.parametrize("fn, words", [
    (lambda y_hat: y_hat.max(), "the largest output's value"),
    (lambda y_hat: np.argmax(y_hat) + 1, "one too high, as if the outputs were counted from 1"),
    (lambda y_hat: np.argmin(y_hat), "least lit"),
    (lambda y_hat: 4, "returns 4 for every y_hat"),
    (lambda y_hat: int(np.argsort(y_hat)[-2]), "but the largest output is neuron"),
    (lambda y_hat: y_hat.sort(), "y_hat.sort() sorts the array in place and itself returns None"),
    (sort_then_argmax, "changes the outputs it is given"),
    (lambda y_hat: str(np.argmax(y_hat)), "it returned the text '3'; the answer is one digit"),
    (lambda y_hat: y_hat > 0.5, "one digit, a whole number from 0 to 9"),
])
def test_network_answer_hints(fn, words):
    says(neurons.check_network_answer(fn), words)


def test_network_answer_constant_is_not_called_one_too_high():
    """return 4 matches argmax + 1 for the first case (3); it is a constant all the same."""
    feedback = neurons.check_network_answer(lambda y_hat: 4)
    assert "one too high" not in feedback.message


@pytest.mark.parametrize("answer, words", [
    (10, "as a fraction"), (0.5, "coin toss"), (0.9, "WRONG"), (1, "right every time"),
    (0.2, "0.2 is not it"), (0.1001, "0.1001 is not it"),
])
def test_chance_accuracy_hints(answer, words):
    says(neurons.check_chance_accuracy(answer), words)


# -- 02: weights and biases ---------------------------------------------------------------------

@pytest.mark.parametrize("answer, words", [
    (10, "check the sign"), (0, "as soon as w·a > 0"), (-5, "with b = -5 the neuron fires when w·a > 5"),
    (-10.0001, "with b = -10.0001 the neuron fires when w·a > 10.0001"),
])
def test_threshold_bias_hints(answer, words):
    says(weights.check_threshold_bias(answer), words)


@pytest.mark.parametrize("answer, words", [
    (12960, "those are the 12,960 weights"), (42, "those are the 42 biases"),
    (826, "counts the neurons (826)"), (13786, "input layer has no bias"),
    (784 * 16 * 16 * 10, "counts paths"), (784 * 16 + 16, "only the first layer"),
    (5, "5 is not it"), (13002.5, "whole number; you gave 13002.5"),
])
def test_parameter_count_hints(answer, words):
    says(weights.check_parameter_count(answer), words)


def test_parameter_count_for_other_sizes():
    assert weights.check_parameter_count(3 * 4 + 4 * 2 + 4 + 2, sizes=(3, 4, 2))
    says(weights.check_parameter_count(3 * 4 + 4 * 2, sizes=(3, 4, 2)), "those are the 20 weights")
    says(weights.check_parameter_count(3 * 4 + 4, sizes=(3, 4, 2)), "only the first layer")


def sig(v):
    return activations.sigmoid(v)


@pytest.mark.parametrize("fn, words", [
    (lambda W, b, a: W @ a + b, "these are the weighted sums"),
    (lambda W, b, a: sig(W @ a), "the bias is missing"),
    (lambda W, b, a: sig(W @ a) + b, "inside the sigmoid"),
    (lambda W, b, a: sig(W @ a - b), "added, not subtracted"),
    (lambda W, b, a: activations.relu(W @ a + b), "not ReLU"),
    (lambda W, b, a: np.tanh(W @ a + b), "that is tanh, which goes from -1 to 1"),
    (lambda W, b, a: sig(W * a + b[:, None]), "W * a multiplies element by element"),
    (lambda W, b, a: sig(W.T @ a + b), "W @ a works; W.T @ a and a @ W do not"),
    (lambda W, b, a: sig(W @ a + b)[:2], "so expected shape (5,), got (2,)"),
    (lambda W, b, a: 2 * sig(W @ a + b), "the numbers differ from σ(W a + b)"),
    (lambda W, b, a: np.array([0.6, 0.1, 0.9, 0.2, 0.5]), "the same numbers for every layer"),
    (lambda W, b, a: sigmoid(W @ a + b), "Write activations.sigmoid(...)"),  # noqa: F821
    (lambda W, b, a: sigmod(W @ a + b), "check its spelling"),              # noqa: F821
    (lambda W, b, a: {}[0], "the function raised KeyError"),
    (lambda W, b, a: "0.5", "as a numpy array of numbers"),
])
def test_layer_hints(fn, words):
    says(weights.check_layer(fn), words)


def test_layer_is_tried_on_fresh_layers():
    cases = weights.layer_cases()
    assert [W.shape for W, _, _ in cases] == [(5, 7), (3, 4)]
    assert not np.array_equal(cases[0][0][:3, :4], weights.layer_cases(1)[0][0][:3, :4])
    for seed in (0, 1, 2):
        assert weights.check_layer(lambda W, b, a: activations.sigmoid(W @ a + b), rng=seed)


# -- 03: activations ------------------------------------------------------------------------------

def sigmoid_by_loop(z):
    return np.array([1 / (1 + math.exp(-v)) for v in np.ravel(z)]).reshape(np.shape(z))


def sigmoid_in_place(z):
    z = np.asarray(z)
    z *= -1
    return 1 / (1 + np.exp(z))


@pytest.mark.parametrize("fn, words", [
    (lambda z: 1 / (1 + np.exp(z)), "this is σ(-z)"),
    (np.tanh, "that is tanh, which goes from -1 to 1; sigmoid goes from 0 to 1"),
    (lambda z: np.exp(-z), "you returned e^(-z) itself"),
    (lambda z: 1 / 1 + np.exp(-z), "1 / 1 + np.exp(-z) divides only the 1"),
    (lambda z: int(1 / (1 + np.exp(-z))), "whole numbers, as if rounded to 0 or 1"),
    (lambda z: np.round(1 / (1 + np.exp(-z))), "whole numbers, as if rounded to 0 or 1"),
    (lambda z: (np.asarray(z) > 0) * 1.0, "whole numbers, as if rounded to 0 or 1"),
    (sigmoid_ratio, "Overflow: e to a large power became inf, and inf / inf is NaN"),
    (lambda z: 1 / (1 + math.exp(-z)), "the math module works on single numbers only"),
    (lambda z: float(1 / (1 + np.exp(-z))), "int(...) and float(...) turn a single number"),
    (sigmoid_branch, "the truth value of an array ... is ambiguous"),
    (sigmoid_by_loop, "math.exp overflowed"),
    (sigmoid_in_place, "changed the array it was given"),
    (lambda z: 0.5, "returns the same number, 0.5, for every input z"),
    (lambda z: [1 / (1 + np.exp(-z))], "for a single number it should return a single number"),
    (lambda z: np.sum(1 / (1 + np.exp(-z))), "you returned a single number, expected shape (33,)"),
    (lambda z: np.ravel(1 / (1 + np.exp(-z))), "for a single number it should return a single"),
    (lambda z: 1 / (1 + np.exp(-z.ravel())) if np.ndim(z) else 1 / (1 + np.exp(-z)),
     "expected shape (3, 11), got (33,)"),
    (lambda z: 1 / (1 - np.exp(-z)), "for z = 0 expected 0.5, got inf"),
    (lambda z: "0.5", "not numbers"),
    (lambda z: activations.sigmoid(z), "calls nnlib's own activations.sigmoid"),
    (activations.sigmoid, "this is nnlib's own activations.sigmoid"),
])
def test_sigmoid_hints(fn, words):
    says(act_checks.check_sigmoid(fn), words)


def test_tanh_is_not_called_rounded():
    assert "rounded" not in act_checks.check_sigmoid(np.tanh).message


def test_the_np_max_note_only_when_max_is_used():
    assert "np.max(z, 0) does" not in act_checks.check_relu(lambda z: z).message


def test_the_math_hint_only_when_math_is_used():
    assert "math" not in act_checks.check_sigmoid(lambda z: float(1 / (1 + np.exp(-z)))).message


def relu_in_place(z):
    z = np.asarray(z)
    z[z < 0] = 0
    return z


def relu_int_for_large(z):
    out = np.maximum(z, 0)
    return out.astype(int) if np.ndim(z) and np.abs(z).max() > 100 else out


@pytest.mark.parametrize("fn, words", [
    (np.abs, "that is |z|, not ReLU"),
    (lambda z: z, "your function returns z unchanged"),
    (lambda z: np.minimum(z, 0), "not np.minimum"),
    (lambda z: np.clip(z, 0, 1), "not capped at 1"),
    (lambda z: np.maximum(z, 0.01 * z), "that is leaky ReLU"),
    (lambda z: np.maximum(z, 0).astype(int), "lost their fractions"),
    (lambda z: np.round(np.maximum(z, 0)), "lost their fractions"),
    (lambda z: max(0, z), "Python's `max` and `if` compare single numbers"),
    (lambda z: np.max(z, 0), "np.max(z, 0) does that for a single number"),
    (lambda z: np.maximum(z.ravel(), 0) if np.ndim(z) else max(z, 0), "expected shape (3, 11)"),
    (relu_in_place, "changed the array it was given"),
    (relu_int_for_large, "stored as whole numbers (an int array): return floats"),
    (lambda z: np.maximum(z, 0) * np.exp(z) / np.exp(z), "returned NaN"),
    (lambda z: 1.0, "returns the same number, 1, for every input z"),
    (lambda z: np.maximum(z, 0) + 0.1, "expected"),
    (lambda z: activations.relu(z), "calls nnlib's own activations.relu"),
    (activations.relu, "this is nnlib's own activations.relu"),
    (lambda z: activations.get("relu")(z), "calls nnlib's own activations.relu"),
])
def test_relu_hints(fn, words):
    says(act_checks.check_relu(fn), words)


@pytest.mark.parametrize("fn", [lambda z: np.maximum(z, 0), lambda z: np.where(z > 0, z, 0.0),
                                lambda z: z * (z > 0), lambda z: np.clip(z, 0, None)])
def test_relu_right_versions(fn):
    for seed in (3, 4, 5):
        assert act_checks.check_relu(fn, rng=seed)


def test_sigmoid_right_versions_on_fresh_inputs():
    stable = lambda z: np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))),     # noqa: E731
                                np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))
    for seed in (3, 4, 5):
        assert act_checks.check_sigmoid(lambda z: 1 / (1 + np.exp(-z)), rng=seed)
        feedback = act_checks.check_sigmoid(stable, rng=seed)
        assert feedback and "overflowed" not in feedback.message
    scalars, arrays = act_checks.inputs(3)
    assert scalars[:7] == list(act_checks.SCALARS) and scalars[7:] != act_checks.inputs(4)[0][7:]


# -- 04: cost ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


@pytest.fixture(scope="module")
def example(digits):
    net = Network(rng=0)
    return net.forward(digits.X_train[0]), int(digits.y_train[0])    # as notebook 04 has them


@pytest.mark.parametrize("mistake, words", [
    (lambda d, y_hat, label: np.sum(d), "without squaring them"),
    (lambda d, y_hat, label: np.sum(np.abs(d)), "adds their SQUARES"),
    (lambda d, y_hat, label: np.mean(d ** 2), "you averaged over the 10 outputs (np.mean)"),
    (lambda d, y_hat, label: np.sum(y_hat ** 2), "all zeros"),
    (lambda d, y_hat, label: np.sum((y_hat - label) ** 2), "label itself (4)"),
    (lambda d, y_hat, label: np.sqrt(np.sum(d ** 2)), "square root"),
    (lambda d, y_hat, label: np.sum(d) ** 2, "squared the sum"),
    (lambda d, y_hat, label: d[label] ** 2, "only the right digit's output"),
    (lambda d, y_hat, label: d ** 2, "that is 10 numbers, one per output"),
    (lambda d, y_hat, label: 12.5, "12.5 is not the cost"),
    (lambda d, y_hat, label: round(float(np.sum(d ** 2)), 1), "copying rounded numbers"),
    (lambda d, y_hat, label: round(float(np.mean(d ** 2)), 3), "averaged over the 10 outputs"),
])
def test_example_cost_hints(example, mistake, words):
    y_hat, label = example
    says(cost_checks.check_example_cost(mistake(y_hat - np.eye(10)[label], y_hat, label),
                                        y_hat, label), words)


@pytest.fixture(scope="module")
def batch(digits):
    return Network(rng=0), digits.X_train[:200], digits.y_train[:200]


def test_cost_function_hints(batch):
    net, X, y = batch
    Y = np.eye(10)[y]

    def good(theta):
        probe = net.copy()
        probe.set_parameters(theta)
        return cost.evaluate(probe, X, y)

    def in_place(theta):
        net.set_parameters(theta)
        return cost.evaluate(net, X, y)

    def all_squares_averaged(theta):
        return np.mean((net.copy().set_parameters(theta).forward(X) - Y) ** 2)

    def printed(theta):
        print(good(theta))

    assert cost_checks.check_cost_function(good, net, X, y)
    feedback = cost_checks.check_cost_function(in_place, net, X, y)
    assert feedback and "changed `net` itself (we put it back)" in feedback.message
    assert np.array_equal(net.parameters(), Network(rng=0).parameters())
    for fn, words in [
        (lambda theta: cost.evaluate(net, X, y), "for every θ: it ignores theta"),
        (lambda theta: 3.05, "the same cost, 3.0500, for every θ"),
        (lambda theta: len(X) * good(theta), "200 times too big"),
        (all_squares_averaged, "10 times too small: you averaged over the 10 outputs"),
        (lambda theta: cost.cross_entropy(net.copy().set_parameters(theta).forward(X), Y),
         "that is the cross-entropy cost"),
        (lambda theta: round(good(theta), 2), "(X_batch, y_batch in the notebook)"),
        (lambda theta: good(theta) + 0.2, "return the cost unrounded"),
        (lambda theta: np.zeros(3), "returned an array of shape (3,); it should return ONE number"),
        (lambda theta: 1 / 0, "raised ZeroDivisionError"),
        (printed, "cost_of printed"),
        (lambda theta: None, "cost_of returned None"),
        (lambda theta: ..., "replace the ..."),
        (3.0, "should be a function"),
    ]:
        says(cost_checks.check_cost_function(fn, net, X, y), words)
        assert np.array_equal(net.parameters(), Network(rng=0).parameters())


# -- 05: gradient descent --------------------------------------------------------------------------

W0, LR = 1.0, 0.1
SLOPE = float(landscapes.curvy_slope(W0))


@pytest.mark.parametrize("answer, words", [
    (W0 + LR * SLOPE, "UPHILL"), (W0 - SLOPE, "whole slope"),
    (W0 - LR * float(landscapes.curvy(W0)), "the cost C(w) where the slope C'(w) belongs"),
    (-LR * SLOPE, "that is the change in w"), (LR * SLOPE, "that is lr·slope"),
    (SLOPE, "the slope C'(w) itself"), (W0, "w has not moved"),
    (round(W0 - LR * SLOPE, 2), "copying rounded numbers"), (7.0, "7 is not w − lr·slope"),
    (0.853, "UPHILL"),                                   # a mistake, typed from the notebook
])
def test_step_hints(answer, words):
    says(descent_checks.check_step(answer, W0, LR), words)


P = np.array([0.5, -1.5])
G = landscapes.two_valleys_gradient(P)


def nudged(h, centred=True):
    e = np.eye(2)
    if centred:
        return [(landscapes.two_valleys(P + h * d) - landscapes.two_valleys(P - h * d)) / (2 * h)
                for d in e]
    return [(landscapes.two_valleys(P + h * d) - landscapes.two_valleys(P)) / h for d in e]


@pytest.mark.parametrize("answer, words", [
    (-G, "minus the gradient, the way DOWNHILL"), (G[::-1], "swapped"), (2 * G, "divide by 2h"),
    (G / 2, "not 2h"), (nudged(1e-2, centred=False), "a nudge h that is too big"),
    (G * 1e-5, "tiny"), (G + 1, "not the gradient at (0.5, -1.5)"), ([1.0], "you gave 1"),
    ([0.412, -1.378], "typed in or rounded"), (np.round(G, 4), "typed in or rounded"),
])
def test_gradient_hints(answer, words):
    says(descent_checks.check_gradient(answer, P), words)


def test_gradient_accepts_computed_nudges_only():
    for h in (1e-4, 1e-5, 1e-6):
        assert descent_checks.check_gradient(nudged(h), P)
    assert descent_checks.check_gradient(nudged(1e-5, centred=False), P)
    assert descent_checks.check_gradient(np.float32(nudged(1e-5)), P)
    assert not descent_checks.check_gradient(np.round(G, 3), P)


THETA, GRAD = np.random.default_rng(0).standard_normal((2, 50))


@pytest.mark.parametrize("answer, words", [
    (THETA + 0.5 * GRAD, "UPHILL"), (THETA - GRAD, "forgot the learning rate"),
    (-0.5 * GRAD, "only the change"), (THETA.copy(), "θ did not move"), (GRAD, "the gradient ∇C itself"),
    (THETA, "θ_new is the very array theta"), (np.zeros(50), "every number in θ_new is 0"),
    (THETA[:10], "shape (50,); yours has shape (10,)"), (THETA - 2 * GRAD, "not θ − lr·∇C"),
])
def test_descent_step_hints(answer, words):
    says(descent_checks.check_descent_step(answer, THETA, GRAD, 0.5), words)


def test_descent_step_in_place_is_caught():
    theta = THETA.copy()
    theta -= 0.5 * GRAD
    says(descent_checks.check_descent_step(theta, theta, GRAD, 0.5), "`theta -= ...` changed theta")


# -- 06: training ---------------------------------------------------------------------------------

@pytest.mark.parametrize("answer, n, batch, words", [
    (40000, 4000, 10, "multiplied"), (4000, 4000, 10, "one step per digit"),
    (10, 4000, 10, "the number of digits in one batch"), (31, 1000, 32, "one last, smaller batch"),
    (31.25, 1000, 32, "round up"), (0.0025, 4000, 10, "upside down"), (399, 4000, 10, "not 399"),
])
def test_steps_per_epoch_hints(answer, n, batch, words):
    says(train_checks.check_steps_per_epoch(answer, n, batch), words)


def step_with(sign=-1, factor=1.0, weights=True, biases=True, in_place=True, fixed_lr=None):
    def sgd_step(net, X, y, lr):
        grad_W, grad_b = backprop.gradients(net, X, y)
        rate = lr if fixed_lr is None else fixed_lr
        for W, b, gW, gb in zip(net.weights, net.biases, grad_W, grad_b):
            if weights and in_place:
                W += sign * factor * rate * gW
            if biases and in_place:
                b += sign * factor * rate * gb
            if not in_place:
                W = W - rate * gW                          # rebinds the name only
    return sgd_step


def returns_a_new_network(net, X, y, lr):
    new = net.copy()
    step_with()(new, X, y, lr)
    return new


def shakes(net, X, y, lr):
    for W in net.weights:
        W += 0.01


@pytest.mark.parametrize("fn, words", [
    (step_with(sign=+1), "you stepped uphill"),
    (step_with(biases=False), "the weights moved but the biases did not"),
    (step_with(weights=False), "the biases moved but the weights did not"),
    (step_with(factor=2), "your step is 2 times the right one"),
    (step_with(fixed_lr=3.0), "your step is 3 times the gradient whatever lr is"),
    (step_with(in_place=False), train_checks.NOTHING_CHANGED),
    (lambda net, X, y, lr: None, train_checks.NOTHING_CHANGED),
    (lambda net, X, y, lr: 0, "returned the number 0 and changed nothing"),
    (returns_a_new_network, "returns a new network, and the network it was given did not change"),
    (shakes, "the network moved, but not by −lr · gradient"),
    (lambda net, X, y, lr: 1 / 0, "sgd_step raised ZeroDivisionError"),
    (lambda net, X, y, lr: training_step(net, X, y, lr), "calls nnlib's own training.step"),
    (3, "should be a function"), (..., "replace the ..."),
])
def test_sgd_step_hints(fn, words):
    says(train_checks.check_sgd_step(fn), words)


def training_step(net, X, y, lr):           # a helper of the learner's that calls the library
    from nnlib import training
    training.step(net, X, y, lr, "quadratic")


def test_sgd_step_is_tried_on_fresh_networks():
    trials = train_checks.sgd_trials()
    assert [start.sizes for start, *_ in trials] == [(12, 5, 4), (9, 6, 3)]
    assert len({lr for *_, lr in trials}) == 2
    for seed in (6, 7):
        assert train_checks.check_sgd_step(step_with(), rng=seed)


@pytest.fixture(scope="module")
def accuracy_args(digits):
    net = trained.trained_network("sigmoid")
    return net, digits.X_test, digits.y_test, digits.X_train, digits.y_train


def test_test_accuracy_hints(accuracy_args):
    net, X_test, y_test, X_train, y_train = accuracy_args
    acc = float(np.mean(net.predict(X_test) == y_test))
    train_acc = float(np.mean(net.predict(X_train) == y_train))
    assert train_checks.check_test_accuracy(acc, *accuracy_args)
    assert train_checks.check_test_accuracy(round(acc, 3), *accuracy_args)
    for answer, words in [(100 * acc, "that is a percentage"), (round(100 * acc, 1), "percentage"),
                          (1 - acc, "the share it got WRONG"), (acc * 1000, "how many it got right"),
                          (train_acc, "TRAINING digits"), (round(acc, 1), "copying rounded numbers"),
                          (0.5, "compare net.predict(X_test) with y_test")]:
        says(train_checks.check_test_accuracy(answer, *accuracy_args), words)
    says(train_checks.check_test_accuracy(train_acc, net, X_test, y_test), "close, but not it")
