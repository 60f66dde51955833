"""Every exercise of every notebook, run as its cell runs it, with the notebook's own solution.

(a) The solution under <details><summary>Solution</summary> is accepted, and so is its value
    as the notebook or the ✓ message prints it rounded; the placeholder gives the verdict the
    notebook stores. (b) For the exercises whose answer is a function, the library's own
    function and a typed-in constant are refused with a kind hint, put in the cell in place of
    the solution. The counts at the end say how many exercises are checked both ways.
"""
import inspect
import re

import numpy as np
import pytest

import coursekit.exercises as exercises_package
from coursekit.exercises import activations, cost, descent, neurons, shapes, training, weights
from exercise_notebooks import cell_output, exercises

EXERCISES = exercises()
BY_NAME = {f"{ex.notebook} Ex {ex.number}": ex for ex in EXERCISES}


def ids(items):
    return [ex.name if hasattr(ex, "name") else str(ex) for ex in items]


@pytest.fixture(scope="module")
def contexts():
    """Each exercise's namespace, made once (the slice of its notebook it needs)."""
    cache = {}

    def context(ex):
        if ex.name not in cache:
            cache[ex.name] = ex.context()
        return cache[ex.name]
    return context


def test_every_checker_is_an_exercise_of_some_notebook():
    defined = {name for module in (neurons, weights, activations, cost, descent, training, shapes)
               for name, f in inspect.getmembers(module, inspect.isfunction)
               if name.startswith("check_") and f.__module__ == module.__name__}
    assert defined == {ex.checker for ex in EXERCISES}
    assert len(EXERCISES) == 20     # 07 Ex 1 asks 02's count for another shape
    assert not [n for n in dir(exercises_package) if n.startswith("check_") and n != "check_count"
                and n != "check_number"]


# -- (a) the notebook's own answer ------------------------------------------------------------

@pytest.mark.parametrize("ex", EXERCISES, ids=ids(EXERCISES))
def test_the_placeholder_gives_the_stored_verdict(ex, contexts):
    feedback, _ = ex.run(namespace=contexts(ex))
    assert repr(feedback) == ex.stored.strip()


@pytest.mark.parametrize("ex", EXERCISES, ids=ids(EXERCISES))
def test_the_notebooks_solution_is_accepted(ex, contexts):
    feedback, _ = ex.run(ex.solution, contexts(ex))
    assert feedback.correct, (ex.name, ex.solution, feedback)
    assert repr(feedback).startswith("✓ Correct: ") and "\n" not in repr(feedback)


# Measured answers, as the notebook shows them: (where, pattern, scale, decimals).
SHOWN = {
    "04_cost Ex 1": ("solution", r"#\s*(\d+\.\d+)", 1, 3),                 # "# 3.069"
    "05_gradient_descent Ex 1": ("solution", r"=\s*(\d+\.\d+)\s*$", 1, 3),  # "= 1.147"
    "06_training Ex 3": ("print(f\"training digits:", r"test digits: (\d+\.\d)%", 0.01, 3),
}
# The ✓ message prints the answer too; read it back from there.
PRAISED = {
    "04_cost Ex 1": (r"is (\d+\.\d+):", 1),
    "05_gradient_descent Ex 1": (r"to w = (\d+\.\d+)\.", 1),
    "06_training Ex 3": (r"(\d+\.\d)% of", 0.01),
}


def shown_value(key):
    where, pattern, scale, _ = SHOWN[key]
    ex = BY_NAME[key]
    text = ex.solution if where == "solution" else cell_output(ex.notebook, where)
    return float(re.search(pattern, text, re.M).group(1)) * scale


