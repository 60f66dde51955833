"""Notebook 02 (weights and biases): neuron maths, its widgets, and the exercise checkers."""
import numpy as np
import pytest

from coursekit import neurons, trained
from coursekit.apps import base
from coursekit.apps.knobs import network_knobs
from coursekit.apps.neuron import neuron_explorer
from coursekit.figures.layers import NetworkActivityFigure
from coursekit.figures.neuron import NeuronFigure
from nnlib import activations, data


@pytest.fixture(scope="module")
def digits():
    sample = data.load_sample()
    return sample.X_test[:300], sample.y_test[:300]


@pytest.fixture(scope="module")
def net():
    return trained.trained_network()


def pixels(app):
    return app.figures[0].figure.rgba().copy()


# -- maths ------------------------------------------------------------------------

@pytest.mark.parametrize("name", neurons.PATTERNS)
def test_patterns_are_784_finite_weights(name):
    w = neurons.pattern(name)
    assert w.shape == (784,) and np.all(np.isfinite(w)) and np.abs(w).max() > 0


def test_unknown_pattern_says_which_exist():
    with pytest.raises(ValueError, match="loop"):
        neurons.pattern("circle")


def test_firing_is_the_threshold_minus_b(digits):
    X, y = digits
    w = neurons.pattern("edge")
    sums = neurons.weighted_sums(w, X)
    np.testing.assert_allclose(sums, X @ w)
    for b in (-10.0, 0.0, 4.5):
        assert np.array_equal(neurons.fires(sums, b), neurons.activation(sums, b) > 0.5)
        rates = neurons.firing_by_digit(sums, y, b)
        expected = [np.mean(sums[y == k] > -b) for k in range(10)]
        np.testing.assert_allclose(rates, expected)


def test_loop_neuron_can_be_tuned_to_zeros():
    """The task the notebook sets: a bias near -12 makes the loop neuron a 0-detector."""
    sample = data.load_sample()
    sums = neurons.weighted_sums(neurons.pattern("loop"), sample.X_test)
    rates = neurons.firing_by_digit(sums, sample.y_test, -12.0)
    assert rates[0] >= 0.9 and np.delete(rates, 0).max() <= 0.12


def test_weighted_sums_reject_an_image_shaped_pattern(digits):
    with pytest.raises(ValueError, match="reshape"):
        neurons.weighted_sums(np.zeros((28, 28)), digits[0])


def test_influence_of_output_neurons_is_their_activation(net, digits):
    x = digits[0][0]
    np.testing.assert_allclose(neurons.neuron_influence(net, x, 3), net.forward(x))


def test_influence_of_a_hidden_neuron_is_what_silencing_it_changes(net, digits):
    x = digits[0][0]
    a1 = net.trace(x).activations[1].copy()
    a1[5] = 0.0
    changed = net.forward_from(1, a1)
    expected = np.abs(changed - net.forward(x)).sum()
    assert neurons.neuron_influence(net, x, 1)[5] == pytest.approx(expected)
    with pytest.raises(ValueError, match="layer 0 is the input"):
        neurons.neuron_influence(net, x, 0)


def test_hidden_layers_at_scale_one_match_the_trace(net, digits):
    hidden, slopes = neurons.hidden_layers(net, digits[0][:10])
    trace = net.trace(digits[0][:10])
    for a, s, z, a_net in zip(hidden, slopes, trace.zs, trace.activations[1:-1]):
        np.testing.assert_allclose(a, a_net)
        np.testing.assert_allclose(s, activations.sigmoid_prime(z))


# -- figures ----------------------------------------------------------------------

def test_blitted_ticks_draw_the_same_pixels_as_a_full_redraw(digits):
    X, y = digits
    w = neurons.pattern("stroke")
    sums = neurons.weighted_sums(w, X)
    fig = NeuronFigure(w, sums, y, b=0.0, x=X[0], x_sum=sums[0], label=y[0])
    fig.rgba()
    fig.update(b=-7.5)
    fig.update(x=X[3], x_sum=sums[3], label=y[3])
    fast = fig.rgba().copy()
    fig.redraw(full=True)
    assert np.array_equal(fast, fig.rgba())


def test_figures_show_as_fixed_text_and_a_png(net, digits):
    x = digits[0][0]
    fig = NetworkActivityFigure(x, net.trace(x).activations[1:])
    bundle = fig._repr_mimebundle_()
    assert bundle["text/plain"] == "<NetworkActivityFigure>"
    assert bundle["image/png"][:4] == b"\x89PNG"


# -- widgets: every control changes what is shown ------------------------------------

def test_neuron_explorer_controls_change_the_figure(digits):
    X, y = digits
    app = neuron_explorer(X, y)
    for name, value in [("bias", -12.0), ("pattern", "loop: a ring around an empty centre"),
                        ("digit", 7)]:
        before, text = pixels(app), app.readouts["summary"].value
        app.controls[name].value = value
        after = pixels(app)
        assert before.shape == after.shape and not np.array_equal(before, after), name
        if name == "bias":
            assert app.readouts["summary"].value != text


def test_neuron_explorer_offers_extra_patterns(digits, net):
    X, y = digits
    app = neuron_explorer(X, y, patterns={"trained neuron 3": net.weights[0][3]})
    before = pixels(app)
    app.controls["pattern"].value = "trained neuron 3"
    assert not np.array_equal(before, pixels(app))


def test_knobs_change_a_copy_and_every_layer(net, digits):
    X, y = digits
    app = network_knobs(net, X, y)
    original = net.parameters().copy()
    before = pixels(app)
    app.controls["layer"].value = 3
    l, j = 3, app.controls["neuron"].value
    assert not np.array_equal(before, pixels(app))
    before = pixels(app)
    app.controls["bias"].value = -9.0
    assert app.network.biases[l - 1][j] == -9.0
    assert not np.array_equal(before, pixels(app))
    k = app.controls["source"].value
    app.controls["weight"].value = 7.5
    assert app.network.weights[l - 1][j, k] == 7.5
    assert np.array_equal(net.parameters(), original)          # the caller's net is untouched


