"""One row of W times the column a is one weighted sum: z_j = sum_k W[j, k] a_k + b_j.

WeightedSumFigure shows, for neuron j of layer l of a real network and one
digit, the four steps of that sentence side by side:

    row j of W (n_in,)   x   input a (n_in,)   =   w_k a_k (n_in,)   ->   sum, + b, z, sigma(z)

For layer 1 the 784 weights, the pixels and their products are 28 x 28 images
(weights and products on ONE diverging scale, so a product is the weight's own
colour where the pixel is lit and white where it is dark). For later layers
the 16 numbers are a column of cells with the value printed in each.
weighted_sum_parts computes the numbers; z and a come from the network's own
forward_layer, so the figure shows exactly what the network computes.

    fig = WeightedSumFigure(net, x, layer=1, neuron=6)
    fig.update(neuron=3)            # another row of W
    fig.update(layer=2, x=X[5])     # another layer (a full redraw) and another digit
    fig.parts                       # the numbers shown (WeightedSum)
"""
from typing import NamedTuple

import numpy as np
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize

from coursekit.figures.base import DIVERGING, SEQUENTIAL, colour_limit
from coursekit.figures.blit import BlitFigure
from coursekit.figures.digits import add_axes
from coursekit.figures.text import CellNumbers
from nnlib.data import as_image
from nnlib.errors import check_inputs, describe, fail
from nnlib.network import Network

_PANELS = ("w", "a", "product")


class WeightedSum(NamedTuple):
    """Neuron `neuron` of layer `layer` for one input: w, a, product (n_in,), and numbers."""
    layer: int
    neuron: int
    w: np.ndarray        # row `neuron` of W^(layer), (n_in,)
    a: np.ndarray        # the activations of layer - 1 (the input x for layer 1), (n_in,)
    product: np.ndarray  # w * a, element by element, (n_in,)
    total: float         # product.sum() = w · a
    b: float             # the neuron's bias
    z: float             # its weighted sum, from net.forward_layer
    activation: float    # its activation sigma(z), from net.forward_layer


def weighted_sum_parts(net, x, layer, neuron):
    """Row `neuron` of W^(layer), the input a^(layer-1) for x (784,), their product and sum.

    z and activation are what net.forward_layer(layer, a) gives for that neuron;
    total + b equals z up to rounding.
    """
    layer, neuron = check_neuron(net, layer, neuron)
    a = net.trace(check_inputs(x, net.sizes[0])).activations[layer - 1]
    z, activation = net.forward_layer(layer, a)
    w = net.weights[layer - 1][neuron]
    product = w * a
    return WeightedSum(layer, neuron, w, a, product, float(product.sum()),
                       float(net.biases[layer - 1][neuron]), float(z[neuron]),
                       float(activation[neuron]))


def check_neuron(net, layer, neuron):
    """(layer, neuron) as ints, with 1 <= layer < len(net.sizes) and neuron in that layer."""
    if not isinstance(net, Network):
        fail("a nnlib.Network", describe(net), "e.g. trained_network().", error=TypeError)
    L = len(net.sizes) - 1
    if isinstance(layer, bool) or not isinstance(layer, (int, np.integer)) or not 1 <= layer <= L:
        fail(f"layer as a whole number from 1 to {L}", describe(layer),
             "Layer 0 is the input: it has no weights.")
    n = net.sizes[layer]
    if isinstance(neuron, bool) or not isinstance(neuron, (int, np.integer)) or not 0 <= neuron < n:
        fail(f"neuron from 0 to {n - 1} (layer {layer} has {n})", describe(neuron))
    return int(layer), int(neuron)


