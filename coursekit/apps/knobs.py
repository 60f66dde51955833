"""Turn the knobs of a trained network: one weight or one bias, and watch every layer."""
import contextlib
import functools

import ipywidgets as w
import numpy as np

from coursekit import neurons
from coursekit.apps.base import (LABEL_STYLE, App, FigureView, Later, as_slider_shows, dropdown,
                                 float_slider, int_slider, on_change, on_grid, readout, set_readout)
from coursekit.figures.layers import NetworkActivityFigure

TOP = 8          # how many incoming weights the weight menu offers (the most influential)
LIMIT = 10.0     # slider range for a weight or a bias: wider than any trained value
STEP = 0.01      # the knobs' step: the read-out prints the same two decimals the slider shows


def network_knobs(net, X, y, digit=0):
    """Sliders on single weights and biases of `net` (a copy is changed, never `net`).

    X (N, 784), y (N,): the digits to feed in; the accuracy read-out uses all N.
    Neurons are listed most influential first (what silencing them would do to
    the outputs for this digit), and so are the weights into the chosen neuron.
    """
    return NetworkKnobs(net, X, y, digit).app()


class NetworkKnobs:
    """The state of network_knobs: the copy being turned, the trained original, the controls.

    Three things keep the app's own control changes from turning a knob:
    busy (True while the app sets its own controls: their handlers do nothing),
    loaded (slider -> the value fill_sliders put there, so the browser's echo of
    it is not a turn) and later (the menus and sliders, sent a moment after the
    figure when the digit or layer changes).
    """

    def __init__(self, net, X, y, digit=0):
        self.net, self.trained = net.copy(), net.copy()
        self.X, self.y = X, np.asarray(y)
        self.base_accuracy = self.trained.accuracy(X, self.y)
        self.sums = neurons.FirstLayerSums(self.net, X)    # keeps the accuracy read-out cheap per tick
        self.busy, self.loaded, self.later = False, {}, Later()
        self._make_controls(digit)
        self.figure = NetworkActivityFigure(X[digit], self.trained.trace(X[digit]).activations[1:])
        self.view = FigureView(self.figure)
        on_change(self.digit, self.on_digit)
        on_change(self.layer, self.on_layer)
        on_change(self.neuron, self.on_neuron)
        on_change(self.source, self.on_source)
        on_change(self.weight, self.on_weight)
        on_change(self.bias, self.on_bias)
        self.reset.on_click(self.on_reset)
        self._act(functools.partial(self.reselect, keep_neuron=False))
        self.later.flush()     # the app is shown with its menus filled

    def _make_controls(self, digit):
        L = len(self.net.sizes) - 1
        self.digit = int_slider("digit shown", digit, 0, len(self.X) - 1)
        self.layer = w.ToggleButtons(options=[(f"hidden layer {l}", l) for l in range(1, L)]
                                     + [(f"output layer {L}", L)], value=1, description="layer",
                                     style=LABEL_STYLE)
        self.neuron = dropdown("neuron", [("neuron 0", 0)])
        self.source = dropdown("weight from", [("-", 0)])
        self.weight = float_slider("weight w", 0.0, -LIMIT, LIMIT, STEP, fmt=".2f")
        self.bias = float_slider("bias b", 0.0, -LIMIT, LIMIT, STEP, fmt=".2f")
        self.reset = w.Button(description="reset all knobs", layout=w.Layout(width="180px"))
        self.knob_text, self.output_text = readout(), readout()

    def app(self):
        controls = {"digit": self.digit, "layer": self.layer, "neuron": self.neuron,
                    "source": self.source, "weight": self.weight, "bias": self.bias,
                    "reset": self.reset}
        app = App([self.digit, self.layer, self.neuron, self.source,
                   w.HBox([self.weight, self.reset]), self.bias, self.knob_text, self.output_text,
                   self.view], controls=controls, figures=[self.view],
                  readouts={"knob": self.knob_text, "output": self.output_text},
                  title="the knobs of a trained network")
        app.network = self.net     # the copy being changed (tests and curious learners read it)
        return app

    # -- what each control does ---------------------------------------------------------------

    def on_digit(self, _value):
        """A new digit: new menus, their top entries selected (a pending update is dropped)."""
        self._act(functools.partial(self.reselect, keep_neuron=False), fresh=True)

    def on_layer(self, _value):
        """Another layer: new menus, as for a new digit."""
        self._act(functools.partial(self.reselect, keep_neuron=False), fresh=True)

    def on_neuron(self, value):
        """Another neuron: a new weight menu, its top entry selected."""
        self._act(functools.partial(self.reselect, keep_neuron=True), self.neuron, value)

    def on_source(self, value):
        """Another incoming weight: the weight slider moves to its value."""
        self._act(self.fill_sliders, self.source, value, redraw=True)

    def on_weight(self, value):
        self._act(self._set_weight, self.weight, value, redraw=True)

    def on_bias(self, value):
        self._act(self._set_bias, self.bias, value, redraw=True)

    def on_reset(self, _button):
        self._act(self._restore, redraw=True)
        set_readout(self.knob_text, f"all {self.net.n_params:,} weights and biases are back to "
                                    f"their trained values")

    def _act(self, step, control=None, value=None, redraw=False, fresh=False):
        """Run one menu/slider syncing step once, ignoring the changes it causes, then draw.

        Nothing happens while the app sets its own controls, nor for a slider's echo.
        fresh: the step rebuilds every menu (a new digit or layer), so a pending
        update of the controls is dropped; any other step first applies it (it
        reads the selected neuron and weight) and then puts back the learner's move.
        """
        if self.busy or (control in (self.weight, self.bias) and self.echo(control)):
            return
        if fresh:
            self.later.cancel()
        else:
            self.later.flush()
            self.keep(control, value)
        self.loaded.clear()            # a real move: from now on every value is a turn
        with self.quiet():
            step()
        if redraw:
            self.draw()

    # -- keeping the controls in step ---------------------------------------------------------

    @contextlib.contextmanager
    def quiet(self):
        """While the app sets its own controls, their handlers do nothing."""
        was, self.busy = self.busy, True
        try:
            yield
        finally:
            self.busy = was

    def echo(self, slider):
        """True for the browser sending back the value just loaded (its float may differ in
        the last digits): that is not a turn of the knob, and is not drawn twice."""
        return self.loaded.get(slider) is not None and abs(slider.value - self.loaded[slider]) < 1e-9

    def keep(self, control, value):
        """The learner's value back on `control` after a pending update moved it (if still offered)."""
        offered = getattr(control, "options", None)
        if control is None or control.value == value or (
                offered is not None and value not in [v for _, v in offered]):
            return
        with self.quiet():
            control.value = value

    def selection(self):
        return self.layer.value, self.neuron.value, self.source.value

    def reselect(self, keep_neuron):
        """New menus for this digit (and layer), the top entries selected, figure first.

        The figure and read-outs are sent now; the menus and the knob sliders a
        moment later (Later), so the browser paints the picture the learner
        watches before it re-renders two drop-downs and moves two sliders.
        """
        l, x = self.layer.value, self.X[self.digit.value]
        if keep_neuron:
            n_options, j = None, self.neuron.value
        else:
            n_options = self.neuron_menu(l, x)
            j = n_options[0][1]
        s_options = self.source_menu(l, j, x)
        k = s_options[0][1]
        self.draw(l, j, k)
        self.later.schedule(functools.partial(self._show_controls, n_options, j, s_options, k))

    def _show_controls(self, n_options, j, s_options, k):
        """The menus at neuron j (n_options None: the neuron menu stays) and weight k, and the sliders."""
        with self.quiet():
            if n_options is not None:
                show_menu(self.neuron, n_options, j)
            show_menu(self.source, s_options, k)
            self.fill_sliders()

    def neuron_menu(self, l, x):
        """The neuron menu for layer l and digit x, most influential first."""
        influence = neurons.neuron_influence(self.net, x, l)
        return [(f"neuron {j}  (influence {influence[j]:.2f})", int(j))
                for j in neurons.ranked(influence)]

    def source_menu(self, l, j, x):
        """The weight menu: the incoming weights with the largest w·a for this digit."""
        terms = neurons.weight_contributions(self.net, x, l, j)
        names = ([f"pixel (row {k // 28}, col {k % 28})" for k in range(784)] if l == 1
                 else [f"neuron {k} of layer {l - 1}" for k in range(len(terms))])
        return [(f"{names[k]}: w·a = {terms[k]:+.2f}", int(k)) for k in neurons.ranked(terms, TOP)]

    def fill_sliders(self):
        """Move the sliders to the selected knob's values, rounded to the slider's step.

        The browser's slider snaps a value to its step and, if that changed it,
        sends the snapped value back: an unrounded value would turn the knob
        (and draw everything a second time) on every digit or menu change. The
        read-out prints the knob rounded the same way, so both show the same digits.
        """
        l, j, k = self.selection()
        self.weight.value = self.loaded[self.weight] = on_grid(self.net.weights[l - 1][j, k],
                                                               self.weight)
        self.bias.value = self.loaded[self.bias] = on_grid(self.net.biases[l - 1][j], self.bias)

    # -- the knobs, and what they show ----------------------------------------------------------

    def _set_weight(self):
        l, j, k = self.selection()      # read after _act applied a pending menu update
        if l == 1:
            self.sums.set_weight(self.net, j, k, self.weight.value)
        else:
            self.net.weights[l - 1][j, k] = self.weight.value

    def _set_bias(self):
        l, j, _ = self.selection()
        self.net.biases[l - 1][j] = self.bias.value

    def _restore(self):
        self.net.set_parameters(self.trained.parameters())
        self.sums.reset(self.net)
        self.fill_sliders()

    def draw(self, l=None, j=None, k=None):
        """Figure and read-outs for the knob (l, j, k) (default: the one selected)."""
        if l is None:
            l, j, k = self.selection()
        x = self.X[self.digit.value]
        a = self.net.trace(x).activations[1:]
        self.figure.update(x=x, activations=a, reference=self.trained.trace(x).activations[1:],
                           selected=(l, j), source=k)
        self.view.refresh()
        self._show_readouts(l, j, k, a[-1])

    def _show_readouts(self, l, j, k, output):
        now, was = self.net, self.trained
        w_, b_ = (functools.partial(as_slider_shows, slider=s) for s in (self.weight, self.bias))
        set_readout(self.knob_text, f"layer {l}, neuron {j}:  w = {w_(now.weights[l - 1][j, k])} "
                                    f"(trained {w_(was.weights[l - 1][j, k])}),  "
                                    f"b = {b_(now.biases[l - 1][j])} (trained {b_(was.biases[l - 1][j])})")
        accuracy = np.mean(self.sums.predict(now) == self.y)
        set_readout(self.output_text, f"this {self.y[self.digit.value]} is read as "
                                      f"{int(np.argmax(output))}; accuracy on these {len(self.X):,} "
                                      f"digits: {accuracy:.1%} (trained: {self.base_accuracy:.1%})")


def show_menu(menu, options, value):
    """Set a drop-down in one message, and only what really changed (the browser
    re-renders a drop-down for every change it is sent)."""
    with menu.hold_sync():
        if tuple(options) != tuple(menu.options):
            menu.options = options
        if menu.value != value:
            menu.value = value

