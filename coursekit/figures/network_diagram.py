"""The network in one picture: every neuron shaded by its activation for one digit.

784 input circles would be a grey smear, so layer 0 is drawn in two forms
that can be read: the digit as its 28x28 image, and the same 784 numbers
squeezed into one tall column (pixel 0, the top-left corner, at the top).
Hidden and output neurons are circles on the same colour scale as the pixels
(0 = dark, 1 = lit), with a colorbar. The output neurons are labelled 0..9
and the network's answer, the brightest output, is ringed in orange.

12,960 connections would hide everything, so each neuron shows only its
`strongest` incoming weights (largest |w|), coloured as on the weights' scale
DIVERGING (orange for positive weights, purple for negative), thicker for
larger |w|. They depend on the network only, so they are recomputed when the
network changes, never when the digit changes.

Speed: a digit change redraws only what depends on the digit (circles, rings,
texts, the two input images) over a saved picture of everything else (blitting,
see plots.digits.BlitFigure: about 5 ms instead of 20). A network change
redraws everything once; the pictures of recent networks are kept (by a digest
of their weights), so toggling back is as fast.

    fig = NetworkFigure(net, x)            # draws once; shows as a PNG in a notebook
    fig.update(x=X[1], label=y[1])         # a new digit: only colours and texts change
    fig.update(net=other_net)              # another network of the same sizes
    fig.answer, fig.trace                  # what the figure shows, for read-outs
"""
import hashlib

import matplotlib
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import ConnectionPatch

from coursekit.figures.base import ACCENT, DIVERGING, HIGHLIGHT, SEQUENTIAL, STYLE
from coursekit.figures.blit import BlitFigure
from coursekit.figures.digits import add_axes
from nnlib.data import as_image
from nnlib.errors import check_inputs, check_positive, check_positive_int, describe, fail
from nnlib.network import Network

MAX_NEURONS = 40          # more circles than this per layer no longer fit the figure
COLUMN_HALF_WIDTH = 0.07  # half the width of the input column, in layer spacings
_KEEP = object()          # "leave as it is" for update(label=..., highlight=..., title=...)


