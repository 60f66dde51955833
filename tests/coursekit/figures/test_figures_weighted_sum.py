"""The rows of W (notebook 02): one row of W times the input is the neuron's weighted sum,
exactly as the network's forward_layer computes it, drawn once and updated in place."""
import numpy as np
import pytest

from coursekit import figures
from coursekit.figures.weighted_sum import weighted_sum_parts
from coursekit.trained import trained_network
from nnlib import Network, data


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


@pytest.fixture(scope="module")
def net():
    return trained_network()


def changed(figure, action):
    before = figure.rgba().copy()
    action()
    return not np.array_equal(before, figure.rgba())


@pytest.mark.parametrize("layer, neuron", [(1, 0), (1, 6), (2, 3), (2, 15), (3, 0), (3, 9)])
def test_product_and_sum_are_what_forward_layer_computes(digits, net, layer, neuron):
    x = digits.X_test[4]
    parts = weighted_sum_parts(net, x, layer, neuron)
    a_before = net.trace(x).activations[layer - 1]
    z, a = net.forward_layer(layer, a_before)
    np.testing.assert_array_equal(parts.a, a_before)
    np.testing.assert_array_equal(parts.w, net.weights[layer - 1][neuron])
    np.testing.assert_array_equal(parts.product, parts.w * parts.a)
    assert parts.z == z[neuron] and parts.activation == a[neuron]          # the network's own
    assert parts.total + parts.b == pytest.approx(z[neuron], abs=1e-12)    # one row · one column
    assert parts.b == net.biases[layer - 1][neuron]


def test_the_figure_shows_the_parts(digits, net):
    figure = figures.WeightedSumFigure(net, digits.X_test[0], layer=1, neuron=6)
    p = figure.parts
    np.testing.assert_array_equal(figure.images[0].get_array(), p.w.reshape(28, 28))
    np.testing.assert_array_equal(figure.images[1].get_array(), digits.X_test[0].reshape(28, 28))
    np.testing.assert_array_equal(figure.images[2].get_array(), p.product.reshape(28, 28))
    labels = [t.get_text() for t in figure.sum_labels]
    values = dict(zip(labels, (t for _, _, t, _ in figure.sum_values.cells)))
    assert values["= z"] == f"{p.z:+.2f}".replace("-", "−")
    assert values["= Σ w·a"] == f"{p.total:+.2f}".replace("-", "−")
    assert values["a = σ(z)"] == f"{p.activation:.2f}"
    assert figure.sum_header.get_text() == "sum over 784 pixels"
    assert figure._repr_mimebundle_()["text/plain"] == "<WeightedSumFigure>"


def test_later_layers_are_columns_of_printed_numbers(digits, net):
    figure = figures.WeightedSumFigure(net, digits.X_test[0], layer=2, neuron=3)
    assert figure.images[0].get_array().shape == (16, 1)
    texts = [t for _, _, t, _ in figure.numbers[0].cells]
    assert len(texts) == 16 and texts[0] == f"{net.weights[1][3][0]:+.2f}".replace("-", "−")
    assert len(figure.numbers[1].cells) == 16
    figure.update(layer=3, neuron=9)
    assert figure.images[2].get_array().shape == (16, 1) and figure.parts.neuron == 9


@pytest.mark.parametrize("change", [dict(neuron=3), dict(layer=2), dict(layer=3, neuron=0)])
def test_every_change_is_drawn_in_place(digits, net, change):
    figure = figures.WeightedSumFigure(net, digits.X_test[0], layer=1, neuron=6)
    artists = (figure.fig, *figure.images)
    assert changed(figure, lambda: figure.update(**change))
    assert (figure.fig, *figure.images) == artists


def test_a_new_digit_changes_the_input_and_the_product(digits, net):
    figure = figures.WeightedSumFigure(net, digits.X_test[0], layer=2, neuron=1)
    assert changed(figure, lambda: figure.update(x=digits.X_test[1]))
    np.testing.assert_array_equal(figure.parts.a, net.trace(digits.X_test[1]).activations[1])


def test_blitted_updates_draw_the_same_pixels_as_a_fresh_figure(digits, net):
    figure = figures.WeightedSumFigure(net, digits.X_test[0], layer=1, neuron=6)
    for change in [dict(layer=2), dict(neuron=7), dict(layer=3, neuron=2), dict(layer=1),
                   dict(x=digits.X_test[5]), dict(layer=2, neuron=11)]:
        figure.update(**change)
    fresh = figures.WeightedSumFigure(net, digits.X_test[5], layer=2, neuron=11)
    np.testing.assert_array_equal(figure.rgba(), fresh.rgba())


def test_a_full_redraw_after_a_saved_layer_shows_that_layers_still_parts(digits, net):
    """Back on a layer seen before, only its saved picture is pasted; a full redraw then
    (a resize, say) must still draw that layer's ticks, colour bar and labels."""
    figure = figures.WeightedSumFigure(net, digits.X_test[0], layer=2, neuron=3)
    for layer in (3, 2):
        figure.update(layer=layer)
    figure.redraw(full=True)
    fresh = figures.WeightedSumFigure(net, digits.X_test[0], layer=2, neuron=3)
    np.testing.assert_array_equal(figure.rgba(), fresh.rgba())


def test_other_activations_are_named(digits):
    relu = Network((784, 16, 16, 10), rng=0, activation="relu")
    figure = figures.WeightedSumFigure(relu, digits.X_test[0], layer=1, neuron=0)
    assert figure.sum_labels[-1].get_text() == "a = relu(z)"


@pytest.mark.parametrize("layer, neuron, words", [
    (0, 0, "Layer 0 is the input"), (4, 0, "layer as a whole number from 1 to 3"),
    (3, 10, "neuron from 0 to 9"), (1, 2.0, "neuron from 0 to 15")])
def test_wrong_layers_and_neurons_are_explained(digits, net, layer, neuron, words):
    with pytest.raises(ValueError, match=words):
        figures.WeightedSumFigure(net, digits.X_test[0], layer=layer, neuron=neuron)
    with pytest.raises(TypeError, match="nnlib.Network"):
        weighted_sum_parts("net", digits.X_test[0], 1, 0)
