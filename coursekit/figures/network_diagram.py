"""The network in one picture: every neuron shaded by its activation for one digit.

784 input circles would be a grey smear, so layer 0 is drawn in two forms
that can be read: the digit as its 28x28 image, and the same 784 numbers
squeezed into one tall column (pixel 0, the top-left corner, at the top).
Hidden and output neurons are circles filled in a grey scale of their
activation (0 = black, 1 = white, the colour bar beside them). The outputs
are labelled 0..9 with their values; the answer, the largest output, is ringed
and written in bluish green, a colour used for nothing else here, and the title
names the runner-up too.

Which connections: 12,960 lines would hide everything, so each layer shows only
its `strongest` connections by their contribution |w_jk a_k| to a weighted sum
z_j = sum_k w_jk a_k + b_j *for this digit*. That is what a connection does to
the answer: a large weight from a dark pixel (a_k = 0) carries nothing, so
ranking by |w| alone would draw lines that played no part. The lines therefore
change with the digit. Colour = sign of w·a (orange raises z, purple lowers it:
the house's diverging weight colours); thickness = |w·a| against the strongest
drawn in the same layer (layer 1's per-pixel shares are small beside the
others'). The legend says how many of how many are shown.

Speed: an update redraws only what depends on the digit (circles, rings,
lines, texts, the two input images) over a saved picture of everything else
(blitting, see figures.blit.BlitFigure). A network change redraws everything
the same way: no part of the saved picture depends on the weights.

    fig = NetworkFigure(net, x)            # draws once; shows as a PNG in a notebook
    fig.update(x=X[1], label=y[1])         # a new digit: colours, lines and texts change
    fig.update(net=other_net)              # another network of the same sizes
    fig.answer, fig.second, fig.trace      # what the figure shows, for read-outs
"""
import matplotlib
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import ConnectionPatch

from coursekit.figures.base import ACCENT, DIVERGING, SEQUENTIAL
from coursekit.figures.blit import BlitFigure
from coursekit.figures.digits import add_axes
from coursekit.figures.layers import WINNER
from coursekit.figures.network_layout import (MAX_NEURONS, check_highlight, check_net, check_x,
                                              circle_area, layout)
from coursekit.figures.text import CellNumbers
from nnlib.data import as_image
from nnlib.errors import check_positive, check_positive_int

__all__ = ["NetworkFigure", "MAX_NEURONS", "strongest_connections"]
COLUMN_HALF_WIDTH = 0.07  # half the width of the input column, in layer spacings
_KEEP = object()          # "leave as it is" for update(label=..., highlight=..., title=...)


def strongest_connections(W, a, k):
    """The k connections of one layer with the largest |w_jk a_k| (the share of z_j they carry).

    W (n_out, n_in), a (n_in,) the layer before's activations. Returns (j, k_in, share):
    three arrays of shape (<= k,), largest |share| first (ties: lower index first),
    share = W[j, k_in] * a[k_in]; connections that carry nothing (share 0) are left out.
    """
    shares = (W * a[None, :]).ravel()                         # each w_jk a_k, row by row
    size = np.abs(shares)
    k = min(int(k), shares.size)
    # the k largest without sorting all 12,544 of layer 1 (a third of the time of argsort)
    flat = np.argpartition(-size, k - 1)[:k] if k < shares.size else np.arange(shares.size)
    flat = flat[np.lexsort((flat, -size[flat]))]
    flat = flat[size[flat] > 0]
    j, k_in = np.unravel_index(flat, W.shape)
    return j, k_in, shares[flat]


