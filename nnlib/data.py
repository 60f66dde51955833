"""Handwritten digits for the course: a small embedded sample, and the full MNIST.

A course should start in seconds, offline, and a network you can watch learn needs
only a few thousand examples. So:

- `load_sample()`: 5,000 real MNIST digits (4,000 to train on, 1,000 to test)
  that ship with the course (0.8 MB): no network, a few milliseconds.
- `load_mnist()`: the standard 60,000 + 10,000 digits, downloaded once (11 MB),
  checked against published SHA-256 hashes, and cached.

Either way each image is a row of 784 numbers (28x28 pixels, row by row) in [0, 1]: the raw
0..255 divided by 255, so that no weight times 255 pushes a sigmoid flat against 0 or 1.
"""
import gzip
import hashlib
import os
import shutil
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import check_inputs, check_labels, check_positive_int, describe, fail

SAMPLE_FILE = Path(__file__).resolve().parent / "mnist_sample.npz"     # ships inside the package
# The full MNIST's cache: data/mnist/ in a checkout of the course, else ~/.cache/nnlib/mnist.
_CHECKOUT_DATA = Path(__file__).resolve().parent.parent / "data"
MNIST_CACHE = (_CHECKOUT_DATA if _CHECKOUT_DATA.is_dir() else Path.home() / ".cache" / "nnlib") / "mnist"