@pytest.mark.parametrize("key", sorted(SHOWN))
def test_the_value_as_the_notebook_shows_it_is_accepted(key, contexts):
    ex = BY_NAME[key]
    _, namespace = ex.run(ex.solution, contexts(ex))
    computed, decimals = float(namespace[ex.answer_name]), SHOWN[key][3]
    typed = shown_value(key)
    assert round(computed, decimals) == pytest.approx(typed, abs=1e-12)   # the context is the notebook's
    feedback, _ = ex.run(f"{ex.answer_name} = {typed!r}", contexts(ex))
    assert feedback.correct, (typed, feedback)
    pattern, scale = PRAISED[key]
    praised = float(re.search(pattern, feedback.message).group(1)) * scale
    again, _ = ex.run(f"{ex.answer_name} = {praised!r}", contexts(ex))
    assert again.correct, (praised, again)


@pytest.mark.parametrize("key", sorted(SHOWN))
def test_the_value_rounded_further_is_a_near_miss(key, contexts):
    ex = BY_NAME[key]
    coarser = round(shown_value(key), SHOWN[key][3] - 1)
    feedback, _ = ex.run(f"{ex.answer_name} = {coarser!r}", contexts(ex))
    assert not feedback.correct
    assert "compute it in code instead of copying rounded numbers" in feedback.message


def test_the_gradient_as_the_notebook_prints_it_is_refused_kindly(contexts):
    """05 Ex 2 asks for code: its printed numbers (the solution's comment) are not an answer."""
    ex = BY_NAME["05_gradient_descent Ex 2"]
    u, v = re.search(r"about \((-?\d+\.\d+), (-?\d+\.\d+)\)", ex.solution).groups()
    _, namespace = ex.run(ex.solution, contexts(ex))
    assert np.allclose(np.round(namespace["gradient"], 3), [float(u), float(v)])
    for typed in (f"[{u}, {v}]", "np.round(landscapes.two_valleys_gradient(p), 4)",
                  "np.round(landscapes.two_valleys_gradient(p), 8).tolist()"):
        feedback, _ = ex.run(f"gradient = {typed}", contexts(ex))
        assert not feedback.correct and "typed in or rounded" in feedback.message, (typed, feedback)
    feedback, _ = ex.run(  # one-sided nudges with the cell's h are computed too
        "gradient = [(landscapes.two_valleys(p + [h, 0]) - landscapes.two_valleys(p)) / h,\n"
        "            (landscapes.two_valleys(p + [0, h]) - landscapes.two_valleys(p)) / h]\n",
        contexts(ex))
    assert feedback.correct, feedback


# -- (b) the library's own function, and a typed constant ------------------------------------

LIBRARY = {   # the exercise's answer written with nnlib's function: refused, with this hint
    "02_weights_and_biases Ex 2": (
        "from nnlib.network import Network\n"
        "def layer_v1(W, b, a):\n"
        "    layer = Network((W.shape[1], W.shape[0]))\n"
        "    layer.weights[0], layer.biases[0] = W, b\n"
        "    return layer.forward_layer(1, a)[1]\n", "calls nnlib's own Network.forward_layer"),
    "03_activations Ex 1": ("def sigmoid_v1(z):\n    return activations.sigmoid(z)\n",
                            "calls nnlib's own activations.sigmoid"),
    "03_activations Ex 2": ("def relu_v1(z):\n    return activations.relu(z)\n",
                            "calls nnlib's own activations.relu"),
    "06_training Ex 2": ("def sgd_step(net, X, y, lr):\n    training.step(net, X, y, lr, 'quadratic')\n",
                         "calls nnlib's own training.step"),
}
LIBRARY_ITSELF = {   # ... or the library's function itself, passed as the answer
    "03_activations Ex 1": ("sigmoid_v1 = activations.sigmoid\n", "is nnlib's own activations.sigmoid"),
    "03_activations Ex 2": ("relu_v1 = activations.get('relu')\n", "calls nnlib's own activations.relu"),
    "06_training Ex 2": ("def sgd_step(net, X, y, lr):\n"
                         "    training.update(net, sum(backprop.gradients(net, X, y), []), lr)\n",
                         "calls nnlib's own training.update"),
}
CONSTANT = {   # the answer typed in: refused, with this hint
    "01_neurons Ex 2": ("def pixel_index(row, col):\n    return 290\n", "gives 290 for every pixel"),
    "01_neurons Ex 3": ("def network_answer(y_hat):\n    return 4\n", "returns 4 for every y_hat"),
    "02_weights_and_biases Ex 2": ("def layer_v1(W, b, a):\n    return np.array([0.6, 0.1, 0.9, 0.2, 0.5])\n",
                                   "the same numbers for every layer"),
    "03_activations Ex 1": ("def sigmoid_v1(z):\n    return 0.5\n", "the same number, 0.5, for every input"),
    "03_activations Ex 2": ("def relu_v1(z):\n    return 1.0\n", "the same number, 1, for every input"),
    "04_cost Ex 2": ("def cost_of(theta):\n    return 3.05\n", "the same cost, 3.0500, for every θ"),
    "05_gradient_descent Ex 2": ("gradient = [0.412, -1.378]\n", "typed in or rounded"),
    "06_training Ex 2": ("def sgd_step(net, X, y, lr):\n    return 0\n", "returned the number 0 and "
                                                                       "changed nothing"),
}


