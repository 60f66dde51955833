"""The figure every plot and widget is built on: drawn once, then updated in place.

A slider tick must feel instant, so nothing here rebuilds a figure. A plot
class creates its axes and artists once in __init__; its `update(...)` only
changes their data (set_data, set_height, set_array, set_text) and then
calls `redraw()`, which draws the canvas once. `png()` encodes the pixels
already drawn instead of calling savefig, which would draw everything again.

The same object shows itself in a notebook as a static PNG, so every figure
a widget uses also reads well where no kernel runs.
"""
import io
import os
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

# Large type for a projector at the back of a room.
STYLE = {
    "font.size": 12, "axes.titlesize": 13, "axes.labelsize": 12, "xtick.labelsize": 11,
    "ytick.labelsize": 11, "legend.fontsize": 11, "axes.spines.top": False,
    "axes.spines.right": False,
}
DPI = 72
# Colour-blind-safe maps: a diverging one where the sign matters (weights),
# a sequential one for intensities that run from dark to lit.
DIVERGING = "PuOr_r"      # purple = negative, orange = positive, white = 0
SEQUENTIAL = "gray"        # 0 = black (dark pixel), 1 = white (lit pixel)
ACCENT = "#0072B2"         # Okabe-Ito blue
HIGHLIGHT = "#E69F00"      # Okabe-Ito orange
NEGATIVE = "#D55E00"       # Okabe-Ito vermillion


def encode_png(pixels, compress_level=1):
    """Pixels (height, width, 3 or 4) uint8 -> PNG bytes, RGB or RGBA as given.

    A PNG is a signature and three chunks: IHDR (size and colour type), IDAT
    (the rows, zlib-compressed, each led by a "filter" byte) and IEND. We use
    filter 0 (rows as they are): plots are mostly flat colour, which zlib
    packs just as well unfiltered, and skipping Pillow's per-row filter choice
    makes this about twice as fast (a widget's picture is sent as a PNG whole
    when it first shows, and as packed pixels after that).
    Agg's RGBA buffer is encoded as it is (colour type 6): dropping the alpha
    channel would cost a strided copy (1-2 ms per figure) to save 10 % of
    the bytes, since an opaque figure's alpha bytes compress to almost nothing.
    """
    height, width, channels = pixels.shape
    if channels not in (3, 4):
        raise ValueError(f"expected pixels of shape (height, width, 3 or 4), got {pixels.shape}")
    rows = np.empty((height, 1 + channels * width), np.uint8)
    rows[:, 0] = 0                                          # filter byte: none
    rows[:, 1:] = np.asarray(pixels, np.uint8).reshape(height, channels * width)
    colour_type = 2 if channels == 3 else 6                 # 8-bit RGB or RGBA
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    pixel_data = compress_bytes(memoryview(rows).cast("B"), compress_level)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", pixel_data) + _chunk(b"IEND", b""))


# zlib lets go of Python's lock while it works, so a big picture is packed as
# bands on two threads (a slider tick waits for it, and so does the browser).
# Each band is a self-contained piece of one deflate stream (a full flush resets
# the history), so the bands are simply joined; the checksum covers all rows.
_BANDS, _BAND_MIN_BYTES = 4, 256 * 1024
_pool = None


def compress_bytes(raw, level=1):
    """zlib stream of the bytes `raw` (a memoryview), in bands on 2 threads when big."""
    global _pool
    if len(raw) < _BAND_MIN_BYTES or (os.cpu_count() or 1) < 2:
        return zlib.compress(raw, level)
    if _pool is None:
        _pool = ThreadPoolExecutor(2, thread_name_prefix="nnlib-png")
    cuts = np.linspace(0, len(raw), _BANDS + 1).astype(int)
    bands = [_pool.submit(_deflate, raw[a:b], level, last=(i == _BANDS - 1))
             for i, (a, b) in enumerate(zip(cuts[:-1], cuts[1:]))]
    check = zlib.adler32(raw)
    header = b"\x78\x01"                                   # deflate, 32 KB window, fastest
    return header + b"".join(band.result() for band in bands) + struct.pack(">I", check)


def _deflate(raw, level, last):
    """Raw deflate blocks of `raw`, ending byte-aligned (full flush), or final when `last`."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return packer.compress(raw) + packer.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)


def _chunk(kind, payload):
    """One PNG chunk: length, type, payload, CRC of type and payload."""
    return (struct.pack(">I", len(payload)) + kind + payload
            + struct.pack(">I", zlib.crc32(kind + payload)))


class LiveFigure:
    """A matplotlib Figure with its own Agg canvas (no pyplot, no global state).

    Subclasses build their artists in __init__ and implement update(...).
    """

    def __init__(self, width=8.0, height=4.0, dpi=DPI):
        import matplotlib
        with matplotlib.rc_context(STYLE):
            self.fig = Figure(figsize=(width, height), dpi=dpi)
        FigureCanvasAgg(self.fig)
        self._stale = True

    def axes(self, *args, **kwargs):
        """fig.add_subplot with the house style applied."""
        import matplotlib
        with matplotlib.rc_context(STYLE):
            return self.fig.add_subplot(*args, **kwargs)

    def update(self, **changes):
        """Change what is shown; subclasses set artists' data then call redraw()."""
        raise NotImplementedError

    def redraw(self):
        """Draw the canvas once (the only full draw per slider tick)."""
        self.fig.canvas.draw()
        self._stale = False

    def rgba(self):
        """The drawn pixels, shape (height, width, 4), uint8."""
        if self._stale:
            self.redraw()
        return np.asarray(self.fig.canvas.buffer_rgba())

    def png(self, compress_level=1):
        """The drawn canvas as PNG bytes, fast (widgets.FigureView sends it when a view first shows)."""
        return encode_png(self.rgba(), compress_level)

    def static_png(self):
        """A compact PNG for a notebook saved to disk: 256 colours look the same, 3x smaller."""
        buffer = io.BytesIO()
        image = Image.fromarray(self.rgba()[..., :3]).quantize(256, dither=Image.Dither.NONE)
        image.save(buffer, format="png", optimize=True)
        return buffer.getvalue()

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"image/png": self.static_png(), "text/plain": f"<{type(self).__name__}>"}
