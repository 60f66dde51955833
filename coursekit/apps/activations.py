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


def squish_explorer(f="sigmoid", z=0.0, w=1.0, b=0.0):
    """a = f(w·z + b): sliders for the incoming sum z, the weight w and the bias b."""
    figure = SquishFigure(f, z, w, b)
    view = FigureView(figure)
    pick = dropdown("function f", FUNCTIONS, f)
    z_slider = float_slider("sum z", z, -10.0, 10.0, 0.1, fmt=".1f")
    w_slider = float_slider("weight w", w, -5.0, 5.0, 0.1, fmt=".1f")
    b_slider = float_slider("bias b", b, -10.0, 10.0, 0.1, fmt=".1f")
    threshold = readout()

    def describe():
        wv, bv = w_slider.value, b_slider.value
        if wv == 0:
            text = "w = 0: the output ignores z completely"
        else:
            text = (f"threshold: w·z + b = 0 at z = {-bv / wv + 0.0:.2f}; "
                    f"{'above' if wv > 0 else 'below'} it the neuron is on. "
                    f"Steepness |w| = {abs(wv):.1f}")
        set_readout(threshold, text)

    def show(**change):
        figure.update(**change)
        view.refresh()
        describe()

    on_change(pick, lambda v: show(f=v))
    on_change(z_slider, lambda v: show(z=v))
    on_change(w_slider, lambda v: show(w=v))
    on_change(b_slider, lambda v: show(b=v))
    describe()
    return App([pick, z_slider, w_slider, b_slider, threshold, view], figures=[view],
               controls={"function": pick, "z": z_slider, "w": w_slider, "b": b_slider},
               readouts={"threshold": threshold}, title="squishing a weighted sum")


def activation_gallery(z=0.0):
    """Sigmoid, tanh, ReLU and leaky ReLU with their slopes; one slider moves z in all."""
    figure = ActivationGalleryFigure(z)
    view = FigureView(figure)
    z_slider = float_slider("sum z", z, -8.0, 8.0, 0.1, fmt=".1f")

    def show(value):
        figure.update(z=value)
        view.refresh()

    on_change(z_slider, show)
    return App([z_slider, view], controls={"z": z_slider}, figures=[view],
               title="four activation functions and their slopes")


def activation_twins(X, trained=None, n=500, seed=0):
    """Twin networks from one seed, sigmoid vs ReLU hidden layers, on digits X[:n].

    trained: optional {"sigmoid": net, "ReLU": net} offered by a second button.
    The weight-scale slider multiplies every weight, to show what large weights
    do to each kind of neuron.
    """
    X = X[:n]
    nets = {"initial": {"sigmoid": Network(rng=seed, activation="sigmoid"),
                        "ReLU": Network(rng=seed, activation="relu")}}
    if trained:
        nets["trained"] = dict(trained)
    which = w.ToggleButtons(options=[("as initialised (same seed)", "initial")]
                            + ([("after training", "trained")] if trained else []),
                            value="initial", description="weights",
                            style={**LABEL_STYLE, "button_width": "220px"})   # room for the labels
    # A log slider: 1/4 .. 32 times the weights, each step a factor of sqrt(2).
    scale = w.FloatLogSlider(value=1.0, base=2, min=-2, max=5, step=0.5, description="weight scale",
                             continuous_update=True, layout=WIDE, style=LABEL_STYLE)
    slopes_text = readout()

    def compute():
        pairs = {name: neurons.hidden_layers(net, X, scale.value)
                 for name, net in nets[which.value].items()}
        return {k: v[0] for k, v in pairs.items()}, {k: v[1] for k, v in pairs.items()}

    rows, slopes = compute()
    figure = ActivationHistogramsFigure(rows, slopes)
    view = FigureView(figure)

    def show(_value=None):
        rows, slopes = compute()
        figure.update(rows=rows, slopes=slopes)
        view.refresh()
        mean = {name: float(np.mean([s.mean() for s in layers])) for name, layers in slopes.items()}
        set_readout(slopes_text, "average slope f'(z) of the hidden neurons: "
                                 + ",  ".join(f"{name} {m:.3f}" for name, m in mean.items()))

    on_change(which, show)
    on_change(scale, show)
    show()
    return App([which, scale, slopes_text, view], figures=[view],
               controls={"weights": which, "scale": scale}, readouts={"slopes": slopes_text},
               title="twin networks: sigmoid and ReLU")
