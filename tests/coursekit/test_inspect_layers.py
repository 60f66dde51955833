"""coursekit.inspect_layers: what the hidden layers look for, and the tests notebook 06 puts them to."""
import numpy as np
import pytest

from coursekit import inspect_layers as il
from coursekit import trained
from nnlib import data
from nnlib.network import Network


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


def test_pixel_templates_are_w1_and_w2_times_w1():
    net = Network(rng=0)
    assert np.array_equal(il.pixel_templates(net, 1), net.weights[0])
    assert np.allclose(il.pixel_templates(net, 2), net.weights[1] @ net.weights[0])
    assert il.pixel_templates(net, 2).shape == (16, 784)


@pytest.mark.parametrize("kind", ["edge", "line", "blob"])
def test_patches_are_unit_vectors_of_784_pixels(kind):
    T = il.patches(kind)
    assert T.shape[1] == 784 and np.allclose(np.linalg.norm(T, axis=1), 1)


def test_an_edge_detector_is_recognised_and_noise_is_not():
    edges = il.patches("edge")
    detector = 3.0 * edges[[40]] + 0.01 * np.random.default_rng(0).normal(size=(1, 784))
    noise = np.random.default_rng(1).normal(size=(1, 784))
    assert il.explained_shares(detector, edges)[0] > 0.9 > il.EDGE_LIKE
    assert il.explained_shares(noise, edges)[0] < 0.1
    assert il.explained_shares(edges[[40]], il.patches("blob"))[0] < il.EDGE_LIKE


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_the_shipped_networks_verdicts_that_notebook_06_states(activation, digits):
    net = trained.trained_network(activation)
    shares = il.edge_shares(net)
    assert set(shares) == {"edge", "line", "blob"}
    assert shares["edge"].max() < il.EDGE_LIKE                    # no edge detector in layer 1
    assert np.all(np.abs(il.probe(net, digits.X_test)) < il.SELECTIVE)   # no loop or line neuron
    top = il.top_digits(net, digits.X_test, k=10)
    assert np.median(il.label_share(digits.y_test, top)) >= 0.7  # mostly one digit each


@pytest.mark.parametrize("kind", ["loop", "line"])
def test_strokes_are_digit_sized_ink_in_the_middle(kind):
    S = il.strokes(kind)
    assert S.shape == (12, 784) and S.min() >= 0 and S.max() <= 1
    images = S.reshape(12, 28, 28)
    assert np.all(images.sum(axis=(1, 2)) > 5)
    assert images[:, :3].sum() == 0 and images[:, -3:].sum() == 0   # the border stays clear
    assert len({image.tobytes() for image in images}) == 12


def test_a_wrong_stroke_kind_is_named():
    with pytest.raises(ValueError, match="'loop' or 'line'"):
        il.stroke_image("circle", 0)


def test_label_share_counts_the_most_common_label():
    labels = np.array([1, 1, 2, 3])
    top = np.array([[0, 2], [1, 3], [2, 2]])
    assert np.allclose(il.label_share(labels, top), [2 / 3, 2 / 3])
