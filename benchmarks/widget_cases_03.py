"""Benchmark cases for the widgets of notebook 03 (see widget_update.py)."""
import numpy as np

from coursekit import apps
from nnlib import data


def cases():
    squish = apps.squish_explorer()
    gallery = apps.activation_gallery()
    twins = apps.activation_twins(data.load_sample().X_test)
    steps = list(np.round(np.arange(-6.0, 6.0, 0.4), 1))
    return [
        ("03 squish: z", squish, "z", steps),
        ("03 squish: w", squish, "w", list(np.round(np.arange(-4.0, 4.0, 0.3), 1))),
        ("03 squish: b", squish, "b", steps),
        ("03 gallery: z", gallery, "z", steps),
        ("03 twins: weight scale", twins, "scale", [2.0 ** k for k in np.arange(-2.0, 5.5, 0.5)]),
    ]
