"""Train the network and watch it learn: Start, Stop, a progress bar, live curves and live weights.

A notebook cell is busy while it runs, and a busy kernel handles no button
clicks; a Stop button would be ignored until training ended. So training
runs in a background thread, one epoch at a time: after each epoch the
callback of training.train updates the progress bar and the read-out, and
returns True once Stop was clicked (train stops cleanly). The figures (the
curves, and what each neuron of layers 1 and 2 looks for) are redrawn by a
Pump (live_view.py) a few times a second while training runs, from its own
thread, so a redraw never sits inside the training loop; it is the only
thread that draws while training runs, and it has stopped before the last
redraw. Building the app starts nothing: only the Start button does.
"""
import re
import threading
import time

import ipywidgets as w
import numpy as np

from coursekit.apps.base import (LABEL_STYLE, App, FigureView, dropdown, int_slider, on_change, readout,
                                 set_readout)
from coursekit.apps.live_view import Pump
from coursekit.diagnose import diagnose, good_lr
from coursekit.figures.live_view import LayerImagesFigure
from coursekit.figures.training_curves import TrainingCurvesFigure
from coursekit.trained import RECIPES    # how the shipped networks were trained: output, cost, lr
from nnlib import training
from nnlib.network import Network

LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)


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
            self.history.stopped = "you pressed Stop" if run.stopped else ""
            message = "" if run.stopped else "Done. "       # diagnose says "Stopped after ..."
            self.on_end(message + diagnose(self.history, self.net, self.X[:500]))
        except ValueError as error:              # diverged: the network was put back
            self.on_end(diverged_message(str(error), self.net, lr))
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
    Start, Stop, Start afresh. Shows the cost and accuracy per epoch and, a
    few times a second while it trains, each hidden neuron's weights as images.
    """
    trainer = Trainer(X, y, X_test, y_test, activation, seed, batch_size, pace)
    return TrainingApp(trainer, epochs, lr or RECIPES[activation]["lr"]).app()


class TrainingApp:
    """The state of training_app: the Trainer, the curves, the buttons and the progress bar.

    Its on_epoch and on_end are the Trainer's callbacks (they run in its thread).
    """

    def __init__(self, trainer, epochs, lr):
        self.trainer = trainer
        activation = trainer.activation
        self.figure = TrainingCurvesFigure(epochs=epochs, cost_name=cost_name(activation))
        self.view = FigureView(self.figure)
        self.layers = LayerImagesFigure(trainer.net)
        self.layers_view = FigureView(self.layers)
        self.pump, self._curves_at = Pump(self.live_tick), 0
        self.kind = w.ToggleButtons(options=list(RECIPES), value=activation,
                                    description="hidden layers", style=LABEL_STYLE)
        self.epochs = int_slider("epochs per Start", epochs, 1, 50)
        self.rate = dropdown("learning rate", list(LEARNING_RATES), lr)
        self.start = w.Button(description="Start", button_style="success", icon="play")
        self.stop = w.Button(description="Stop", button_style="danger", icon="stop")
        self.afresh = w.Button(description="Start afresh", icon="refresh")
        self.progress = w.IntProgress(value=0, min=0, max=epochs, description="epochs done",
                                      style=LABEL_STYLE)                # the label needs the room
        self.plan, self.status = readout(), readout()
        self._wire()
        self._show_fresh(activation)
        self.show_plan()
        set_readout(self.status, f"A fresh {activation} network, not trained yet.")

    def _wire(self):
        self.trainer.on_epoch, self.trainer.on_end = self.on_epoch, self.on_end
        self.start.on_click(self.on_start)
        self.stop.on_click(self.on_stop)
        self.afresh.on_click(self.on_afresh)
        on_change(self.kind, self.on_kind)
        on_change(self.epochs, self.show_plan)
        on_change(self.rate, self.show_plan)

    def app(self):
        # Start afresh sits by the activation: both make a fresh network, and both come
        # before Start, so a learner (or the browser test) who goes through the controls
        # in order ends with a network in training, not with a fresh one.
        app = App([w.HBox([self.kind, self.afresh]), w.HBox([self.epochs, self.rate]),
                   w.HBox([self.start, self.stop, self.progress]), self.plan,
                   self.status, self.view, self.layers_view],
                  controls={"activation": self.kind, "epochs": self.epochs, "lr": self.rate,
                            "start": self.start, "stop": self.stop, "afresh": self.afresh},
                  figures=[self.view, self.layers_view], readouts={"plan": self.plan, "status": self.status},
                  title="training")
        app.trainer, app.progress, app.pump = self.trainer, self.progress, self.pump
        return app

    def show_plan(self, _value=None):
        trainer, n = self.trainer, self.epochs.value
        steps = -(-len(trainer.X) // trainer.batch_size)
        set_readout(self.plan, f"Start trains a {self.kind.value} network for {n} epoch(s) at "
                               f"lr = {self.rate.value:g}: {n * steps:,} steps of "
                               f"{trainer.batch_size} digits each (it has had "
                               f"{trainer.history.epochs} epoch(s) so far).")

    def on_epoch(self, history):
        self.progress.value = min(self.progress.value + 1, self.progress.max)
        set_readout(self.status, f"epoch {history.epochs}: {history.summary()}")
        self.show_plan()                         # its "epoch(s) so far" grows with the run

    def live_tick(self, done=False):
        """Redraw the weights as they are now, and the curves if an epoch has ended since (the Pump's tick)."""
        history = snapshot(self.trainer.history)
        n = history.epochs
        self.layers.update(net=self.trainer.net, title=f"what each neuron looks for, during epoch "
                           f"{n + 1}" if not done else f"what each neuron looks for, "
                           f"after epoch {n}")
        self.layers_view.refresh()
        if n != self._curves_at and n:
            self._curves_at = n
            self.figure.update(history=history, title=f"after epoch {n}: cost {history.cost[-1]:.3f}, "
                               f"test accuracy {history.test_accuracy[-1]:.1%}")
            self.view.refresh()

    def on_end(self, message):
        self.pump.stop()                         # from here on this thread alone draws
        self.live_tick(done=True)
        if self.pump.error is not None:
            message += f" (The live view stopped: {type(self.pump.error).__name__}: {self.pump.error}.)"
        set_readout(self.status, message)
        self._lock(False)
        self.show_plan()

    def _lock(self, running):
        """While training runs, Start, Start afresh and the activation cannot be used."""
        self.start.disabled = self.afresh.disabled = self.kind.disabled = running

    def on_start(self, _button):
        if self.trainer.running:
            return
        self.progress.max, self.progress.value = self.epochs.value, 0
        self._lock(True)
        set_readout(self.status, f"training for {self.epochs.value} epoch(s)...")
        self.pump.start()                        # first: a run that ends at once stops it again
        self.trainer.start(self.epochs.value, self.rate.value)

    def on_stop(self, _button):
        if not self.trainer.running:
            set_readout(self.status, f"Nothing to stop: press Start to train (epochs so far: "
                                     f"{self.trainer.history.epochs}).")
            return
        self.trainer.stop()
        set_readout(self.status, "stopping after this epoch...")

    def on_afresh(self, _button=None, why="Started afresh"):
        if self.trainer.running:
            return
        activation = self.kind.value
        self.trainer.reset(activation)
        self.figure.clear()
        self.figure.update(cost_name=cost_name(activation))
        self._show_fresh(activation)
        self.progress.value = 0
        set_readout(self.status, f"{why}: a new {activation} network, not trained yet.")
        self.show_plan()

    def _show_fresh(self, activation):
        self._curves_at = 0
        self.figure.update(title=f"a fresh {activation} network: press Start")
        self.view.refresh()
        self.layers.update(net=self.trainer.net, title="what each neuron looks for: random weights, "
                                                       "before training")
        self.layers_view.refresh()

    def on_kind(self, activation):
        self.rate.value = RECIPES[activation]["lr"]
        self.on_afresh(why=f"Hidden layers changed to {activation}")


def diverged_message(error, net, lr):
    """train()'s divergence error, with its "try lr=..." replaced by a rate this app's network learns with.

    nnlib's own sentence may suggest a rate that fails for this network (a tenth
    of 100 leaves a ReLU network dead), so it is read at run time and any sentence
    with a "try lr=" in it is left out; the rate named instead is diagnose's,
    which tests/coursekit/advice/ trains with.
    """
    good = good_lr(net)
    if not good or lr <= good:
        return error
    kept = [sentence for sentence in re.split(r"(?<=\.)\s+", error) if "try lr=" not in sentence]
    return " ".join(kept + [f"The learning rate lr={lr:g} is too large for this network: pick lr={good:g} "
                            f"and press Start afresh; at that rate it learns steadily (about 90 % of the "
                            f"test digits after 10 epochs)."])


def snapshot(history):
    """A copy of a History that another thread is appending to, cut to the epochs complete in every list."""
    fields = ("cost", "train_accuracy", "test_accuracy", "lr", "seconds")
    lists = {name: list(getattr(history, name)) for name in fields}
    n = min(len(lists["cost"]), len(lists["train_accuracy"]), len(lists["seconds"]))
    return training.History(**{name: values[:n] for name, values in lists.items()})


def cost_name(activation):
    """The recipe's cost as the cost axis names it: "quadratic" or "cross-entropy"."""
    return RECIPES[activation]["cost"].replace("_", "-")


def wait_until(condition, timeout=30.0):
    """Poll `condition()` until it is true or `timeout` seconds pass; returns its last value (for tests)."""
    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        time.sleep(0.01)
    return condition()
