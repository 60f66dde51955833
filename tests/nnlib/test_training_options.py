"""train() runs the textbook: backprop.gradients and update for every mini-batch, and every option."""
import numpy as np
import pytest

import nnlib
from nnlib import backprop, data, training


def test_train_calls_backprop_gradients_for_every_batch(monkeypatch):
    """A spy on backprop.gradients: one call per mini-batch, and those gradients are the steps."""
    calls, textbook = [], backprop.gradients

    def spy(net, X, Y, *args, **kwargs):
        calls.append(len(X))
        return textbook(net, X, Y, *args, **kwargs)

    monkeypatch.setattr(backprop, "gradients", spy)
    digits = data.load_sample()
    training.train(nnlib.Network(rng=0), digits.X_train[:230], digits.y_train[:230], epochs=2,
                   lr=1.0, batch_size=50)
    assert calls == [50, 50, 50, 50, 30] * 2


def test_the_outputs_train_keeps_are_the_forward_pass():
    digits = data.load_sample()
    net = nnlib.Network(activation="relu", output="softmax", rng=2)
    X, y = digits.X_train[:64], digits.y_train[:64]
    outputs = np.empty((64, 10))
    grad_W, grad_b = backprop.gradients(net, X, np.eye(10)[y], "cross_entropy", check=False,
                                        outputs=outputs)
    np.testing.assert_array_equal(outputs, net.forward(X))
    for mine, checked in zip(grad_W + grad_b, sum(backprop.gradients(net, X, y, "cross_entropy"), [])):
        np.testing.assert_array_equal(mine, checked)


def test_train_matches_textbook_steps_exactly():
    """Plain SGD through train() equals step() applied batch by batch in the same order."""
    digits = data.load_sample()
    X, y = digits.X_train[:300], digits.y_train[:300]
    fast, slow = nnlib.Network(rng=0), nnlib.Network(rng=0)
    training.train(fast, X, y, epochs=2, lr=1.0, batch_size=50, rng=7)
    rng, Y = np.random.default_rng(7), np.eye(10)[y]
    for _ in range(2):
        order = rng.permutation(len(X))
        for first in range(0, len(X), 50):
            rows = order[first:first + 50]
            training.step(slow, X[rows], Y[rows], 1.0, nnlib.cost.get("quadratic"))
    np.testing.assert_array_equal(fast.parameters(), slow.parameters())


@pytest.fixture(scope="module")
def sample():
    return data.load_sample()


def small_run(sample, **options):
    net = nnlib.Network(activation="relu", output="softmax", rng=0)
    settings = dict(epochs=3, lr=0.1, batch_size=50, cost="cross_entropy", rng=0,
                    X_test=sample.X_test, y_test=sample.y_test)
    settings.update(options)
    return net, training.train(net, sample.X_train[:1000], sample.y_train[:1000], **settings)


def test_runs_repeat_exactly_and_the_network_keeps_its_arrays(sample):
    net, first = small_run(sample, momentum=0.9)
    arrays = [id(W) for W in net.weights]
    again_net, again = small_run(sample, momentum=0.9)
    assert first.cost == again.cost and first.test_accuracy == again.test_accuracy
    np.testing.assert_array_equal(net.parameters(), again_net.parameters())
    training.train(net, sample.X_train[:100], sample.y_train[:100], epochs=1, lr=0.1)
    assert [id(W) for W in net.weights] == arrays


def test_momentum_learns_faster_here(sample):
    _, plain = small_run(sample, lr=0.02)
    _, heavy = small_run(sample, lr=0.02, momentum=0.9)
    assert heavy.cost[-1] < plain.cost[-1]


def test_lr_schedules(sample):
    _, constant = small_run(sample)
    assert constant.lr == [0.1, 0.1, 0.1]
    _, cosine = small_run(sample, lr_schedule="cosine", epochs=4)
    assert cosine.lr[0] == pytest.approx(0.1) and cosine.lr == sorted(cosine.lr, reverse=True)
    assert cosine.lr[-1] == pytest.approx(0.1 * (1 + np.cos(np.pi * 3 / 4)) / 2)
    _, own = small_run(sample, lr_schedule=lambda epoch: 0.2 / (1 + epoch))
    assert own.lr == pytest.approx([0.2, 0.1, 0.2 / 3])


