"""Wiring controls to figures: the thin layer between ipywidgets and coursekit.figures.

An app is a VBox of controls, read-outs and figures. A figure is shown by a
FigureView (coursekit/display/figure_view.py), a canvas holding the pixels of a
LiveFigure; when a control changes, the app calls the figure's update(...) and
then the view's refresh(), which sends the pixels that changed. No maths and no
drawing happen here: they live in nnlib, in coursekit's course helpers (neurons,
knobs, landscapes, drawing, ...) and in coursekit.figures, where they can be
used (and tested) without widgets.

Every app keeps its controls in `app.controls` (a dict by name) and its
figures in `app.figures`, so tests and benchmarks can set a control from
Python and look at what changed.
"""
import asyncio
import html
import sys
import traceback

import ipywidgets as w

from coursekit.display import FigureView  # noqa: F401  (apps import it from here)


class App(w.VBox):
    """An interactive part of a notebook: controls on top, figures and read-outs below."""

    def __init__(self, children, controls, figures=(), readouts=None, title=""):
        super().__init__(children=children)
        self.add_class("nnlib-app")
        self.controls = dict(controls)
        self.figures = list(figures)
        self.readouts = dict(readouts or {})
        self.title = title

    def _repr_mimebundle_(self, include=None, exclude=None):
        # The live widget where a kernel runs; elsewhere (a web viewer, a
        # printout) the starting figure as a plain image, and a fixed text.
        bundle = super()._repr_mimebundle_(include=include, exclude=exclude)
        if self.figures:
            bundle["image/png"] = self.figures[0].figure.static_png()
        bundle["text/plain"] = f"<interactive: {self.title or type(self).__name__}>"
        return bundle


def readout(text=""):
    """An HTML read-out line (numbers that change with the controls)."""
    out = w.HTML(value=text)
    out.add_class("nnlib-readout")
    return out


def set_readout(widget, text):
    widget.value = f"<span style='font-size:15px'>{html.escape(text)}</span>"


WIDE = w.Layout(width="460px")
LABEL_STYLE = {"description_width": "140px"}


def float_slider(description, value, low, high, step, fmt=".2f"):
    """A wide slider with a readable label, updating while it is dragged."""
    return w.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                         readout_format=fmt, continuous_update=True, layout=WIDE,
                         style=LABEL_STYLE)


def step_decimals(step):
    """How many decimals a slider of this step shows: 0.1 -> 1, 0.05 -> 2, 1 -> 0."""
    for decimals in range(7):
        if abs(round(step, decimals) - step) < 1e-9:
            return decimals
    return 6


def on_grid(value, slider):
    """value on the slider's grid (min + a whole number of steps), as the browser would report it."""
    low, step = slider.min, slider.step
    return round(low + round((float(value) - low) / step) * step, 6)


def as_slider_shows(value, slider):
    """value as the slider would display it (on its grid, with its decimals): a read-out that
    prints a knob with this shows the same digits as the slider beside it."""
    return f"{on_grid(value, slider) + 0.0:.{step_decimals(slider.step)}f}"


def int_slider(description, value, low, high, step=1):
    return w.IntSlider(value=value, min=low, max=high, step=step, description=description,
                       continuous_update=True, layout=WIDE, style=LABEL_STYLE)


def dropdown(description, options, value=None):
    return w.Dropdown(options=options, value=value if value is not None else options[0][1]
                      if isinstance(options[0], tuple) else options[0],
                      description=description, layout=WIDE, style=LABEL_STYLE)


def on_change(control, callback):
    """Call callback(new_value) whenever the control's value changes."""
    control.observe(lambda change: callback(change["new"]), names="value")


class Later:
    """Run one callback a moment after a tick, so that what the learner watches goes first.

    A browser re-renders a drop-down for every new list of options and moves a
    slider for every new value; queued behind a figure, that work holds up the
    figure's paint (in the course: 20 ms for two menus and two sliders). A tick
    sends the figure and read-outs now and schedule()s the controls' update
    `delay` seconds later on the kernel's event loop. A newer schedule() replaces
    an older one; flush() runs a pending one at once (before anything reads the
    controls). Outside a Jupyter kernel (tests, scripts, another library's event
    loop) the callback runs at once, so the result is the same, only sooner.
    """

    def __init__(self, delay=0.1):
        self.delay = delay
        self._callback, self._handle = None, None

    def schedule(self, callback):
        self.cancel()
        loop = kernel_loop()
        if loop is None:
            callback()
            return
        self._callback = callback
        self._handle = loop.call_later(self.delay, self.flush)

    def flush(self):
        """Run the pending callback now, if any (errors are shown, as a widget callback's are)."""
        callback = self._callback
        self.cancel()
        if callback is not None:
            try:
                callback()
            except Exception:            # the event loop would only log it where nobody looks
                traceback.print_exc(file=sys.stderr)

    def cancel(self):
        if self._handle is not None:
            self._handle.cancel()
        self._callback, self._handle = None, None


def kernel_loop():
    """The running event loop of the Jupyter kernel this code runs in, or None.

    Only a kernel's loop is used: it keeps running after the callback returns,
    and what it runs later reaches the browser. Any other running loop (for
    example a test tool's) may never come back to our callback.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
