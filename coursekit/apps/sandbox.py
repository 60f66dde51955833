"""The shape sandbox: choose a network's shape, train it on the sample, see what its size buys.

Controls: the number of hidden layers (0-3), the neurons of each layer (1-64),
the hidden activation, the epochs; Train, Stop and Clear. The read-out shows
the shape and its parameter count as they are chosen (784-16-16-10 -> 13,002);
every finished run lands as a point of ShapeSandboxFigure beside the shipped
reference network. Training runs in the background with the Trainer of
coursekit.apps.training (its thread, its per-epoch callback, its Stop), here
with a fresh network of the chosen shape for every Train.
"""
import threading

import ipywidgets as w

from coursekit import trained
from coursekit.apps.base import (LABEL_STYLE, App, FigureView, dropdown, int_slider, on_change, readout,
                                 set_readout)
from coursekit.apps.training import Trainer
from coursekit.figures.sandbox import ShapeSandboxFigure
from coursekit.shapes import (MAX_HIDDEN_LAYERS, MAX_NEURONS, THRESHOLD, Run, layer_sizes,
                              parameter_count, shape_name, smallest_above)
from coursekit.trained import RECIPES
from nnlib.network import Network

MAX_RUNS = 12                     # the runs the plot keeps (the oldest goes first)


class ShapeTrainer(Trainer):
    """The training app's Trainer, for a network of any shape `sizes` (a fresh one per reset)."""

    def __init__(self, X, y, X_test, y_test, sizes, activation="relu", seed=0, batch_size=10, pace=0.02):
        self.sizes = tuple(sizes)
        super().__init__(X, y, X_test, y_test, activation, seed, batch_size, pace)

    def reset(self, activation, sizes=None):
        """A fresh network of `sizes` (the same one for a shape and seed) and an empty History."""
        super().reset(activation)
        self.sizes = tuple(sizes or self.sizes)
        self.net = Network(self.sizes, rng=self.seed, activation=activation,
                           output=RECIPES[activation]["output"])


