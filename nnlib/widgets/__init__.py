"""Interactive apps for the notebooks: controls wired to nnlib.plots figures."""
from nnlib.widgets import base, digits
from nnlib.widgets.base import App, FigureView
from nnlib.widgets.digits import digit_browser, pixel_explorer
from nnlib.widgets.network import network_explorer
from nnlib.widgets.cost import cost_knobs
from nnlib.widgets.descent import cost_slices, descent_1d, descent_2d

__all__ = ["App", "FigureView", "digit_browser", "pixel_explorer", "network_explorer",
           "base", "digits"]
__all__ += ["cost_knobs", "cost_slices", "descent_1d", "descent_2d"]
