"""Benchmark cases for the widget of notebook 04 (see widget_update.py)."""
import numpy as np

from coursekit import apps
from nnlib import Network, data


def cases():
    digits = data.load_sample()
    app = apps.cost_knobs(Network(rng=0), digits.X_train[:1000], digits.y_train[:1000])
    knob_values = [round(v, 1) for v in np.linspace(-4, 4, 41)]
    weight = next(name for name in app.controls if name.startswith("weight_"))
    return [("04 cost knobs: digit shown", app, "digit", list(range(1, 40))),
            ("04 cost knobs: output neuron", app, "neuron", list(range(10))),
            ("04 cost knobs: bias", app, "bias", knob_values),
            ("04 cost knobs: weight", app, weight, knob_values)]
