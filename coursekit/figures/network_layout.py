"""Where the network diagram puts things, and the checks of what it is given.

Split from network_diagram.py (which draws): the circle centres of every layer,
the circle size that fits the fullest layer, and the readable errors for a
wrong network, input or highlight.
"""
import numpy as np

from nnlib.errors import check_inputs, describe, fail
from nnlib.network import Network

MAX_NEURONS = 40          # more circles than this per layer no longer fit the figure


def layout(sizes):
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


def circle_area(ax, positions):
    """Marker area (points²) so that neighbouring circles of the fullest layer do not touch."""
    longest = max(len(p) for p in positions[1:])
    height_pt = ax.get_position().height * ax.figure.get_size_inches()[1] * 72
    gap_pt = height_pt / (ax.get_ylim()[1] - ax.get_ylim()[0]) / max(longest - 1, 1)
    return float(min(0.8 * gap_pt, 24) ** 2)


def check_net(net, sizes=None):
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


def check_x(x):
    x = check_inputs(x, 784)
    if x.ndim != 1:
        fail("one digit, shape (784,)", describe(x), "Pick one row of the batch, e.g. X[0].")
    return x


def check_highlight(highlight, sizes):
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