def test_shuffle_batches_learns_as_well(sample):
    options = dict(epochs=5, lr=0.05, momentum=0.9, batch_size=20)
    _, examples = small_run(sample, **options)
    _, batches = small_run(sample, shuffle="batches", **options)
    assert examples.test_accuracy != batches.test_accuracy       # other batches, other path
    assert min(examples.test_accuracy[-1], batches.test_accuracy[-1]) > 0.75


def test_float32_network_trains_in_float32(sample):
    net = nnlib.Network(activation="relu", output="softmax", rng=0, dtype=np.float32)
    history = training.train(net, sample.X_train[:1000], sample.y_train[:1000], epochs=5, lr=0.05,
                             momentum=0.9, batch_size=20, cost="cross_entropy",
                             X_test=sample.X_test, y_test=sample.y_test)
    assert all(W.dtype == np.float32 for W in net.weights + net.biases)
    assert history.test_accuracy[-1] > 0.75


@pytest.mark.parametrize("options, message", [
    (dict(momentum=1.0), "momentum from 0"), (dict(momentum=-0.5), "momentum from 0"),
    (dict(lr_schedule="linear"), "lr_schedule"), (dict(shuffle="never"), "shuffle"),
    (dict(lr_schedule=lambda epoch: -1.0), "lr_schedule"),
])
def test_bad_options_are_explained(sample, options, message):
    with pytest.raises(ValueError, match=message):
        small_run(sample, **options)


def test_momentum_must_be_a_number(sample):
    with pytest.raises(TypeError, match="momentum"):
        small_run(sample, momentum="high")


def test_divergence_is_caught_with_a_fixed_message_and_undone(sample):
    net = nnlib.Network(activation="relu", output="softmax", rng=0)
    start = net.parameters()
    with pytest.raises(ValueError) as caught:
        training.train(net, sample.X_train[:500], sample.y_train[:500], epochs=3, lr=1e6,
                       batch_size=50, cost="cross_entropy")
    assert str(caught.value).startswith("training diverged in epoch 1: the cost ")
    assert "lr=1000000.0 is too large: try lr=0.1" in str(caught.value)      # training.suggested_lr
    np.testing.assert_array_equal(net.parameters(), start)


def test_callback_stop_and_keyboard_interrupt(sample):
    seen = []
    _, history = small_run(sample, epochs=5, callback=lambda h, net: seen.append(h.epochs) or h.epochs == 2)
    assert seen == [1, 2] and history.epochs == 2 and "callback" in history.stopped

    def interrupt(h, net):
        raise KeyboardInterrupt
    net, history = small_run(sample, epochs=5, callback=interrupt)
    assert history.epochs == 1 and history.stopped.startswith("interrupted")
    assert np.all(np.isfinite(net.parameters()))


def test_callback_changes_to_the_network_are_kept(sample):
    def zero_last_bias(history, net):
        net.biases[-1][:] = 0
    net, _ = small_run(sample, epochs=1, callback=zero_last_bias, lr=0.1)
    assert np.all(net.biases[-1] == 0)


def test_full_mnist_reaches_95_percent_quickly(mnist_mirror, tmp_path, monkeypatch):
    """Four epochs of the benchmark's recipe on the real 60,000 digits (about a second)."""
    monkeypatch.setenv("NNLIB_MNIST_MIRROR", str(mnist_mirror))
    monkeypatch.setenv("NNLIB_DATA_DIR", str(tmp_path))
    digits = data.load_mnist(dtype=np.float32, progress=False)
    net = nnlib.Network(activation="relu", output="softmax", rng=0, dtype=np.float32)
    history = training.train(net, digits.X_train, digits.y_train, epochs=4, lr=0.05,
                             batch_size=100, cost="cross_entropy", momentum=0.9,
                             X_test=digits.X_test, y_test=digits.y_test)
    assert max(history.test_accuracy) > 0.945
