"""A learner's mistakes get a message that says what was expected, what was given, and the fix.

One row per mistake: what the learner does, the error type, and words the
message must contain. A bare numpy traceback would fail these tests.
"""
import numpy as np
import pytest

import nnlib
from nnlib import activations, backprop, cost, data, training

NET = nnlib.Network(rng=0)
SMALL = nnlib.Network((100, 10), rng=0)
X = np.random.default_rng(0).random((20, 784))
Y = np.arange(20) % 10
IMAGE = X[0].reshape(28, 28)
NAN_X = X.copy()
NAN_X[3, 5] = np.nan


def train(**changes):
    args = dict(net=NET.copy(), X=X, y=Y, epochs=1, lr=1.0, batch_size=5)
    args.update(changes)
    return training.train(args.pop("net"), args.pop("X"), args.pop("y"), **args)


MISTAKES = [
    # (what the learner did, call, error type, words the message must contain)
    ("a 28x28 image where 784 numbers are expected", lambda: NET.forward(IMAGE), ValueError, ["flattened", "reshape(784)", "(28, 28)"]),
    ("a batch of 28x28 images", lambda: NET.forward(X.reshape(20, 28, 28)), ValueError, ["flattened", "reshape(len(x), 784)"]),
    ("a transposed batch (784, N)", lambda: NET.forward(X[:5].T), ValueError, ["transposed", ".T"]),
    ("an input of the wrong length", lambda: NET.forward(np.zeros(100)), ValueError, ["784", "(100,)"]),
    ("NaN in the input", lambda: NET.forward(NAN_X), ValueError, ["NaN", "finite"]),
    ("inf in the input", lambda: NET.forward(np.full(784, np.inf)), ValueError, ["NaN or inf"]),
    ("text instead of numbers", lambda: NET.forward(["a"] * 784), TypeError, ["numbers"]),
    ("an empty batch", lambda: NET.forward(np.zeros((0, 784))), ValueError, ["at least one row"]),
    ("a flat parameter vector of the wrong length", lambda: NET.copy().set_parameters(np.zeros(13000)), ValueError, ["13,002", "net.parameters()"]),
    ("NaN in the parameter vector", lambda: NET.copy().set_parameters(np.full(13002, np.nan)), ValueError, ["NaN"]),
    ("layer sizes given as one number", lambda: nnlib.Network(784), ValueError, ["at least two", "(784, 16, 16, 10)"]),
    ("a layer with no neurons", lambda: nnlib.Network((784, 0, 10)), ValueError, ["at least one neuron"]),
    ("a fractional layer size", lambda: nnlib.Network((784, 16.5, 10)), TypeError, ["whole number"]),
    ("a misspelt activation", lambda: nnlib.Network(activation="sigmod"), ValueError, ["'sigmoid'", "'sigmod'"]),
    ("a misspelt output function", lambda: nnlib.Network(output="Softmax"), ValueError, ["'softmax'"]),
    ("a seed given as text", lambda: nnlib.Network(rng="42"), TypeError, ["default_rng", "seed"]),
    ("an integer dtype", lambda: nnlib.Network(dtype=int), TypeError, ["float64 or float32"]),
    ("a misspelt cost", lambda: cost.get("mse"), ValueError, ["quadratic"]),
    ("a misspelt activation lookup", lambda: activations.get("RELU"), ValueError, ["relu"]),
    ("a learning rate of zero", lambda: train(lr=0), ValueError, ["learning rate", "> 0"]),
    ("a negative learning rate", lambda: train(lr=-0.5), ValueError, ["learning rate", "> 0"]),
    ("a NaN learning rate", lambda: train(lr=float("nan")), ValueError, ["learning rate"]),
    ("a learning rate as text", lambda: train(lr="0.1"), TypeError, ["positive number"]),
    ("zero epochs", lambda: train(epochs=0), ValueError, ["epochs >= 1"]),
    ("a fractional number of epochs", lambda: train(epochs=2.5), TypeError, ["epochs as a whole number"]),
    ("a batch size of zero", lambda: train(batch_size=0), ValueError, ["batch_size >= 1"]),
    ("a label 10 for ten classes", lambda: train(y=np.r_[Y[:-1], 10]), ValueError, ["between 0 and 9", "10"]),
    ("a negative label", lambda: train(y=np.r_[-1, Y[1:]]), ValueError, ["between 0 and 9"]),
    ("fractional labels", lambda: train(y=Y + 0.5), ValueError, ["whole numbers"]),
    ("fewer labels than inputs", lambda: train(y=Y[:10]), ValueError, ["one label per input", "20 rows"]),
    ("no labels", lambda: train(y=None), ValueError, ["labels"]),
    ("layer sizes that do not match the data", lambda: train(net=SMALL.copy()), ValueError, ["first layer has 100", "784"]),
    ("one-hot rows with the wrong number of columns", lambda: cost.evaluate(NET, X[:2], np.eye(9)[[1, 2]]), ValueError, ["10 columns"]),
    ("labels and inputs that differ in number for accuracy", lambda: NET.accuracy(X, Y[:3]), ValueError, ["one label per input"]),
    ("gradients of a 28x28 image", lambda: backprop.gradients(NET, IMAGE, 3), ValueError, ["flattened"]),
    ("a label outside 0-9 for one_hot", lambda: data.one_hot([1, 12]), ValueError, ["between 0 and 9", "12"]),
    ("as_image of a wrong shape", lambda: data.as_image(np.zeros(100)), ValueError, ["784"]),
    ("loading a network that was never saved", lambda: nnlib.Network.load("no_such_net.npz"), FileNotFoundError, ["no_such_net.npz"]),
    ("a learning rate so large that training diverges",
     lambda: training.train(nnlib.Network(rng=0, activation="relu", output="identity"), X, Y, epochs=3, lr=5.0),
     ValueError, ["diverged", "too large", "try lr=0.5"]),
]


def test_the_table_covers_at_least_30_distinct_mistakes():
    assert len({row[0] for row in MISTAKES}) == len(MISTAKES) >= 30


@pytest.mark.parametrize("what,call,error,words", MISTAKES, ids=[row[0] for row in MISTAKES])
def test_mistake_gets_a_clear_message(what, call, error, words):
    with pytest.raises(error) as info:
        call()
    message = str(info.value)
    for word in words:
        assert word in message, f"{what}: {word!r} missing from: {message}"
