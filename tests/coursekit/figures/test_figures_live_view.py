"""The figures of notebook 06's live view and "hope versus reality": drawn once, updated in place."""
import numpy as np
import pytest

from coursekit import trained
from coursekit.figures.live_view import LayerImagesFigure, TopDigitsFigure
from coursekit.figures.training_curves import TrainingCurvesFigure
from nnlib import data, training
from nnlib.network import Network


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


def test_layer_images_change_when_the_weights_do():
    net = Network(rng=0)
    figure = LayerImagesFigure(net, title="fresh")
    before = figure.rgba().copy()
    net.weights[1][:] = np.random.default_rng(1).normal(size=net.weights[1].shape)   # layer 2 only
    figure.update(net=net, title="fresh")
    after = figure.rgba()
    changed = np.any(before != after, axis=2)
    height = changed.shape[0]
    assert changed[height // 2:].any() and not changed[:height // 3].any()   # only the lower half


def test_layer_images_show_both_signs_with_the_house_diverging_colours():
    figure = LayerImagesFigure(trained.trained_network("relu"))
    tiles = figure.mosaics[1].get_array()
    assert tiles.dtype == np.uint8 and tiles.shape[2] == 4
    assert [t.get_text() for t in figure.fig.axes[1].get_yticklabels()] == ["−", "0", "+"]
    assert figure.scales[1].get_text().startswith("±")


def test_top_digits_figure_titles_the_labels_of_the_most_exciting_digits(digits):
    net = trained.trained_network("sigmoid")
    a2 = net.trace(digits.X_test)[0][1]          # z of layer 2
    figure = TopDigitsFigure(digits.X_test, a2, digits.y_test, k=3)
    best = np.argmax(a2[:, 0])
    assert figure.fig.axes[0].get_title().startswith(f"neuron 0: {digits.y_test[best]} ")
    assert figure.static_png()[:4] == b"\x89PNG"


def test_training_curves_are_blitted_and_still_show_in_a_static_png():
    empty = TrainingCurvesFigure(epochs=10).rgba().copy()
    history = training.History(cost=[0.5, 0.3], train_accuracy=[0.5, 0.8], test_accuracy=[0.4, 0.7],
                               seconds=[1, 2], lr=[3, 3])
    figure = TrainingCurvesFigure({"training": history}, epochs=10)
    assert np.any(figure.rgba() != empty)
    key = figure.background_key
    longer = training.History(**{name: getattr(history, name) * 2 for name in
                                 ("cost", "train_accuracy", "test_accuracy", "seconds", "lr")})
    figure.update(history=longer)
    assert figure.background_key == key             # 4 epochs of 10: the same axes, only lines move
    many = training.History(**{name: getattr(history, name) * 6 for name in
                               ("cost", "train_accuracy", "test_accuracy", "seconds", "lr")})
    figure.update(history=many)
    assert figure.ax_cost.get_xlim() == (0.5, 20.5)   # 12 epochs: the axis grows by 10
