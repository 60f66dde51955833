"""Drawings for the course. Each works on its own (it shows as a PNG in a notebook)
and is also the figure a widget updates. See base.py for the update pattern; a
widget shows one through coursekit.display.FigureView, which nothing here imports."""
from coursekit.figures import base, digits
from coursekit.figures.base import LiveFigure
from coursekit.figures.digits import DigitColumnFigure, DigitFigure, DigitRowFigure
from coursekit.figures.pixels import PixelValuesFigure
from coursekit.figures.network_diagram import NetworkFigure
from coursekit.figures.weighted_sum import WeightedSumFigure, weighted_sum_parts
from coursekit.figures.activation_curves import ActivationGalleryFigure, SquishFigure
from coursekit.figures.layers import ActivationHistogramsFigure, NetworkActivityFigure
from coursekit.figures.neuron import NeuronFigure
from coursekit.figures.cost_bars import CostBarsFigure, CostCurvesFigure
from coursekit.figures.landscape import Descent1DFigure, GradientImagesFigure, SliceFigure, SurfaceFigure
from coursekit.figures.training_curves import TrainingCurvesFigure
from coursekit.figures.filters import AnswerFigure, FilterFigure, PreparationFigure
from coursekit.figures.live_view import LayerImagesFigure, TopDigitsFigure
from coursekit.figures.sandbox import ShapeSandboxFigure

__all__ = ["LiveFigure", "DigitFigure", "DigitColumnFigure", "DigitRowFigure", "PixelValuesFigure",
           "NetworkFigure", "base", "digits"]
__all__ += ["ActivationGalleryFigure", "ActivationHistogramsFigure", "NetworkActivityFigure",
            "NeuronFigure", "SquishFigure"]
__all__ += ["CostBarsFigure", "CostCurvesFigure", "Descent1DFigure", "GradientImagesFigure",
            "SliceFigure", "SurfaceFigure"]
__all__ += ["AnswerFigure", "FilterFigure", "PreparationFigure", "TrainingCurvesFigure"]
__all__ += ["ShapeSandboxFigure"]
__all__ += ["WeightedSumFigure", "weighted_sum_parts"]
__all__ += ["LayerImagesFigure", "TopDigitsFigure"]
