"""Cost landscapes drawn: a ball rolling down a curve, a path on a surface, slices of the real cost.

Every curve, contour and surface is drawn once; updates move only the ball,
its path and the arrows (see BlitFigure), so a slider tick stays cheap even
with a 3-D view beside the map.
"""
import numpy as np
from matplotlib.colors import LogNorm, TwoSlopeNorm

from coursekit.figures.base import ACCENT, DIVERGING, HIGHLIGHT, NEGATIVE
from coursekit.figures.blit import BlitFigure
from nnlib.data import as_image
from nnlib.errors import check_inputs

SURFACE_MAP = "viridis"     # perceptually even and colour-blind safe: low = dark blue, high = yellow
VIEW = 10.0                 # points farther than this from the plot are drawn at its edge


class Descent1DFigure(BlitFigure):
    """A cost of one number w, with a ball at the current w, its path, and its slope.

    landscape: a coursekit.landscapes.Landscape with dims 1; minima (k, 1) to mark.
    update(path=, lr=) shows a coursekit.landscapes.Path: the ball at its last
    point, a trail of the earlier ones, the tangent line, and (given lr) the
    next step −lr·slope as an arrow under the curve.
    """

    def __init__(self, landscape, minima=(), path=None, lr=None, width=9.5, height=4.6):
        super().__init__(width, height)
        self.landscape = landscape
        ax = self.ax = self.axes()
        w = np.linspace(landscape.low, landscape.high, 600)
        c = landscape.cost(w[:, None])
        ax.plot(w, c, color="0.25", lw=2.5)
        self.top = float(c.max()) * 1.05
        ax.set(xlim=(landscape.low, landscape.high), ylim=(-0.15 * self.top, self.top),
               xlabel="the parameter w", ylabel="cost C(w)")
        for i, m in enumerate(np.asarray(minima).reshape(-1)):
            ax.plot([m], [landscape.cost(np.array([m]))], "v", color=ACCENT, ms=9,
                    label="valley floors (local minima)" if i == 0 else None)
        self.trail = self.moving(ax.plot([], [], "o-", color=HIGHLIGHT, ms=5, lw=1, alpha=0.8,
                                         label="path so far")[0])
        self.tangent = self.moving(ax.plot([], [], "--", color=NEGATIVE, lw=2, label="slope here")[0])
        self.ball = self.moving(ax.plot([], [], "o", color=NEGATIVE, ms=16, mec="black")[0])
        self.step = self.moving(ax.annotate("", (0, 0), (0, 0), arrowprops=dict(
            arrowstyle="-|>", color=ACCENT, lw=2.5, mutation_scale=20)))
        self.step.set_visible(False)
        self.words = self.moving(ax.text(0.5, 0.97, "", transform=ax.transAxes, ha="center", va="top"))
        ax.legend(loc="upper left", bbox_to_anchor=(0.0, 0.88), frameon=False, fontsize=10)
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.13, top=0.95)
        if path is not None:
            self._show(path, lr)
        self.redraw()

    def update(self, path=None, lr=None):
        if path is not None:
            self._show(path, lr)
        self.redraw()

    def _show(self, path, lr=None):
        low, high = self.landscape.low, self.landscape.high
        w = np.clip(path.points[:, 0], -VIEW, VIEW)
        c = np.minimum(path.costs, 10 * self.top)
        self.trail.set_data(w[:-1], c[:-1])
        w_now, c_now, slope = w[-1], c[-1], path.grads[-1, 0]
        self.ball.set_data([np.clip(w_now, low, high)], [min(c_now, self.top)])
        ok = low <= w_now <= high and np.isfinite(slope)
        self.tangent.set_visible(ok)
        self.step.set_visible(ok and lr is not None and abs(lr * slope) > 1e-3)
        if ok:
            half = 0.6      # a short piece of the tangent line, ±0.6 around the ball
            self.tangent.set_data([w_now - half, w_now + half],
                                  [c_now - half * slope, c_now + half * slope])
        if self.step.get_visible():
            target = float(np.clip(w_now - lr * slope, low, high))   # where the next step lands
            y_arrow = -0.07 * self.top
            self.step.xy, self.step.xyann = (target, y_arrow), (w_now, y_arrow)
        cost = f"{path.costs[-1]:.3f}" if np.isfinite(path.costs[-1]) else "off the chart"
        self.words.set_text(f"step {len(path.points) - 1}: w = {path.points[-1, 0]:.3g}, cost {cost}")


