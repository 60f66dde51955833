"""Shared by the widget-task tests: set a control as a learner would, and read a read-out."""
import html
import re

import pytest


def set_controls(app, **values):
    """Set controls by name, checking first that the slider reaches the value (no silent clamp)."""
    for name, value in values.items():
        control = app.controls[name]
        low, high = getattr(control, "min", None), getattr(control, "max", None)
        if hasattr(control, "base"):                      # a log slider: min/max are exponents
            low, high = control.base ** low, control.base ** high
        if low is not None:
            assert low <= value <= high, f"{name} = {value} is off the slider ({low} .. {high})"
        control.value = value
        if isinstance(value, float):
            assert control.value == pytest.approx(value), f"{name} was clamped to {control.value}"
        else:
            assert control.value == value, f"{name} was set to {control.value}, not {value}"


def on_step(control, value):
    """True if the slider can stop at `value` (min + a whole number of steps)."""
    steps = (value - control.min) / control.step
    return abs(steps - round(steps)) < 1e-6


def text(widget):
    """A read-out's words, without the HTML around them."""
    return html.unescape(re.sub("<[^>]*>", "", widget.value))


def number_after(words, marker):
    """The number that follows `marker` in `words` (e.g. number_after(t, "average cost"))."""
    match = re.search(re.escape(marker) + r"\s*([-+−]?\d[\d,]*\.?\d*)", words)   # − : a real minus
    assert match, f"no number after {marker!r} in {words!r}"
    return float(match.group(1).replace(",", "").replace("−", "-"))
