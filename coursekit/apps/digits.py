"""Browse real digits with a slider, and see where each pixel goes in the network's input."""
from coursekit.apps.base import App, FigureView, int_slider, on_change, readout, set_readout
from coursekit.figures.digits import DigitFigure
from coursekit.figures.pixels import PixelExplorerFigure
from nnlib.errors import check_inputs, check_labels, check_same_length, describe, fail


def digit_browser(X, y):
    """A slider over the digits X (N, 784) with labels y (N,), showing each one."""
    return DigitBrowser(X, y).app()


class DigitBrowser:
    """The state of digit_browser: the digits, their figure and one slider."""

    def __init__(self, X, y):
        self.X, self.y = X, y
        self.view = FigureView(DigitFigure(X[0], title=f"label {y[0]}"))
        self.index = int_slider("digit number", 0, 0, len(X) - 1)
        on_change(self.index, self.on_digit)

    def on_digit(self, i):
        self.view.figure.update(x=self.X[i], title=f"label {self.y[i]}")
        self.view.refresh()

    def app(self):
        return App([self.index, self.view], controls={"digit": self.index}, figures=[self.view],
                   title="digit browser")


def pixel_explorer(X, y, digit=0, pixel=(14, 14)):
    """Walk through digits X (N, 784) and pixels: each as a grid, a column, and numbers.

    Controls: "digit" (which row of X), "row" and "column" (the marked pixel r, c).
    Figure (one, PixelExplorerFigure): the digit as a 28x28 grid beside its column
    of 784 activations, and a zoom printing the activations of the 7x7 block
    around the pixel.
    Read-out: the pixel's index i = 28 r + c in x, and its value x[i].
    """
    X, y = check_digits(X, y)
    return PixelExplorer(X, y, digit, pixel).app()


class PixelExplorer:
    """The state of pixel_explorer: the digits, one figure, three sliders and a read-out."""

    def __init__(self, X, y, digit, pixel):
        self.X, self.y = X, y
        r, c = pixel
        # One figure, not two: one PNG per tick and one picture for the browser to decode.
        self.view = FigureView(PixelExplorerFigure(X[digit], pixel=(r, c), title=_label(y, digit)))
        self.controls = {"digit": int_slider("digit number", digit, 0, len(X) - 1),
                         "row": int_slider("row r", r, 0, 27),
                         "column": int_slider("column c", c, 0, 27)}
        self.line = readout()
        for control in self.controls.values():
            on_change(control, self.show)
        self.show()

    def show(self, _value=None):
        """Any slider: the digit, its marked pixel and the read-out."""
        i, r, c = (self.controls[name].value for name in ("digit", "row", "column"))
        x = self.X[i]
        self.view.figure.update(x=x, pixel=(r, c), title=_label(self.y, i))
        self.view.refresh()
        set_readout(self.line, f"pixel (row {r}, column {c}) is input neuron x[{28 * r + c}]; "
                               f"its activation is {x[28 * r + c]:.2f}")

    def app(self):
        return App([*self.controls.values(), self.line, self.view], controls=self.controls,
                   figures=[self.view], readouts={"pixel": self.line}, title="pixel explorer")


def check_digits(X, y):
    """X as (N, 784) floats and y as N labels 0..9, with the readable errors."""
    X = check_inputs(X, 784, "X")
    if X.ndim != 2:
        fail("digits X as a batch of shape (N, 784)", describe(X),
             "For one digit x use x[None, :] (a batch of one).")
    y = check_labels(y, 10)
    check_same_length(X, y)
    return X, y


def _label(y, i):
    return f"digit number {i}: label {int(y[i])}"
