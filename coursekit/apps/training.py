"""Train the network and watch it learn: Start, Stop, a progress bar and live curves.

A notebook cell is busy while it runs, and a busy kernel handles no button
clicks; a Stop button would be ignored until training ended. So training
runs in a background thread, one epoch at a time: after each epoch the
callback of training.train updates the curves, the progress bar and the
read-out, and returns True once Stop was clicked (train stops cleanly).
Building the app starts nothing: only the Start button does.
"""
import threading
import time

import ipywidgets as w
import numpy as np

from coursekit.apps.base import (LABEL_STYLE, App, FigureView, dropdown, int_slider, on_change, readout,
                                 set_readout)
from coursekit.diagnose import diagnose
from coursekit.figures.training_curves import TrainingCurvesFigure
from nnlib import training
from nnlib.network import Network

LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
# The classic network (sigmoid everywhere, quadratic cost) and the modern one.
RECIPES = {"sigmoid": dict(output="sigmoid", cost="quadratic", lr=3.0),
           "relu": dict(output="softmax", cost="cross_entropy", lr=0.1)}


class Trainer:
    """What the app trains: a network, its History so far, and the thread doing the work.

    X, y: training digits; X_test, y_test: held-out digits. pace: seconds to
    pause after each epoch, so that a learner can watch the curves grow.
    on_epoch(history) and on_end(message) are called from the thread.
    """

    def __init__(self, X, y, X_test, y_test, activation="sigmoid", seed=0, batch_size=10, pace=0.1):
        self.X, self.y, self.X_test, self.y_test = X, y, X_test, y_test
        self.seed, self.batch_size, self.pace = seed, batch_size, pace
        self.on_epoch = self.on_end = lambda *args: None
        self.thread, self.stop_requested = None, threading.Event()
        self.reset(activation)

    def reset(self, activation):
        """A fresh network (always the same one for a seed) and an empty History."""
        if self.running:
            raise RuntimeError("stop training before starting afresh")
        self.activation = activation
        self.net = Network(rng=self.seed, activation=activation, output=RECIPES[activation]["output"])
        self.rng = np.random.default_rng(self.seed)     # the batches' order continues across Starts
        self.history = training.History()

    @property
    def running(self):
        return self.thread is not None and self.thread.is_alive()

    def start(self, epochs, lr):
        """Train for `epochs` more epochs in a background thread (no-op if already running)."""
        if self.running:
            return
        self.stop_requested.clear()
        self._offset = self.history.seconds[-1] if self.history.seconds else 0.0
        self.thread = threading.Thread(target=self._train, args=(epochs, lr), daemon=True)
        self.thread.start()

    def stop(self):
        """Ask the thread to stop after the current epoch."""
        self.stop_requested.set()

    def wait(self, timeout=60):
        if self.thread is not None:
            self.thread.join(timeout)

    def _train(self, epochs, lr):
        try:
            run = training.train(self.net, self.X, self.y, epochs=epochs, lr=lr,
                                 batch_size=self.batch_size, cost=RECIPES[self.activation]["cost"],
                                 rng=self.rng, X_test=self.X_test, y_test=self.y_test,
                                 callback=self._after_epoch)
            message = "Stopped. " if run.stopped else "Done. "
            self.on_end(message + diagnose(self.history, self.net, self.X[:500]))
        except ValueError as error:              # diverged: the network was put back
            self.on_end(str(error))
        except Exception as error:               # never die silently in a thread
            self.on_end(f"Training failed: {type(error).__name__}: {error}")

    def _after_epoch(self, run, net):
        """train()'s callback: add the epoch to the total History, show it, stop if asked."""
        total = self.history
        total.cost.append(run.cost[-1])
        total.train_accuracy.append(run.train_accuracy[-1])
        total.test_accuracy.append(run.test_accuracy[-1])
        total.lr.append(run.lr[-1])
        total.seconds.append(self._offset + run.seconds[-1])
        self.on_epoch(total)
        if self.pace:
            self.stop_requested.wait(self.pace)
        return self.stop_requested.is_set()


