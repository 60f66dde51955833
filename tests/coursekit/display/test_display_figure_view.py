"""FigureView: the whole picture once, then only the rectangles that changed, pasted exactly."""
import io
import zlib

import numpy as np
from PIL import Image

from coursekit.display import FigureView
from coursekit.display.figure_view import PACK_BYTES
from coursekit.figures.digits import DigitFigure
from coursekit.figures.pixels import PixelExplorerFigure
from nnlib import data


def decoded(png):
    """The pixels of PNG bytes, as a browser would decode them: (height, width, channels) uint8."""
    return np.asarray(Image.open(io.BytesIO(png)))


def browser_side(view):
    """Capture what view sends and paste each patch into a copy of its first picture, as
    figure_view.js does; returns the pixels a browser would show, and the messages."""
    screen = decoded(view.png).copy()
    messages = []

    def send(content, buffers=None):
        messages.append((content, buffers))
        for box, buffer in zip(content["boxes"], buffers, strict=True):
            assert isinstance(buffer, bytes)       # its own bytes, never a view of the canvas
            raw = zlib.decompress(buffer) if box["packed"] else buffer
            patch = np.frombuffer(raw, np.uint8).reshape(box["height"], box["width"], 4)
            screen[box["y"]:box["y"] + box["height"], box["x"]:box["x"] + box["width"]] = patch
    view.send = send
    return screen, messages


class Pixels:
    """The least a FigureView needs of a figure: rgba(), the pixels it shows."""

    def __init__(self, height=300, width=400):
        self.pixels = np.full((height, width, 4), 255, np.uint8)

    def rgba(self):
        return self.pixels


def test_patches_rebuild_the_figure_exactly_in_the_browser():
    digits = data.load_sample()
    figure = PixelExplorerFigure(digits.X_train[0], pixel=(14, 14))
    view = FigureView(figure)
    screen, _ = browser_side(view)
    # as pixel_explorer's sliders do: digit, row, column, digit
    for digit, pixel in ((4, (14, 14)), (4, (20, 14)), (4, (20, 3)), (11, (20, 3))):
        figure.update(x=digits.X_train[digit], pixel=pixel, title=f"digit {digit}")
        view.refresh()
        np.testing.assert_array_equal(screen, figure.rgba())
    sent = view.sent
    view.refresh()                         # nothing changed: nothing is sent
    assert view.sent == sent


def test_big_rectangles_go_packed_and_small_ones_raw():
    figure = Pixels()
    view = FigureView(figure)
    assert (view.width, view.height) == (400, 300) and view.layout.width == "400px"
    screen, messages = browser_side(view)
    figure.pixels[0:200, 0:150] = (200, 10, 10, 255)        # 120 kB: packed
    figure.pixels[290:295, 390:398] = (0, 0, 0, 255)        # 160 bytes, far away: raw
    view.refresh()
    (content, _buffers), = messages
    assert [(box["width"] * box["height"] * 4 >= PACK_BYTES, box["packed"])
            for box in content["boxes"]] == [(True, True), (False, False)]
    np.testing.assert_array_equal(screen, figure.pixels)
    np.testing.assert_array_equal(view.shown, figure.pixels)
    assert view.sent == 2


def test_a_view_drawn_late_gets_the_current_picture():
    digits = data.load_sample()
    figure = DigitFigure(digits.X_train[0], title="label 5")
    view = FigureView(figure)
    browser_side(view)
    first = view.png
    figure.update(x=digits.X_train[2], title="label 4")
    view.refresh()                          # a patch the late view never saw
    view._on_view_message(view, {"type": "shown"}, [])
    assert view.png != first
    np.testing.assert_array_equal(decoded(view.png), figure.rgba())
    again = view.png
    view._on_view_message(view, {"type": "shown"}, [])   # up to date: not re-sent
    assert view.png is again
