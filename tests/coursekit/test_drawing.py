"""Preparing a drawing the MNIST way (coursekit.drawing), tested on real digits."""
import numpy as np
import pytest

from coursekit import drawing, trained
from nnlib import data


@pytest.fixture(scope="module")
def digits():
    return data.load_sample()


def test_a_real_digit_drawn_big_elsewhere_comes_back(digits):
    """Blow a real digit up, put it off-centre on a big canvas, prepare it: the same digit again."""
    x = digits.X_test[3]
    for scale, shift in [(1.0, (0, 0)), (0.5, (60, -70)), (1.6, (-10, 20)), (0.3, (90, 90))]:
        prepared = drawing.to_mnist(drawing.place(x, 280, scale, shift))
        assert prepared.shape == (784,) and prepared.min() >= 0 and prepared.max() <= 1
        assert np.corrcoef(x, prepared)[0, 1] > 0.9
        row, col = drawing.centre_of_mass(prepared.reshape(28, 28))
        assert abs(row - 14) <= 0.5 and abs(col - 14) <= 0.5


def test_prepared_digits_fit_the_20_by_20_box(digits):
    for x in digits.X_test[:20]:
        top, bottom, left, right = drawing.bounding_box(drawing.to_mnist(drawing.place(x, 280, 0.7)).reshape(28, 28))
        assert max(bottom - top, right - left) in (19, 20)       # 20, or 19 when an edge is faint
        assert 0 <= top and bottom <= 28 and 0 <= left and right <= 28


def test_real_mnist_digits_already_look_prepared(digits):
    """MNIST itself: longest side about 20 pixels, centre of mass near (14, 14)."""
    rows = [drawing.centre_of_mass(x.reshape(28, 28))[0] for x in digits.X_test[:100]]
    assert abs(np.mean(rows) - drawing.CENTRE) < 0.3


def test_the_network_reads_prepared_drawings(digits):
    net = trained.trained_network("relu")
    X, y = digits.X_test[:100], digits.y_test[:100]
    prepared = np.array([drawing.to_mnist(drawing.place(x, 280, 0.5, (40, -40))) for x in X])
    assert np.mean(net.predict(prepared) == y) >= net.accuracy(X, y) - 0.1


def test_fit_in_box_keeps_proportions():
    tall = np.zeros((100, 100))
    tall[10:90, 40:60] = 1                                      # 80 high, 20 wide
    small = drawing.fit_in_box(tall)
    assert small.shape == (20, 5)
    tiny = np.zeros((50, 50))
    tiny[20:24, 20:22] = 1                                      # enlarged, not shrunk
    assert drawing.fit_in_box(tiny).shape == (20, 10)


def test_blank_drawing_gives_zeros():
    assert not drawing.to_mnist(np.zeros((280, 280))).any()
    assert drawing.bounding_box(np.zeros((10, 10))) is None
    with pytest.raises(ValueError, match="Draw something first"):
        drawing.centre_of_mass(np.zeros((5, 5)))


def test_pixels_in_other_forms_are_read():
    image = np.zeros((60, 60), dtype=np.uint8)
    image[10:50, 25:35] = 255
    rgba = np.zeros((60, 60, 4), dtype=np.uint8)
    rgba[10:50, 25:35, :3] = 255
    np.testing.assert_allclose(drawing.to_mnist(image), drawing.to_mnist(image / 255))
    np.testing.assert_allclose(drawing.to_mnist(rgba), drawing.to_mnist(image / 255))


@pytest.mark.parametrize("bad, message", [
    (np.zeros(784), "2-D array"), (np.full((5, 5), 2.0), "between 0 and 1"),
    (np.full((5, 5), np.nan), "finite"),
])
def test_mistakes_are_explained(bad, message):
    with pytest.raises(ValueError, match=message):
        drawing.to_mnist(bad)


def test_enlarge_and_place(digits):
    big = drawing.enlarge(digits.X_test[0], 280)
    assert big.shape == (280, 280) and 0 <= big.min() and big.max() <= 1
    with pytest.raises(ValueError, match="784"):
        drawing.enlarge(np.zeros(100))
    with pytest.raises(ValueError, match="fit inside the canvas"):
        drawing.place(digits.X_test[0], 280, 1.0, (200, 0))