class ShapeSandbox:
    """The state of shape_sandbox: the trainer, the runs so far, the figure and the controls."""

    def __init__(self, trainer, hidden, epochs, reference):
        self.trainer, self.runs, self.current, self.planned = trainer, [], None, None
        self.drawing = threading.Lock()      # a slider tick and the training thread share the canvas
        about = trained.about(reference)
        self.reference = (shape_name(about["sizes"]), parameter_count(tuple(about["sizes"])),
                          about["test_accuracy"])
        self.figure = ShapeSandboxFigure(self.reference, max_runs=MAX_RUNS,
                                         title="test accuracy against size: press Train")
        self.view = FigureView(self.figure)
        self.layers = int_slider("hidden layers", len(hidden), 0, MAX_HIDDEN_LAYERS)
        padded = list(hidden) + [16] * (MAX_HIDDEN_LAYERS - len(hidden))
        self.neurons = [int_slider(f"layer {l} neurons", n, 1, MAX_NEURONS) for l, n in enumerate(padded, 1)]
        self.kind = dropdown("hidden activation", list(RECIPES), trainer.activation)
        self.epochs = int_slider("epochs", epochs, 1, 30)
        self.train = w.Button(description="Train", button_style="success", icon="play")
        self.stop = w.Button(description="Stop", button_style="danger", icon="stop")
        self.clear = w.Button(description="Clear runs", icon="trash")
        self.progress = w.IntProgress(value=0, min=0, max=epochs, description="epochs done",
                                      style=LABEL_STYLE)
        self.shape, self.status = readout(), readout()
        self._wire()
        self.on_shape()
        set_readout(self.status, "No runs yet: choose a shape and press Train.")

    def _wire(self):
        self.trainer.on_epoch, self.trainer.on_end = self.on_epoch, self.on_end
        on_change(self.layers, self.on_shape)
        for l, slider in enumerate(self.neurons, 1):
            on_change(slider, lambda value, l=l: self.on_neurons(l, value))
        on_change(self.kind, self.on_shape)
        on_change(self.epochs, self.on_shape)
        self.train.on_click(self.on_train)
        self.stop.on_click(self.on_stop)
        self.clear.on_click(self.on_clear)

    def app(self):
        app = App([self.layers, *self.neurons, w.HBox([self.kind, self.epochs]),
                   w.HBox([self.train, self.stop, self.clear, self.progress]), self.shape, self.status,
                   self.view],
                  controls={"layers": self.layers, **{f"layer{l}": s for l, s in enumerate(self.neurons, 1)},
                            "activation": self.kind, "epochs": self.epochs, "train": self.train,
                            "stop": self.stop, "clear": self.clear},
                  figures=[self.view], readouts={"shape": self.shape, "status": self.status},
                  title="shape sandbox")
        app.sandbox, app.trainer, app.progress, app.runs = self, self.trainer, self.progress, self.runs
        app.figure = self.figure
        app.train_shape, app.best_small_run = self.train_shape, self.best_small_run
        return app

    # -- the shape ---------------------------------------------------------------------------------

    def hidden(self):
        """The hidden layers' neuron counts chosen now, e.g. (16, 16)."""
        return tuple(slider.value for slider in self.neurons[:self.layers.value])

    def sizes(self):
        return layer_sizes(self.hidden())

    def on_shape(self, _value=None):
        """Any shape control: the read-out, the sliders' labels and the "next" line of the plot."""
        sizes, on = self.sizes(), self.layers.value
        for l, slider in enumerate(self.neurons, 1):
            slider.description = f"layer {l} neurons" if l <= on else f"layer {l}: off"
        name, count = shape_name(sizes), parameter_count(sizes)
        if (name, count) != self.planned:           # activation and epochs leave the plot alone
            self.planned = (name, count)
            self._draw(planned=self.planned)
        recipe = RECIPES[self.kind.value]
        steps = self.epochs.value * -(-len(self.trainer.X) // self.trainer.batch_size)
        set_readout(self.shape, f"{name} -> {count:,} parameters ({self._counts(sizes)}). Train: "
                                f"{self.epochs.value} epoch(s), {steps:,} steps, {self.kind.value} recipe "
                                f"({recipe['output']} outputs, {recipe['cost'].replace('_', '-')} cost, "
                                f"lr {recipe['lr']:g}).")

    @staticmethod
    def _counts(sizes):
        return " + ".join(f"{n_in}x{n_out}+{n_out}" for n_in, n_out in zip(sizes[:-1], sizes[1:]))

    def on_neurons(self, layer, _value):
        """A layer's neuron slider; moving the slider of a layer that is off switches it on."""
        if layer > self.layers.value:
            self.layers.value = layer              # on_shape runs as the layers slider moves
        else:
            self.on_shape()

    # -- training ------------------------------------------------------------------------------------

    def on_train(self, _button=None):
        if self.trainer.running:
            return
        activation, sizes = self.kind.value, self.sizes()
        self.trainer.reset(activation, sizes)
        self.current = Run(sizes, activation, 0, 0.0)
        self.progress.max, self.progress.value = self.epochs.value, 0
        self._lock(True)
        set_readout(self.status, f"training {shape_name(sizes)} for {self.epochs.value} epoch(s)...")
        self.trainer.start(self.epochs.value, RECIPES[activation]["lr"])

    def on_epoch(self, history):
        """After each epoch (in the trainer's thread): move the hollow point of the run in progress."""
        self.progress.value = min(self.progress.value + 1, self.progress.max)
        self.current = self.current._replace(epochs=history.epochs, test_accuracy=history.test_accuracy[-1])
        self._show(f"training {self.current.name}: epoch {history.epochs}, "
                   f"{self.current.test_accuracy:.1%} of the test digits")

    def on_end(self, message):
        """Training ended (done, stopped or diverged): the run becomes a point, if it had an epoch."""
        run, self.current = self.current, None
        if run is not None and run.epochs:
            self.runs.append(run._replace(stopped=bool(self.trainer.history.stopped)))
            del self.runs[:-MAX_RUNS + 1]
            set_readout(self.status, f"{run.summary()}. {message}")
        else:
            set_readout(self.status, message)
        self._show(f"{len(self.runs)} run(s): test accuracy against size")
        self._lock(False)

    def _show(self, title):
        self._draw(runs=self.runs, current=self.current, answer=smallest_above(self.runs), title=title)

    def _draw(self, **changes):
        """figure.update(**changes) and send it, one thread at a time."""
        with self.drawing:
            self.figure.update(**changes)
            self.view.refresh()

    def _lock(self, running):
        self.train.disabled = self.clear.disabled = running

    def on_stop(self, _button=None):
        if not self.trainer.running:
            set_readout(self.status, f"Nothing to stop: press Train to train {shape_name(self.sizes())} "
                                     f"({len(self.runs)} run(s) so far).")
            return
        self.trainer.stop()
        set_readout(self.status, "stopping after this epoch...")

    def on_clear(self, _button=None):
        if self.trainer.running:
            return
        count = len(self.runs)
        self.runs.clear()
        self._show("test accuracy against size: press Train")
        set_readout(self.status, f"Cleared {count} run(s): the plot keeps only the reference." if count else
                    "No runs to clear: press Train first (the reference stays on the plot).")

    # -- from code (the notebook's cells, tests) ------------------------------------------------------

    def train_shape(self, hidden, activation=None, epochs=None, timeout=120):
        """Set the controls to this shape, train it (waiting until it is done) and return its Run."""
        self.layers.value = len(hidden)
        for slider, n in zip(self.neurons, hidden):
            slider.value = n
        if activation is not None:
            self.kind.value = activation
        if epochs is not None:
            self.epochs.value = epochs
        pace, self.trainer.pace = self.trainer.pace, 0.0
        try:
            self.on_train()
            self.trainer.wait(timeout)
        finally:
            self.trainer.pace = pace
        return self.runs[-1] if self.runs else None

    def best_small_run(self, threshold=THRESHOLD):
        """The run with the fewest parameters above `threshold` (85 %), or None."""
        return smallest_above(self.runs, threshold)


def shape_sandbox(X, y, X_test, y_test, hidden=(16,), activation="relu", epochs=10, seed=0, batch_size=10,
                  pace=0.02, reference="sigmoid"):
    """Train networks of a chosen shape on X (N, 784), y (N,); plot test accuracy (X_test, y_test)
    against parameter count beside the shipped `reference` network ("sigmoid" or "relu").

    hidden: the starting hidden layers' neuron counts, e.g. (16,) for 784-16-10.
    The returned App also has train_shape(hidden, activation, epochs), best_small_run()
    and runs (the list of coursekit.shapes.Run so far).
    """
    trainer = ShapeTrainer(X, y, X_test, y_test, layer_sizes(hidden), activation, seed, batch_size, pace)
    return ShapeSandbox(trainer, tuple(hidden), epochs, reference).app()
