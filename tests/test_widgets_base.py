"""The live-figure pattern: a control change updates the figure in place and re-sends its PNG."""
import numpy as np

from nnlib import data, plots, widgets


def test_live_figure_shows_itself_as_a_static_png():
    figure = plots.DigitFigure(data.load_sample().X_train[0], title="a five?")
    bundle = figure._repr_mimebundle_()
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert bundle["text/plain"] == "<DigitFigure>"          # deterministic for nbval


def test_digit_browser_slider_changes_the_picture_and_not_the_figure_object():
    digits = data.load_sample()
    app = widgets.digit_browser(digits.X_train[:10], digits.y_train[:10])
    view = app.figures[0]
    figure, image_artist = view.figure.fig, view.figure.image
    before_png, before_pixels = view.value, view.figure.rgba().copy()
    app.controls["digit"].value = 3
    assert view.value != before_png
    assert not np.array_equal(view.figure.rgba(), before_pixels)
    assert view.figure.fig is figure and view.figure.image is image_artist   # updated, not rebuilt
    assert np.allclose(view.figure.image.get_array(), digits.X_train[3].reshape(28, 28))
    assert view.figure.title.get_text() == f"label {digits.y_train[3]}"


def test_app_bundle_has_the_live_widget_and_a_static_picture():
    digits = data.load_sample()
    app = widgets.digit_browser(digits.X_train[:5], digits.y_train[:5])
    bundle = app._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert bundle["text/plain"] == "<interactive: digit browser>"
    assert "nnlib-app" in app._dom_classes


def test_encode_png_round_trips_exactly():
    import io

    from PIL import Image

    from nnlib.plots.base import encode_png
    pixels = np.random.default_rng(0).integers(0, 256, (7, 5, 4), dtype=np.uint8)
    for channels, mode in ((3, "RGB"), (4, "RGBA")):   # ticks send Agg's RGBA buffer as it is
        image = Image.open(io.BytesIO(encode_png(pixels[..., :channels])))
        assert image.mode == mode and np.array_equal(np.asarray(image), pixels[..., :channels])


def test_big_pngs_packed_in_bands_decode_exactly():
    import io
    import zlib

    from PIL import Image

    from nnlib.plots.base import encode_png
    rng = np.random.default_rng(1)
    pixels = np.repeat(rng.integers(0, 256, (400, 30, 4), dtype=np.uint8), 25, axis=1)  # 1.2 MB
    png = encode_png(pixels)
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(png))), pixels)
    rows = np.concatenate([np.zeros((400, 1), np.uint8), pixels.reshape(400, -1)], axis=1)
    idat = png[png.index(b"IDAT") + 4:png.index(b"IEND") - 8]
    assert zlib.decompress(idat) == rows.tobytes()         # one valid zlib stream
