"""The network diagram and the digit figures of notebook 01: drawn once, updated in place,
the same pixels as a fresh drawing, and readable errors for wrong inputs."""
import numpy as np
import pytest

import matplotlib

from coursekit import figures
from coursekit.figures.layers import WINNER
from coursekit.trained import trained_network
from nnlib import Network, data


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


@pytest.fixture(scope="module")
def trained():
    return trained_network()


def changed(figure, action):
    """Whether `action()` changes the drawn pixels of `figure`."""
    before = figure.rgba().copy()
    action()
    return not np.array_equal(before, figure.rgba())


# --- NetworkFigure -------------------------------------------------------------------

def test_network_figure_shows_the_answer_of_the_network(digits, trained):
    x = digits.X_test[0]
    figure = figures.NetworkFigure(trained, x, label=int(digits.y_test[0]))
    assert figure.answer == trained.predict(x)
    np.testing.assert_allclose(figure.y_hat, trained.forward(x))
    label = figure.answer_label       # drawn over the plain label of the answer
    assert label.get_text() == str(figure.answer) and label.get_color() == WINNER
    assert label.get_position() == figure.output_labels[figure.answer].get_position()
    np.testing.assert_allclose(figure.ring.get_offsets()[0], figure.positions[-1][figure.answer])
    order = np.argsort(-figure.y_hat, kind="stable")
    assert figure.second == order[1]
    assert figure.title.get_text().endswith(
        f"answer {figure.answer} (output {figure.y_hat[figure.answer]:.2f}),  "
        f"second {figure.second} ({figure.y_hat[figure.second]:.2f})")
    # every output's value is printed beside its label, the answer's in the answer colour
    values = figure.values.cells
    assert [t for _, _, t, _ in values] == [f"{v:.2f}" for v in figure.y_hat]
    assert [c for _, _, _, c in values].count(WINNER) == 1 and values[figure.answer][3] == WINNER
    # the answer's colour is used for nothing else: not for lines, neurons or the marked ring
    line_colours = {tuple(np.round(c[:3], 3)) for c in figure.lines.get_colors()}
    assert len(line_colours) == 2
    assert tuple(np.round(matplotlib.colors.to_rgb(WINNER), 3)) not in line_colours
    assert WINNER not in (figures.base.ACCENT, figures.base.HIGHLIGHT)
    # every hidden and output neuron is shaded by its activation
    np.testing.assert_allclose(figure.neurons.get_array(),
                               np.concatenate(trained.trace(x).activations[1:]))
    assert figure._repr_mimebundle_()["text/plain"] == "<NetworkFigure>"


def test_a_new_digit_changes_the_picture_in_place(digits, trained):
    figure = figures.NetworkFigure(trained, digits.X_test[0])
    artists = (figure.fig, figure.neurons, figure.lines)
    assert changed(figure, lambda: figure.update(x=digits.X_test[1]))
    assert (figure.fig, figure.neurons, figure.lines) == artists      # updated, not rebuilt
    np.testing.assert_allclose(figure.digit.get_array(), digits.X_test[1].reshape(28, 28))


def test_a_new_network_changes_the_lines(digits, trained):
    figure = figures.NetworkFigure(Network(rng=0), digits.X_test[0])
    segments = [s.copy() for s in figure.lines.get_segments()]
    assert changed(figure, lambda: figure.update(net=trained))
    assert not all(np.array_equal(a, b) for a, b in zip(segments, figure.lines.get_segments()))
    assert figure.answer == trained.predict(digits.X_test[0])


def test_blitted_updates_draw_the_same_pixels_as_a_fresh_figure(digits, trained):
    random = Network(rng=0)
    figure = figures.NetworkFigure(trained, digits.X_test[0], label=1)
    for i in range(1, 4):                                 # back and forth between networks
        figure.update(x=digits.X_test[i], net=random if i % 2 else trained)
    figure.update(x=digits.X_test[7], net=random, label=int(digits.y_test[7]), highlight=(2, 5))
    fresh = figures.NetworkFigure(random, digits.X_test[7], label=int(digits.y_test[7]),
                                  highlight=(2, 5))
    np.testing.assert_array_equal(figure.rgba(), fresh.rgba())