class WeightedSumFigure(BlitFigure):
    """Row `neuron` of W^(layer) of `net`, the input a for x (784,), their product and the sum.

    update(x=..., layer=..., neuron=...) changes any of them; `parts` is what is shown.
    A new layer redraws everything once (other panel shapes); the rest is blitted.
    """

    def __init__(self, net, x, layer=1, neuron=0, width=11.5, height=3.6):
        super().__init__(width, height)
        self.net, self.x = net, check_inputs(x, net.sizes[0])
        self.layer, self.neuron = check_neuron(net, layer, neuron)
        bottom, side = 0.3 / height, (2.4 / width, 2.4 / height)      # square panels, 2.4 inches
        self._build_panels(width, bottom, side)
        self._build_colour_bar([8.2 / width, bottom, 0.13 / width, side[1]])
        self.panel_titles = [ax.set_title("", fontsize=12) for ax in self.axes_]
        self._build_sum(add_axes(self, [9.4 / width, bottom, 2.05 / width, side[1]]))
        self.fig.suptitle("one row of W times the column a is one weighted sum z", fontsize=14,
                          y=0.97)
        self.moving(*self.images, *self.numbers, self.panel_titles[0], self.sum_values)
        self._still_for = None        # the layer the still parts (ticks, colour bar, labels) show
        self._set_layer()
        self.update()

    def _build_panels(self, width, bottom, side):
        """The w, a and w·a panels (an image and printed numbers each), with × and = between them."""
        lefts = (0.3 / width, 3.0 / width, 5.7 / width)
        self.axes_ = [add_axes(self, [left, bottom, *side]) for left in lefts]
        maps = (DIVERGING, SEQUENTIAL, DIVERGING)
        self.images = [ax.imshow(np.zeros((28, 28)), cmap=cmap, aspect="auto", vmin=-1, vmax=1,
                                 interpolation="nearest") for ax, cmap in zip(self.axes_, maps)]
        self.images[1].set_clim(0, 1)
        self.numbers = [CellNumbers(ax, fontsize=9) for ax in self.axes_]
        for ax, numbers in zip(self.axes_, self.numbers):
            ax.add_artist(numbers)
            for spine in ax.spines.values():
                spine.set_visible(False)
        for x_in, sign in ((2.85, "×"), (5.55, "=")):
            self.fig.text(x_in / width, bottom + side[1] / 2, sign, fontsize=24, ha="center",
                          va="center")

    def _build_colour_bar(self, rect):
        """The colour bar of w and w·a in the axes at rect; _set_still sets its ticks per layer."""
        # The colour bar has a scale of its own: were it the image's, every set_clim on a
        # layer change would redraw the bar (11 ms) even when its picture is saved.
        self.scale = ScalarMappable(Normalize(-1, 1), DIVERGING)
        self.colorbar = self.fig.colorbar(self.scale, cax=add_axes(self, rect))
        self.colorbar.set_label("w and w·a:  − lowers z,  + raises z", fontsize=10)

    def _build_sum(self, ax):
        """The sum panel: labels drawn once (per layer), the numbers as sprites (CellNumbers).

        A seven-line Text costs about 6 ms per draw; seven pasted numbers, well under 1.
        """
        ax.set_axis_off()
        ax.set(xlim=(0, 1), ylim=(0, 1))
        self.sum_rows = np.linspace(0.78, 0.06, 6)
        self.sum_header = ax.text(0, 0.94, "", fontsize=12, va="center")
        self.sum_labels = [ax.text(0, y, label, fontsize=12, va="center") for y, label in zip(
            self.sum_rows, ("= Σ w·a", "  orange part", "  purple part", "+ bias b", "= z", ""))]
        self.sum_values = CellNumbers(ax, fontsize=12)
        ax.add_artist(self.sum_values)

    def update(self, x=None, layer=None, neuron=None):
        """Show another digit, layer and/or neuron; redraws the canvas once."""
        if x is not None:
            self.x = check_inputs(x, self.net.sizes[0])
        if layer is not None or neuron is not None:
            new_layer = self.layer if layer is None else layer
            self.layer, self.neuron = check_neuron(self.net, new_layer, self.neuron if neuron is None
                                                   else neuron)
            if self.background_key != self.layer:
                self._set_layer()
        self.parts = weighted_sum_parts(self.net, self.x, self.layer, self.neuron)
        self._show(self.parts)
        self.redraw()

    def _set_layer(self):
        """Panel shapes and colour scale for self.layer; the still parts when next drawn."""
        W = self.net.weights[self.layer - 1]
        n = W.shape[1]
        extent = (-0.5, 27.5, 27.5, -0.5) if n == 784 else (-0.5, 0.5, n - 0.5, -0.5)
        for ax, img in zip(self.axes_, self.images):
            img.set_extent(extent)
            ax.set_xlim(extent[:2])
            ax.set_ylim(extent[2:])
        # one scale for w and w·a: |w·a| <= |w| since 0 <= a <= 1
        self.limit = colour_limit(W)
        for img in (self.images[0], self.images[2]):
            img.set_clim(-self.limit, self.limit)
        self.background_key = self.layer

    def redraw(self, full=False):
        """As BlitFigure's; the still parts are set for the layer only when they are drawn
        (a layer seen before pastes its saved picture: a switch back costs a blit)."""
        if (full or self.layer not in self._backgrounds) and self._still_for != self.layer:
            self._set_still()
        super().redraw(full)

    def _set_still(self):
        """Ticks, colour bar, titles and labels of self.layer (drawn into the background)."""
        l, W = self.layer, self.net.weights[self.layer - 1]
        n = W.shape[1]
        for ax in self.axes_:
            ax.set_xticks([])
            ax.set_yticks([] if n == 784 or ax is not self.axes_[0] else range(n))
        self.axes_[0].tick_params(labelsize=9)
        self.scale.set_clim(-self.limit, self.limit)
        self.colorbar.set_ticks([-self.limit, 0, self.limit])
        self.colorbar.set_ticklabels([f"−{self.limit:.2f}", "0", f"+{self.limit:.2f}"])
        squash = self.net.layer_function(l).name
        self.sum_labels[-1].set_text("a = σ(z)" if squash == "sigmoid" else f"a = {squash}(z)")
        self.sum_header.set_text(f"sum over {n} " + ("pixels" if l == 1 else "neurons"))
        source = "the digit (0 dark, 1 lit)" if l == 1 else f"layer {l - 1}'s activations"
        self.panel_titles[1].set_text(f"input a: {source}")
        self.panel_titles[2].set_text("w·a, element by element")
        self._still_for = l

    def _show(self, p):
        """Put the numbers of one WeightedSum into the moving artists."""
        image = p.w.size == 784
        for img, values in zip(self.images, (p.w, p.a, p.product)):
            img.set_data(as_image(values) if image else values.reshape(-1, 1))
        for numbers, values, fmt, limit in zip(self.numbers, (p.w, p.a, p.product),
                                               (_signed, "{:.2f}".format, _signed),
                                               (self.limit, None, self.limit)):
            if image:
                numbers.set_cells([], [], [], [])
                continue
            rows = np.arange(values.size)
            light = np.abs(values) > 0.55 * limit if limit else values < 0.5
            numbers.set_cells(np.zeros(values.size), rows, [fmt(v) for v in values],
                              ["white" if k else "black" for k in light])
        self.panel_titles[0].set_text(f"w: row {p.neuron} of layer {p.layer}'s W")
        positive, negative = p.product[p.product > 0].sum(), p.product[p.product < 0].sum()
        values = [_signed(v) for v in (p.total, positive, negative, p.b, p.z)]
        self.sum_values.set_cells(np.full(6, 0.8), self.sum_rows, values + [f"{p.activation:.2f}"],
                                  ["black"] * 6)


def _signed(value):
    """+1.23 / −1.23 with a real minus sign (and never −0.00)."""
    text = f"{value:+.2f}"
    return "+0.00" if text == "-0.00" else text.replace("-", "−")
