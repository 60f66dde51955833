"""Interactive apps for the notebooks: controls wired to nnlib.plots figures."""
from nnlib.widgets import base, digits
from nnlib.widgets.base import App, FigureView
from nnlib.widgets.digits import digit_browser, pixel_explorer
from nnlib.widgets.network import network_explorer
from nnlib.widgets.activations import activation_gallery, activation_twins, squish_explorer
from nnlib.widgets.knobs import network_knobs
from nnlib.widgets.neuron import neuron_explorer
from nnlib.widgets.cost import cost_knobs
from nnlib.widgets.descent import cost_slices, descent_1d, descent_2d
from nnlib.widgets.training import training_app
from nnlib.widgets.draw import draw_digit

__all__ = ["App", "FigureView", "digit_browser", "pixel_explorer", "network_explorer",
           "base", "digits"]
__all__ += ["activation_gallery", "activation_twins", "network_knobs", "neuron_explorer",
            "squish_explorer"]
__all__ += ["cost_knobs", "cost_slices", "descent_1d", "descent_2d"]
__all__ += ["draw_digit", "training_app"]
