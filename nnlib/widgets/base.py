"""Wiring controls to figures: the thin layer between ipywidgets and nnlib.plots.

An app is a VBox of controls, read-outs and figures. A figure is shown as an
ipywidgets.Image holding the PNG of a LiveFigure; when a control changes, the
app calls the figure's update(...) and sends the new PNG. No maths and no
drawing happen here: they live in nnlib and nnlib.plots, where they can be
used (and tested) without widgets.

Every app keeps its controls in `app.controls` (a dict by name) and its
figures in `app.figures`, so tests and benchmarks can set a control from
Python and look at what changed.
"""
import html

import ipywidgets as w


class FigureView(w.Image):
    """An Image widget that shows a LiveFigure and can be refreshed after an update."""

    def __init__(self, figure):
        super().__init__(value=figure.png(), format="png")
        self.figure = figure
        self.add_class("nnlib-figure")

    def refresh(self):
        self.value = self.figure.png()


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
