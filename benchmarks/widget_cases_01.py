"""Benchmark cases for the widgets of notebook 01 (see widget_update.py)."""
from nnlib import data, widgets


def cases():
    digits = data.load_sample()
    app = widgets.digit_browser(digits.X_train[:200], digits.y_train[:200])
    return [("01 digit browser: digit", app, "digit", list(range(1, 30)))]
