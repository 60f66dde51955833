"""Whole layers at once: what every neuron of a network does for one digit, or for many.

NetworkActivityFigure   the input digit, the two hidden layers as bars of 16
                        activations and the 10 outputs, with the trained
                        network's values as black ticks (so a change shows)
ActivationHistogramsFigure
                        for several networks (rows) and their hidden layers
                        (columns): how the activations over many digits spread
"""
import numpy as np

from coursekit.figures.base import ACCENT, HIGHLIGHT, SEQUENTIAL
from coursekit.figures.blit import Bars, BlitFigure
from nnlib.data import as_image

WINNER = "#009E73"      # Okabe-Ito bluish green: the output the network picks


class NetworkActivityFigure(BlitFigure):
    """One digit through a 784-n-n-10 network.

    x (784,); activations [a1 (n1,), a2 (n2,), y_hat (10,)]; reference: the
    same list from the unchanged network (drawn as black ticks). selected:
    (layer, neuron) to mark with an orange band; source: the neuron (or pixel,
    for layer 1) of the layer before whose weight is being changed.
    update(x=, activations=, reference=, selected=, source=) changes any of them.
    """

    def __init__(self, x, activations, reference=None, selected=(1, 0), source=None,
                 width=11.0, height=4.0):
        super().__init__(width, height)
        sizes = [len(a) for a in activations]
        grid = self.fig.add_gridspec(1, 4, width_ratios=[1.05, 1.6, 1.6, 1.25], left=0.02,
                                     right=0.99, bottom=0.16, top=0.85, wspace=0.3)
        self.ax_x = self.axes(grid[0])
        self.ax_layers = [self.axes(grid[i]) for i in (1, 2, 3)]
        self.digit = self.moving(self.ax_x.imshow(as_image(x), cmap=SEQUENTIAL,
                                                  vmin=0, vmax=1))
        self.ax_x.set_xticks([])
        self.ax_x.set_yticks([])
        self.ax_x.set_title("input (layer 0)")
        (self.pixel,) = self.ax_x.plot([0], [0], "s", ms=9, mfc="none", mec=HIGHLIGHT, mew=2.5)
        self.moving(self.pixel)
        self.bands, self.sources, self.bars, self.ticks, self.titles = [], [], [], [], []
        for l, (ax, n) in enumerate(zip(self.ax_layers, sizes), start=1):
            self._draw_layer(ax, l, n, last=l == len(sizes))
        self.top = [1.0] * len(sizes)
        self.selected, self.source = selected, source
        self.update(x=None, activations=activations, reference=reference, selected=selected,
                    source=source, full=True)

    def _draw_layer(self, ax, l, n, last):
        bars = Bars(ax, n, ACCENT)
        (ticks,) = ax.plot(np.arange(n), np.zeros(n), "_", color="black", ms=12, mew=2)
        # drawn over the bars: a tinted band (the selected neuron), an outline (its input)
        band = ax.axvspan(-0.5, 0.5, color=HIGHLIGHT, alpha=0.4, lw=0)
        source = ax.axvspan(-0.5, 0.5, fill=False, ec=HIGHLIGHT, lw=3)
        ax.set_xlim(-0.6, n - 0.4)
        ax.set_ylim(0, 1.0)
        ax.set_xlabel("digit (output neuron)" if last else "neuron")
        ax.set_xticks(np.arange(n) if last else np.arange(0, n, 3))
        if l == 1:
            ax.set_ylabel("activation a")
        title = ax.set_title("output (layer 3)" if last else f"hidden layer {l}")
        self.moving(bars.collection, ticks, band, source, title)
        self.bands.append(band)
        self.sources.append(source)
        self.bars.append(bars)
        self.ticks.append(ticks)
        self.titles.append(title)

    def update(self, x=None, activations=None, reference=None, selected=None, source=None,
               full=False):
        if x is not None:
            self.digit.set_data(as_image(x))
        if selected is not None:
            self.selected = selected
        if source is not None or selected is not None:
            self.source = source
        if activations is not None:
            full = self._set_activations(activations, reference) or full
        self._set_selection()
        self.redraw(full=full)

    def _set_activations(self, activations, reference):
        """New bar heights; True if a layer outgrew its axis (ReLU is not capped at 1)."""
        grew = False
        reference = activations if reference is None else reference
        for i, (a, ref) in enumerate(zip(activations, reference)):
            self.bars[i].set_heights(a)
            self.ticks[i].set_ydata(ref)
            peak = max(float(np.max(a)), float(np.max(ref)))
            if peak > self.top[i]:                      # a full redraw: the y axis changes
                self.top[i] = 1.25 * peak
                self.ax_layers[i].set_ylim(0, self.top[i])
                grew = True
        y_hat = np.asarray(activations[-1])
        winner = int(np.argmax(y_hat))
        self.bars[-1].set_colors([WINNER if k == winner else ACCENT for k in range(len(y_hat))])
        self.titles[-1].set_text(f"output: reads {winner} ({y_hat[winner]:.2f})")
        return grew

    def _set_selection(self):
        """The orange band on the selected neuron, the outline on the source of its weight."""
        layer, neuron = self.selected
        for i, (band, source) in enumerate(zip(self.bands, self.sources), start=1):
            band.set_visible(i == layer)
            source.set_visible(self.source is not None and i == layer - 1)
        _move_band(self.bands[layer - 1], neuron)
        if self.source is not None and layer > 1:
            _move_band(self.sources[layer - 2], self.source)
        self.pixel.set_visible(self.source is not None and layer == 1)
        if self.source is not None and layer == 1:
            row, col = divmod(int(self.source), 28)
            self.pixel.set_data([col], [row])


