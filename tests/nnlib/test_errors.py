"""A learner's mistakes get a message that says what is wrong and how to fix it; the fixes work.

MISTAKES: one row per mistake against nnlib's public API: what the learner does,
the error type, a regex the problem must match and a regex the fix must match.
A bare numpy or OS traceback, or a silent wrong answer, fails these tests.
FIXES: the advice some messages give, followed, does what it promises.
"""
import re
import tempfile
from pathlib import Path

import numpy as np
import pytest

import nnlib
from nnlib import activations, backprop, cost, data, training

NET = nnlib.Network(rng=0)
SOFT = nnlib.Network(rng=0, activation="relu", output="softmax")
IDENT = nnlib.Network(rng=0, activation="relu", output="identity")
SMALL = nnlib.Network((100, 10), rng=0)
X = np.random.default_rng(0).random((20, 784))
Y = np.arange(20) % 10
ONE_HOT = np.eye(10)[Y]
IMAGE = X[0].reshape(28, 28)
NAN_X = X.copy()
NAN_X[3, 5] = np.nan
GRADS = backprop.gradients(NET, X, Y)
FILES = Path(tempfile.mkdtemp(prefix="nnlib_mistakes_"))


def train(**changes):
    args = dict(net=NET.copy(), X=X, y=Y, epochs=1, lr=1.0, batch_size=5)
    args.update(changes)
    return training.train(args.pop("net"), args.pop("X"), args.pop("y"), **args)


def with_layer(kind, l, value, call=lambda net: net.forward(X[0])):
    """A copy of NET whose weights or biases [l] were set by hand to `value`, then used."""
    net = NET.copy()
    getattr(net, kind)[l] = value
    return call(net)


def saved(name, **arrays):
    """A file in FILES: a network saved with some arrays replaced, or raw bytes (bytes=...)."""
    path = FILES / name
    if "bytes" in arrays:
        path.write_bytes(arrays["bytes"])
        return path
    stored = {f"W{l}": W for l, W in enumerate(NET.weights, 1)} | {f"b{l}": b for l, b in enumerate(NET.biases, 1)}
    stored.update(sizes=np.array(NET.sizes), activation=np.array("sigmoid"), output=np.array("sigmoid"))
    np.savez(path, **{k: v for k, v in (stored | arrays).items() if v is not None})
    return path


