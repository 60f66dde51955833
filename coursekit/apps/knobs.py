"""Turn the knobs of a trained network: one weight or one bias, and watch every layer."""
import contextlib

import ipywidgets as w
import numpy as np

from coursekit import neurons
from coursekit.apps.base import (LABEL_STYLE, App, FigureView, Later, dropdown, float_slider,
                                 int_slider, on_change, readout, set_readout)
from coursekit.figures.layers import NetworkActivityFigure

TOP = 8          # how many incoming weights the weight menu offers (the most influential)
LIMIT = 10.0     # slider range for a weight or a bias: wider than any trained value


def network_knobs(net, X, y, digit=0):
    """Sliders on single weights and biases of `net` (a copy is changed, never `net`).

    X (N, 784), y (N,): the digits to feed in; the accuracy read-out uses all N.
    Neurons are listed most influential first (what silencing them would do to
    the outputs for this digit), and so are the weights into the chosen neuron.
    """
    net, trained = net.copy(), net.copy()
    y = np.asarray(y)
    base_accuracy = trained.accuracy(X, y)
    sums = neurons.FirstLayerSums(net, X)      # keeps the accuracy read-out cheap per tick
    L = len(net.sizes) - 1

    pick_digit = int_slider("digit shown", digit, 0, len(X) - 1)
    layer = w.ToggleButtons(options=[(f"hidden layer {l}", l) for l in range(1, L)]
                            + [(f"output layer {L}", L)], value=1, description="layer",
                            style=LABEL_STYLE)
    neuron = dropdown("neuron", [("neuron 0", 0)])
    source = dropdown("weight from", [("-", 0)])
    weight = float_slider("weight w", 0.0, -LIMIT, LIMIT, 0.05)
    bias = float_slider("bias b", 0.0, -LIMIT, LIMIT, 0.05)
    reset = w.Button(description="reset all knobs", layout=w.Layout(width="180px"))
    knob_text, output_text = readout(), readout()
    figure = NetworkActivityFigure(X[digit], trained.trace(X[digit]).activations[1:])
    view = FigureView(figure)
    state = {"busy": False}
    controls_later = Later()   # menus and sliders follow the figure a moment later
    loaded = {}        # slider -> the value fill_sliders put there, until something else moves

    def selection():
        return layer.value, neuron.value, source.value

    def neuron_menu(l, x):
        """The neuron menu for layer l and digit x, most influential first."""
        influence = neurons.neuron_influence(net, x, l)
        return [(f"neuron {j}  (influence {influence[j]:.2f})", int(j))
                for j in neurons.ranked(influence)]

    def source_menu(l, j, x):
        """The weight menu: the incoming weights with the largest w·a for this digit."""
        terms = neurons.weight_contributions(net, x, l, j)
        names = ([f"pixel (row {k // 28}, col {k % 28})" for k in range(784)] if l == 1
                 else [f"neuron {k} of layer {l - 1}" for k in range(len(terms))])
        return [(f"{names[k]}: w·a = {terms[k]:+.2f}", int(k)) for k in neurons.ranked(terms, TOP)]

    def show_menu(menu, options, value):
        """Set a drop-down in one message, and only what really changed (the browser
        re-renders a drop-down for every change it is sent)."""
        with menu.hold_sync():
            if tuple(options) != tuple(menu.options):
                menu.options = options
            if menu.value != value:
                menu.value = value

    def fill_sliders():
        """Move the sliders to the selected knob's values, rounded to the slider's step.

        The browser's slider snaps a value to its step and, if that changed it,
        sends the snapped value back: an unrounded value would turn the knob
        (and draw everything a second time) on every digit or menu change. The
        read-out shows the knob's exact value.
        """
        l, j, k = selection()
        weight.value = loaded[weight] = _on_step(net.weights[l - 1][j, k], weight.step)
        bias.value = loaded[bias] = _on_step(net.biases[l - 1][j], bias.step)

    def echo(slider):
        """True for the browser sending back the value just loaded (its float may differ in
        the last digits): that is not a turn of the knob, and is not drawn twice."""
        return loaded.get(slider) is not None and abs(slider.value - loaded[slider]) < 1e-9

    def draw(l=None, j=None, k=None):
        """Figure and read-outs for the knob (l, j, k) (default: the one selected)."""
        if l is None:
            l, j, k = selection()
        x = X[pick_digit.value]
        a = net.trace(x).activations[1:]
        figure.update(x=x, activations=a, reference=trained.trace(x).activations[1:],
                      selected=(l, j), source=k)
        view.refresh()
        w_now, w_was = net.weights[l - 1][j, k], trained.weights[l - 1][j, k]
        b_now, b_was = net.biases[l - 1][j], trained.biases[l - 1][j]
        set_readout(knob_text, f"layer {l}, neuron {j}:  w = {w_now:.2f} (trained {w_was:.2f}),  "
                               f"b = {b_now:.2f} (trained {b_was:.2f})")
        accuracy = np.mean(sums.predict(net) == y)
        set_readout(output_text, f"this {y[pick_digit.value]} is read as {int(np.argmax(a[-1]))}; "
                                 f"accuracy on these {len(X):,} digits: {accuracy:.1%} "
                                 f"(trained: {base_accuracy:.1%})")

    def reselect(keep_neuron):
        """New menus for this digit (and layer), the top entries selected, figure first.

        The figure and read-outs are sent now; the menus and the knob sliders a
        moment later (Later), so the browser paints the picture the learner
        watches before it re-renders two drop-downs and moves two sliders.
        """
        l, x = layer.value, X[pick_digit.value]
        if keep_neuron:
            n_options, j = None, neuron.value
        else:
            n_options = neuron_menu(l, x)
            j = n_options[0][1]
        s_options = source_menu(l, j, x)
        k = s_options[0][1]
        draw(l, j, k)

        def update_controls():
            with quiet():
                if n_options is not None:
                    show_menu(neuron, n_options, j)
                show_menu(source, s_options, k)
                fill_sliders()
        controls_later.schedule(update_controls)

    @contextlib.contextmanager
    def quiet():
        """While the app sets its own controls, their handlers do nothing."""
        was, state["busy"] = state["busy"], True
        try:
            yield
        finally:
            state["busy"] = was

    def handler(step, control=None, redraw=True, fresh=False):
        """Run a menu/slider syncing step once, ignoring the changes it causes, then draw.

        fresh: the step rebuilds every menu (a new digit or layer), so a pending
        update of the controls is dropped; any other step first applies it (it
        reads the selected neuron and weight) and then puts back the learner's move.
        """
        def run(value):
            if state["busy"] or (control in (weight, bias) and echo(control)):
                return
            if fresh:
                controls_later.cancel()
            else:
                controls_later.flush()
                keep(control, value)
            loaded.clear()            # a real move: from now on every value is a turn
            with quiet():
                step()
            if redraw:
                draw()
        return run

    def keep(control, value):
        """The learner's value back on `control` after a pending update moved it (if still offered)."""
        offered = getattr(control, "options", None)
        if control is None or control.value == value or (
                offered is not None and value not in [v for _, v in offered]):
            return
        with quiet():
            control.value = value

    def set_weight():
        l, j, k = selection()
        if l == 1:
            sums.set_weight(net, j, k, weight.value)
        else:
            net.weights[l - 1][j, k] = weight.value

    def set_bias():
        l, j, _ = selection()
        net.biases[l - 1][j] = bias.value

    def restore():
        net.set_parameters(trained.parameters())
        sums.reset(net)
        fill_sliders()

    def on_reset(_button):
        handler(restore)(None)
        set_readout(knob_text, f"all {net.n_params:,} weights and biases are back to their "
                               f"trained values")

    on_change(pick_digit, handler(lambda: reselect(keep_neuron=False), redraw=False, fresh=True))
    on_change(layer, handler(lambda: reselect(keep_neuron=False), redraw=False, fresh=True))
    on_change(neuron, handler(lambda: reselect(keep_neuron=True), neuron, redraw=False))
    on_change(source, handler(fill_sliders, source))
    on_change(weight, handler(set_weight, weight))
    on_change(bias, handler(set_bias, bias))
    reset.on_click(on_reset)
    handler(lambda: reselect(keep_neuron=False), redraw=False)(None)
    controls_later.flush()     # the app is shown with its menus filled
    controls = {"digit": pick_digit, "layer": layer, "neuron": neuron, "source": source,
                "weight": weight, "bias": bias, "reset": reset}
    app = App([pick_digit, layer, neuron, source, w.HBox([weight, reset]), bias, knob_text,
              output_text, view], controls=controls, figures=[view],
              readouts={"knob": knob_text, "output": output_text},
              title="the knobs of a trained network")
    app.network = net          # the copy being changed (tests and curious learners read it)
    return app


def _on_step(value, step):
    """value on the slider's grid of `step`, as the float the browser's slider would report."""
    return round(round(float(value) / step) * step, 6)
