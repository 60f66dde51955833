"""Benchmark cases for the widgets of notebook 05 (see widget_update.py)."""
import numpy as np

from coursekit import apps
from nnlib import Network, data


def cases():
    digits = data.load_sample()
    one = apps.descent_1d()
    two = apps.descent_2d()
    real = apps.cost_slices(Network(rng=0), digits.X_train[:1000], digits.y_train[:1000])
    real_values = [round(v, 1) for v in np.linspace(0.1, 12, 30)]
    return [("05 descent 1-D: start", one, "start", [round(v, 2) for v in np.linspace(-3.9, 3.9, 40)]),
            ("05 descent 1-D: step size", one, "lr", [round(v, 2) for v in np.linspace(0.02, 1.4, 40)]),
            ("05 descent 2-D: start u", two, "u", [round(v, 2) for v in np.linspace(-3.5, 3.5, 40)]),
            ("05 descent 2-D: start v", two, "v", [round(v, 2) for v in np.linspace(-3.5, 3.5, 40)]),
            ("05 descent 2-D: step size", two, "lr", [round(v, 2) for v in np.linspace(0.02, 0.6, 30)]),
            ("05 descent 2-D: steps", two, "steps", list(range(0, 100, 3))),
            ("05 real cost slices: lr", real, "lr", real_values)]