def truncated():
    whole = saved("whole.npz").read_bytes()
    return saved("cut.npz", bytes=whole[: len(whole) // 2])


MISTAKES = [
    # (what the learner did, call, error type, the problem (regex), the fix (regex))
    # -- Network(...) --
    ("layer sizes given as one number", lambda: nnlib.Network(784), ValueError, r"at least two", r"\(784, 16, 16, 10\)"),
    ("only one layer size", lambda: nnlib.Network((784,)), ValueError, r"at least two", r"first is the number of inputs"),
    ("a layer with no neurons", lambda: nnlib.Network((784, 0, 10)), ValueError, r"every layer size >= 1", r"at least one neuron"),
    ("a fractional layer size", lambda: nnlib.Network((784, 16.5, 10)), TypeError, r"whole number", r"at least one neuron"),
    ("a misspelt activation", lambda: nnlib.Network(activation="sigmod"), ValueError, r"'sigmod'", r"'sigmoid'.*lower case"),
    ("a misspelt output function", lambda: nnlib.Network(output="Softmax"), ValueError, r"'Softmax'", r"lower case"),
    ("an activation given as a list", lambda: nnlib.Network(activation=["relu"]), ValueError, r"\['relu'\]", r"lower case"),
    ("a seed given as text", lambda: nnlib.Network(rng="42"), TypeError, r"'42'", r"rng=0"),
    ("a fractional seed", lambda: nnlib.Network(rng=0.5), TypeError, r"0\.5", r"rng=0"),
    ("an integer dtype", lambda: nnlib.Network(dtype=int), TypeError, r"float64 or float32", r"dtype=np\.float32"),
    ("a float16 dtype", lambda: nnlib.Network(dtype=np.float16), TypeError, r"got float16", r"dtype=np\.float32"),
    # -- net.forward / trace / predict: the inputs --
    ("a 28x28 image where 784 numbers are expected", lambda: NET.forward(IMAGE), ValueError, r"\(28, 28\)", r"flattened first: x\.reshape\(784\)"),
    ("a batch of 28x28 images", lambda: NET.forward(X.reshape(20, 28, 28)), ValueError, r"\(20, 28, 28\)", r"reshape\(len\(x\), 784\)"),
    ("a transposed batch (784, N)", lambda: NET.forward(X[:5].T), ValueError, r"\(784, 5\)", r"transposed: use x\.T"),
    ("an input of the wrong length", lambda: NET.forward(np.zeros(100)), ValueError, r"\(100,\)", r"needs 784 numbers"),
    ("NaN in the input", lambda: NET.forward(NAN_X), ValueError, r"1 NaN or inf", r"check how the array was made"),
    ("inf in the input", lambda: NET.forward(np.full(784, np.inf)), ValueError, r"784 NaN or inf", r"dividing by zero"),
    ("text instead of numbers", lambda: NET.forward(["a"] * 784), TypeError, r"as numbers", r"np\.array"),
    ("rows of different lengths", lambda: NET.forward([[0.0] * 784, [0.0] * 783]), TypeError, r"as numbers", r"same length"),
    ("an empty batch", lambda: NET.forward(np.zeros((0, 784))), ValueError, r"empty batch of shape \(0, 784\)", r"X\[:10\]"),
    ("raw pixels 0..255", lambda: NET.forward(X[0] * 255), ValueError, r"pixels between 0 and 1", r"divide by 255"),
    ("raw pixels 0..255 as uint8", lambda: NET.forward((X[0] * 255).astype(np.uint8)), ValueError, r"pixels between 0 and 1", r"x = x / 255"),
    ("standardised pixels (negative)", lambda: NET.forward(X[0] - 0.5), ValueError, r"values from -0\.5", r"0 \(blank\) to 1 \(ink\)"),
    ("pixels far beyond 255", lambda: NET.forward(X[0] * 1000), ValueError, r"pixels between 0 and 1", r"load_sample"),
    ("trace of a 28x28 image", lambda: NET.trace(IMAGE), ValueError, r"\(28, 28\)", r"reshape\(784\)"),
    ("predict on raw pixels", lambda: NET.predict(X * 255), ValueError, r"pixels", r"divide by 255"),
    ("predict on a transposed batch", lambda: NET.predict(X.T), ValueError, r"\(784, 20\)", r"\.T"),
    ("calling the network on an image", lambda: NET(IMAGE), ValueError, r"\(28, 28\)", r"reshape"),
    # -- weights and biases set by hand --
    ("a (16, 1) column as a bias", lambda: with_layer("biases", 0, np.zeros((16, 1))), ValueError, r"net\.biases\[0\].*\(16,\).*\(16, 1\)", r"b\.reshape\(16\)"),
    ("a bias with too few numbers", lambda: with_layer("biases", 1, np.zeros(15)), ValueError, r"net\.biases\[1\].*\(15,\)", r"16 numbers"),
    ("a bias given as a list", lambda: with_layer("biases", 2, [0.0] * 10), ValueError, r"net\.biases\[2\].*list", r"1-D"),
    ("a transposed weight matrix", lambda: with_layer("weights", 0, NET.weights[0].T), ValueError, r"net\.weights\[0\].*\(16, 784\)", r"transposed: use W\.T"),
    ("a weight matrix of the wrong size", lambda: with_layer("weights", 1, np.zeros((16, 15))), ValueError, r"net\.weights\[1\].*\(16, 15\)", r"np\.zeros\(\(16, 16\)\)"),
    ("a weight matrix given as a list", lambda: with_layer("weights", 2, [[0.0] * 16] * 10), ValueError, r"net\.weights\[2\].*list", r"numpy array"),
    ("a wrong-shape bias in training", lambda: with_layer("biases", 0, np.zeros((16, 1)), lambda net: train(net=net)), ValueError, r"net\.biases\[0\]", r"reshape"),
    ("a wrong-shape weight in backprop", lambda: with_layer("weights", 2, np.zeros((16, 10)), lambda net: backprop.gradients(net, X, Y)), ValueError, r"net\.weights\[2\]", r"W\.T"),
    ("a wrong-shape weight in trace", lambda: with_layer("weights", 0, np.zeros(784), lambda net: net.trace(X)), ValueError, r"net\.weights\[0\]", r"np\.zeros"),
    # -- the flat parameter vector --
    ("a flat parameter vector of the wrong length", lambda: NET.copy().set_parameters(np.zeros(13000)), ValueError, r"13,002", r"net\.parameters\(\)"),
    ("NaN in the parameter vector", lambda: NET.copy().set_parameters(np.full(13002, np.nan)), ValueError, r"NaN", r"learning rate that is too large"),
    ("a parameter vector as text", lambda: NET.copy().set_parameters("theta"), TypeError, r"theta as numbers", r"np\.array"),
    ("the weights list instead of a flat vector", lambda: NET.copy().set_parameters(NET.weights[0]), ValueError, r"\(16, 784\)", r"net\.parameters\(\)"),
    # -- net.accuracy --
    ("labels and inputs that differ in number", lambda: NET.accuracy(X, Y[:3]), ValueError, r"one label per input \(X has 20 rows\)", r"same order"),
    ("one one-hot row for one input", lambda: NET.accuracy(X[0], ONE_HOT[0]), ValueError, r"10 labels", r"reshape\(1, -1\)"),
    ("accuracy with a label 10", lambda: NET.accuracy(X, np.r_[Y[:-1], 10]), ValueError, r"a label 10", r"10 outputs, one per class"),
    ("accuracy on raw pixels", lambda: NET.accuracy(X * 255, Y), ValueError, r"pixels", r"divide by 255"),
    ("accuracy with one-hot rows of 9 columns", lambda: NET.accuracy(X, np.eye(9)[Y % 9]), ValueError, r"\(N, 10\).*\(20, 9\)", r"data\.one_hot\(y, 10\)"),
    ("accuracy with labels as text", lambda: NET.accuracy(X, Y.astype(str)), TypeError, r"whole numbers 0\.\.9", r"np\.array\(\[3, 1, 4\]\)"),
    ("accuracy with a column of labels (N, 1)", lambda: NET.accuracy(X, Y[:, None]), ValueError, r"\(N, 10\).*\(20, 1\)", r"labels of shape \(N,\)"),
    # -- the cost functions --
    ("quadratic(y_hat, labels): labels where one-hot rows belong", lambda: cost.quadratic(NET.forward(X), Y), ValueError, r"\(20, 10\) and \(20,\)", r"data\.one_hot\(y\)"),
    ("quadratic of outputs and targets of different examples", lambda: cost.quadratic(NET.forward(X), ONE_HOT[:5]), ValueError, r"\(20, 10\) and \(5, 10\)", r"one-hot rows like y_hat"),
    ("quadratic_each with labels", lambda: cost.quadratic_each(NET.forward(X), Y), ValueError, r"one shape", r"one_hot"),
    ("quadratic_grad with labels", lambda: cost.quadratic_grad(NET.forward(X), Y), ValueError, r"one shape", r"cost\.targets\(y, 10\)"),
    ("cross_entropy with labels", lambda: cost.cross_entropy(SOFT.forward(X), Y), ValueError, r"one shape", r"one_hot"),
    ("cross_entropy_grad with labels", lambda: cost.cross_entropy_grad(SOFT.forward(X), Y), ValueError, r"one shape", r"one_hot"),
    ("binary_cross_entropy with labels", lambda: cost.binary_cross_entropy(NET.forward(X), Y), ValueError, r"one shape", r"one_hot"),
    ("binary_cross_entropy_grad with labels", lambda: cost.binary_cross_entropy_grad(NET.forward(X), Y), ValueError, r"one shape", r"one_hot"),
    ("cross_entropy with targets that do not sum to 1", lambda: cost.cross_entropy(SOFT.forward(X), 2 * ONE_HOT), ValueError, r"rows sum to 1", r"data\.one_hot\(y\)"),
    ("a cost of outputs as text", lambda: cost.quadratic("y_hat", ONE_HOT), TypeError, r"y_hat as numbers", r"np\.array"),
    ("a misspelt cost", lambda: cost.get("mse"), ValueError, r"'mse'", r"cost='quadratic'"),
    ("a cost given as a list", lambda: cost.get(["quadratic"]), ValueError, r"\['quadratic'\]", r"lower case"),
    ("evaluate cross_entropy on a sigmoid network", lambda: cost.evaluate(NET, X, Y, "cross_entropy"), ValueError, r"fits sigmoid outputs, got cost='cross_entropy'", r"output='softmax'"),
    ("evaluate binary_cross_entropy on identity outputs", lambda: cost.evaluate(IDENT, X, Y, "binary_cross_entropy"), ValueError, r"fits identity outputs", r"quadratic"),
    ("evaluate with fewer labels than inputs", lambda: cost.evaluate(NET, X, Y[:3]), ValueError, r"20 inputs.*3 labels", r"labels of these inputs"),
    ("evaluate with one-hot rows of 9 columns", lambda: cost.evaluate(NET, X[:2], np.eye(9)[[1, 2]]), ValueError, r"\(2, 9\)", r"one_hot\(y, 10\)"),
    ("evaluate with a label 10", lambda: cost.evaluate(NET, X, np.r_[Y[:-1], 10]), ValueError, r"a label 10", r"one per class"),
    ("evaluate on a 28x28 image", lambda: cost.evaluate(NET, IMAGE, 3), ValueError, r"\(28, 28\)", r"reshape\(784\)"),
    ("evaluate on raw pixels", lambda: cost.evaluate(NET, X * 255, Y), ValueError, r"pixels", r"divide by 255"),
    ("targets from a 3-D array", lambda: cost.targets(np.zeros((2, 2, 10)), 10), ValueError, r"labels of shape \(N,\)", r"."),
    ("one-hot rows holding a 2", lambda: cost.targets(2 * ONE_HOT, 10), ValueError, r"between 0 and 1.*values from 0 to 2", r"one 1: data\.one_hot"),
    ("one-hot rows holding NaN", lambda: cost.targets(np.full((2, 10), np.nan), 10), ValueError, r"between 0 and 1", r"data\.one_hot"),
    ("fractional labels to targets", lambda: cost.targets([0.5, 1.5], 10), ValueError, r"fractional", r"np\.round\(y\)\.astype\(int\)"),
    ("labels as text to targets", lambda: cost.targets(["three"], 10), TypeError, r"whole numbers", r"np\.array"),
    # -- activations --
    ("a misspelt activation lookup", lambda: activations.get("RELU"), ValueError, r"'RELU'", r"lower case"),
    ("an activation lookup of None", lambda: activations.get(None), ValueError, r"None", r"'leaky_relu'"),
    # -- backprop --
    ("gradients of a 28x28 image", lambda: backprop.gradients(NET, IMAGE, 3), ValueError, r"\(28, 28\)", r"flattened"),
    ("gradients of cross_entropy on a sigmoid network", lambda: backprop.gradients(NET, X, Y, "cross_entropy"), ValueError, r"fits sigmoid outputs", r"output='softmax'"),
    ("gradients with a label 10", lambda: backprop.gradients(NET, X, np.r_[Y[:-1], 10]), ValueError, r"a label 10", r"one per class"),
    ("gradients with fewer labels", lambda: backprop.gradients(NET, X, Y[:4]), ValueError, r"X has 20 rows", r"same order"),
    ("gradients with no labels", lambda: backprop.gradients(NET, X, None), ValueError, r"labels y.*None", r"Pass X and y together"),
    ("gradients of softmax targets not summing to 1", lambda: backprop.gradients(SOFT, X, 0.5 * ONE_HOT, "cross_entropy"), ValueError, r"rows sum to 1", r"one_hot"),
    ("gradients on raw pixels", lambda: backprop.gradients(NET, X * 255, Y), ValueError, r"pixels", r"divide by 255"),
    ("gradient_vector of a wrong-length input", lambda: backprop.gradient_vector(NET, np.zeros(100), 3), ValueError, r"\(100,\)", r"784 numbers"),
    ("a misspelt cost in gradients", lambda: backprop.gradients(NET, X, Y, "mse"), ValueError, r"'mse'", r"quadratic"),
    # -- training.step and update --
    ("a negative lr in step", lambda: training.step(NET.copy(), X, Y, -0.5, "quadratic"), ValueError, r"lr > 0, got -0\.5", r"e\.g\. lr=0\.1"),
    ("a zero lr in step", lambda: training.step(NET.copy(), X, Y, 0, "quadratic"), ValueError, r"lr > 0, got 0", r"positive rate"),
    ("a negative lr in update", lambda: training.update(NET.copy(), GRADS[0] + GRADS[1], -1.0), ValueError, r"lr > 0", r"lr=0\.1"),
    ("an lr as text in update", lambda: training.update(NET.copy(), GRADS[0] + GRADS[1], "0.1"), TypeError, r"positive number", r"lr=0\.1"),
    ("update with grad_W only", lambda: training.update(NET.copy(), GRADS[0], 0.1), ValueError, r"6 arrays.*got 3", r"grad_W \+ grad_b"),
    ("update with the pair (grad_W, grad_b)", lambda: training.update(NET.copy(), GRADS, 0.1), ValueError, r"got 2 array", r"grad_W \+ grad_b"),
    ("update with momentum but no velocity", lambda: training.update(NET.copy(), GRADS[0] + GRADS[1], 0.1, momentum=0.9), ValueError, r"velocity=None", r"np\.zeros_like\(p\)"),
    ("step with cross_entropy on a sigmoid network", lambda: training.step(NET.copy(), X, Y, 0.1, "cross_entropy"), ValueError, r"fits sigmoid", r"output='softmax'"),
    # -- training.train --
    ("a learning rate of zero", lambda: train(lr=0), ValueError, r"learning rate lr > 0", r"lr=3 works"),
    ("a negative learning rate", lambda: train(lr=-0.5), ValueError, r"lr > 0, got -0\.5", r"lr=3 works"),
    ("a NaN learning rate", lambda: train(lr=float("nan")), ValueError, r"lr > 0, got nan", r"works"),
    ("a learning rate as text", lambda: train(lr="0.1"), TypeError, r"positive number", r"lr=3 works"),
    ("zero epochs", lambda: train(epochs=0), ValueError, r"epochs >= 1", r"epochs=3"),
    ("a fractional number of epochs", lambda: train(epochs=2.5), TypeError, r"epochs as a whole number", r"without a point"),
    ("a batch size of zero", lambda: train(batch_size=0), ValueError, r"batch_size >= 1", r"at least 1"),
    ("a fractional batch size", lambda: train(batch_size=2.5), TypeError, r"batch_size as a whole number", r"without a point"),
    ("a label 10 for ten classes", lambda: train(y=np.r_[Y[:-1], 10]), ValueError, r"between 0 and 9, got a label 10", r"10 outputs"),
    ("a negative label", lambda: train(y=np.r_[-1, Y[1:]]), ValueError, r"a label -1", r"one per class"),
    ("fractional labels", lambda: train(y=Y + 0.5), ValueError, r"whole numbers", r"np\.round"),
    ("fewer labels than inputs", lambda: train(y=Y[:10]), ValueError, r"one label per input \(X has 20 rows\)", r"same order"),
    ("no labels", lambda: train(y=None), ValueError, r"labels y", r"together"),
    ("layer sizes that do not match the data", lambda: train(net=SMALL.copy()), ValueError, r"\(20, 784\)", r"first layer has 100"),
    ("raw pixels 0..255 in training", lambda: train(X=X * 255), ValueError, r"pixels between 0 and 1, got values from", r"divide by 255"),
    ("y_test without X_test", lambda: train(y_test=Y), ValueError, r"X_test to go with y_test", r"X_test=digits\.X_test"),
    ("X_test without y_test", lambda: train(X_test=X), ValueError, r"labels y_test.*None", r"Pass X_test and y_test together"),
    ("X_test of 28x28 images", lambda: train(X_test=X.reshape(20, 28, 28), y_test=Y), ValueError, r"\(20, 28, 28\)", r"reshape"),
    ("y_test of the wrong length", lambda: train(X_test=X, y_test=Y[:5]), ValueError, r"X_test has 20 rows.*5 labels in y_test", r"same order"),
    ("cross_entropy on sigmoid outputs", lambda: train(cost="cross_entropy"), ValueError, r"fits sigmoid outputs, got cost='cross_entropy'", r"output='softmax'"),
    ("binary_cross_entropy on identity outputs", lambda: train(net=IDENT.copy(), cost="binary_cross_entropy"), ValueError, r"fits identity outputs", r"quadratic any"),
    ("softmax targets that do not sum to 1", lambda: train(net=SOFT.copy(), y=0.5 * ONE_HOT, cost="cross_entropy"), ValueError, r"rows sum to 1", r"one_hot"),
    ("one-hot targets of the wrong width", lambda: train(y=np.eye(11)[Y]), ValueError, r"\(20, 11\)", r"one_hot\(y, 10\)"),
    ("a misspelt cost in train", lambda: train(cost="Quadratic"), ValueError, r"'Quadratic'", r"cost='quadratic'"),
    ("a seed as text in train", lambda: train(rng="0"), TypeError, r"'0'", r"rng=0"),
    ("momentum of 1", lambda: train(momentum=1.0), ValueError, r"momentum from 0.*got 1\.0", r"0\.9 is typical"),
    ("negative momentum", lambda: train(momentum=-0.5), ValueError, r"got -0\.5", r"0\.9 is typical"),
    ("momentum as text", lambda: train(momentum="high"), TypeError, r"'high'", r"momentum=0\.9"),
    ("a misspelt lr_schedule", lambda: train(lr_schedule="linear"), ValueError, r"'linear'", r"lr_schedule='cosine'"),
    ("an lr_schedule that gives a negative rate", lambda: train(lr_schedule=lambda epoch: -1.0), ValueError, r"lr_schedule\(0\).*-1\.0", r"lambda epoch: 1 / \(1 \+ epoch\)"),
    ("a misspelt shuffle", lambda: train(shuffle="never"), ValueError, r"'never'", r"shuffle='batches'"),
    ("a learning rate so large that training diverges", lambda: training.train(IDENT.copy(), X, Y, epochs=3, lr=5.0), ValueError, r"diverged.*lr=5\.0 is too large", r"try lr=0\.1"),
    # -- data --
    ("a label outside 0-9 for one_hot", lambda: data.one_hot([1, 12]), ValueError, r"a label 12", r"10 outputs"),
    ("one_hot with no classes", lambda: data.one_hot([1], 0), ValueError, r"n_classes >= 1", r"at least 1"),
    ("one_hot of one-hot rows", lambda: data.one_hot(ONE_HOT), ValueError, r"\(20, 10\)", r"one-hot rows.*Y\.argmax\(axis=1\)"),
    ("one_hot of fractional labels", lambda: data.one_hot([0.5]), ValueError, r"fractional", r"astype\(int\)"),
    ("as_image of a wrong shape", lambda: data.as_image(np.zeros(100)), ValueError, r"\(100,\)", r"28 x 28 = 784"),
    ("as_image of an image", lambda: data.as_image(IMAGE), ValueError, r"\(28, 28\)", r"use it as it is"),
    ("as_image of a batch", lambda: data.as_image(X), ValueError, r"\(20, 784\)", r"as_image\(X\[0\]\)"),
    ("as_image of raw pixels as text", lambda: data.as_image(["x"] * 784), TypeError, r"as numbers", r"np\.array"),
    ("load_sample with an integer dtype", lambda: data.load_sample(int), TypeError, r"np\.float64 or np\.float32", r"float type"),
    ("load_mnist with a float16 dtype", lambda: data.load_mnist(np.float16), TypeError, r"float16", r"float type"),
    ("load_mnist with a cache_dir that is a file", lambda: data.load_mnist(cache_dir=saved("a_file.txt", bytes=b"x")), ValueError, r"a_file\.txt \((FileExistsError|NotADirectoryError)\)", r"at a folder \(not a file\)"),
    # -- Network.load --
    ("loading a network that was never saved", lambda: nnlib.Network.load(FILES / "no_such_net.npz"), FileNotFoundError, r"no_such_net\.npz", r"net\.save\('mynet'\)"),
    ("loading a text file", lambda: nnlib.Network.load(saved("notes.txt", bytes=b"hello")), ValueError, r"notes\.txt, not a whole \.npz", r"net\.save\(path\)"),
    ("loading a .npy array", lambda: nnlib.Network.load(np.save(FILES / "w.npy", NET.weights[0]) or FILES / "w.npy"), ValueError, r"w\.npy, not a whole \.npz", r"Save the network again"),
    ("loading a truncated .npz", lambda: nnlib.Network.load(truncated()), ValueError, r"cut\.npz, not a whole \.npz", r"Save the network again"),
    ("loading an unrelated .npz", lambda: nnlib.Network.load(np.savez(FILES / "other.npz", a=1) or FILES / "other.npz"), ValueError, r"holding only \['a'\]", r"np\.load\(path\)"),
    ("loading a file with a transposed W1", lambda: nnlib.Network.load(saved("t.npz", W1=NET.weights[0].T)), ValueError, r"net\.weights\[0\].*\(784, 16\)", r"W\.T"),
    ("loading a file with a missing b2", lambda: nnlib.Network.load(saved("m.npz", b2=None)), ValueError, r"net\.biases\[1\].*None", r"16 numbers"),
    ("loading a file with NaN weights", lambda: nnlib.Network.load(saved("nan.npz", W2=np.full((16, 16), np.nan))), ValueError, r"net\.weights\[1\] to hold finite.*256 NaN", r"check how the array was made"),
    ("loading a file with a misspelt activation", lambda: nnlib.Network.load(saved("a.npz", activation=np.array("sigmod"))), ValueError, r"'sigmod'", r"lower case"),
]


def test_the_table_covers_at_least_100_distinct_mistakes():
    assert len({row[0] for row in MISTAKES}) == len(MISTAKES) >= 100


@pytest.mark.parametrize("what,call,error,problem,fix", MISTAKES, ids=[row[0] for row in MISTAKES])
def test_mistake_gets_a_message_naming_the_problem_and_the_fix(what, call, error, problem, fix):
    with pytest.raises(error) as info:
        call()
    assert type(info.value) is error or error is not ValueError, type(info.value)
    message = str(info.value)
    assert re.search(problem, message), f"{what}: the problem {problem!r} is not named in: {message}"
    assert re.search(fix, message), f"{what}: the fix {fix!r} is not in: {message}"


# --- The advice, followed: every "try ..." / "use ..." a message gives works ---

SAMPLE = data.load_sample()


def message_of(call):
    with pytest.raises((ValueError, TypeError)) as info:
        call()
    return str(info.value)


def suggested(message):
    """The learning rate a message suggests: 'try lr=0.1' or 'this network lr=3 works' -> 0.1 or 3.0."""
    return float(re.search(r"(?:try lr=|this network lr=)(\d+(?:\.\d+)?(?:e[+-]?\d+)?)", message).group(1))


def learns(net, lr, cost_name, epochs=3, **options):
    """Test accuracy after training on the sample with the suggested rate."""
    history = training.train(net, SAMPLE.X_train, SAMPLE.y_train, epochs=epochs, lr=lr, batch_size=10,
                             cost=cost_name, X_test=SAMPLE.X_test, y_test=SAMPLE.y_test, **options)
    return min(history.test_accuracy[-2:])


@pytest.mark.parametrize("activation,output,cost_name", [
    ("relu", "softmax", "cross_entropy"), ("relu", "identity", "quadratic"), ("tanh", "softmax", "cross_entropy"),
    ("leaky_relu", "softmax", "cross_entropy")])
def test_the_divergence_advice_works_when_followed(activation, output, cost_name):
    """(A sigmoid network with the quadratic cost cannot diverge: its cost stays below 10. Its
    suggested rate, the same training.suggested_lr, is followed in the bad-learning-rate test.)"""
    def diverge():
        training.train(nnlib.Network(rng=0, activation=activation, output=output), SAMPLE.X_train[:1000],
                       SAMPLE.y_train[:1000], epochs=3, lr=1000.0, batch_size=10, cost=cost_name)
    message = message_of(diverge)
    assert "lr=1000.0 is too large" in message
    lr = suggested(message)
    assert lr < 100                                     # not lr/10: a rate that learns
    assert learns(nnlib.Network(rng=0, activation=activation, output=output), lr, cost_name) > 0.7, lr


def test_the_notebook_divergence_advice_works_for_relu_softmax():
    """06's lr=100 on the ReLU/softmax network: lr=10, 3 and 1 leave it dead at 10 %; the advice does not."""
    net = nnlib.Network(rng=0, activation="relu", output="softmax")
    message = message_of(lambda: training.train(net, SAMPLE.X_train, SAMPLE.y_train, epochs=5, lr=100.0,
                                                batch_size=10, cost="cross_entropy"))
    assert suggested(message) == pytest.approx(0.1)
    assert learns(nnlib.Network(rng=0, activation="relu", output="softmax"), suggested(message), "cross_entropy") > 0.75


def test_the_divergence_advice_with_momentum_works():
    net = nnlib.Network(rng=0, activation="relu", output="softmax")
    message = message_of(lambda: training.train(net, SAMPLE.X_train[:1000], SAMPLE.y_train[:1000], epochs=2,
                                                lr=1000.0, batch_size=10, momentum=0.9, cost="cross_entropy"))
    lr = suggested(message)
    assert lr == pytest.approx(0.01)
    assert learns(nnlib.Network(rng=0, activation="relu", output="softmax"), lr, "cross_entropy", momentum=0.9) > 0.7


@pytest.mark.parametrize("net,cost_name", [(NET, "quadratic"), (SOFT, "cross_entropy")])
def test_the_bad_learning_rate_advice_works_when_followed(net, cost_name):
    message = message_of(lambda: train(net=net.copy(), lr=-1.0, cost=cost_name))
    assert learns(net.copy(), suggested(message), cost_name) > 0.7


def test_a_step_with_the_suggested_positive_rate_goes_downhill():
    message = message_of(lambda: training.step(NET.copy(), X, Y, -0.5, "quadratic"))
    lr = float(re.search(r"e\.g\. lr=(\d+(?:\.\d+)?)", message).group(1))
    net = NET.copy()
    before = cost.evaluate(net, X, Y)
    training.step(net, X, Y, lr, "quadratic")
    assert cost.evaluate(net, X, Y) < before


def test_dividing_raw_pixels_by_255_as_told_trains_well():
    raw = SAMPLE.X_train * 255
    message = message_of(lambda: training.train(nnlib.Network(rng=0), raw, SAMPLE.y_train, epochs=1))
    assert "divide by 255" in message
    net = nnlib.Network(rng=0)
    training.train(net, raw / 255, SAMPLE.y_train, epochs=3, lr=3.0, batch_size=10)
    assert net.accuracy(SAMPLE.X_test, SAMPLE.y_test) > 0.7


def test_labels_as_floats_are_labels_not_one_hot_rows():
    """Float labels of length exactly 10 used to be read as one one-hot row (accuracy 0.0)."""
    trained = nnlib.Network(rng=0)
    training.train(trained, SAMPLE.X_train, SAMPLE.y_train, epochs=3, lr=3.0, batch_size=10)
    X10, y10 = SAMPLE.X_test[:10], SAMPLE.y_test[:10]
    assert trained.accuracy(X10, y10.astype(float)) == trained.accuracy(X10, y10) > 0.5
    assert cost.evaluate(trained, X10, y10.astype(float)) == cost.evaluate(trained, X10, y10)


def follow(call, wanted_shape=None):
    result = call()
    if wanted_shape is not None:
        assert np.shape(result) == wanted_shape
    return result


def fixed_layer(kind, l, value, fix):
    net = NET.copy()
    getattr(net, kind)[l] = fix(value)
    return net.forward(X[0])


FIXES = [
    # (the advice, the fixed call, the shape it returns or None)
    ("x.reshape(784)", lambda: NET.forward(IMAGE.reshape(784)), (10,)),
    ("x.reshape(len(x), 784)", lambda: NET.forward(X.reshape(20, 28, 28).reshape(20, 784)), (20, 10)),
    ("use x.T", lambda: NET.forward(X[:5].T.T), (5, 10)),
    ("b.reshape(16)", lambda: fixed_layer("biases", 0, np.zeros((16, 1)), lambda b: b.reshape(16)), (10,)),
    ("use W.T", lambda: fixed_layer("weights", 0, NET.weights[0].T, lambda W: W.T), (10,)),
    ("Make it a numpy array", lambda: fixed_layer("weights", 2, [[0.0] * 16] * 10, np.array), (10,)),
    ("Y = data.one_hot(y)", lambda: cost.quadratic(NET.forward(X), data.one_hot(Y)), ()),
    ("cost.targets(y, 10)", lambda: cost.quadratic_grad(NET.forward(X), cost.targets(Y, 10)), (20, 10)),
    ("Y.argmax(axis=1)", lambda: data.one_hot(ONE_HOT.argmax(axis=1)), (20, 10)),
    ("np.round(y).astype(int)", lambda: data.one_hot(np.round(Y + 0.2).astype(int)), (20, 10)),
    ("Y.reshape(1, -1)", lambda: NET.accuracy(X[0], ONE_HOT[0].reshape(1, -1)), ()),
    ("as_image(X[0])", lambda: data.as_image(X[0]), (28, 28)),
    ("Network(output='softmax') with cross_entropy", lambda: cost.evaluate(SOFT, X, Y, "cross_entropy"), ()),
    ("grad_W + grad_b", lambda: training.update(NET.copy(), GRADS[0] + GRADS[1], 0.1), None),
    ("velocity=[np.zeros_like(p) ...]", lambda: training.update(
        NET.copy(), GRADS[0] + GRADS[1], 0.1, 0.9, [np.zeros_like(p) for p in NET.weights + NET.biases]), None),
    ("X_test=..., y_test=...", lambda: len(train(X_test=X, y_test=Y).test_accuracy), ()),
    ("momentum=0.9", lambda: train(momentum=0.9).epochs, ()),
    ("lr_schedule='cosine'", lambda: train(lr_schedule="cosine").epochs, ()),
    ("lambda epoch: 1 / (1 + epoch)", lambda: train(lr_schedule=lambda epoch: 1 / (1 + epoch)).epochs, ()),
    ("shuffle='batches'", lambda: train(shuffle="batches").epochs, ()),
    ("epochs=3", lambda: train(epochs=3).epochs, ()),
    ("rng=0", lambda: nnlib.Network(rng=0).n_params, ()),
    ("dtype=np.float32", lambda: nnlib.Network(dtype=np.float32).forward(X[0]).dtype == np.float32, ()),
]


@pytest.mark.parametrize("advice,call,shape", FIXES, ids=[row[0] for row in FIXES])
def test_the_fix_a_message_gives_works(advice, call, shape):
    follow(call, shape)


def test_save_then_load_without_the_suffix(tmp_path):
    """The FileNotFoundError's advice: net.save('mynet') then Network.load('mynet')."""
    NET.save(tmp_path / "mynet")
    assert (tmp_path / "mynet.npz").exists()
    np.testing.assert_array_equal(nnlib.Network.load(tmp_path / "mynet").parameters(), NET.parameters())


def test_nnlib_data_dir_pointing_at_a_file(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("NNLIB_DATA_DIR", str(tmp_path / "file"))
    message = message_of(lambda: data.load_mnist(progress=False))
    assert "folder for the MNIST cache" in message and "Point NNLIB_DATA_DIR" in message


def test_a_read_only_cache_is_not_reported_as_offline(tmp_path, monkeypatch):
    monkeypatch.setattr(data.os, "access", lambda path, mode: False)
    with pytest.raises(PermissionError) as info:
        data.load_mnist(cache_dir=tmp_path, progress=False)
    assert "read-only" in str(info.value) and "offline" not in str(info.value)
    assert "folder you can write to" in str(info.value)


def test_part_files_of_dead_downloads_are_removed(tmp_path, monkeypatch):
    stale, fresh = tmp_path / "train-images-idx3-ubyte.gz.999999.part", tmp_path / "train-images-idx3-ubyte.gz.1.part"
    stale.write_bytes(b"half"), fresh.write_bytes(b"half")
    old = stale.stat().st_mtime - data.STALE_PART - 1
    import os
    os.utime(stale, (old, old))
    monkeypatch.setenv("NNLIB_MNIST_MIRROR", str(tmp_path / "no_mirror"))
    with pytest.raises(data.DownloadError):
        data.load_mnist(cache_dir=tmp_path, progress=False)
    assert not stale.exists() and fresh.exists()          # a live download's file is left alone
