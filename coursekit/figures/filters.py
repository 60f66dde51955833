"""What a trained network looks for, and what it answers.

FilterFigure shows the weights into each neuron of the first hidden layer as
a 28 x 28 image: orange where ink raises the neuron's weighted sum, purple
where ink lowers it, white where the pixel hardly matters. AnswerFigure
shows the 28 x 28 input a network is given beside its 10 outputs, and
PreparationFigure the steps that turn a drawing into such an input.
"""
import numpy as np

from coursekit.figures.base import ACCENT, DIVERGING, HIGHLIGHT, SEQUENTIAL, LiveFigure, colour_limit
from coursekit.figures.blit import Bars, BlitFigure
from nnlib.data import as_image
from nnlib.errors import fail


class FilterFigure(LiveFigure):
    """The incoming weights of the first `n` neurons of hidden layer 1, each as a 28x28 image.

    net: a network whose first layer has 784 inputs. Colours are symmetric
    around 0 (the colour bar shows the signs). update(net=..., title=...)
    shows another (or a further trained) network's weights.
    """

    def __init__(self, net, n=16, columns=8, title="", width=10.5, height=None):
        W = _first_layer(net)
        n = min(n, len(W))
        rows = -(-n // columns)
        super().__init__(width, height or 1.35 * rows + 0.9)
        grid = self.fig.add_gridspec(rows, columns + 1, width_ratios=[1] * columns + [0.25],
                                     wspace=0.08, hspace=0.25)
        self.images = []
        for k in range(n):
            ax = self.axes(grid[k // columns, k % columns])
            self.images.append(ax.imshow(as_image(W[k]), cmap=DIVERGING))
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_title(f"neuron {k}", fontsize=10, pad=3)   # counted from 0, as weights[0][k]
        self.colorbar = self.fig.colorbar(self.images[0], cax=self.axes(grid[:, columns]))
        self.colorbar.set_label("weight\n(−: ink lowers z, +: raises it)", fontsize=10)
        self.title = self.fig.suptitle(title, fontsize=13)
        self.fig.subplots_adjust(left=0.01, right=0.88, bottom=0.03, top=0.86 if title else 0.92)
        self.update(net=net)

    def update(self, net=None, title=None):
        if net is not None:
            W = _first_layer(net)[:len(self.images)]
            # One colour scale for all: a weight means the same colour in every image.
            limit = colour_limit(W)
            for image, w in zip(self.images, W):
                image.set_data(as_image(w))
                image.set_clim(-limit, limit)
            self.colorbar.set_ticks([-limit, 0, limit])
            self.colorbar.set_ticklabels([f"−{limit:.2f}", "0", f"+{limit:.2f}"])
        if title is not None:
            self.title.set_text(title)
        self.redraw()


class AnswerFigure(BlitFigure):
    """The input x (784,) the network sees, and its outputs y_hat (10,) as bars.

    The tallest bar is the answer (orange). update(x=, y_hat=, title=).
    Only the image, the bars and the answer's text are redrawn per update.
    """

    def __init__(self, x, y_hat, title="", output_name="output", width=8.5, height=3.6):
        super().__init__(width, height)
        grid = self.fig.add_gridspec(1, 2, width_ratios=[1, 1.6], wspace=0.25)
        ax_img, self.ax_bars = self.axes(grid[0]), self.axes(grid[1])
        self.image = self.moving(ax_img.imshow(as_image(x), cmap=SEQUENTIAL, vmin=0, vmax=1))
        ax_img.set_xticks([])
        ax_img.set_yticks([])
        ax_img.set_title("what the network sees\n(28 x 28 input)", fontsize=12)
        self.bars = Bars(self.ax_bars, 10, ACCENT)
        self.moving(self.bars.collection)
        self.ax_bars.set(xticks=range(10), xlim=(-0.6, 9.6), ylim=(0, 1.05), xlabel="digit",
                         ylabel=output_name)
        self.answer = self.moving(self.ax_bars.set_title(" ", fontsize=13))
        self.title = self.moving(self.fig.suptitle(title, fontsize=13))   # moves only if changed
        self.fig.subplots_adjust(left=0.02, right=0.98, bottom=0.16, top=0.8)
        self.update(x=x, y_hat=y_hat)

    def update(self, x=None, y_hat=None, title=None):
        if x is not None:
            self.image.set_data(as_image(x))
        if y_hat is not None:
            y_hat = np.asarray(y_hat, dtype=float).reshape(10)
            best = int(np.argmax(y_hat))
            self.bars.set_heights(y_hat)
            self.bars.collection.set_facecolor([HIGHLIGHT if d == best else ACCENT for d in range(10)])
            self.answer.set_text(f"the network's answer: {best}  (output {y_hat[best]:.2f})")
        if title is not None:
            self.title.set_text(title)
        self.redraw()


class PreparationFigure(LiveFigure):
    """A drawing and the steps that prepare it like an MNIST digit (see coursekit.drawing).

    drawing: (H, W) ink in [0, 1]. Panels: the drawing with its ink's box,
    the ink scaled into 20 x 20, the 28 x 28 input with its centre of mass.
    """

    def __init__(self, drawing_image, width=10.5, height=3.6):
        from coursekit import drawing
        super().__init__(width, height)
        image = drawing.ink_image(drawing_image)
        box, small = drawing.bounding_box(image), drawing.fit_in_box(image)
        x = as_image(drawing.to_mnist(image))
        axes = [self.axes(1, 3, k + 1) for k in range(3)]
        titles = [f"1. the drawing ({image.shape[1]} x {image.shape[0]})",
                  f"2. ink fitted into 20 x 20 ({small.shape[1]} x {small.shape[0]})",
                  "3. centred in 28 x 28 by its mass"]
        for ax, picture, title in zip(axes, (image, small, x), titles):
            ax.imshow(picture, cmap=SEQUENTIAL, vmin=0, vmax=1)
            ax.set_title(title, fontsize=12)
            ax.set_xticks([])
            ax.set_yticks([])
        if box is not None:
            top, bottom, left, right = box
            axes[0].plot([left, right, right, left, left], [top, top, bottom, bottom, top],
                         color=HIGHLIGHT, lw=2)
            row, col = drawing.centre_of_mass(x)
            axes[2].plot([col], [row], "+", color=HIGHLIGHT, ms=16, mew=3)
        self.fig.subplots_adjust(left=0.01, right=0.99, bottom=0.03, top=0.88, wspace=0.1)
        self.redraw()

    def update(self):
        self.redraw()


def _first_layer(net):
    W = np.asarray(net.weights[0])
    if W.shape[1] != 784:
        fail("a network whose first layer reads 784 pixels", f"one with {W.shape[1]} inputs")
    return W

