"""Training: it learns real digits, records history, stops cleanly and explains divergence."""
import numpy as np
import pytest

import nnlib
from nnlib import data, training, trained

# The accuracy the course states for trained_network() on the sample's 1,000 test digits.
STATED_SAMPLE_ACCURACY = 0.90


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


def test_trained_network_reaches_the_stated_test_accuracy(digits):
    net = trained.trained_network("sigmoid")
    accuracy = net.accuracy(digits.X_test, digits.y_test)
    print(f"trained_network('sigmoid') test accuracy on the sample: {accuracy:.3f}")
    assert accuracy >= STATED_SAMPLE_ACCURACY
    assert trained.training_history("sigmoid").epochs == 20


def test_training_repeats_exactly_from_a_seed(digits):
    runs = []
    for _ in range(2):
        net = nnlib.Network(rng=1)
        training.train(net, digits.X_train[:500], digits.y_train[:500], epochs=2, lr=1.0, rng=5)
        runs.append(net.parameters())
    assert np.array_equal(*runs)


def test_history_and_cost_going_down(digits):
    net = nnlib.Network(rng=0)
    history = training.train(net, digits.X_train, digits.y_train, epochs=3, lr=3.0,
                             batch_size=10, X_test=digits.X_test, y_test=digits.y_test)
    assert history.epochs == 3 and len(history.test_accuracy) == 3
    assert history.cost[-1] < history.cost[0]
    assert "3 epochs" in history.summary()


def test_full_batch_gradient_descent_lowers_the_cost(digits):
    X, y = digits.X_train[:300], digits.y_train[:300]
    net = nnlib.Network(rng=0)
    before = nnlib.cost.evaluate(net, X, y)
    training.gradient_descent(net, X, y, steps=5, lr=2.0)
    assert nnlib.cost.evaluate(net, X, y) < before


def test_callback_stops_training_cleanly(digits):
    seen = []
    history = training.train(nnlib.Network(rng=0), digits.X_train[:200], digits.y_train[:200],
                             epochs=10, callback=lambda h, net: seen.append(h.epochs) or h.epochs == 2)
    assert seen == [1, 2] and history.epochs == 2 and "callback" in history.stopped


def test_keyboard_interrupt_keeps_what_was_learned(digits):
    def interrupt(history, net):
        raise KeyboardInterrupt
    history = training.train(nnlib.Network(rng=0), digits.X_train[:200], digits.y_train[:200],
                             epochs=5, callback=interrupt)
    assert history.epochs == 1 and "interrupted" in history.stopped


def test_divergence_is_explained_and_the_network_restored():
    rng = np.random.default_rng(0)
    X, y = rng.random((200, 784)), rng.integers(0, 10, 200)
    net = nnlib.Network(rng=0, activation="relu", output="identity")
    with pytest.raises(ValueError, match="learning rate lr=5.0 is too large"):
        training.train(net, X, y, epochs=3, lr=5.0)
    assert np.all(np.isfinite(net.parameters()))       # never left full of NaN
