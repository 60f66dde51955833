"""The figure transport: a LiveFigure shown on a canvas in the browser (FigureView).

figure_view.py is the kernel side (an anywidget), figure_view.js the browser side;
the apps in coursekit.apps show their figures through it.
"""
from coursekit.display.figure_view import FigureView

__all__ = ["FigureView"]
