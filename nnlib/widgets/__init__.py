"""Interactive apps for the notebooks: controls wired to nnlib.plots figures."""
from nnlib.widgets import base, digits
from nnlib.widgets.base import App, FigureView
from nnlib.widgets.digits import digit_browser

__all__ = ["App", "FigureView", "digit_browser", "base", "digits"]
