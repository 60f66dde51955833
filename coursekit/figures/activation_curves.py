"""Activation functions as curves: how a neuron squishes its weighted sum.

SquishFigure            one function f(w·z + b): a point moves along it with z;
                        w sets how steep the step is, b where it happens
ActivationGalleryFigure sigmoid, tanh, ReLU and leaky ReLU side by side, each
                        with its slope f'(z) below it, a point at the same z
"""
import numpy as np

from coursekit.figures.base import ACCENT, HIGHLIGHT
from coursekit.figures.blit import BlitFigure
from nnlib import activations

Z = np.linspace(-10, 10, 401)
GREY = "#999999"
SYMBOLS = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "leaky ReLU"}
# Each function's y range, fixed so that the axes never have to be redrawn.
Y_RANGE = {"sigmoid": (-0.05, 1.1), "tanh": (-1.1, 1.1), "relu": (-1, 10.5),
           "leaky_relu": (-1, 10.5)}


class SquishFigure(BlitFigure):
    """a = f(w·z + b) against z, for f one of sigmoid, tanh, relu, leaky_relu.

    The plain f(z) stays in grey for comparison; the orange line marks where
    w·z + b = 0, the threshold: sigmoid gives 0.5 there, ReLU starts to rise.
    update(z=, w=, b=, f=) changes any of them.
    """

    def __init__(self, f="sigmoid", z=0.0, w=1.0, b=0.0, width=8.5, height=4.3):
        super().__init__(width, height)
        self.ax = ax = self.axes()
        self.f, self.z, self.w, self.b = f, z, w, b
        (self.plain,) = ax.plot(Z, np.zeros_like(Z), color=GREY, lw=2, ls="--")
        (self.curve,) = ax.plot(Z, np.zeros_like(Z), color=ACCENT, lw=3)
        self.threshold = ax.axvline(0.0, color=HIGHLIGHT, lw=2)
        (self.point,) = ax.plot([0.0], [0.0], "o", color="black", ms=11, zorder=5)
        self.label = ax.text(0.02, 0.95, "", transform=ax.transAxes, va="top", fontsize=14)
        ax.axhline(0, color="black", lw=0.8)
        ax.legend([self.plain, self.curve, self.threshold],
                  ["f(z)  (w = 1, b = 0)", "f(w·z + b)", "threshold: w·z + b = 0"],
                  loc="lower right", framealpha=0.9)
        ax.set_xlim(Z[0], Z[-1])
        ax.set_xlabel("weighted sum z coming in")
        self.ylabel = ax.set_ylabel("")
        self.fig.subplots_adjust(left=0.12, right=0.97, bottom=0.15, top=0.95)
        self.moving(self.plain, self.curve, self.threshold, self.point, self.label)
        self.update(f=f, z=z, w=w, b=b)

    def update(self, z=None, w=None, b=None, f=None):
        full = f is not None and f != self.f or not self._backgrounds
        self.f = f if f is not None else self.f
        self.z = float(z) if z is not None else self.z
        self.w = float(w) if w is not None else self.w
        self.b = float(b) if b is not None else self.b
        fn, name = activations.get(self.f), SYMBOLS[self.f]
        if full:                                      # a new function: new y axis
            self.ax.set_ylim(*Y_RANGE[self.f])
            self.ylabel.set_text(f"activation a = {name}(w·z + b)")
        self.plain.set_ydata(fn(Z))
        self.curve.set_ydata(fn(self.w * Z + self.b))
        # where w·z + b = 0; with w = 0 the input is ignored and there is none
        at = -self.b / self.w if self.w != 0 else np.nan
        self.threshold.set_xdata([at, at])
        a = float(fn(self.w * self.z + self.b))
        self.point.set_data([self.z], [a])
        self.label.set_text(f"z = {self.z:.1f}:  w·z + b = {self.w * self.z + self.b:.2f},  "
                            f"a = {a:.3f}")
        self.redraw(full=full)


GALLERY = ("sigmoid", "tanh", "relu", "leaky_relu")


class ActivationGalleryFigure(BlitFigure):
    """Four activation functions (top row) and their slopes (bottom row), a point at z.

    update(z=) moves all eight points and rewrites the values in the titles.
    """

    def __init__(self, z=0.0, names=GALLERY, width=11.0, height=5.6):
        super().__init__(width, height)
        self.names = names
        self.points, self.titles = [], []
        for c, name in enumerate(names):
            f = activations.get(name)
            for r, (values, what) in enumerate(((f(Z), "a"), (f.prime(Z), "slope"))):
                ax = self.axes(2, len(names), r * len(names) + c + 1)
                ax.plot(Z, values, color=ACCENT if r == 0 else HIGHLIGHT, lw=2.5)
                ax.axhline(0, color="black", lw=0.8)
                ax.set_xlim(-8, 8)
                ax.set_ylim(*(Y_RANGE[name] if r == 0 else (-0.05, 1.1)))
                if name.endswith("relu") and r == 0:
                    ax.set_ylim(-1, 8)
                ax.set_xlabel("z" if r == 1 else "")
                if c == 0:
                    ax.set_ylabel("f(z)" if r == 0 else "slope f′(z)")
                (point,) = ax.plot([0], [0], "o", color="black", ms=9)
                title = ax.set_title("")
                self.points.append(point)
                self.titles.append(title)
                self.moving(point, title)
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.1, top=0.92, hspace=0.45,
                                 wspace=0.3)
        self.update(z=z)

    def update(self, z):
        z = float(z)
        for c, name in enumerate(self.names):
            f, symbol = activations.get(name), SYMBOLS[name]
            a, slope = float(f(z)), float(f.prime(z))
            self.points[2 * c].set_data([z], [a])
            self.points[2 * c + 1].set_data([z], [slope])
            self.titles[2 * c].set_text(f"{symbol}({z:.1f}) = {a:.3f}")
            self.titles[2 * c + 1].set_text(f"slope {slope:.3f}")
        self.redraw()
