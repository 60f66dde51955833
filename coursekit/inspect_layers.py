"""What the hidden layers look for: the maths behind notebook 06's "hope versus reality".

Notebook 01 hoped that layer 1 would learn little edges and layer 2 loops and
lines built from them. This module turns the hope into tests a network can
pass or fail; the notebook only prints their verdicts.

What a layer-2 neuron "looks for" (pixel_templates): its weighted sum is
z2 = W2 a1 + b2 with a1 = f(W1 x + b1). Around where layer 1 works, f is
roughly a straight line (exactly one, f' = 1, for an active ReLU), so
z2 ~ (W2 W1) x + const: row j of W2 @ W1 is a 28 x 28 image, the weighted
sum of layer 1's images with neuron j's weights over layer 1. It is cheap
(16 x 16 x 784 multiplications), so the live view of training redraws it a
few times a second; it ignores f's bends, so the notebook checks it against
the digits and strokes that really excite each neuron (top_digits, probe).

Edges (edge_shares): an edge detector puts its weight into a small patch,
positive on one side of a line and negative on the other. We build such
patches (a Gaussian's slope across a short line, 8 directions, every other
pixel) and ask, for each neuron, what share of its weights' energy
(sum of squares) the best-fitting patch explains: cos^2 between the two
784-vectors. A clean edge detector would be explained well over half; for
comparison the same is done for line pieces (a Gaussian's curvature across a
short line) and round blobs.
"""
import numpy as np
from PIL import Image, ImageDraw

from coursekit import drawing

SIDE = 28
EDGE_LIKE = 0.5     # a neuron is an edge detector if one edge patch explains at least half of it
SELECTIVE = 1.0     # a layer-2 neuron prefers loops (lines) by at least one spread of its answers to digits


def pixel_templates(net, layer):
    """What each neuron of hidden `layer` (1 or 2) looks for, as (n_layer, 784) pixel weights.

    Layer 1: W1 itself. Layer 2: W2 @ W1 (see the module's docstring).
    """
    W = np.asarray(net.weights[0])
    for l in range(1, layer):
        W = np.asarray(net.weights[l]) @ W
    return W


def patches(kind, sigma=1.5, length=4.0, step=2, directions=8):
    """Unit-length (n, 784) templates of one kind: "edge", "line" or "blob", all over the middle of the image.

    edge: a Gaussian's slope across a short line (+ on one side, - on the
    other); line: minus its curvature (a bright bar with dark flanks); blob:
    a round Gaussian of width 2 sigma. Centres every `step` pixels in rows
    and columns 4..23, `directions` directions from 0 to 180 degrees.
    """
    rows, cols = np.mgrid[0:SIDE, 0:SIDE].astype(float)
    out = []
    for r0 in range(4, 24, step):
        for c0 in range(4, 24, step):
            dr, dc = rows - r0, cols - c0
            if kind == "blob":
                out.append(np.exp(-(dr ** 2 + dc ** 2) / (2 * (2 * sigma) ** 2)))
                continue
            for angle in np.arange(directions) * np.pi / directions:
                across = dr * np.cos(angle) - dc * np.sin(angle)
                along = dr * np.sin(angle) + dc * np.cos(angle)
                g = np.exp(-across ** 2 / (2 * sigma ** 2) - along ** 2 / (2 * length ** 2))
                out.append(-across * g if kind == "edge" else (1 - across ** 2 / sigma ** 2) * g)
    T = np.array(out).reshape(len(out), SIDE * SIDE)
    return T / np.linalg.norm(T, axis=1, keepdims=True)


def explained_shares(W, templates):
    """(n,) for each row of W (n, 784): the largest share of its energy one template explains (cos^2)."""
    W = np.asarray(W, dtype=float)
    cos = (W @ templates.T) / np.linalg.norm(W, axis=1, keepdims=True)
    return np.max(cos ** 2, axis=1)


def edge_shares(net):
    """{"edge", "line", "blob"} -> (16,) the best patch's share of each layer-1 neuron's weights' energy."""
    W1 = pixel_templates(net, 1)
    return {kind: explained_shares(W1, patches(kind)) for kind in ("edge", "line", "blob")}


def stroke_image(kind, k):
    """A synthetic stroke drawn on a 280 x 280 canvas and shrunk to 28 x 28 like a digit: (784,).

    kind "loop": the k-th of 12 rings (3 sizes x 4 places: the whole digit,
    its top as in a 9, its bottom as in a 6, a narrow 0). kind "line": the
    k-th of 12 straight strokes (4 directions x 3 places). Ink stays inside
    the middle 200 x 200, as MNIST keeps it inside the middle 20 x 20.
    """
    canvas = Image.new("F", (280, 280), 0.0)
    pen = ImageDraw.Draw(canvas)
    if kind == "loop":
        size, (x0, y0, x1, y1) = k // 4, [(70, 50, 210, 230), (90, 40, 190, 140),
                                          (90, 140, 190, 240), (100, 40, 180, 240)][k % 4]
        shrink = 10 * size
        pen.ellipse((x0 + shrink, y0 + shrink, x1 - shrink, y1 - shrink), outline=1.0, width=22)
    elif kind == "line":
        (x0, y0, x1, y1), shift = [(140, 50, 140, 230), (50, 140, 230, 140), (80, 210, 200, 70),
                                   (80, 70, 200, 210)][k % 4], 30 * (k // 4 - 1)
        vertical = x0 == x1
        pen.line((x0 + shift * vertical, y0 + shift * (not vertical), x1 + shift * vertical,
                  y1 + shift * (not vertical)), fill=1.0, width=22)
    else:
        raise ValueError(f"expected kind 'loop' or 'line', got {kind!r}.")
    return drawing.shrink(np.asarray(canvas))


def strokes(kind, n=12):
    """(n, 784): the synthetic strokes stroke_image(kind, 0..n-1)."""
    return np.array([stroke_image(kind, k) for k in range(n)])


def probe(net, X, layer=2):
    """(n_layer,) how much more each neuron of `layer` answers loops than lines, in units of its spread on X.

    (mean activation on the 12 loops - mean on the 12 lines) / standard
    deviation of its activations on the real digits X (N, 784). Above
    SELECTIVE: it prefers loops; below -SELECTIVE: lines.
    """
    def act(images):
        return net.trace(images)[1][layer]
    spread = act(X).std(axis=0)
    return (act(strokes("loop")).mean(axis=0) - act(strokes("line")).mean(axis=0)) / np.maximum(spread, 1e-12)


def top_digits(net, X, layer=2, k=5):
    """(k, n_layer) the numbers of the k digits of X (N, 784) that excite each neuron of `layer` most.

    Ranked by the weighted sum z, not the activation: a sigmoid flattens to
    exactly 1.0 for large z, and ties would make the order depend on rounding.
    """
    return np.argsort(-weighted_sums(net, X, layer), axis=0, kind="stable")[:k]


def weighted_sums(net, X, layer=2):
    """(N, n_layer) the weighted sums z of hidden `layer` for the digits X (N, 784)."""
    return net.trace(X)[0][layer - 1]


def label_share(labels, top):
    """(n,) for each column of top (k, n): the share of its digits that carry its most common label."""
    labels = np.asarray(labels)[top]
    return np.array([np.bincount(column).max() / len(column) for column in labels.T])
