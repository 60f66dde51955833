"""Benchmark cases for the widgets of notebook 06 (see widget_update.py).

The training app's Start and Stop buttons run training in a thread, which is
not a tick; its learning-rate and epochs controls only rewrite the plan line.
The drawing app's slider loads a real digit: canvas, preparation, network, figure.
"""
from coursekit import trained
from coursekit.apps.draw import draw_digit
from coursekit.apps.training import training_app
from nnlib import data


def cases():
    digits = data.load_sample()
    trainer = training_app(digits.X_train, digits.y_train, digits.X_test, digits.y_test)
    drawer = draw_digit(trained.trained_network("relu"), digits.X_test, digits.y_test)
    return [("06 training: learning rate", trainer, "lr", [0.3, 1.0, 3.0, 10.0]),
            ("06 training: epochs", trainer, "epochs", list(range(1, 30))),
            ("06 draw: load a real digit", drawer, "digit", list(range(1, 60)))]