@pytest.mark.parametrize("key", sorted(LIBRARY))
def test_the_library_function_is_refused_kindly(key, contexts):
    ex = BY_NAME[key]
    for table in (LIBRARY, LIBRARY_ITSELF):
        if key in table:
            code, hint = table[key]
            feedback, _ = ex.run(code, contexts(ex))
            assert not feedback.correct and hint in feedback.message, (code, feedback)
            assert "write it yourself" in feedback.message


@pytest.mark.parametrize("key", sorted(CONSTANT))
def test_a_typed_constant_is_refused_kindly(key, contexts):
    ex = BY_NAME[key]
    code, hint = CONSTANT[key]
    feedback, _ = ex.run(code, contexts(ex))
    assert not feedback.correct and hint in feedback.message, feedback


PRINTS = {   # the solution's value printed instead of returned: refused, with a word on `return`
    "01_neurons Ex 2": "def pixel_index(row, col):\n    print(28 * row + col)\n",
    "01_neurons Ex 3": "def network_answer(y_hat):\n    print(np.argmax(y_hat))\n",
    "02_weights_and_biases Ex 2": "def layer_v1(W, b, a):\n    print(activations.sigmoid(W @ a + b))\n",
    "03_activations Ex 1": "def sigmoid_v1(z):\n    print(1 / (1 + np.exp(-z)))\n",
    "03_activations Ex 2": "def relu_v1(z):\n    print(np.maximum(z, 0))\n",
    "04_cost Ex 2": ("def cost_of(theta):\n    probe = net.copy()\n    probe.set_parameters(theta)\n"
                     "    print(cost.evaluate(probe, X_batch, y_batch))\n"),
}


@pytest.mark.parametrize("key", sorted(PRINTS))
def test_printing_instead_of_returning_gets_a_word_about_return(key, contexts, capsys):
    ex = BY_NAME[key]
    feedback, _ = ex.run(PRINTS[key], contexts(ex))
    assert not feedback.correct and "but returned None" in feedback.message
    assert "`return`" in feedback.message and "print" in feedback.message
    assert capsys.readouterr().out == ""          # the checker kept the printing to itself
    no_return, _ = ex.run(PRINTS[key].replace("print(", "(", 1), contexts(ex))
    assert not no_return.correct and "returned None" in no_return.message
    assert "`return ...`" in no_return.message


def test_counts_of_exercises_checked_both_ways():
    """Accepts its own answer: all 20. Refuses the library's function: the 4 whose answer nnlib
    has (sigmoid, relu, a layer, a step). Refuses a typed constant: the 7 function exercises and
    the nudged gradient (where typed numbers are checkable). All three: 4."""
    functions = {key for key, ex in BY_NAME.items() if ex.is_function}
    assert len(BY_NAME) == 20 and len(functions) == 7
    assert set(LIBRARY) <= functions and len(LIBRARY) == 4
    assert functions <= set(CONSTANT) and len(CONSTANT) == 8
    assert len(set(LIBRARY) & set(CONSTANT)) == 4