class NetworkFigure(BlitFigure):
    """A network of sizes (784, n1, ..., n_out) with its neurons lit for one input x (784,).

    net:       a Network whose first layer has 784 inputs; later layers up to 40 neurons each.
    x:         one digit as 784 activations in [0, 1], shape (784,).
    label:     the digit's true label (shown in the title), or None.
    strongest: how many connections to draw per layer (largest |w·a| for this x).
    highlight: (layer, neuron) to ring in blue, e.g. (1, 3); layer 0 is the input.
    vmax:      the activation drawn fully lit (1 for sigmoid; ReLU values above it look lit too).
    title:     a fixed title; None shows the network's answer and runner-up.

    update(x=..., net=..., label=..., highlight=..., title=...) changes any of them.
    After each draw: `trace` (net.trace(x)), `y_hat` (outputs), `answer` (argmax),
    `second` (the runner-up output).
    """
    def __init__(self, net, x, label=None, strongest=12, highlight=None, vmax=1.0, title=None,
                 width=10.0, height=5.4):
        super().__init__(width, height)
        self.net = check_net(net)
        self.strongest = check_positive_int(strongest, "strongest")
        self.norm = matplotlib.colors.Normalize(0, check_positive(vmax, "vmax"))
        self.x, self.label, self.highlight, self.fixed_title = check_x(x), label, None, title
        self._build_axes()
        self._build_network()
        self._build_legend()
        self._set_highlight(highlight)
        self._set_activations()
        # Only what depends on the digit or the network is redrawn per update; the
        # rest (labels, colour bar, legend) is one saved picture (see BlitFigure).
        self.blit([self.digit, self.column, self.lines, self.neurons, self.values,
                   self.answer_label, self.ring, self.marked, self.title],
                  background_key=None)

    # -- drawing once ------------------------------------------------------------

    def _build_axes(self):
        w, h = self.fig.get_size_inches()
        side = 1.55  # inches: the digit image is a square
        self.ax_digit = add_axes(self, [0.015, 0.42, side / w, side / h])
        self.ax = add_axes(self, [0.19, 0.02, 0.71, 0.86])
        self.cax = add_axes(self, [0.912, 0.2, 0.018, 0.6])
        self.digit = self.ax_digit.imshow(as_image(self.x), cmap=SEQUENTIAL, vmin=0, vmax=1)
        self.ax_digit.set_xticks([])
        self.ax_digit.set_yticks([])
        self.ax_digit.set_title("input x\n28 × 28 pixels", fontsize=12)
        self.ax.set_axis_off()

    def _build_network(self):
        sizes, L = self.net.sizes, len(self.net.sizes) - 1
        self.ax.set_xlim(-0.3, L + 0.62)
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
        self.positions = layout(sizes)
        self.lines = LineCollection([], alpha=0.6, zorder=1)
        self.ax.add_collection(self.lines)
        xy = np.concatenate(self.positions[1:])
        size = circle_area(self.ax, self.positions)
        self.neurons = self.ax.scatter(xy[:, 0], xy[:, 1], s=size, c=np.zeros(len(xy)),
                                       cmap=SEQUENTIAL, norm=self.norm, edgecolors="0.25",
                                       linewidths=1, zorder=3)
        self.marked = self.ax.scatter([0], [0], s=2.6 * size, facecolors="none",
                                      edgecolors=ACCENT, linewidths=3, zorder=4)
        self._build_outputs(L, size)
        for l, n in enumerate(sizes):
            kind = "inputs" if l == 0 else "outputs" if l == L else "hidden"
            self.ax.text(l, -0.09, f"layer {l}\n{n} {kind}", ha="center", va="top", fontsize=12)
        self.title = self.ax.set_title("", fontsize=14)

    def _build_outputs(self, L, size):
        """The answer's ring, the labels 0..9 of the outputs and their values."""
        self.ring = self.ax.scatter([L], [0.5], s=2.6 * size, facecolors="none",
                                    edgecolors=WINNER, linewidths=3, zorder=4)
        # The labels 0..9 are part of the saved background; per tick only the answer's
        # label is drawn, bold and green on a white box that hides the plain one, and
        # the ten values as pasted sprites (CellNumbers: 10 Texts would cost 3 ms).
        self.output_labels = [self.ax.text(L + 0.12, y, str(j), va="center", fontsize=13)
                              for j, (_, y) in enumerate(self.positions[L])]
        self.answer_label = self.ax.text(L + 0.12, 0.5, "", va="center", fontsize=13,
                                         color=WINNER, fontweight="bold",
                                         bbox=dict(fc="white", ec="none", pad=1.5))
        self.values = CellNumbers(self.ax, fontsize=11)
        self.ax.add_artist(self.values)

    def _build_legend(self):
        colorbar = self.fig.colorbar(self.neurons, cax=self.cax)
        colorbar.set_label("activation a  (0 = dark, 1 = lit)")
        cmap = matplotlib.colormaps[DIVERGING]
        handles = [Line2D([], [], color=cmap(0.92), lw=3, label="w·a > 0: raises z"),
                   Line2D([], [], color=cmap(0.08), lw=3, label="w·a < 0: lowers z"),
                   Line2D([], [], color="0.4", lw=0.6, label="thin: small |w·a|"),
                   Line2D([], [], color=WINNER, lw=0, marker="o", mfc="none", mew=2.5, ms=11,
                          label="the answer")]
        total = sum(W.size for W in self.net.weights)
        shown = sum(min(self.strongest, W.size) for W in self.net.weights)
        self.fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 0.02),
                        frameon=False, fontsize=10.5, title_fontsize=10.5, alignment="left",
                        title=f"lines: the strongest\n{shown} of {total:,} connections\n"
                              f"({self.strongest} per layer, largest\n|w·a| for this digit)")

    # -- changing what is shown ------------------------------------------------------

    def update(self, x=None, net=None, label=_KEEP, highlight=_KEEP, title=_KEEP):
        """Show a new input and/or network (same sizes); redraws the canvas once."""
        if net is not None:
            self.net = check_net(net, sizes=self.net.sizes)
        if x is not None:
            self.x = check_x(x)
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
        """Shade every neuron by its activation for self.x; ring the answer; the lines."""
        self.trace = self.net.trace(self.x)
        self.y_hat = self.trace.activations[-1]
        order = np.argsort(-self.y_hat, kind="stable")
        self.answer, self.second = int(order[0]), int(order[1])
        self.neurons.set_array(np.concatenate(self.trace.activations[1:]))
        self.ring.set_offsets(self.positions[-1][self.answer:self.answer + 1])
        self.answer_label.set_text(str(self.answer))
        self.answer_label.set_y(self.positions[-1][self.answer, 1])
        out = self.positions[-1]
        self.values.set_cells(np.full(len(out), out[0, 0] + 0.4), out[:, 1],
                              [f"{v:.2f}" for v in self.y_hat],
                              [WINNER if j == self.answer else "0.15" for j in range(len(out))])
        if self.fixed_title is not None:
            self.title.set_text(self.fixed_title)
        else:
            known = "" if self.label is None else f"label {self.label}   ·   "
            self.title.set_text(f"{known}answer {self.answer} (output {self.y_hat[self.answer]:.2f})"
                                f",  second {self.second} ({self.y_hat[self.second]:.2f})")
        self._set_lines()

    def _set_lines(self):
        """Each layer's `strongest` connections by |w·a| for this digit, coloured by sign."""
        segments, shares, scales = [], [], []
        for l, W in enumerate(self.net.weights, start=1):
            j, k, share = strongest_connections(W, self.trace.activations[l - 1], self.strongest)
            start = self.positions[l - 1][k].copy()                       # (n, 2)
            if l == 1:
                start[:, 0] += COLUMN_HALF_WIDTH     # lines leave the column's right edge
            segments.append(np.stack([start, self.positions[l][j]], axis=1))
            shares.append(share)
            scales.append(np.full(share.size, np.abs(share).max() if share.size else 1.0))
        share, scale = np.concatenate(shares), np.concatenate(scales)
        cmap = matplotlib.colormaps[DIVERGING]
        self.lines.set_segments(np.concatenate(segments))
        self.lines.set_color(np.where(share[:, None] > 0, cmap(0.92), cmap(0.08)))
        self.lines.set_linewidth(0.6 + 3.4 * np.abs(share) / np.where(scale > 0, scale, 1.0))

    def _set_highlight(self, highlight):
        self.highlight = check_highlight(highlight, self.net.sizes)
        if self.highlight is None:
            self.marked.set_visible(False)
            return
        l, j = self.highlight
        self.marked.set_offsets(self.positions[l][j:j + 1])
        self.marked.set_visible(True)