# Public copies of the original files, tried in order (LeCun's site refuses scripts).
# NNLIB_MNIST_MIRROR replaces them: a URL prefix, or a folder holding the four .gz files.
MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)
# Size and SHA-256 of each DECOMPRESSED file. We check what is inside the
# gzip, not the .gz itself: mirrors re-compress, which changes only the header.
MNIST_FILES = {
    "train-images-idx3-ubyte": (47040016, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
    "train-labels-idx1-ubyte": (60008, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    "t10k-images-idx3-ubyte": (7840016, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
    "t10k-labels-idx1-ubyte": (10008, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
}
SPLITS = {"X_train": "train-images-idx3-ubyte", "y_train": "train-labels-idx1-ubyte",
          "X_test": "t10k-images-idx3-ubyte", "y_test": "t10k-labels-idx1-ubyte"}
# Seconds to wait for a connection and for the next bytes: offline fails fast, slow lines finish.
TIMEOUT = (10, 60)
STALE_PART = 600   # seconds: a .part file untouched this long belongs to a download that died


@dataclass(frozen=True, eq=False)  # eq=False: `==` on arrays has no single True/False answer
class Digits:
    """Images and labels, split into a training set and a test set:
    X_train: (N_train, 784) floats in [0, 1], one flattened 28x28 digit per row
    y_train: (N_train,) int64 labels 0..9, y_train[i] is the digit in X_train[i]
    X_test:  (N_test, 784), digits the network never trains on: the honest exam
    y_test:  (N_test,)
    source:  "embedded sample" or "full MNIST"
    """
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    source: str

    def __repr__(self):
        return (f"Digits(source={self.source!r}, X_train={self.X_train.shape} {self.X_train.dtype}, "
                f"y_train={self.y_train.shape}, X_test={self.X_test.shape}, y_test={self.y_test.shape})")


def load_sample(dtype=np.float64):
    """5,000 real MNIST digits shipped with the course: 4,000 to train on, 1,000 to test.

    Each digit 400 times in training, 100 in the test set, in a fixed shuffled order; fresh
    arrays each call. All are MNIST training digits: never test a full-MNIST network on them.
    dtype: np.float64 (default) or np.float32 (half the memory, a bit faster).
    Returns Digits with X_train (4000, 784), y_train (4000,), X_test (1000, 784), y_test (1000,).
    """
    dtype = _float_dtype(dtype)
    if not SAMPLE_FILE.exists():
        fail(f"the embedded sample at {SAMPLE_FILE}", "no such file",
             "It ships with nnlib: restore it with `git checkout -- nnlib/mnist_sample.npz` "
             "or rebuild it with scripts/make_embedded_sample.py.", error=FileNotFoundError)
    with np.load(SAMPLE_FILE, allow_pickle=False) as stored:  # plain arrays only, never pickled code
        arrays = {key: stored[key] for key in SPLITS}
    return _to_digits(arrays, dtype, "embedded sample")


def load_mnist(dtype=np.float64, cache_dir=None, progress=True):
    """The full MNIST: 60,000 training and 10,000 test digits, downloaded once and cached.

    The first call downloads the four IDX files (11 MB) from a public mirror, checks their
    SHA-256, and keeps them in `cache_dir`, else $NNLIB_DATA_DIR, else MNIST_CACHE; later calls need no network.
    dtype: np.float64 (440 MB) or np.float32 (220 MB). progress: a bar per download. Returns
    Digits with X_train (60000, 784), y_train (60000,), X_test (10000, 784), y_test (10000,).
    Raises DownloadError (a ConnectionError) offline with no cache; ValueError for a damaged download.
    """
    dtype = _float_dtype(dtype)  # check before a long download, not after
    cache = Path(cache_dir or os.environ.get("NNLIB_DATA_DIR") or MNIST_CACHE).expanduser()
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as err:                 # e.g. NNLIB_DATA_DIR names a file
        fail("a folder for the MNIST cache (cache_dir, else $NNLIB_DATA_DIR)", f"{cache} ({type(err).__name__})",
             "Point NNLIB_DATA_DIR or cache_dir at a folder (not a file) you can write to, or leave it unset.")
    arrays = {key: _parse_idx(_fetch(name, cache, progress), name) for key, name in SPLITS.items()}
    return _to_digits(arrays, dtype, "full MNIST")


def one_hot(y, n_classes=10):
    """Labels (N,) ints -> (N, n_classes) float64, the outputs we want: 3 -> [0, 0, 0, 1, 0, ...]."""
    n_classes = check_positive_int(n_classes, "n_classes")
    return np.eye(n_classes)[check_labels(y, n_classes)]  # row y[i] of the identity: y[i]'s one-hot row


def as_image(x):
    """One flattened digit (784,) -> its 28x28 image, a view (no copy): row r is x[28 r : 28 r + 28]."""
    shape = np.shape(x)
    if shape != (784,):
        fail("one digit as 784 numbers, shape (784,)", describe(np.asarray(x)),
             "This is already a 28x28 image: use it as it is." if shape == (28, 28) else
             "That is a batch of digits: pick one row, e.g. as_image(X[0])." if shape[1:] == (784,) else
             "An MNIST digit has 28 x 28 = 784 pixels.")
    return check_inputs(x, 784).reshape(28, 28)


class DownloadError(ConnectionError):
    """No mirror delivered an MNIST file: offline, blocked by a firewall, or the mirror moved."""


# --- Below: how the full MNIST is fetched, checked, cached and read. ---

def _float_dtype(dtype):
    """np.float64 or np.float32 as a numpy dtype; a TypeError for anything else."""
    try:
        if isinstance(dtype, (type, str, np.dtype)) and str(np.dtype(dtype)) in ("float64", "float32"):
            return np.dtype(dtype)
    except TypeError:
        pass
    fail("dtype np.float64 or np.float32", str(dtype) if isinstance(dtype, np.dtype) else describe(dtype),
         "Pixels become fractions in [0, 1], which need a float type.", error=TypeError)


def _to_digits(arrays, dtype, source):
    """uint8 pixels 0..255 -> floats in [0, 1]; uint8 labels -> int64 (what numpy indexes with)."""
    X = {key: np.divide(arrays[key], 255, dtype=dtype) for key in ("X_train", "X_test")}
    y = {key: arrays[key].astype(np.int64) for key in ("y_train", "y_test")}
    return Digits(X["X_train"], y["y_train"], X["X_test"], y["y_test"], source)


def _is_intact(data, name):
    """True if `data` are exactly the published bytes of MNIST file `name`."""
    size, sha256 = MNIST_FILES[name]
    return len(data) == size and hashlib.sha256(data).hexdigest() == sha256


def _fetch(name, cache, progress):
    """The checked, decompressed bytes of one MNIST file: from the cache, or downloaded into it.
    A download is checked before it is renamed into place: the cache holds only whole, checked files."""
    path = cache / name
    if path.exists():
        data = path.read_bytes()
        if _is_intact(data, name):
            return data
        path.unlink()  # changed on disk since it was checked: fetch it again
    _ready_to_download(cache, name)
    gz = cache / f"{name}.gz.{os.getpid()}.part"  # the pid keeps two running programs apart
    try:
        _download(f"{name}.gz", gz, progress)
        data = _gunzip(gz, name)
    finally:
        gz.unlink(missing_ok=True)
    if not _is_intact(data, name):
        size, sha256 = MNIST_FILES[name]
        fail(f"{name}.gz to hold the published MNIST file ({size} bytes, SHA-256 {sha256[:12]}...)",
             f"{len(data)} bytes with SHA-256 {hashlib.sha256(data).hexdigest()[:12]}... instead",
             "The download is damaged or is not MNIST. It was deleted, so the next call "
             "to load_mnist() downloads it again.")
    _write_whole(path, data)
    return data


def _ready_to_download(cache, name):
    """A readable error for a read-only cache; remove .part files of downloads that died."""
    if not os.access(cache, os.W_OK):
        fail("a cache folder nnlib can write the download to", f"{cache}, which is read-only",
             "Point NNLIB_DATA_DIR (or cache_dir) at a folder you can write to.", PermissionError)
    for stale in cache.glob(f"{name}*.part"):   # a live download writes every few seconds (TIMEOUT)
        if time.time() - stale.stat().st_mtime > STALE_PART:
            stale.unlink(missing_ok=True)


def _write_whole(path, data):
    """Write `data` to `path` atomically: the file is either complete or absent."""
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        part.write_bytes(data)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def _gunzip(gz, name):
    """Decompress a downloaded .gz file; a ValueError naming the file if it is cut short or garbled."""
    try:
        return gzip.decompress(gz.read_bytes())
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        fail(f"{name}.gz to be a complete gzip file", f"a damaged one ({err})",
             "The download was cut short or garbled. It was deleted, so the next call "
             "to load_mnist() downloads it again.")


def _download(filename, dest, progress):
    """Copy `filename` from the first mirror that has it to the path `dest`; DownloadError if none does."""
    override = os.environ.get("NNLIB_MNIST_MIRROR")
    mirrors = [override] if override else list(MIRRORS)
    problems = []
    for mirror in mirrors:
        try:
            if mirror.startswith(("http://", "https://")):
                _http_get(mirror.rstrip("/") + "/" + filename, dest, progress)
            else:  # a local folder: same check, parse and cache path as a download
                shutil.copyfile(Path(mirror).expanduser() / filename, dest)
            return
        except OSError as err:  # requests' network errors are OSErrors too
            problems.append(f"{mirror}: {type(err).__name__}")
    fail(f"to download {filename}", f"no answer ({'; '.join(problems)})", "If you are offline, connect "
         f"to the internet once: the files are then kept in {dest.parent} and later calls need no network. "
         "Or set NNLIB_MNIST_MIRROR to a folder that holds the four MNIST .gz files. Meanwhile "
         "load_sample() gives 5,000 real digits with no network at all.", error=DownloadError)


def _http_get(url, dest, progress):
    """Download `url` to the path `dest` with pooch, showing a progress bar named after the file."""
    import pooch                  # here, not at the top: slow to import, and rarely needed
    from tqdm import tqdm

    # Our own bar, named after the file; total=1 because pooch uses only a "true" bar.
    bar = tqdm(desc=url.rsplit("/", 1)[-1], total=1, unit="B", unit_scale=True, ncols=79) if progress else False
    try:
        pooch.HTTPDownloader(progressbar=bar, timeout=TIMEOUT, chunk_size=1 << 16)(url, str(dest), None)
    except BaseException:
        if progress:
            bar.leave = False  # a failed download leaves no half-drawn bar behind
        raise
    finally:
        if progress:
            bar.close()  # pooch closes it only on success


def _parse_idx(data, name):
    """IDX bytes -> uint8 array: images (N, 784), one flattened 28x28 digit per row; labels (N,).
    IDX: 0x0000, type 0x08 (bytes), ndim, each dimension as 4 big-endian bytes, then the values."""
    ndim = 3 if "images" in name else 1
    magic = int.from_bytes(data[:4], "big")
    if magic != 0x0800 + ndim:
        fail(f"{name} to start with the IDX magic number {0x0800 + ndim:#010x}", f"{magic:#010x}")
    dims = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim))
    header = 4 + 4 * ndim
    if dims[1:] != (28, 28)[:ndim - 1] or len(data) != header + int(np.prod(dims)):
        fail(f"{name} to hold {dims[0]} items of shape {(28, 28)[:ndim - 1]}",
             f"dimensions {dims} and {len(data) - header} bytes of values")
    values = np.frombuffer(data, dtype=np.uint8, offset=header)
    return values.reshape(dims[0], 784) if ndim == 3 else values
