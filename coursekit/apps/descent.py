"""Gradient descent to play with: a ball on a curve, a path on a surface, a step on the real cost."""
import ipywidgets as w
import numpy as np

from coursekit import landscapes, real_cost
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
    return Descent1D(start, lr, landscape).app()


class Descent1D:
    """The state of descent_1d: the landscape, how many steps the ball has taken, the figure."""

    def __init__(self, start, lr, landscape):
        self.landscape, self.taken = landscape, 0      # steps taken since the start
        self.figure = Descent1DFigure(landscape, landscapes.local_minima(landscape))
        self.view = FigureView(self.figure)
        self.start = float_slider("start w", start, landscape.low, landscape.high, 0.05)
        self.lr = float_slider("step size lr", lr, 0.01, 1.5, 0.01)
        self.step, self.ten, self.back = (w.Button(description=d, icon=i) for d, i in
                                          (("Step", "play"), ("10 steps", "forward"),
                                           ("Back to start", "undo")))
        self.words = readout()
        on_change(self.start, self.on_start)
        on_change(self.lr, self.on_lr)
        self.step.on_click(self.on_step)
        self.ten.on_click(self.on_ten)
        self.back.on_click(self.on_back)
        self.show()

    def app(self):
        controls = {"start": self.start, "lr": self.lr, "step": self.step, "ten_steps": self.ten,
                    "back": self.back}
        children = [w.HBox([w.VBox([self.start, self.lr]),
                            w.VBox([w.HBox([self.step, self.ten]), self.back])]),
                    self.view, self.words]
        return App(children, controls=controls, figures=[self.view], readouts={"words": self.words},
                   title="gradient descent in one dimension")

    def show(self, note=""):
        """The path of the steps taken so far, and in words what the ball did."""
        path = landscapes.descent_path(self.landscape, self.start.value, self.lr.value, self.taken)
        self.figure.update(path=path, lr=self.lr.value)
        self.view.refresh()
        set_readout(self.words, (note + " " if note else "") + path.message)

    def restart(self, note=""):
        self.taken = 0
        self.show(note)

    def on_start(self, _value):
        self.restart()

    def on_lr(self, _value):
        self.show()

    def on_step(self, _button):
        self.taken += 1
        self.show()

    def on_ten(self, _button):
        self.taken += 10
        self.show()

    def on_back(self, _button):
        self.restart("Back at the start.")


def descent_2d(start=(2.5, -3.0), lr=0.1, steps=20, landscape=landscapes.TWO_VALLEYS, n_grid=81):
    """A path downhill on a cost of two numbers, on a contour map and a 3-D surface.

    White arrows: minus the gradient, the way downhill, on a grid. Blue arrow:
    the gradient at the ball, the way straight uphill; its length is the
    steepness. Sliders: the start (u, v), the step size, the number of steps.
    """
    return Descent2D(start, lr, steps, landscape, n_grid).app()


class Descent2D:
    """The state of descent_2d: the landscape, the figure, and the walk for the current start
    and step size (the steps slider only cuts it shorter)."""

    def __init__(self, start, lr, steps, landscape, n_grid):
        self.landscape, self.walks = landscape, {}   # one full-length walk per (start, lr)
        self.figure = surface_figure(landscape, n_grid)
        self.view = FigureView(self.figure)
        self.u = float_slider("start u", start[0], landscape.low, landscape.high, 0.05)
        self.v = float_slider("start v", start[1], landscape.low, landscape.high, 0.05)
        self.lr = float_slider("step size lr", lr, 0.01, 0.6, 0.01)
        self.steps = int_slider("steps", steps, 0, 100)
        self.words, self.numbers = readout(), readout()
        for control in (self.u, self.v, self.lr, self.steps):
            control.layout = w.Layout(width=HALF)     # two columns that fit a laptop screen
            on_change(control, self.show)
        self.show()

    def app(self):
        controls = {"u": self.u, "v": self.v, "lr": self.lr, "steps": self.steps}
        children = [w.HBox([w.VBox([self.u, self.v]), w.VBox([self.lr, self.steps])]), self.view,
                    self.numbers, self.words]
        return App(children, controls=controls, figures=[self.view],
                   readouts={"words": self.words, "numbers": self.numbers},
                   title="gradient descent in two dimensions")

    def walk(self):
        """The steps for the sliders' start and lr: the first ones of a walk computed once."""
        key = (self.u.value, self.v.value, self.lr.value)
        if key not in self.walks:
            self.walks.clear()
            self.walks[key] = landscapes.descent_path(self.landscape, key[:2], key[2], self.steps.max)
        return landscapes.first_steps(self.walks[key], self.steps.value, key[2])

    def show(self, _value=None):
        """Any slider: the path, the gradient arrow at the ball, and the read-outs."""
        path = self.walk()
        grad = path.grads[-1]
        self.figure.update(points=path.points, costs=path.costs, arrow=grad)
        self.view.refresh()
        if np.all(np.isfinite(grad)):
            set_readout(self.numbers, f"at {landscapes.format_point(path.points[-1])}: gradient "
                                      f"{landscapes.format_point(grad)}, "
                                      f"length (steepness) {np.linalg.norm(grad):.3f}")
        else:
            set_readout(self.numbers, "the ball left the map: no gradient to show")
        set_readout(self.words, path.message)


