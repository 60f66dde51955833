"""The training app's and the descent apps' messages: true for what happened, and their advice
followed to the outcome it promises."""
import re

import numpy as np
import pytest

from coursekit import apps, landscapes
from coursekit.apps.training import training_app, wait_until
from nnlib import data


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


def app_on_all_digits(digits, **options):
    return training_app(digits.X_train, digits.y_train, digits.X_test, digits.y_test, pace=0.0, **options)


def run_app(app, epochs=None, lr=None):
    if epochs is not None:
        app.controls["epochs"].value = epochs
    if lr is not None:
        app.controls["lr"].value = lr
    app.controls["start"].click()
    app.trainer.wait(300)
    return words(app.readouts["status"])


def words(readout):
    """A read-out's text, without its HTML tags."""
    return re.sub(r"<[^>]*>", "", readout.value)


def suggested_lr(sentence):
    found = re.findall(r"(?:try|pick) lr=([0-9.]+)", sentence)
    assert len(found) == 1, sentence
    return float(found[0])


# --- the training app -------------------------------------------------------------------------

def test_after_a_diverging_lr_100_the_app_names_a_rate_that_then_learns(digits):
    app = app_on_all_digits(digits, activation="relu")
    message = run_app(app, epochs=1, lr=100.0)
    assert "training diverged in epoch 1" in message and "try lr=10" not in message
    assert "pick lr=0.1 and press Start afresh" in message
    app.controls["lr"].value = suggested_lr(message)           # do what it says
    app.controls["afresh"].click()
    message = run_app(app, epochs=10)
    # Robust: 10 epochs at lr 0.1 end at 91-92 % on every kernel tried; the promise is "about 90 %".
    assert app.trainer.history.test_accuracy[-1] >= 0.85
    assert message.startswith(("Done. Training went well", "Done. It reads")), message


def test_a_sigmoid_network_at_lr_10_is_not_said_to_go_well(digits):
    # At lr 10 the test accuracy swings (61-80 %, 75-83 %, 70-81 % over the last epochs on the
    # kernels tried) and the cost rises again: every kernel's verdict names lr=3 (unstable, or
    # too large to settle), never "went well".
    app = app_on_all_digits(digits)
    message = run_app(app, epochs=10, lr=10.0)
    assert "went well" not in message and suggested_lr(message) == 3.0
    app.controls["lr"].value = suggested_lr(message)
    app.controls["afresh"].click()
    message = run_app(app, epochs=10)
    assert app.trainer.history.test_accuracy[-1] >= 0.85 and "unstable" not in message


def test_stop_in_epoch_1_says_stopped_and_no_fall(digits):
    app = app_on_all_digits(digits)
    app.trainer.pace = 0.5
    app.controls["epochs"].value = 10
    app.controls["start"].click()
    assert wait_until(lambda: app.trainer.history.epochs >= 1)
    app.controls["stop"].click()
    app.trainer.wait()
    message = words(app.readouts["status"])
    if app.trainer.history.epochs == 1:
        assert message.startswith("Stopped after 1 epoch (you pressed Stop), too early to judge")
        assert "fell from" not in message and "press Start again" in message
    else:
        assert message.startswith(f"Stopped after {app.trainer.history.epochs} epochs (you pressed Stop).")
    app.trainer.pace = 0.0
    message = run_app(app, epochs=9)                            # press Start again
    # Robust: 10 epochs in all end at 88-91 % on the kernels tried.
    assert not message.startswith("Stopped") and app.trainer.history.test_accuracy[-1] >= 0.85


# --- descent in one dimension -----------------------------------------------------------------

@pytest.mark.parametrize("start", [3.5, -3.5, 0.3, 2.0])
def test_descent_1d_divergence_is_told_truly_and_its_advice_settles(start):
    app = apps.descent_1d(start=start, lr=1.5)
    for _ in range(10):
        app.controls["ten_steps"].click()
    text = words(app.readouts["words"])
    path = landscapes.descent_path(landscapes.CURVY, start, 1.5, 100)
    assert text.startswith("Diverged") and path.status == "diverged"
    rises = np.diff(path.costs) > 0
    if not rises.all():                                  # it bounced between valleys first
        assert "Each step jumped past the valley and landed higher" not in text
        assert "bounced about" in text
    lr = suggested_lr(text)
    app.controls["lr"].value = lr                          # do what it says
    app.controls["back"].click()
    for _ in range(landscapes.ADVICE_STEPS // 10):
        app.controls["ten_steps"].click()
    assert "Settled" in words(app.readouts["words"])


def test_descent_1d_every_step_higher_is_said_only_when_true():
    path = landscapes.descent_path(landscapes.CURVY, 3.9, 50.0, 20)
    assert path.status == "diverged" and np.all(np.diff(path.costs) > 0)
    assert "Each step jumped past the valley and landed higher up than the last" in path.message


# --- descent in two dimensions ----------------------------------------------------------------

def test_descent_2d_a_growing_zig_zag_on_the_floor_is_not_settled():
    app = apps.descent_2d(start=(2.5, -3.0), lr=0.2, steps=100)
    text = words(app.readouts["words"])
    path = landscapes.descent_path(landscapes.TWO_VALLEYS, [2.5, -3.0], 0.2, 100)
    assert np.diff(path.costs)[-1] > 0                     # the cost is going up at the end
    assert "Settled" not in text and "still overshooting" in text
    assert "Settled" in words(apps.descent_2d(start=(0.5, -1.5), lr=0.1, steps=100).readouts["words"])


def test_descent_2d_settled_means_no_rise_at_the_end():
    for lr in (0.05, 0.1, 0.15, 0.2, 0.3):
        for start in ([2.5, -3.0], [2.1, -3.9], [-3.0, 3.0], [3.9, 3.9]):
            path = landscapes.descent_path(landscapes.TWO_VALLEYS, start, lr, 100)
            if path.status == "settled":
                assert np.all(np.diff(path.costs)[-landscapes.CALM:] <= 1e-12)
                assert np.linalg.norm(path.grads[-1]) < landscapes.SETTLED