def test_changed_weights_of_the_same_network_are_redrawn(digits):
    net = Network(rng=0)
    figure = figures.NetworkFigure(net, digits.X_test[0])
    net.weights[1][:] *= -1                               # e.g. after a training step
    assert changed(figure, lambda: figure.update(net=net))
    np.testing.assert_array_equal(figure.rgba(), figures.NetworkFigure(net, digits.X_test[0]).rgba())


def test_strongest_lines_per_layer_by_their_share_of_z(digits):
    net = Network((784, 16, 16, 10), rng=1)
    x = digits.X_test[0]
    figure = figures.NetworkFigure(net, x, strongest=3)
    segments = figure.lines.get_segments()
    assert len(segments) == 3 * 3
    # the last layer's 3 lines are its 3 largest |w_jk a_k|, from neuron k of layer 2 to output j
    a2 = net.trace(x).activations[2]
    shares = np.abs(net.weights[2] * a2)
    j, k = np.unravel_index(np.argsort(-shares, axis=None)[:3], shares.shape)
    np.testing.assert_allclose([s[0] for s in segments[-3:]], figure.positions[2][k])
    np.testing.assert_allclose([s[1] for s in segments[-3:]], figure.positions[3][j])
    # layer 1: only lit pixels carry anything, so every line starts at a lit pixel
    starts = [int(np.argmin(np.abs(figure.positions[0][:, 1] - s[0][1]))) for s in segments[:3]]
    assert all(x[i] > 0 for i in starts)
    # the legend says how many of how many
    legend = figure.fig.legends[0].get_title().get_text()
    assert "9 of 12,960 connections" in legend and "3 per layer" in legend


def test_strongest_connections_helper():
    W = np.array([[1.0, -5.0, 2.0], [0.5, 3.0, -4.0]])
    a = np.array([1.0, 0.0, 1.0])                      # input 1 is dark: its -5 and 3 carry nothing
    j, k, share = figures.network_diagram.strongest_connections(W, a, 3)
    assert list(zip(j, k)) == [(1, 2), (0, 2), (0, 0)]
    np.testing.assert_array_equal(share, [-4.0, 2.0, 1.0])


def test_a_new_digit_changes_the_lines(digits, trained):
    figure = figures.NetworkFigure(trained, digits.X_test[0])
    segments = [s.copy() for s in figure.lines.get_segments()]
    figure.update(x=digits.X_test[1])
    assert not all(np.array_equal(a, b) for a, b in zip(segments, figure.lines.get_segments()))


def test_other_network_shapes_and_titles(digits):
    net = Network((784, 30, 10), rng=0, activation="relu", output="softmax")
    figure = figures.NetworkFigure(net, digits.X_test[0], title="a wider network", vmax=3)
    assert figure.title.get_text() == "a wider network"
    assert len(figure.neurons.get_offsets()) == 40
    figure.update(title=None, label=4)
    assert figure.title.get_text().startswith("label 4")


@pytest.mark.parametrize("bad, error, words", [
    (np.zeros((28, 28)), ValueError, "reshape(784)"),
    (np.zeros((2, 784)), ValueError, "X[0]"),
    (np.full(784, np.nan), ValueError, "NaN"),
])
def test_wrong_inputs_are_explained(bad, error, words, trained):
    with pytest.raises(error, match=words.replace("(", r"\(").replace(")", r"\)").replace(
            "[", r"\[").replace("]", r"\]")):
        figures.NetworkFigure(trained, bad)