@pytest.mark.parametrize("control", ["digit", "layer", "neuron", "source", "weight", "bias"])
def test_every_knob_control_changes_figure_or_readout(net, digits, control):
    X, y = digits
    app = network_knobs(net, X, y)
    c = app.controls[control]
    options = getattr(c, "options", None)
    new = {"digit": 5, "layer": 2, "weight": 3.0, "bias": 3.0}.get(control)
    if new is None:
        new = options[2][1]
    seen = pixels(app), app.readouts["knob"].value, app.readouts["output"].value
    c.value = new
    now = pixels(app), app.readouts["knob"].value, app.readouts["output"].value
    assert not np.array_equal(seen[0], now[0]) or seen[1:] != now[1:], control


def test_reset_restores_the_trained_knobs(net, digits):
    X, y = digits
    app = network_knobs(net, X, y)
    app.controls["bias"].value = 8.0
    text = app.readouts["knob"].value
    app.controls["reset"].click()
    assert np.array_equal(app.network.parameters(), net.parameters())
    assert app.readouts["knob"].value != text
    assert "back to their trained" in app.readouts["knob"].value
    # pressing it on an untouched network still says so: a browser sees a change
    fresh = network_knobs(net, X, y)
    text = fresh.readouts["knob"].value
    fresh.controls["reset"].click()
    assert fresh.readouts["knob"].value != text


def test_first_layer_sums_follow_single_weight_changes(net, digits):
    X, y = digits
    changed = net.copy()
    sums = neurons.FirstLayerSums(changed, X)
    sums.set_weight(changed, 3, 400, 5.0)
    sums.set_weight(changed, 3, 401, -2.0)
    assert changed.weights[0][3, 400] == 5.0
    np.testing.assert_allclose(sums.Z, X @ changed.weights[0].T, atol=1e-12)
    assert np.array_equal(sums.predict(changed), changed.predict(X))


def test_knobs_accuracy_readout_matches_the_network(net, digits):
    X, y = digits
    app = network_knobs(net, X, y)
    app.controls["weight"].value = -9.0
    app.controls["bias"].value = 6.0
    assert f"{app.network.accuracy(X, y):.1%}" in app.readouts["output"].value


def test_knob_sliders_load_values_on_their_step(net, digits):
    """A browser slider snaps to its step and sends the snapped value back; loaded values
    must already be on the step, or a digit change would silently turn a knob."""
    X, y = digits
    app = network_knobs(net, X, y)
    for control, value in [("digit", 5), ("layer", 2), ("digit", 7)]:
        app.controls[control].value = value
        for name in ("weight", "bias"):
            slider = app.controls[name]
            assert slider.value == round(round(slider.value / slider.step) * slider.step, 6)
            slider.value += 1e-13        # the browser's echo of it, off in the last digits
        assert np.array_equal(app.network.parameters(), net.parameters())   # nothing turned
    app.controls["bias"].value = 3.0                                        # a real turn
    assert not np.array_equal(app.network.parameters(), net.parameters())
    assert app.controls["neuron"].options[0][0].startswith(f"neuron {app.controls['neuron'].value} ")


def in_a_kernel(coroutine_function, monkeypatch):
    """Run the coroutine as a kernel would: on a fresh event loop of its own (in a thread, so
    that a loop the test process already runs, e.g. Playwright's, does not matter), with
    Later treating that loop as the kernel's."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor
    monkeypatch.setattr(base, "kernel_loop", asyncio.get_running_loop)
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine_function()).result()


def test_later_runs_at_once_outside_a_kernel():
    calls = []
    base.Later().schedule(lambda: calls.append(1))
    assert calls == [1] and base.kernel_loop() is None


def test_knob_menus_follow_the_figure_a_moment_later_in_a_kernel(net, digits, monkeypatch):
    """In a kernel (a running event loop) a new digit sends the figure at once and
    the menus and sliders a moment later; they end up as they would at once."""
    import asyncio
    X, y = digits
    now = network_knobs(net, X, y)
    now.controls["digit"].value = 5                      # no event loop: all at once

    async def new_digit():
        app = network_knobs(net, X, y)
        menu, figure = app.controls["neuron"].options, pixels(app)
        app.controls["digit"].value = 5
        assert not np.array_equal(figure, pixels(app))  # the figure went first
        assert app.controls["neuron"].options == menu    # the menus wait
        await asyncio.sleep(2 * 0.1)
        return app

    later = in_a_kernel(new_digit, monkeypatch)
    for name in ("neuron", "source", "weight", "bias"):
        assert later.controls[name].value == now.controls[name].value, name
    assert later.controls["neuron"].options == now.controls["neuron"].options
    np.testing.assert_array_equal(pixels(later), pixels(now))


def test_a_knob_turned_before_the_menus_arrive_turns_the_new_neurons_knob(net, digits, monkeypatch):
    X, y = digits

    async def turn_at_once():
        app = network_knobs(net, X, y)
        app.controls["digit"].value = 5
        app.controls["bias"].value = 4.0     # the pending menus are applied first
        return app

    app = in_a_kernel(turn_at_once, monkeypatch)
    l, j = app.controls["layer"].value, app.controls["neuron"].value
    assert j == app.controls["neuron"].options[0][1]          # the new digit's top neuron
    assert app.network.biases[l - 1][j] == 4.0
    changed = np.flatnonzero(app.network.parameters() != net.parameters())
    assert len(changed) == 1