def surface_figure(landscape, n_grid):
    """The landscape's contour map and surface, with downhill arrows on a coarse grid."""
    grid = np.linspace(landscape.low, landscape.high, n_grid)
    U, V = np.meshgrid(grid, grid)
    C = landscape.cost(np.stack([U, V], axis=-1))
    coarse = np.linspace(landscape.low + 0.4, landscape.high - 0.4, 13)
    QU, QV = np.meshgrid(coarse, coarse)
    downhill = -landscape.grad(np.stack([QU, QV], axis=-1))
    return SurfaceFigure(grid, grid, C, arrows=(QU, QV, downhill[..., 0], downhill[..., 1]),
                         minima=landscapes.local_minima(landscape, 201), arrow_colour=GRADIENT_COLOUR)


def cost_slices(net, X, y, cost="quadratic", lr_max=12.0, rng=0, n_plane=25):
    """The real cost through the network's parameters θ, and where one gradient step lands.

    Left: the cost along −gradient and along two random directions (all of
    length 1), with the tangent line the slope promises. Right: the cost over
    the plane spanned by −gradient and a random direction. All of it is
    computed once here; the learning-rate slider only moves the markers.
    """
    return CostSlices(net, X, y, cost, lr_max, np.random.default_rng(rng), n_plane).app()


class CostSlices:
    """The state of cost_slices: the gradient's length, the cost along each direction
    (computed once), the figure and the learning-rate slider."""

    def __init__(self, net, X, y, cost, lr_max, rng, n_plane):
        grad = backprop.gradient_vector(net, X, y, cost)
        self.size = size = float(np.linalg.norm(grad))
        directions = np.stack([-real_cost.unit(grad)]
                              + [real_cost.random_direction(net.n_params, rng, grad) for _ in range(2)])
        slicer = real_cost.CostSlicer(net, X, y, directions, cost)
        lrs = np.linspace(0, lr_max, 121)
        reach = lr_max * size
        self.ts = ts = np.concatenate([np.linspace(-0.15 * reach, 0, 10, endpoint=False), lrs * size])
        self.lines = {"along −gradient": slicer.along(ts, 0), "random direction 1": slicer.along(ts, 1),
                      "random direction 2": slicer.along(ts, 2)}
        s = np.linspace(ts[0], reach, n_plane)
        t = np.linspace(-reach / 2, reach / 2, n_plane)
        self.c0 = slicer(np.zeros(3))
        self.figure = SliceFigure(ts, self.lines, self.c0, -size, (s, t, slicer.plane(s, t, 0, 1)))
        self.view = FigureView(self.figure)
        self.lr = float_slider("learning rate lr", float(lrs[len(lrs) // 8]), 0.0, lr_max,
                               float(lrs[1]), fmt=".3g")
        self.words = readout()
        on_change(self.lr, self.on_lr)
        self.on_lr(self.lr.value)

    def on_lr(self, lr):
        """The step of this learning rate: where it lands on the cost, and in words."""
        step, along = lr * self.size, self.lines["along −gradient"]
        self.figure.update(step=step, cost=float(np.interp(step, self.ts, along)))
        self.view.refresh()
        set_readout(self.words, real_cost.describe_step(self.c0, -self.size, self.ts, along, step))

    def app(self):
        app = App([self.lr, self.view, self.words], controls={"lr": self.lr}, figures=[self.view],
                  readouts={"words": self.words}, title="the real cost, sliced")
        app.gradient_length, app.lines, app.ts = self.size, self.lines, self.ts
        return app
