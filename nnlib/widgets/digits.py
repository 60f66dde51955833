"""Browse real digits with a slider."""
from nnlib.plots.digits import DigitFigure
from nnlib.widgets.base import App, FigureView, int_slider, on_change


def digit_browser(X, y):
    """A slider over the digits X (N, 784) with labels y (N,), showing each one."""
    view = FigureView(DigitFigure(X[0], title=f"label {y[0]}"))
    index = int_slider("digit number", 0, 0, len(X) - 1)

    def show(i):
        view.figure.update(x=X[i], title=f"label {y[i]}")
        view.refresh()

    on_change(index, show)
    return App([index, view], controls={"digit": index}, figures=[view], title="digit browser")
