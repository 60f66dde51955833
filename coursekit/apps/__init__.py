"""Interactive apps for the notebooks: controls wired to the figures of coursekit.figures.

The canvas that shows a figure in the browser, FigureView, lives in coursekit.display;
it is re-exported here because every app uses it."""
from coursekit.apps import base, digits
from coursekit.apps.base import App, FigureView
from coursekit.apps.digits import digit_browser, pixel_explorer
from coursekit.apps.network import network_explorer
from coursekit.apps.activations import activation_gallery, activation_twins, squish_explorer
from coursekit.apps.knobs import network_knobs
from coursekit.apps.neuron import neuron_explorer
from coursekit.apps.cost import cost_knobs
from coursekit.apps.descent import cost_slices, descent_1d, descent_2d
from coursekit.apps.training import training_app
from coursekit.apps.draw import draw_digit

__all__ = ["App", "FigureView", "digit_browser", "pixel_explorer", "network_explorer",
           "base", "digits"]
__all__ += ["activation_gallery", "activation_twins", "network_knobs", "neuron_explorer",
            "squish_explorer"]
__all__ += ["cost_knobs", "cost_slices", "descent_1d", "descent_2d"]
__all__ += ["draw_digit", "training_app"]
