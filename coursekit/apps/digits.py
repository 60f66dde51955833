"""Browse real digits with a slider, and see where each pixel goes in the network's input."""
import ipywidgets as w

from coursekit.apps.base import App, FigureView, int_slider, on_change, readout, set_readout
from coursekit.figures.digits import DigitFigure
from coursekit.figures.pixels import PixelExplorerFigure
from nnlib.errors import check_inputs, check_labels, check_same_length, describe, fail


def digit_browser(X, y):
    """A slider over the digits X (N, 784) with labels y (N,), showing each one."""
    view = FigureView(DigitFigure(X[0], title=f"label {y[0]}"))
    index = int_slider("digit number", 0, 0, len(X) - 1)

    def show(i):
        view.figure.update(x=X[i], title=f"label {y[i]}")
        view.refresh()

    on_change(index, show)
    return App([index, view], controls={"digit": index}, figures=[view], title="digit browser")


def pixel_explorer(X, y, digit=0, pixel=(14, 14)):
    """Walk through digits X (N, 784) and pixels: each as a grid, a column, and numbers.

    Controls: "digit" (which row of X), "row" and "column" (the marked pixel r, c).
    Figure (one, PixelExplorerFigure): the digit as a 28x28 grid beside its column
    of 784 activations, and a zoom printing the activations of the 7x7 block
    around the pixel.
    Read-out: the pixel's index i = 28 r + c in x, and its value x[i].
    """
    X, y = check_digits(X, y)
    r, c = pixel
    # One figure, not two: one PNG per tick and one picture for the browser to decode.
    view = FigureView(PixelExplorerFigure(X[digit], pixel=(r, c), title=_label(y, digit)))
    controls = {"digit": int_slider("digit number", digit, 0, len(X) - 1),
                "row": int_slider("row r", r, 0, 27),
                "column": int_slider("column c", c, 0, 27)}
    line = readout()

    def show(_=None):
        i, r, c = (controls[name].value for name in ("digit", "row", "column"))
        x = X[i]
        view.figure.update(x=x, pixel=(r, c), title=_label(y, i))
        view.refresh()
        set_readout(line, f"pixel (row {r}, column {c}) is input neuron x[{28 * r + c}]; "
                          f"its activation is {x[28 * r + c]:.2f}")

    for control in controls.values():
        on_change(control, show)
    show()
    return App([*controls.values(), line, view], controls=controls,
               figures=[view], readouts={"pixel": line}, title="pixel explorer")


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