class NetworkFigure(BlitFigure):
    """A network of sizes (784, n1, ..., n_out) with its neurons lit for one input x (784,).

    net:       a Network whose first layer has 784 inputs; later layers up to 40 neurons each.
    x:         one digit as 784 activations in [0, 1], shape (784,).
    label:     the digit's true label (shown in the title), or None.
    strongest: how many incoming connections to draw per neuron (largest |w|).
    highlight: (layer, neuron) to ring in blue, e.g. (1, 3); layer 0 is the input.
    vmax:      the activation drawn fully lit (1 for sigmoid; ReLU values above it look lit too).
    title:     a fixed title; None shows the network's answer.

    update(x=..., net=..., label=..., highlight=..., title=...) changes any of them.
    After each draw: `trace` (net.trace(x)), `y_hat` (outputs) and `answer` (argmax).
    """
    max_backgrounds = 4     # one saved picture per recent network (1 MB each)

    def __init__(self, net, x, label=None, strongest=4, highlight=None, vmax=1.0, title=None,
                 width=10.0, height=5.4):
        super().__init__(width, height)
        self.net = _check_net(net)
        self.strongest = check_positive_int(strongest, "strongest")
        self.norm = matplotlib.colors.Normalize(0, check_positive(vmax, "vmax"))
        self.x, self.label, self.highlight, self.fixed_title = _check_x(x), label, None, title
        self._build_axes()
        self._build_network()
        self._set_lines()
        self._set_highlight(highlight)
        self._set_activations()
        # Only what depends on the digit is redrawn per update; the rest (lines,
        # labels, colorbar) is a saved picture per network (see BlitFigure).
        self.blit([self.digit, self.column, self.neurons, self.answer_label, self.ring, self.marked,
                   self.title], background_key=_fingerprint(self.net))

    # -- drawing once ------------------------------------------------------------

    def _build_axes(self):
        w, h = self.fig.get_size_inches()
        side = 1.55  # inches: the digit image is a square
        self.ax_digit = add_axes(self, [0.015, 0.42, side / w, side / h])
        self.ax = add_axes(self, [0.19, 0.02, 0.70, 0.86])
        self.cax = add_axes(self, [0.915, 0.2, 0.018, 0.6])
        self.digit = self.ax_digit.imshow(as_image(self.x), cmap=SEQUENTIAL, vmin=0, vmax=1)
        self.ax_digit.set_xticks([])
        self.ax_digit.set_yticks([])
        self.ax_digit.set_title("input x\n28 × 28 pixels", fontsize=12)
        self.ax.set_axis_off()

    def _build_network(self):
        sizes, L = self.net.sizes, len(self.net.sizes) - 1
        self.ax.set_xlim(-0.3, L + 0.45)
        self.ax.set_ylim(-0.2, 1.08)
        # Layer 0: the 784 numbers of x as one column, index 0 on top.
        c = COLUMN_HALF_WIDTH
        self.column = self.ax.imshow(self.x.reshape(-1, 1), cmap=SEQUENTIAL, vmin=0, vmax=1,
                                     aspect="auto", extent=(-c, c, -0.02, 1.02),
                                     interpolation="antialiased", zorder=2)
        self.ax.plot([-c, c, c, -c, -c], [-0.02, -0.02, 1.02, 1.02, -0.02], color="0.3", lw=1)
        self.fig.add_artist(ConnectionPatch(
            (1.04, 0.5), (-c - 0.02, 0.5), coordsA=self.ax_digit.transAxes,
            coordsB=self.ax.transData, arrowstyle="->", color="0.3", lw=1.5))
        self.positions = _layout(sizes)
        self.lines = LineCollection([], alpha=0.45, zorder=1)
        self.ax.add_collection(self.lines)
        xy = np.concatenate(self.positions[1:])
        size = _circle_area(self.ax, self.positions)
        self.neurons = self.ax.scatter(xy[:, 0], xy[:, 1], s=size, c=np.zeros(len(xy)),
                                       cmap=SEQUENTIAL, norm=self.norm, edgecolors="0.25",
                                       linewidths=1, zorder=3)
        self.ring = self.ax.scatter([L], [0.5], s=2.6 * size, facecolors="none",
                                    edgecolors=HIGHLIGHT, linewidths=3, zorder=4)
        self.marked = self.ax.scatter([0], [0], s=2.6 * size, facecolors="none",
                                      edgecolors=ACCENT, linewidths=3, zorder=4)
        # The labels 0..9 are part of the saved background; per tick only the answer's
        # label is drawn, bold and orange on a white box that hides the plain one
        # (one Text per tick instead of ten: 3 ms less).
        self.output_labels = [self.ax.text(L + 0.12, y, str(j), va="center", fontsize=13)
                              for j, (_, y) in enumerate(self.positions[L])]
        self.answer_label = self.ax.text(L + 0.12, 0.5, "", va="center", fontsize=13,
                                         color=HIGHLIGHT, fontweight="bold",
                                         bbox=dict(fc="white", ec="none", pad=1.5))
        for l, n in enumerate(sizes):
            kind = "inputs" if l == 0 else "outputs" if l == L else "hidden"
            self.ax.text(l, -0.09, f"layer {l}\n{n} {kind}", ha="center", va="top", fontsize=12)
        self.title = self.ax.set_title("", fontsize=14)
        colorbar = self.fig.colorbar(self.neurons, cax=self.cax)
        colorbar.set_label("activation a  (0 = dark, 1 = lit)")
        cmap = matplotlib.colormaps[DIVERGING]
        handles = [Line2D([], [], color=cmap(0.92), lw=2.5, label="weight > 0"),
                   Line2D([], [], color=cmap(0.08), lw=2.5, label="weight < 0")]
        self.fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.005, 0.06),
                        frameon=False, fontsize=11, title=f"lines: the {self.strongest}\nstrongest "
                        "weights\ninto each neuron", title_fontsize=11, alignment="left")

    # -- changing what is shown ------------------------------------------------------

    def update(self, x=None, net=None, label=_KEEP, highlight=_KEEP, title=_KEEP):
        """Show a new input and/or network (same sizes); redraws the canvas once."""
        if net is not None:
            self.net = _check_net(net, sizes=self.net.sizes)
            self.background_key = _fingerprint(self.net)
            self._set_lines()
        if x is not None:
            self.x = _check_x(x)
            self.digit.set_data(as_image(self.x))
            self.column.set_data(self.x.reshape(-1, 1))
        if label is not _KEEP:
            self.label = label
        if title is not _KEEP:
            self.fixed_title = title
        if highlight is not _KEEP:
            self._set_highlight(highlight)
        self._set_activations()
        self.redraw()

    def _set_activations(self):
        """Shade every neuron by its activation for self.x; ring the answer."""
        self.trace = self.net.trace(self.x)
        self.y_hat = self.trace.activations[-1]
        self.answer = int(np.argmax(self.y_hat))
        self.neurons.set_array(np.concatenate(self.trace.activations[1:]))
        self.ring.set_offsets(self.positions[-1][self.answer:self.answer + 1])
        self.answer_label.set_text(str(self.answer))
        self.answer_label.set_y(self.positions[-1][self.answer, 1])
        if self.fixed_title is not None:
            self.title.set_text(self.fixed_title)
        else:
            known = "" if self.label is None else f"label {self.label}   ·   "
            self.title.set_text(f"{known}the network's answer: {self.answer} "
                                f"(output {self.y_hat[self.answer]:.2f})")

    def _set_lines(self):
        """The `strongest` incoming weights of every neuron, coloured by sign."""
        segments, weights = [], []
        for l, W in enumerate(self.net.weights, start=1):
            k = min(self.strongest, W.shape[1])
            top = np.argsort(-np.abs(W), axis=1, kind="stable")[:, :k]   # (n_out, k) indices
            start = self.positions[l - 1][top]                            # (n_out, k, 2)
            if l == 1:
                start[..., 0] += COLUMN_HALF_WIDTH     # lines leave the column's right edge
            end = np.broadcast_to(self.positions[l][:, None, :], start.shape)
            segments.append(np.stack([start, end], axis=2).reshape(-1, 2, 2))
            weights.append(np.take_along_axis(W, top, axis=1).ravel())
        w = np.concatenate(weights)
        cmap = matplotlib.colormaps[DIVERGING]
        self.lines.set_segments(np.concatenate(segments))
        self.lines.set_color(np.where(w[:, None] > 0, cmap(0.92), cmap(0.08)))
        # Thickness against the largest shown weight of the same layer, so that
        # layer 1 (784 small weights each) is not drawn hair-thin beside the others.
        scale = np.concatenate([np.full(v.size, np.abs(v).max() or 1.0) for v in weights])
        self.lines.set_linewidth(0.4 + 2.2 * np.abs(w) / scale)

    def _set_highlight(self, highlight):
        self.highlight = _check_highlight(highlight, self.net.sizes)
        if self.highlight is None:
            self.marked.set_visible(False)
            return
        l, j = self.highlight
        self.marked.set_offsets(self.positions[l][j:j + 1])
        self.marked.set_visible(True)


