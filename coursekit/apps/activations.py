"""Activation functions to play with: one curve, four side by side, and twin networks."""
import ipywidgets as w
import numpy as np

from coursekit import neurons
from coursekit.apps.base import (LABEL_STYLE, WIDE, App, FigureView, dropdown, float_slider,
                                 on_change, readout, set_readout)
from coursekit.figures.activation_curves import ActivationGalleryFigure, SquishFigure
from coursekit.figures.layers import ActivationHistogramsFigure
from nnlib.network import Network

FUNCTIONS = [("sigmoid", "sigmoid"), ("tanh", "tanh"), ("ReLU", "relu"),
             ("leaky ReLU", "leaky_relu")]


# The squish task keeps the threshold at z = 3 (b = -3w) while w grows until the step is
# about half a unit wide (w = 9, b = -27): the bias slider must reach -3 times the largest w.
W_LIMIT = 10.0
B_LIMIT = 3 * W_LIMIT


def squish_explorer(f="sigmoid", z=0.0, w=1.0, b=0.0):
    """a = f(w·z + b): sliders for the incoming sum z, the weight w and the bias b."""
    return SquishExplorer(f, z, w, b).app()


class SquishExplorer:
    """The state of squish_explorer: the curve's figure, a menu, three sliders and a read-out."""

    def __init__(self, f, z, w, b):
        self.figure = SquishFigure(f, z, w, b)
        self.view = FigureView(self.figure)
        self.controls = {"function": dropdown("function f", FUNCTIONS, f),
                         "z": float_slider("sum z", z, -10.0, 10.0, 0.1, fmt=".1f"),
                         "w": float_slider("weight w", w, -W_LIMIT, W_LIMIT, 0.1, fmt=".1f"),
                         "b": float_slider("bias b", b, -B_LIMIT, B_LIMIT, 0.1, fmt=".1f")}
        self.threshold = readout()
        on_change(self.controls["function"], self.on_function)
        on_change(self.controls["z"], self.on_z)
        on_change(self.controls["w"], self.on_w)
        on_change(self.controls["b"], self.on_b)
        self.describe()

    def app(self):
        return App([*self.controls.values(), self.threshold, self.view], figures=[self.view],
                   controls=self.controls, readouts={"threshold": self.threshold},
                   title="squishing a weighted sum")

    def on_function(self, f):
        self.show(f=f)

    def on_z(self, z):
        self.show(z=z)

    def on_w(self, w):
        self.show(w=w)

    def on_b(self, b):
        self.show(b=b)

    def show(self, **change):
        self.figure.update(**change)
        self.view.refresh()
        self.describe()

    def describe(self):
        """The threshold and the steepness in words."""
        wv, bv = self.controls["w"].value, self.controls["b"].value
        if wv == 0:
            text = "w = 0: the output ignores z completely"
        else:
            text = (f"threshold: w·z + b = 0 at z = {-bv / wv + 0.0:.2f}; "
                    f"{'above' if wv > 0 else 'below'} it the neuron is on. "
                    f"Steepness |w| = {abs(wv):.1f}")
        set_readout(self.threshold, text)


def activation_gallery(z=0.0):
    """Sigmoid, tanh, ReLU and leaky ReLU with their slopes; one slider moves z in all."""
    return ActivationGallery(z).app()


class ActivationGallery:
    """The state of activation_gallery: four curves in one figure and the slider for z."""

    def __init__(self, z):
        self.figure = ActivationGalleryFigure(z)
        self.view = FigureView(self.figure)
        self.z = float_slider("sum z", z, -8.0, 8.0, 0.1, fmt=".1f")
        on_change(self.z, self.on_z)

    def on_z(self, value):
        self.figure.update(z=value)
        self.view.refresh()

    def app(self):
        return App([self.z, self.view], controls={"z": self.z}, figures=[self.view],
                   title="four activation functions and their slopes")


def activation_twins(X, trained=None, n=500, seed=0):
    """Twin networks from one seed, sigmoid vs ReLU hidden layers, on digits X[:n].

    trained: optional {"sigmoid": net, "ReLU": net} offered by a second button.
    The weight-scale slider multiplies every weight, to show what large weights
    do to each kind of neuron.
    """
    nets = {"initial": {"sigmoid": Network(rng=seed, activation="sigmoid"),
                        "ReLU": Network(rng=seed, activation="relu")}}
    if trained:
        nets["trained"] = dict(trained)
    return ActivationTwins(X[:n], nets).app()


class ActivationTwins:
    """The state of activation_twins: {"initial"/"trained": {name: net}}, the digits, the
    histograms' figure, and the two controls (which weights, what scale)."""

    def __init__(self, X, nets):
        self.X, self.nets = X, nets
        self.which = w.ToggleButtons(options=[("as initialised (same seed)", "initial")]
                                     + ([("after training", "trained")] if "trained" in nets else []),
                                     value="initial", description="weights",
                                     style={**LABEL_STYLE, "button_width": "220px"})   # room for the labels
        # A log slider: 1/4 .. 32 times the weights, each step a factor of sqrt(2).
        self.scale = w.FloatLogSlider(value=1.0, base=2, min=-2, max=5, step=0.5,
                                      description="weight scale", continuous_update=True,
                                      layout=WIDE, style=LABEL_STYLE)
        self.slopes_text = readout()
        self.figure = ActivationHistogramsFigure(*self.compute())
        self.view = FigureView(self.figure)
        on_change(self.which, self.show)
        on_change(self.scale, self.show)
        self.show()

    def compute(self):
        """The hidden layers' activations and slopes of each net: ({name: rows}, {name: slopes})."""
        pairs = {name: neurons.hidden_layers(net, self.X, self.scale.value)
                 for name, net in self.nets[self.which.value].items()}
        return {k: v[0] for k, v in pairs.items()}, {k: v[1] for k, v in pairs.items()}

    def show(self, _value=None):
        """Either control: new histograms and the average slopes."""
        rows, slopes = self.compute()
        self.figure.update(rows=rows, slopes=slopes)
        self.view.refresh()
        mean = {name: float(np.mean([s.mean() for s in layers])) for name, layers in slopes.items()}
        set_readout(self.slopes_text, "average slope f'(z) of the hidden neurons: "
                                      + ",  ".join(f"{name} {m:.3f}" for name, m in mean.items()))

    def app(self):
        return App([self.which, self.scale, self.slopes_text, self.view], figures=[self.view],
                   controls={"weights": self.which, "scale": self.scale},
                   readouts={"slopes": self.slopes_text}, title="twin networks: sigmoid and ReLU")