def _move_band(band, k):
    """Put a vertical band (an axvspan Rectangle) over bar k."""
    band.set_x(k - 0.5)
    band.set_width(1.0)


class ActivationHistogramsFigure(BlitFigure):
    """How the hidden activations of several networks spread over many digits.

    rows: {name: [a1 (N, n1), a2 (N, n2), ...]}, one row of panels per network,
    one column per hidden layer; slopes: {name: [s1, s2, ...]} the matching
    f'(z). Each panel shows the share of all N·n values in each bin; its title
    gives the share of "flat" neurons, slope below 0.01, which barely learn.
    The axes are fixed when the figure is made, so updates are cheap: a row
    whose activations start within [0, 1] keeps x in [0, 1]; an unbounded one
    (ReLU) shows [0, 4] and counts larger values in one more bar, drawn in orange.
    update(rows=, slopes=) redraws the bars.
    """

    N_BINS = 30
    UNBOUNDED = 4.0

    def __init__(self, rows, slopes, width=10.5, height=5.6):
        super().__init__(width, height)
        names = list(rows)
        n_layers = len(rows[names[0]])
        self.panels = {}
        for r, name in enumerate(names):
            bounded = max(float(np.max(a)) for a in rows[name]) <= 1.0
            high = 1.0 if bounded else self.UNBOUNDED
            # unbounded rows: N_BINS - 1 bins up to `high`, then one overflow bin for a >= high
            n_regular = self.N_BINS if bounded else self.N_BINS - 1
            step = high / n_regular
            edges = np.arange(self.N_BINS + 1) * step
            for c in range(n_layers):
                ax = self.axes(len(names), n_layers, r * n_layers + c + 1)
                bars = Bars(ax, self.N_BINS, ACCENT, width=step, x=edges[:-1] + step / 2)
                if not bounded:
                    bars.set_colors([ACCENT] * n_regular + [HIGHLIGHT])
                title = ax.set_title("")
                self.moving(bars.collection, title)
                ax.set_xlim(0, edges[-1])
                ax.set_ylim(0, 1.0)                 # one scale for every row: compare them
                ax.set_xlabel(f"activation a, hidden layer {c + 1}"
                              + ("" if bounded else f"  (orange: a ≥ {high:g})"))
                if c == 0:
                    ax.set_ylabel(f"{name}\nshare of values")
                self.panels[name, c] = (edges, bars, title)
        self.fig.subplots_adjust(left=0.1, right=0.98, bottom=0.1, top=0.93, hspace=0.65,
                                 wspace=0.25)
        self.update(rows=rows, slopes=slopes)

    def update(self, rows, slopes):
        for name, layers in rows.items():
            for c, (a, s) in enumerate(zip(layers, slopes[name])):
                self._set_panel(name, c, np.ravel(a), np.ravel(s))
        self.redraw()

    def _set_panel(self, name, c, a, s):
        """The bars and title of one histogram (values past the axis go in the last bin)."""
        edges, bars, title = self.panels[name, c]
        counts, _ = np.histogram(np.minimum(a, edges[-1]), edges)   # overflow: last bin
        bars.set_heights(counts / a.size)
        flat = 100 * np.mean(s < 0.01)
        title.set_text(f"{flat:.0f} % flat, mean slope {s.mean():.2f}, largest a {a.max():.3g}")
