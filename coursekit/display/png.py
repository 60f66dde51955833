"""A fast PNG encoder for pixels already drawn: what a FigureView sends as its whole picture.

A PNG is a signature and three chunks: IHDR (size and colour type), IDAT (the
rows, zlib-compressed, each led by a "filter" byte) and IEND. We use filter 0
(rows as they are): plots are mostly flat colour, which zlib packs just as well
unfiltered, and skipping Pillow's per-row filter choice makes this about twice
as fast (a widget's picture is sent as a PNG whole when it first shows, and as
packed pixels after that). The rows are packed by deflate.compress_bytes, in
bands on two threads when the picture is big.
"""
import struct
import zlib

import numpy as np

from coursekit.display.deflate import compress_bytes

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def encode_png(pixels, compress_level=1):
    """Pixels (height, width, 3 or 4) uint8 -> PNG bytes, RGB or RGBA as given.

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
    return SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", pixel_data) + _chunk(b"IEND", b"")


def _chunk(kind, payload):
    """One PNG chunk: length, type, payload, CRC of type and payload."""
    return (struct.pack(">I", len(payload)) + kind + payload
            + struct.pack(">I", zlib.crc32(kind + payload)))