def _fingerprint(net):
    """A short digest of every weight and bias: equal digests, same lines in the picture."""
    digest = hashlib.blake2b(digest_size=16)
    for array in (*net.weights, *net.biases):
        digest.update(np.ascontiguousarray(array).tobytes())
    return digest.hexdigest()


def _layout(sizes):
    """(n, 2) circle centres per layer: layer l at x = l, neuron 0 on top, same spacing everywhere.

    positions[0] are the 784 inputs' places along the column (for the lines).
    """
    spacing = 1 / max(max(sizes[1:]) - 1, 1)
    positions = [np.column_stack([np.zeros(sizes[0]), 1.02 - 1.04 * (np.arange(sizes[0]) + 0.5)
                                  / sizes[0]])]
    for l, n in enumerate(sizes[1:], start=1):
        y = 0.5 - (np.arange(n) - (n - 1) / 2) * spacing
        positions.append(np.column_stack([np.full(n, float(l)), y]))
    return positions


def _circle_area(ax, positions):
    """Marker area (points²) so that neighbouring circles of the fullest layer do not touch."""
    longest = max(len(p) for p in positions[1:])
    height_pt = ax.get_position().height * ax.figure.get_size_inches()[1] * 72
    gap_pt = height_pt / (ax.get_ylim()[1] - ax.get_ylim()[0]) / max(longest - 1, 1)
    return float(min(0.8 * gap_pt, 24) ** 2)


def _check_net(net, sizes=None):
    """A Network with 784 inputs and small enough layers (and the same sizes, when given)."""
    if not isinstance(net, Network):
        fail("a nnlib.Network", describe(net), "Make one with nnlib.Network((784, 16, 16, 10)).",
             error=TypeError)
    if net.sizes[0] != 784 or max(net.sizes[1:]) > MAX_NEURONS:
        fail(f"a network with 784 inputs and at most {MAX_NEURONS} neurons in each later layer",
             f"sizes {net.sizes}", "The diagram draws the input as a 28x28 digit.")
    if sizes is not None and net.sizes != sizes:
        fail(f"a network of the same sizes {sizes}", f"sizes {net.sizes}",
             "Make a new NetworkFigure for a network of another shape.")
    return net


def _check_x(x):
    x = check_inputs(x, 784)
    if x.ndim != 1:
        fail("one digit, shape (784,)", describe(x), "Pick one row of the batch, e.g. X[0].")
    return x


def _check_highlight(highlight, sizes):
    """None, or (layer, neuron) with 1 <= layer < len(sizes) and 0 <= neuron < sizes[layer]."""
    if highlight is None:
        return None
    ok = (isinstance(highlight, (tuple, list)) and len(highlight) == 2
          and all(isinstance(v, (int, np.integer)) for v in highlight))
    if not ok or not 1 <= highlight[0] < len(sizes) or not 0 <= highlight[1] < sizes[highlight[0]]:
        fail(f"highlight as (layer, neuron) with layer 1..{len(sizes) - 1} and neuron "
             "0..(that layer's size - 1)", describe(highlight),
             "Layer 0 is the input; e.g. highlight=(1, 3) rings neuron 3 of the first hidden layer.")
    return int(highlight[0]), int(highlight[1])