def test_wrong_networks_and_highlights_are_explained(digits, trained):
    x = digits.X_test[0]
    with pytest.raises(TypeError, match="nnlib.Network"):
        figures.NetworkFigure([np.zeros((16, 784))], x)
    with pytest.raises(ValueError, match="784 inputs"):
        figures.NetworkFigure(Network((2, 3, 1)), np.zeros(2))
    figure = figures.NetworkFigure(trained, x)
    with pytest.raises(ValueError, match="same sizes"):
        figure.update(net=Network((784, 30, 10)))
    with pytest.raises(ValueError, match="Layer 0 is the input"):
        figure.update(highlight=(0, 3))
    with pytest.raises(ValueError, match="highlight"):
        figure.update(highlight=(3, 10))


# --- digit figures ----------------------------------------------------------------------

def test_digit_column_figure_marks_pixel_and_index(digits):
    x = digits.X_train[0]
    figure = figures.DigitColumnFigure(x, pixel=(10, 12), title="label 5")
    assert figure.index_text.get_text().endswith("= 292")
    np.testing.assert_allclose(figure.column.get_array()[:, 0], x)   # the column is x itself
    assert figure.mark.get_ydata()[0] == 292
    assert changed(figure, lambda: figure.update(pixel=(0, 3)))
    assert figure.index_text.get_text().endswith("= 3")
    assert changed(figure, lambda: figure.update(x=digits.X_train[1]))
    fresh = figures.DigitColumnFigure(digits.X_train[1], pixel=(0, 3), title="label 5")
    np.testing.assert_array_equal(figure.rgba(), fresh.rgba())


def test_pixel_values_figure_prints_the_block_around_the_pixel(digits):
    x = digits.X_train[0]
    figure = figures.PixelValuesFigure(x, pixel=(10, 12))
    assert figure.block == (7, 7)
    texts = dict(((int(r), int(c)), t) for c, r, t, _ in figure.numbers.cells)
    assert len(texts) == 49 and set(texts) == {(r, c) for r in range(7, 14) for c in range(7, 14)}
    value = x[28 * 10 + 12]
    assert texts[10, 12] == ("0" if value == 0 else f"{value:.2f}")
    assert changed(figure, lambda: figure.update(pixel=(10, 13)))    # same block: the mark moves
    assert changed(figure, lambda: figure.update(pixel=(25, 1)))     # another block
    assert figure.block == (21, 0)
    figure.update(x=digits.X_train[2])
    fresh = figures.PixelValuesFigure(digits.X_train[2], pixel=(25, 1))
    np.testing.assert_array_equal(figure.rgba(), fresh.rgba())


@pytest.mark.parametrize("pixel", [(28, 0), (-1, 3), (2.0, 3), (5,), "3,4"])
def test_pixels_out_of_the_image_are_explained(pixel, digits):
    with pytest.raises(ValueError, match="from 0 to 27"):
        figures.DigitColumnFigure(digits.X_train[0], pixel=pixel)


def test_digit_figure_still_works(digits):
    figure = figures.DigitFigure(digits.X_train[0], title="a digit")
    assert changed(figure, lambda: figure.update(x=digits.X_train[1], title="another"))


def test_numbers_are_drawn_in_their_own_cells():
    """Lit cells get dark text and dark cells light text, each in its own cell (not flipped)."""
    grid = np.zeros((28, 28))
    grid[7:10, 7:14] = 1.0                        # the top three rows of the block are lit
    figure = figures.PixelValuesFigure(grid.reshape(784), pixel=(7, 7))
    brightness = figure.rgba()[..., :3].astype(int).sum(axis=2)     # 0 black .. 765 white
    height = brightness.shape[0]
    for row, lit in [(7, True), (8, True), (11, False), (13, False)]:
        cx, cy = figure.ax.transData.transform((10, row))
        cx, cy = int(round(cx)), int(round(height - cy))              # pixel rows count from the top
        cell = brightness[cy - 6:cy + 6, cx - 12:cx + 12]
        if lit:
            assert cell.min() < 300, f"no dark digits printed in lit cell row {row}"
        else:
            assert cell.max() > 450, f"no light digits printed in dark cell row {row}"