class SurfaceFigure(BlitFigure):
    """A cost of two numbers as a contour map (left) and a 3-D surface (right), with a path on both.

    s (n,), t (m,): the grid; C (m, n): the cost at each (s_i, t_j).
    arrows: optional (U, V, dU, dV) drawn on the map (e.g. minus the gradient).
    update(points=(k, 2), costs=(k,), arrow=(2,) or None) moves the path and
    the ball; `arrow` is drawn from the ball (e.g. the gradient there).
    """

    def __init__(self, s, t, C, labels=("u", "v"), arrows=None, minima=(), arrow_colour="white",
                 width=9.6, height=4.2, title_3d="the same cost as a surface"):
        super().__init__(width, height)
        s, t, C = np.asarray(s), np.asarray(t), np.asarray(C)
        self.extent = (s.min(), s.max(), t.min(), t.max())
        self._draw_map(s, t, C, labels, arrows, minima)
        self._add_map_markers(arrow_colour)
        self._draw_surface(s, t, C, labels, title_3d)
        self.fig.subplots_adjust(left=0.07, right=0.97, bottom=0.12, top=0.92, wspace=0.12)
        self.redraw()

    def _draw_map(self, s, t, C, labels, arrows, minima):
        """The contour map on the left, drawn once: colours, contour lines, arrows and minima."""
        ax = self.ax = self.axes(1, 2, 1)
        levels = np.linspace(C.min(), max(C.max(), C.min() + 1e-9), 21)
        contours = ax.contourf(s, t, C, levels=levels, cmap=SURFACE_MAP)
        ax.contour(s, t, C, levels=levels, colors="white", linewidths=0.4, alpha=0.6)
        self.fig.colorbar(contours, ax=ax, label="cost", shrink=0.9, pad=0.02, format="%.1f")
        if arrows is not None:
            ax.quiver(*arrows, color="white", alpha=0.85, width=0.004, scale=None)
        for m in np.asarray(minima).reshape(-1, 2) if len(minima) else ():
            ax.plot(*m, "x", color="white", ms=12, mew=3)
        ax.set(xlim=self.extent[:2], ylim=self.extent[2:], xlabel=labels[0], ylabel=labels[1],
               aspect="auto")

    def _add_map_markers(self, arrow_colour):
        """The path, the ball and the arrow on the map: moving artists, empty until update()."""
        ax = self.ax
        self.path = self.moving(ax.plot([], [], "o-", color=HIGHLIGHT, ms=4, lw=1.8)[0])
        self.ball = self.moving(ax.plot([], [], "o", color=NEGATIVE, ms=13, mec="white", mew=1.5)[0])
        self.arrow = self.moving(ax.annotate("", (0, 0), (0, 0), arrowprops=dict(
            arrowstyle="-|>", color=arrow_colour, lw=3, mutation_scale=22)))
        self.arrow.set_visible(False)

    def _draw_surface(self, s, t, C, labels, title_3d):
        """The 3-D surface on the right, drawn once, with its path and ball (moving, empty for now)."""
        ax3 = self.ax3 = self.axes(1, 2, 2, projection="3d", computed_zorder=False)
        S, T = np.meshgrid(s, t)
        ax3.plot_surface(S, T, C, cmap=SURFACE_MAP, linewidth=0, antialiased=False, alpha=0.9,
                         rcount=30, ccount=30)
        ax3.set(xlabel=labels[0], ylabel=labels[1], zlabel="cost", title=title_3d)
        ax3.view_init(elev=38, azim=-58)
        self.zmax = float(C.max())
        self.path3 = self.moving(ax3.plot([], [], [], "o-", color=HIGHLIGHT, ms=3, lw=2)[0])
        self.ball3 = self.moving(ax3.plot([], [], [], "o", color=NEGATIVE, ms=10, mec="black")[0])

    def update(self, points=None, costs=None, arrow=None):
        if points is not None:
            p = np.asarray(points, dtype=np.float64).reshape(-1, 2)
            c = np.asarray(costs, dtype=np.float64)
            shown = np.all(np.isfinite(p), axis=1)
            p = np.column_stack([np.clip(p[shown, 0], *self.extent[:2]),
                                 np.clip(p[shown, 1], *self.extent[2:])])
            c = np.minimum(c[shown], self.zmax)
            self.path.set_data(p[:, 0], p[:, 1])
            self.ball.set_data(p[-1:, 0], p[-1:, 1])
            self.path3.set_data_3d(p[:, 0], p[:, 1], c)
            self.ball3.set_data_3d(p[-1:, 0], p[-1:, 1], c[-1:])
            self._arrow_from(p[-1], arrow)
        self.redraw()

    def _arrow_from(self, start, arrow):
        ok = arrow is not None and np.all(np.isfinite(arrow)) and np.linalg.norm(arrow) > 1e-6
        self.arrow.set_visible(bool(ok))
        if ok:
            self.arrow.xy, self.arrow.xyann = tuple(start + np.asarray(arrow)), tuple(start)


