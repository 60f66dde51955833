"""Benchmark cases for the widgets of notebook 02 (see widget_update.py)."""
import numpy as np

from coursekit import apps, trained
from nnlib import data


def cases():
    digits = data.load_sample()
    X, y = digits.X_test, digits.y_test
    neuron = apps.neuron_explorer(X, y)
    knobs = apps.network_knobs(trained.trained_network(), X, y)
    # the neuron menu's values depend on the digit; take them once, they stay valid
    neuron_ids = [value for _, value in knobs.controls["neuron"].options]
    rows = apps.rows_of_w(trained.trained_network(), X, y, neuron=6)
    rows_deep = apps.rows_of_w(trained.trained_network(), X, y, layer=2)
    return [
        ("02 neuron: bias", neuron, "bias", list(np.arange(-20.0, 5.0, 0.5))),
        ("02 neuron: digit", neuron, "digit", list(range(1, 30))),
        ("02 knobs: weight", knobs, "weight", list(np.round(np.arange(-5.0, 5.0, 0.35), 2))),
        ("02 knobs: bias", knobs, "bias", list(np.round(np.arange(-5.0, 5.0, 0.35), 2))),
        ("02 knobs: digit", knobs, "digit", list(range(1, 30))),
        ("02 knobs: neuron", knobs, "neuron", neuron_ids),
        ("02 rows of W (layer 1): neuron", rows, "neuron", list(range(16))),
        ("02 rows of W (layer 1): digit", rows, "digit", list(range(1, 30))),
        ("02 rows of W (layer 2): neuron", rows_deep, "neuron", list(range(16))),
        ("02 rows of W (layer 2): digit", rows_deep, "digit", list(range(1, 30))),
        ("02 rows of W: layer", rows, "layer", [2, 3, 1]),
    ]
