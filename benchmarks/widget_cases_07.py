"""Benchmark cases for the widget of notebook 07 (see widget_update.py).

The shape sandbox's sliders and drop-down change the read-out (shape and
parameter count) and move the plot's "next" line, repainted over the saved
picture of the rest; Train and Stop run training in a thread, which is not a tick.
"""
from coursekit.apps.sandbox import shape_sandbox
from nnlib import data


def cases():
    digits = data.load_sample()
    sandbox = shape_sandbox(digits.X_train, digits.y_train, digits.X_test, digits.y_test)
    for hidden in [(3,), (), (32,)]:                 # a plot with runs on it, as after the task
        sandbox.train_shape(hidden, "relu", 1)
    return [("07 sandbox: hidden layers", sandbox, "layers", [0, 1, 2, 3]),
            ("07 sandbox: layer 1 neurons", sandbox, "layer1", list(range(1, 65))),
            ("07 sandbox: layer 2 neurons", sandbox, "layer2", list(range(1, 65))),
            ("07 sandbox: activation", sandbox, "activation", ["sigmoid", "relu"]),
            ("07 sandbox: epochs", sandbox, "epochs", list(range(1, 31)))]