class GradientImagesFigure(BlitFigure):
    """Gradients with respect to first-layer weights, one 28x28 image per neuron.

    grads (k, 784): dC/dW1[neuron, pixel] for k neurons; titles: k strings.
    Orange (+): raising that weight raises the cost; purple (−): raising it lowers the cost.
    update(grads=, titles=) swaps the images (same colour scale).
    """

    def __init__(self, grads, titles, width=10.5, height=3.4):
        super().__init__(width, height)
        grads = np.atleast_2d(check_inputs(grads, 784, "grads"))
        limit = float(np.abs(grads).max()) or 1.0
        norm = TwoSlopeNorm(0.0, -limit, limit)
        self.images, self.titles = [], []
        k = len(grads)
        for i, (g, title) in enumerate(zip(grads, titles)):
            ax = self.axes(1, k, i + 1)
            self.images.append(self.moving(ax.imshow(as_image(g), cmap=DIVERGING, norm=norm)))
            self.titles.append(self.moving(ax.set_title(title, fontsize=12)))
            ax.set_axis_off()
        bar = self.fig.colorbar(self.images[0], ax=self.fig.axes, shrink=0.85, pad=0.02,
                                label="dC/dw  (+ raises the cost)")
        bar.set_ticks([-limit, 0, limit], labels=[f"−{limit:.1e}", "0", f"+{limit:.1e}"])
        self.redraw()

    def update(self, grads=None, titles=None):
        if grads is not None:
            for image, g in zip(self.images, np.atleast_2d(check_inputs(grads, 784, "grads"))):
                image.set_data(as_image(g))
        for text, title in zip(self.titles, titles or ()):
            text.set_text(title)
        self.redraw()


class SliceFigure(BlitFigure):
    """The real cost along lines through θ (left) and over a plane through θ (right).

    ts (n,): distances moved; lines: {label: costs (n,)}, the first is along −gradient.
    c0, slope: the cost at θ and its slope along −gradient (−|grad|), for the
    tangent line. plane: (s, t, C (len t, len s)) over (−gradient, random).
    update(step=, cost=) marks where a gradient step of length `step` lands.
    """

    def __init__(self, ts, lines, c0, slope, plane, width=11.0, height=4.6):
        super().__init__(width, height)
        ax = self.ax = self.axes(1, 2, 1)
        styles = [("-", NEGATIVE, 3), ("--", ACCENT, 2), (":", "0.3", 2.5)]
        top = max(float(np.max(c)) for c in lines.values())
        for (label, costs), (style, colour, lw) in zip(lines.items(), styles):
            ax.plot(ts, costs, style, color=colour, lw=lw, label=label)
        ax.plot(ts, c0 + slope * ts, "-", color="0.6", lw=1.5, label="tangent: what the slope promises")
        ax.set(xlim=(ts.min(), ts.max()), ylim=(0, top * 1.05), xlabel="distance moved from θ",
               ylabel="average cost")
        ax.legend(loc="upper right", frameon=False, fontsize=10)
        ax.plot([0], [c0], "o", color="black", ms=9)
        self.drop = self.moving(ax.plot([], [], ":", color=NEGATIVE, lw=1.5)[0])
        self.mark = self.moving(ax.plot([], [], "o", color=NEGATIVE, ms=13, mec="black")[0])
        self.words = self.moving(ax.set_title(" "))
        s, t, C = plane
        ax2 = self.axes(1, 2, 2)
        # A real cost spans decades (a steep wall, a flat floor): colours on a log scale.
        levels = np.geomspace(C.min(), max(C.max(), C.min() * (1 + 1e-9)), 21)
        filled = ax2.contourf(s, t, C, levels=levels, cmap=SURFACE_MAP, norm=LogNorm())
        ax2.contour(s, t, C, levels=levels, colors="white", linewidths=0.4, alpha=0.6)
        self.fig.colorbar(filled, ax=ax2, label="average cost (log scale)", pad=0.02,
                          format="%.2g")
        ax2.plot([0], [0], "o", color="white", mec="black", ms=9)
        ax2.set(xlabel="along −gradient", ylabel="along a random direction",
                title="a plane through θ")
        self.step_line = self.moving(ax2.plot([], [], "-", color="white", lw=2.5)[0])
        self.mark2 = self.moving(ax2.plot([], [], "o", color=NEGATIVE, ms=12, mec="white")[0])
        self.fig.subplots_adjust(left=0.07, right=0.97, bottom=0.13, top=0.92, wspace=0.25)
        self.redraw()

    def update(self, step=None, cost=None):
        if step is not None:
            self.mark.set_data([step], [cost])
            self.drop.set_data([step, step], [0, cost])
            self.step_line.set_data([0, step], [0, 0])
            self.mark2.set_data([step], [0])
            self.words.set_text(f"a step of length {step:.2f} lands at cost {cost:.3f}")
        self.redraw()
