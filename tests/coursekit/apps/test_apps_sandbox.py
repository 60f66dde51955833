"""Notebook 07: the shape sandbox (every control changes the read-out or the figure, Train adds a
point, Stop stops) and its task."""
import pytest

from coursekit.apps.sandbox import shape_sandbox
from coursekit.apps.training import wait_until
from nnlib import data
from screen import assert_visible_change, snapshot


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


@pytest.fixture
def sandbox(digits):
    return shape_sandbox(digits.X_train[:400], digits.y_train[:400], digits.X_test[:200],
                         digits.y_test[:200], epochs=2, pace=0.0)


def shape_text(app):
    return app.readouts["shape"].value


def test_the_readout_counts_the_parameters_of_the_chosen_shape(sandbox):
    assert "784-16-10 -&gt; 12,730 parameters" in shape_text(sandbox)
    sandbox.controls["layers"].value = 2
    assert "784-16-16-10 -&gt; 13,002 parameters" in shape_text(sandbox)
    sandbox.controls["layers"].value = 0
    assert "784-10 -&gt; 7,850 parameters" in shape_text(sandbox)
    assert sandbox.controls["layer1"].description == "layer 1: off"


@pytest.mark.parametrize("name, value", [("layers", 3), ("layer1", 40), ("activation", "sigmoid"),
                                         ("epochs", 7)])
def test_every_setting_changes_the_readout_and_the_figure(sandbox, name, value):
    before = snapshot(sandbox)
    sandbox.controls[name].value = value
    after = snapshot(sandbox)
    assert_visible_change(before, after)
    assert before[2]["shape"] != after[2]["shape"]


def test_each_layer_slider_changes_its_layer_and_an_off_layer_is_switched_on(sandbox):
    sandbox.controls["layers"].value = 1
    for name in ["layer2", "layer3"]:
        before = snapshot(sandbox)
        sandbox.controls[name].value = 5
        assert_visible_change(before, snapshot(sandbox))
    assert sandbox.controls["layers"].value == 3
    assert "784-16-5-5-10" in shape_text(sandbox)


def test_train_adds_a_point_and_stop_without_training_says_so(sandbox):
    before = snapshot(sandbox)
    sandbox.controls["train"].click()
    sandbox.trainer.wait()
    assert_visible_change(before, snapshot(sandbox))
    assert len(sandbox.runs) == 1 and sandbox.runs[0].name == "784-16-10" and sandbox.progress.value == 2
    assert "784-16-10 (12,730 parameters), relu, 2 epoch(s)" in sandbox.readouts["status"].value
    assert len(sandbox.figures[0].figure.points["relu"].get_offsets()) == 1
    before = snapshot(sandbox)
    sandbox.controls["stop"].click()
    assert "Nothing to stop" in sandbox.readouts["status"].value
    assert_visible_change(before, snapshot(sandbox))


def test_stop_ends_a_long_run_and_keeps_its_point(sandbox):
    sandbox.trainer.pace = 0.05
    sandbox.controls["epochs"].value = 30
    sandbox.controls["train"].click()
    assert wait_until(lambda: sandbox.trainer.history.epochs >= 1)
    assert sandbox.controls["train"].disabled
    for n in range(20, 40):                       # slider ticks while the thread draws the epochs
        sandbox.controls["layer1"].value = n
    assert "784-16-39-10" not in shape_text(sandbox) and "784-39-10" in shape_text(sandbox)
    sandbox.controls["stop"].click()
    sandbox.trainer.wait()
    assert 1 <= sandbox.runs[-1].epochs < 30 and sandbox.runs[-1].stopped
    assert not sandbox.controls["train"].disabled


def test_clear_empties_the_plot_but_keeps_the_reference(sandbox):
    before = snapshot(sandbox)
    sandbox.controls["clear"].click()                     # nothing to clear: says so
    assert "No runs to clear" in sandbox.readouts["status"].value
    assert_visible_change(before, snapshot(sandbox))
    sandbox.train_shape((4,), "relu", 1)
    before = snapshot(sandbox)
    sandbox.controls["clear"].click()
    assert sandbox.runs == [] and "Cleared 1 run(s)" in sandbox.readouts["status"].value
    assert_visible_change(before, snapshot(sandbox))


def test_train_shape_from_code_and_the_task(sandbox):
    tiny = sandbox.train_shape((), "relu", 2)
    assert tiny.name == "784-10" and tiny.epochs == 2 and sandbox.runs == [tiny]
    assert sandbox.controls["layers"].value == 0 and sandbox.controls["epochs"].value == 2
    sandbox.train_shape((3,), "sigmoid", 1)
    assert [run.name for run in sandbox.runs] == ["784-10", "784-3-10"]
    assert sandbox.best_small_run(threshold=0.0) == sandbox.runs[-1]
    assert sandbox.best_small_run(threshold=1.0) is None


def test_the_reference_point_is_the_shipped_networks_recorded_accuracy(sandbox):
    from coursekit import trained
    assert sandbox.sandbox.reference == ("784-16-16-10", 13_002, trained.about("sigmoid")["test_accuracy"])
