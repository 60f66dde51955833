"""The transport's encoders: PNGs and zlib streams that decode to exactly the pixels given."""
import io
import zlib

import numpy as np
import pytest
from PIL import Image

from coursekit.display import deflate
from coursekit.display.deflate import compress_bytes
from coursekit.display.png import encode_png


def decoded(png):
    """The pixels of PNG bytes, as a browser would decode them: (height, width, channels) uint8."""
    return np.asarray(Image.open(io.BytesIO(png)))


@pytest.fixture
def two_cores(monkeypatch):
    """The banded path runs whatever machine the tests run on."""
    monkeypatch.setattr(deflate.os, "cpu_count", lambda: 2)


def test_encode_png_round_trips_exactly():
    pixels = np.random.default_rng(0).integers(0, 256, (7, 5, 4), dtype=np.uint8)
    for channels, mode in ((3, "RGB"), (4, "RGBA")):   # ticks send Agg's RGBA buffer as it is
        image = Image.open(io.BytesIO(encode_png(pixels[..., :channels])))
        assert image.mode == mode and np.array_equal(np.asarray(image), pixels[..., :channels])


def test_encode_png_refuses_other_shapes():
    with pytest.raises(ValueError, match="3 or 4"):
        encode_png(np.zeros((4, 4, 2), np.uint8))


def test_big_pngs_packed_in_bands_decode_exactly(two_cores):
    rng = np.random.default_rng(1)
    pixels = np.repeat(rng.integers(0, 256, (400, 30, 4), dtype=np.uint8), 25, axis=1)  # 1.2 MB
    png = encode_png(pixels)
    assert np.array_equal(decoded(png), pixels)
    rows = np.concatenate([np.zeros((400, 1), np.uint8), pixels.reshape(400, -1)], axis=1)
    idat = png[png.index(b"IDAT") + 4:png.index(b"IEND") - 8]
    assert zlib.decompress(idat) == rows.tobytes()         # one valid zlib stream


@pytest.mark.parametrize("size", [0, 1000, deflate.BAND_MIN_BYTES - 1, deflate.BAND_MIN_BYTES,
                                  3 * deflate.BAND_MIN_BYTES + 7])
def test_compressed_bytes_are_one_zlib_stream_of_the_input(size, two_cores):
    raw = np.random.default_rng(size).integers(0, 4, size, dtype=np.uint8).tobytes()
    packed = compress_bytes(memoryview(raw))
    assert zlib.decompress(packed) == raw
    if size < deflate.BAND_MIN_BYTES:
        assert packed == zlib.compress(raw, 1)            # small: plain zlib, no threads


def test_one_core_packs_without_threads(monkeypatch):
    monkeypatch.setattr(deflate.os, "cpu_count", lambda: 1)
    raw = bytes(2 * deflate.BAND_MIN_BYTES)
    assert compress_bytes(memoryview(raw)) == zlib.compress(raw, 1)
