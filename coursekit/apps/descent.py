"""Gradient descent to play with: a ball on a curve, a path on a surface, a step on the real cost."""
import ipywidgets as w
import numpy as np

from coursekit import landscapes
from coursekit.apps.base import App, FigureView, float_slider, int_slider, on_change, readout, set_readout
from coursekit.figures.landscape import Descent1DFigure, SliceFigure, SurfaceFigure
from nnlib import backprop

GRADIENT_COLOUR = "#56B4E9"      # Okabe-Ito sky blue: the gradient arrow at the ball
HALF = "400px"                   # slider width when two columns of them sit side by side


def descent_1d(start=3.5, lr=0.1, landscape=landscapes.CURVY):
    """A ball on a curvy cost of one number w: pick a start and a step size, then Step.

    Each step moves w by −lr × slope: left where the slope is positive, right
    where it is negative, far where it is steep. The read-out says in words
    whether the ball settled, overshot or flew off.
    """
    figure = Descent1DFigure(landscape, landscapes.local_minima(landscape))
    view = FigureView(figure)
    start_slider = float_slider("start w", start, landscape.low, landscape.high, 0.05)
    lr_slider = float_slider("step size lr", lr, 0.01, 1.5, 0.01)
    step, ten, back = (w.Button(description=d, icon=i) for d, i in
                       (("Step", "play"), ("10 steps", "forward"), ("Back to start", "undo")))
    words = readout()
    steps = [0]

    def show(note=""):
        path = landscapes.descent_path(landscape, start_slider.value, lr_slider.value, steps[0])
        figure.update(path=path, lr=lr_slider.value)
        view.refresh()
        set_readout(words, (note + " " if note else "") + path.message)

    def take(n):
        steps[0] += n
        show()

    def restart(note=""):
        steps[0] = 0
        show(note)

    on_change(start_slider, lambda _: restart())
    on_change(lr_slider, lambda _: show())
    step.on_click(lambda _: take(1))
    ten.on_click(lambda _: take(10))
    back.on_click(lambda _: restart("Back at the start."))
    show()
    controls = {"start": start_slider, "lr": lr_slider, "step": step, "ten_steps": ten, "back": back}
    children = [w.HBox([w.VBox([start_slider, lr_slider]), w.VBox([w.HBox([step, ten]), back])]),
                view, words]
    return App(children, controls=controls, figures=[view], readouts={"words": words},
               title="gradient descent in one dimension")


def descent_2d(start=(2.5, -3.0), lr=0.1, steps=20, landscape=landscapes.TWO_VALLEYS, n_grid=81):
    """A path downhill on a cost of two numbers, on a contour map and a 3-D surface.

    White arrows: minus the gradient, the way downhill, on a grid. Blue arrow:
    the gradient at the ball, the way straight uphill; its length is the
    steepness. Sliders: the start (u, v), the step size, the number of steps.
    """
    grid = np.linspace(landscape.low, landscape.high, n_grid)
    U, V = np.meshgrid(grid, grid)
    C = landscape.cost(np.stack([U, V], axis=-1))
    coarse = np.linspace(landscape.low + 0.4, landscape.high - 0.4, 13)
    QU, QV = np.meshgrid(coarse, coarse)
    downhill = -landscape.grad(np.stack([QU, QV], axis=-1))
    figure = SurfaceFigure(grid, grid, C, arrows=(QU, QV, downhill[..., 0], downhill[..., 1]),
                           minima=landscapes.local_minima(landscape, 201), arrow_colour=GRADIENT_COLOUR)
    view = FigureView(figure)
    u0 = float_slider("start u", start[0], landscape.low, landscape.high, 0.05)
    v0 = float_slider("start v", start[1], landscape.low, landscape.high, 0.05)
    lr_slider = float_slider("step size lr", lr, 0.01, 0.6, 0.01)
    n_steps = int_slider("steps", steps, 0, 100)
    words, numbers = readout(), readout()
    walks = {}      # one full-length walk per (start, lr): the steps slider only cuts it

    def show(_=None):
        key = (u0.value, v0.value, lr_slider.value)
        if key not in walks:
            walks.clear()
            walks[key] = landscapes.descent_path(landscape, key[:2], key[2], n_steps.max)
        path = landscapes.first_steps(walks[key], n_steps.value, key[2])
        grad = path.grads[-1]
        figure.update(points=path.points, costs=path.costs, arrow=grad)
        view.refresh()
        if np.all(np.isfinite(grad)):
            set_readout(numbers, f"at {landscapes.format_point(path.points[-1])}: gradient "
                                 f"{landscapes.format_point(grad)}, "
                                 f"length (steepness) {np.linalg.norm(grad):.3f}")
        else:
            set_readout(numbers, "the ball left the map: no gradient to show")
        set_readout(words, path.message)

    for control in (u0, v0, lr_slider, n_steps):
        on_change(control, show)
    show()
    controls = {"u": u0, "v": v0, "lr": lr_slider, "steps": n_steps}
    for control in controls.values():
        control.layout = w.Layout(width=HALF)     # two columns that fit a laptop screen
    children = [w.HBox([w.VBox([u0, v0]), w.VBox([lr_slider, n_steps])]), view, numbers, words]
    return App(children, controls=controls, figures=[view], readouts={"words": words, "numbers": numbers},
               title="gradient descent in two dimensions")


def cost_slices(net, X, y, cost="quadratic", lr_max=12.0, rng=0, n_plane=25):
    """The real cost through the network's parameters θ, and where one gradient step lands.

    Left: the cost along −gradient and along two random directions (all of
    length 1), with the tangent line the slope promises. Right: the cost over
    the plane spanned by −gradient and a random direction. All of it is
    computed once here; the learning-rate slider only moves the markers.
    """
    rng = np.random.default_rng(rng)
    grad = backprop.gradient_vector(net, X, y, cost)
    size = float(np.linalg.norm(grad))
    directions = np.stack([-landscapes.unit(grad)]
                          + [landscapes.random_direction(net.n_params, rng, grad) for _ in range(2)])
    slicer = landscapes.CostSlicer(net, X, y, directions, cost)
    lrs = np.linspace(0, lr_max, 121)
    reach = lr_max * size
    ts = np.concatenate([np.linspace(-0.15 * reach, 0, 10, endpoint=False), lrs * size])
    lines = {"along −gradient": slicer.along(ts, 0), "random direction 1": slicer.along(ts, 1),
             "random direction 2": slicer.along(ts, 2)}
    s = np.linspace(ts[0], reach, n_plane)
    t = np.linspace(-reach / 2, reach / 2, n_plane)
    c0 = slicer(np.zeros(3))
    figure = SliceFigure(ts, lines, c0, -size, (s, t, slicer.plane(s, t, 0, 1)))
    view = FigureView(figure)
    lr_slider = float_slider("learning rate lr", float(lrs[len(lrs) // 8]), 0.0, lr_max, float(lrs[1]),
                             fmt=".3g")
    words = readout()
    along = lines["along −gradient"]

    def show(lr):
        step = lr * size
        figure.update(step=step, cost=float(np.interp(step, ts, along)))
        view.refresh()
        set_readout(words, landscapes.describe_step(c0, -size, ts, along, step))

    on_change(lr_slider, show)
    show(lr_slider.value)
    app = App([lr_slider, view, words], controls={"lr": lr_slider}, figures=[view],
              readouts={"words": words}, title="the real cost, sliced")
    app.gradient_length, app.lines, app.ts = size, lines, ts
    return app
