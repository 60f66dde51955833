"""Drawings for the course. Each works on its own (it shows as a PNG in a notebook)
and is also the figure a widget updates. See base.py for the update pattern."""
from nnlib.plots import base, digits
from nnlib.plots.base import LiveFigure
from nnlib.plots.digits import DigitColumnFigure, DigitFigure, DigitRowFigure
from nnlib.plots.pixels import PixelValuesFigure
from nnlib.plots.network_diagram import NetworkFigure
from nnlib.plots.activation_curves import ActivationGalleryFigure, SquishFigure
from nnlib.plots.layers import ActivationHistogramsFigure, NetworkActivityFigure
from nnlib.plots.neuron import NeuronFigure
from nnlib.plots.cost_bars import CostBarsFigure, CostCurvesFigure
from nnlib.plots.landscape import Descent1DFigure, GradientImagesFigure, SliceFigure, SurfaceFigure
from nnlib.plots.training_curves import TrainingCurvesFigure
from nnlib.plots.filters import AnswerFigure, FilterFigure, PreparationFigure

__all__ = ["LiveFigure", "DigitFigure", "DigitColumnFigure", "DigitRowFigure", "PixelValuesFigure",
           "NetworkFigure", "base", "digits"]
__all__ += ["ActivationGalleryFigure", "ActivationHistogramsFigure", "NetworkActivityFigure",
            "NeuronFigure", "SquishFigure"]
__all__ += ["CostBarsFigure", "CostCurvesFigure", "Descent1DFigure", "GradientImagesFigure",
            "SliceFigure", "SurfaceFigure"]
__all__ += ["AnswerFigure", "FilterFigure", "PreparationFigure", "TrainingCurvesFigure"]
