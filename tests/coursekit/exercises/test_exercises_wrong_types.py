"""(d) Every checker, given text, 0-d arrays, None/..., or a value of the wrong type, answers with a
kind one-line Feedback: never a bare numpy or Python exception, never a warning on stderr."""
import warnings
from fractions import Fraction

import numpy as np
import pytest

from coursekit import landscapes, trained
from coursekit.exercises import Feedback
from coursekit.shapes import Run, smallest_above
from coursekit.exercises import activations, cost, descent, neurons, shapes, training, weights
from nnlib import data
from nnlib.network import Network

DIGITS = data.load_sample()
NET0 = Network(rng=0)
Y_HAT, LABEL = NET0.forward(DIGITS.X_train[0]), int(DIGITS.y_train[0])
TRAINED = trained.trained_network()
ACCURACY = float(np.mean(TRAINED.predict(DIGITS.X_test) == DIGITS.y_test))
P = np.array([0.5, -1.5])
THETA = NET0.parameters()
GRAD = np.random.default_rng(0).standard_normal(THETA.size) * 0.01
X_BATCH, Y_BATCH = DIGITS.X_train[:100], DIGITS.y_train[:100]

# name: (check(answer) -> Feedback, the right answer); the right answer is a value or a function.
NUMBERS = {
    "check_output_count": (neurons.check_output_count, 10),
    "check_input_count": (neurons.check_input_count, 784),
    "check_chance_accuracy": (neurons.check_chance_accuracy, 0.1),
    "check_threshold_bias": (weights.check_threshold_bias, -10),
    "check_parameter_count": (weights.check_parameter_count, 13002),
    "check_example_cost": (lambda a: cost.check_example_cost(a, Y_HAT, LABEL),
                           float(np.sum((Y_HAT - np.eye(10)[LABEL]) ** 2))),
    "check_step": (lambda a: descent.check_step(a, 1.0, 0.1),
                   1.0 - 0.1 * float(landscapes.curvy_slope(1.0))),
    "check_steps_per_epoch": (lambda a: training.check_steps_per_epoch(a, 4000, 10), 400),
    "check_test_accuracy": (lambda a: training.check_test_accuracy(
        a, TRAINED, DIGITS.X_test, DIGITS.y_test, DIGITS.X_train, DIGITS.y_train), ACCURACY),
}
VECTORS = {
    "check_gradient": (lambda a: descent.check_gradient(a, P), landscapes.two_valleys_gradient(P)),
    "check_descent_step": (lambda a: descent.check_descent_step(a, THETA, GRAD, 1.0), THETA - GRAD),
}


def sgd_step(net, X, y, lr):
    from nnlib import backprop
    grad_W, grad_b = backprop.gradients(net, X, y)
    for W, b, gW, gb in zip(net.weights, net.biases, grad_W, grad_b):
        W -= lr * gW
        b -= lr * gb


def cost_of(theta):
    from nnlib import cost as costs
    return costs.evaluate(NET0.copy().set_parameters(theta), X_BATCH, Y_BATCH)


FUNCTIONS = {
    "check_pixel_index": (neurons.check_pixel_index, lambda row, col: 28 * row + col),
    "check_network_answer": (neurons.check_network_answer, lambda y_hat: np.argmax(y_hat)),
    "check_layer": (weights.check_layer, lambda W, b, a: 1 / (1 + np.exp(-(W @ a + b)))),
    "check_sigmoid": (activations.check_sigmoid, lambda z: 1 / (1 + np.exp(-z))),
    "check_relu": (activations.check_relu, lambda z: np.maximum(z, 0)),
    "check_cost_function": (lambda f: cost.check_cost_function(f, NET0, X_BATCH, Y_BATCH), cost_of),
    "check_sgd_step": (training.check_sgd_step, sgd_step),
}


class Sandbox:
    """What check_smallest_network reads of the shape sandbox: its runs (here one, 784-6-10)."""
    runs = [Run((784, 6, 10), "sigmoid", 10, 0.87)]

    def best_small_run(self, threshold):
        return smallest_above(self.runs, threshold)


SHAPES = {   # answers that are layer sizes
    "check_smallest_network": (lambda a: shapes.check_smallest_network(a, Sandbox()), (784, 6, 10)),
}


def test_every_checker_is_here():
    from test_exercises_notebooks import EXERCISES
    assert set(NUMBERS) | set(VECTORS) | set(FUNCTIONS) | set(SHAPES) == {ex.checker for ex in EXERCISES}