def training_app(X, y, X_test, y_test, activation="sigmoid", epochs=10, lr=None, batch_size=10,
                 seed=0, pace=0.1):
    """Train a 784-16-16-10 network on X (N, 784), y (N,) with Start / Stop, testing on X_test, y_test.

    Controls: hidden activation (a fresh network), epochs, learning rate,
    Start, Stop, Start afresh. Shows the cost and accuracy after each epoch.
    """
    trainer = Trainer(X, y, X_test, y_test, activation, seed, batch_size, pace)
    figure = TrainingCurvesFigure(epochs=epochs, cost_name=RECIPES[activation]["cost"].replace("_", "-"))
    view = FigureView(figure)
    kind = w.ToggleButtons(options=list(RECIPES), value=activation, description="hidden layers",
                           style=LABEL_STYLE)
    n_epochs = int_slider("epochs per Start", epochs, 1, 50)
    rate = dropdown("learning rate", list(LEARNING_RATES), lr or RECIPES[activation]["lr"])
    start = w.Button(description="Start", button_style="success", icon="play")
    stop = w.Button(description="Stop", button_style="danger", icon="stop")
    afresh = w.Button(description="Start afresh", icon="refresh")
    progress = w.IntProgress(value=0, min=0, max=epochs, description="epochs done",
                             style=LABEL_STYLE)                # the label needs the room
    plan, status = readout(), readout()

    def show_plan(*_):
        steps = -(-len(X) // batch_size)
        set_readout(plan, f"Start trains a {kind.value} network for {n_epochs.value} epoch(s) at "
                          f"lr = {rate.value:g}: {n_epochs.value * steps:,} steps of "
                          f"{batch_size} digits each (it has had {trainer.history.epochs} epoch(s) so far).")

    def on_epoch(history):
        progress.value = min(progress.value + 1, progress.max)
        figure.update(history=history, title=f"after epoch {history.epochs}: cost "
                      f"{history.cost[-1]:.3f}, test accuracy {history.test_accuracy[-1]:.1%}")
        view.refresh()
        set_readout(status, f"epoch {history.epochs}: {history.summary()}")

    def on_end(message):
        set_readout(status, message)
        start.disabled, afresh.disabled, kind.disabled = False, False, False
        show_plan()

    def on_start(_):
        if trainer.running:
            return
        progress.max, progress.value = n_epochs.value, 0
        start.disabled, afresh.disabled, kind.disabled = True, True, True
        set_readout(status, f"training for {n_epochs.value} epoch(s)...")
        trainer.start(n_epochs.value, rate.value)

    def on_stop(_):
        if not trainer.running:
            set_readout(status, f"Nothing to stop: press Start to train (epochs so far: "
                                f"{trainer.history.epochs}).")
            return
        trainer.stop()
        set_readout(status, "stopping after this epoch...")

    def on_afresh(_=None):
        if trainer.running:
            return
        trainer.reset(kind.value)
        figure.clear()
        figure.update(title=f"a fresh {kind.value} network: press Start",
                      cost_name=RECIPES[kind.value]["cost"].replace("_", "-"))
        view.refresh()
        progress.value = 0
        set_readout(status, f"Started afresh: a new {kind.value} network, not trained yet.")
        show_plan()

    def on_kind(value):
        rate.value = RECIPES[value]["lr"]
        on_afresh()

    trainer.on_epoch, trainer.on_end = on_epoch, on_end
    start.on_click(on_start)
    stop.on_click(on_stop)
    afresh.on_click(on_afresh)
    on_change(kind, on_kind)
    on_change(n_epochs, show_plan)
    on_change(rate, show_plan)
    figure.update(title=f"a fresh {activation} network: press Start")
    view.refresh()
    show_plan()
    set_readout(status, f"A fresh {activation} network, not trained yet.")
    app = App([kind, w.HBox([n_epochs, rate]), w.HBox([start, stop, afresh, progress]), plan, status, view],
              controls={"activation": kind, "epochs": n_epochs, "lr": rate, "start": start,
                        "stop": stop, "afresh": afresh},
              figures=[view], readouts={"plan": plan, "status": status}, title="training")
    app.trainer, app.progress = trainer, progress
    return app


def wait_until(condition, timeout=30.0):
    """Poll `condition()` until it is true or `timeout` seconds pass; returns its last value (for tests)."""
    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        time.sleep(0.01)
    return condition()
