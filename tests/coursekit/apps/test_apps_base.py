"""The live-figure pattern: a control change updates the figure in place and sends what changed."""
import io
import zlib

import numpy as np
from PIL import Image

from coursekit import apps, figures
from coursekit.display.figure_view import MAX_BOXES, changed_boxes
from coursekit.figures.base import encode_png
from nnlib import data


def decoded(png):
    """The pixels of PNG bytes, as a browser would decode them: (height, width, channels) uint8."""
    return np.asarray(Image.open(io.BytesIO(png)))


def test_live_figure_shows_itself_as_a_static_png():
    figure = figures.DigitFigure(data.load_sample().X_train[0], title="a five?")
    bundle = figure._repr_mimebundle_()
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert bundle["text/plain"] == "<DigitFigure>"          # deterministic for nbval


def test_digit_browser_slider_changes_the_picture_and_not_the_figure_object():
    digits = data.load_sample()
    app = apps.digit_browser(digits.X_train[:10], digits.y_train[:10])
    view = app.figures[0]
    figure, image_artist = view.figure.fig, view.figure.image
    before_sent, before_pixels = view.sent, view.figure.rgba().copy()
    app.controls["digit"].value = 3
    assert view.sent == before_sent + 1
    np.testing.assert_array_equal(view.shown, view.figure.rgba())   # the browser has every change
    assert not np.array_equal(view.figure.rgba(), before_pixels)
    assert view.figure.fig is figure and view.figure.image is image_artist   # updated, not rebuilt
    assert np.allclose(view.figure.image.get_array(), digits.X_train[3].reshape(28, 28))
    assert view.figure.title.get_text() == f"label {digits.y_train[3]}"


def test_app_bundle_has_the_live_widget_and_a_static_picture():
    digits = data.load_sample()
    app = apps.digit_browser(digits.X_train[:5], digits.y_train[:5])
    bundle = app._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert bundle["text/plain"] == "<interactive: digit browser>"
    assert "nnlib-app" in app._dom_classes


def test_encode_png_round_trips_exactly():
    pixels = np.random.default_rng(0).integers(0, 256, (7, 5, 4), dtype=np.uint8)
    for channels, mode in ((3, "RGB"), (4, "RGBA")):   # ticks send Agg's RGBA buffer as it is
        image = Image.open(io.BytesIO(encode_png(pixels[..., :channels])))
        assert image.mode == mode and np.array_equal(np.asarray(image), pixels[..., :channels])


def test_big_pngs_packed_in_bands_decode_exactly():
    rng = np.random.default_rng(1)
    pixels = np.repeat(rng.integers(0, 256, (400, 30, 4), dtype=np.uint8), 25, axis=1)  # 1.2 MB
    png = encode_png(pixels)
    assert np.array_equal(decoded(png), pixels)
    rows = np.concatenate([np.zeros((400, 1), np.uint8), pixels.reshape(400, -1)], axis=1)
    idat = png[png.index(b"IDAT") + 4:png.index(b"IEND") - 8]
    assert zlib.decompress(idat) == rows.tobytes()         # one valid zlib stream


# --- FigureView: the whole picture once, then only the rectangles that changed ------------------

def test_changed_boxes_hold_every_changed_pixel_and_no_more():
    old = np.zeros((60, 80, 4), np.uint8)
    assert changed_boxes(old, old.copy()) == []
    new = old.copy()
    new[5, 7, 2] = 1                       # one channel of one pixel
    new[12, 10] = 255                      # near it: the same box
    new[40:43, 60:70] = 9                  # far away: a box of its own
    new[8, 75] = 3                         # same rows as the first, far right
    assert changed_boxes(old, new) == [(5, 13, 7, 11), (8, 9, 75, 76), (40, 43, 60, 70)]


def test_many_changes_are_sent_as_a_few_bigger_boxes():
    old = np.zeros((100, 400, 4), np.uint8)
    new = old.copy()
    new[10, ::40] = 1                      # ten specks on one row: one box for the band
    new[80, 5] = 1
    assert changed_boxes(old, new) == [(10, 11, 0, 361), (80, 81, 5, 6)]
    new[::30, ::40] = 1                    # a grid of specks: one box around it all
    assert len(changed_boxes(old, new)) <= MAX_BOXES


def _browser_side(view):
    """Capture what view sends and paste each patch into a copy of its first picture, as
    figure_view.js does; returns the pixels a browser would show."""
    screen = decoded(view.png).copy()

    def send(content, buffers=None):
        for box, buffer in zip(content["boxes"], buffers, strict=True):
            raw = zlib.decompress(buffer) if box["packed"] else bytes(buffer)
            patch = np.frombuffer(raw, np.uint8).reshape(box["height"], box["width"], 4)
            screen[box["y"]:box["y"] + box["height"], box["x"]:box["x"] + box["width"]] = patch
    view.send = send
    return screen


def test_patches_rebuild_the_figure_exactly_in_the_browser():
    digits = data.load_sample()
    app = apps.pixel_explorer(digits.X_train[:20], digits.y_train[:20])
    view = app.figures[0]
    screen = _browser_side(view)
    for control, value in (("digit", 4), ("row", 20), ("column", 3), ("digit", 11)):
        app.controls[control].value = value
        np.testing.assert_array_equal(screen, view.figure.rgba())
    sent = view.sent
    view.refresh()                         # nothing changed: nothing is sent
    assert view.sent == sent


def test_a_view_drawn_late_gets_the_current_picture():
    digits = data.load_sample()
    app = apps.digit_browser(digits.X_train[:10], digits.y_train[:10])
    view = app.figures[0]
    _browser_side(view)
    first = view.png
    app.controls["digit"].value = 2         # a patch the late view never saw
    view._on_view_message(view, {"type": "shown"}, [])
    assert view.png != first
    np.testing.assert_array_equal(decoded(view.png), view.figure.rgba())
    again = view.png
    view._on_view_message(view, {"type": "shown"}, [])   # up to date: not re-sent
    assert view.png is again