class Odd:
    def __repr__(self):
        raise RuntimeError("no repr")          # even printing it fails


def gen():
    yield 1


WEIRD = ["0.5", "abc", "", " ", "1e3", "nan", b"1", None, ..., [], [1, 2], [[1], [2, 3]], (),
         {}, {"a": 1}, set(), object(), True, False, np.True_, float("nan"), float("inf"),
         -np.inf, 1 + 2j, 10 ** 400, np.sum, print, np.array([]), np.array(["a"]),
         np.array([None]), np.array([np.nan]), np.zeros((2, 2)), np.array(None, dtype=object),
         NET0, gen(), Exception("x"), range(3), slice(1), type]


def one_kind_line(feedback):
    assert isinstance(feedback, Feedback), feedback
    text = repr(feedback)
    assert text.startswith(("✗ Not yet: ", "✓ Correct: ")) and len(text) > 15
    assert "\n" not in text and "Traceback" not in text
    return feedback


def quietly(check, answer):
    with warnings.catch_warnings():
        warnings.simplefilter("error")           # nothing may leak out as a warning
        return one_kind_line(check(answer))


@pytest.mark.parametrize("name", sorted(NUMBERS) + sorted(VECTORS))
@pytest.mark.parametrize("answer", WEIRD, ids=lambda a: type(a).__name__)
def test_value_checkers_answer_anything_kindly(name, answer):
    check, _ = {**NUMBERS, **VECTORS}[name]
    assert not quietly(check, answer)


@pytest.mark.parametrize("name", sorted(NUMBERS))
def test_numbers_in_any_numeric_form_are_numbers(name):
    check, right = NUMBERS[name]
    for answer in (right, np.float64(right), np.array(right), np.array([right]), float(right),
                   np.float32(right) if isinstance(right, float) else np.int64(right)):
        assert quietly(check, answer), (name, answer)
    text = quietly(check, str(right))
    assert "is text, not" in text.message and "leave out the quotes" in text.message


def test_a_fraction_is_a_number():
    assert neurons.check_chance_accuracy(Fraction(1, 10))


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_vectors_as_lists_tuples_and_arrays(name):
    check, right = VECTORS[name]
    for answer in (right, list(right), tuple(right), right.astype(np.float64)):
        assert quietly(check, answer)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@pytest.mark.parametrize("answer", [3, "f", None, ..., [], np.zeros(3), NET0],
                         ids=lambda a: type(a).__name__)
def test_function_checkers_answer_a_non_function_kindly(name, answer):
    check, _ = FUNCTIONS[name]
    assert not quietly(check, answer)


def raises(error):
    def fn(*args):
        raise error
    return fn


RETURNS = ["0.5", None, ..., {}, {"a": 1}, object(), np.array(np.nan), np.array([]), [], [None],
           1 + 2j, 10 ** 400, np.inf, True, NET0, gen(), Odd()]


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@pytest.mark.parametrize("value", RETURNS, ids=lambda a: type(a).__name__)
def test_function_checkers_answer_any_returned_value_kindly(name, value):
    check, _ = FUNCTIONS[name]
    assert not quietly(check, lambda *args: value)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@pytest.mark.parametrize("error", [ValueError("bad"), ZeroDivisionError(), KeyError("k"),
                                   RecursionError(), AttributeError("no"), TypeError("t")],
                         ids=lambda e: type(e).__name__)
def test_function_checkers_report_the_learners_error(name, error):
    check, _ = FUNCTIONS[name]
    feedback = quietly(check, raises(error))
    assert not feedback and type(error).__name__ in feedback.message


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_function_checkers_accept_the_right_function_and_keep_its_printing(name, capsys):
    check, right = FUNCTIONS[name]
    assert quietly(check, right)

    def chatty(*args):
        print("working...")
        return right(*args)
    assert quietly(check, chatty)
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("name", sorted(SHAPES))
@pytest.mark.parametrize("answer", WEIRD + ["784-6-10", (784, 6), (6,), (784.0, 6.0, 10.0)],
                         ids=lambda a: type(a).__name__)
def test_shape_checkers_answer_anything_kindly(name, answer):
    check, right = SHAPES[name]
    assert not quietly(check, answer)
    for answer in (right, list(right), tuple(np.array(right))):
        assert quietly(check, answer), answer
