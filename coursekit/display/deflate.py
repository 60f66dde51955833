"""zlib streams of big pictures, packed as bands on two threads.

A slider tick waits for the packing, and so does the browser. zlib lets go of
Python's lock while it works, so a big buffer is cut into bands packed side by
side. Each band is a self-contained piece of one deflate stream (a full flush
resets the history), so the bands are simply joined; the checksum covers all
the bytes. Small buffers, or a machine with one core, get plain zlib.compress.
"""
import os
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor

import numpy as np

BANDS = 4
BAND_MIN_BYTES = 256 * 1024     # below this, one thread is faster than handing out bands
_pool = None


def compress_bytes(raw, level=1):
    """zlib stream of the bytes `raw` (a memoryview), in bands on 2 threads when big."""
    if len(raw) < BAND_MIN_BYTES or (os.cpu_count() or 1) < 2:
        return zlib.compress(raw, level)
    cuts = np.linspace(0, len(raw), BANDS + 1).astype(int)
    bands = [_threads().submit(_deflate, raw[a:b], level, last=(i == BANDS - 1))
             for i, (a, b) in enumerate(zip(cuts[:-1], cuts[1:]))]
    check = zlib.adler32(raw)
    header = b"\x78\x01"                                   # deflate, 32 KB window, fastest
    return header + b"".join(band.result() for band in bands) + struct.pack(">I", check)


def _threads():
    """The two packing threads, started the first time a big buffer comes."""
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(2, thread_name_prefix="coursekit-deflate")
    return _pool


def _deflate(raw, level, last):
    """Raw deflate blocks of `raw`, ending byte-aligned (full flush), or final when `last`."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return packer.compress(raw) + packer.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)
