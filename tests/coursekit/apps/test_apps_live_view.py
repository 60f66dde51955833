"""Notebook 06's live view: the Pump that redraws while training runs, and the training app using it."""
import threading
import time

import numpy as np
import pytest

from coursekit.apps.live_view import Pump
from coursekit.apps.training import snapshot, training_app, wait_until
from nnlib import data, training


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


@pytest.fixture
def app(digits):
    return training_app(digits.X_train[:1000], digits.y_train[:1000], digits.X_test[:200],
                        digits.y_test[:200], epochs=50, pace=0.02)


def layer_pixels(app):
    """What the browser was sent for the weights figure (the app's second figure)."""
    return app.figures[1].shown.tobytes()


# --- the Pump -----------------------------------------------------------------------------------

def test_the_pump_ticks_while_started_and_not_after_stop():
    ticks = []
    pump = Pump(lambda: ticks.append(time.monotonic()), interval=0.02)
    pump.start()
    assert wait_until(lambda: len(ticks) >= 3, timeout=10)
    pump.stop()
    assert not pump.running
    count = len(ticks)
    time.sleep(0.1)
    assert len(ticks) == count


def test_a_slow_tick_is_spaced_out_to_keep_within_the_budget():
    def busy():                                    # 20 ms of CPU: with budget 0.25, 60 ms of rest
        end = time.thread_time() + 0.02
        while time.thread_time() < end:
            pass
    starts = []
    pump = Pump(lambda: (starts.append(time.perf_counter()), busy()), interval=0.001, budget=0.25)
    pump.start()
    assert wait_until(lambda: len(starts) >= 4, timeout=20)
    pump.stop()
    assert np.median(np.diff(starts)) >= 0.07


def test_a_tick_that_raises_stops_the_pump_and_keeps_the_error():
    pump = Pump(lambda: 1 / 0, interval=0.01)
    pump.start()
    assert wait_until(lambda: not pump.running, timeout=10)
    assert isinstance(pump.error, ZeroDivisionError)


def test_stop_from_the_pumps_own_thread_does_not_hang():
    holder = {}
    pump = Pump(lambda: holder["pump"].stop(), interval=0.01)
    holder["pump"] = pump
    pump.start()
    assert wait_until(lambda: not pump.running, timeout=10) and pump.error is None


# --- the training app's live view ----------------------------------------------------------------

def test_the_weights_change_on_screen_while_training_runs(app):
    seen = {layer_pixels(app)}
    app.controls["start"].click()
    while app.trainer.running and len(seen) < 3:
        seen.add(layer_pixels(app))
        time.sleep(0.01)
    assert len(seen) >= 3, "the weights figure was redrawn fewer than twice while training ran"
    app.controls["stop"].click()
    app.trainer.wait()
    assert not app.pump.running and app.pump.error is None


def test_stop_and_resume_keep_the_live_view_working(app):
    app.controls["start"].click()
    assert wait_until(lambda: app.trainer.history.epochs >= 2)
    app.controls["stop"].click()
    app.trainer.wait()
    stopped_at, after_stop = app.trainer.history.epochs, layer_pixels(app)
    assert not app.pump.running and "Stopped after" in app.readouts["status"].value
    assert "after epoch" in app.figures[1].figure.title.get_text()
    app.controls["epochs"].value = 3
    app.controls["start"].click()                          # resume: 3 more epochs, redrawn live
    app.trainer.wait()
    assert app.trainer.history.epochs == stopped_at + 3
    assert layer_pixels(app) != after_stop and not app.pump.running
    assert app.figures[1].figure.title.get_text().endswith(f"after epoch {stopped_at + 3}")


def test_start_afresh_shows_the_random_weights_again(app):
    fresh = layer_pixels(app)
    app.controls["epochs"].value = 2
    app.controls["start"].click()
    app.trainer.wait()
    assert layer_pixels(app) != fresh
    app.controls["afresh"].click()
    assert layer_pixels(app) == fresh
    assert "before training" in app.figures[1].figure.title.get_text()


def test_the_live_view_draws_from_one_thread_at_a_time(app, monkeypatch):
    figure, inside, overlaps = app.figures[1].figure, [0], []
    original = figure.redraw

    def counting_redraw(*args, **kwargs):
        inside[0] += 1
        overlaps.append(inside[0] > 1 or threading.current_thread() is threading.main_thread())
        time.sleep(0.005)
        original(*args, **kwargs)
        inside[0] -= 1
    monkeypatch.setattr(figure, "redraw", counting_redraw)
    app.controls["epochs"].value = 5
    app.controls["start"].click()
    app.trainer.wait()
    assert overlaps and not any(overlaps)


def test_snapshot_cuts_a_history_to_its_complete_epochs():
    history = training.History(cost=[1.0, 0.5], train_accuracy=[0.2], test_accuracy=[0.1],
                               seconds=[0.1], lr=[3.0, 3.0])
    copy = snapshot(history)
    assert copy.epochs == 1 and copy.lr == [3.0] and copy is not history


def test_start_afresh_after_changing_the_hidden_layers_still_says_something_new(app):
    app.controls["activation"].value = "relu"
    status = app.readouts["status"].value
    assert "Hidden layers changed to relu" in status
    app.controls["afresh"].click()                         # the same fresh network, but said anew
    assert app.readouts["status"].value != status and "Started afresh" in app.readouts["status"].value
