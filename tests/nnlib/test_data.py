"""Tests of nnlib.data: the embedded sample, full MNIST (offline, through a local mirror), helpers.

No test touches the network: full MNIST comes from the `mnist_mirror` folder
through NNLIB_MNIST_MIRROR, into a temporary cache, along the same
download -> verify -> parse -> cache path a user's first call takes.
"""
import functools
import gzip
import hashlib
import shutil
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest

from nnlib.data import (MNIST_FILES, DownloadError, Digits, as_image, load_mnist, load_sample,
                        one_hot)

TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


@pytest.fixture(scope="module")
def sample():
    return load_sample()


@pytest.fixture(scope="module")
def _full_memo():
    memo = {}
    yield memo
    memo.clear()  # free the 440 MB before the rest of the test session


@pytest.fixture
def full(mnist_mirror, _full_memo, tmp_path_factory, monkeypatch):
    """Full MNIST, fetched once per module from the mirror folder into a fresh cache."""
    if not _full_memo:
        cache = tmp_path_factory.mktemp("mnist_cache")
        monkeypatch.setenv("NNLIB_MNIST_MIRROR", str(mnist_mirror))
        start = time.perf_counter()
        digits = load_mnist(cache_dir=cache, progress=False)
        print(f"full MNIST, first load (copy, verify, parse, cache): {time.perf_counter() - start:.2f} s")
        _full_memo.update(digits=digits, cache=cache)
    return _full_memo


def cache_with(tmp_path, full, *names):
    """A cache folder already holding the verified files `names` (copied from the shared cache)."""
    cache = tmp_path / "cache"
    cache.mkdir()
    for name in names:
        shutil.copyfile(full["cache"] / name, cache / name)
    return cache


# --- The embedded sample ---

def test_sample_shapes_dtypes_and_ranges(sample):
    assert isinstance(sample, Digits) and sample.source == "embedded sample"
    assert sample.X_train.shape == (4000, 784) and sample.X_test.shape == (1000, 784)
    assert sample.y_train.shape == (4000,) and sample.y_test.shape == (1000,)
    assert sample.X_train.dtype == np.float64 and sample.y_train.dtype == np.int64
    for X in (sample.X_train, sample.X_test):
        assert X.min() == 0.0 and X.max() == 1.0
    assert "(4000, 784) float64" in repr(sample)


def test_sample_float32_matches_float64(sample):
    small = load_sample(np.float32)
    assert small.X_train.dtype == np.float32 and small.X_test.dtype == np.float32
    np.testing.assert_allclose(small.X_train, sample.X_train, atol=1e-7)
    np.testing.assert_array_equal(small.y_train, sample.y_train)


def test_sample_is_stratified_and_split_without_overlap(sample):
    assert np.bincount(sample.y_train, minlength=10).tolist() == [400] * 10
    assert np.bincount(sample.y_test, minlength=10).tolist() == [100] * 10
    assert not np.all(np.diff(sample.y_train) >= 0), "training digits must be shuffled, not sorted"
    train_rows = {row.tobytes() for row in sample.X_train}
    assert len(train_rows) == 4000
    assert not any(row.tobytes() in train_rows for row in sample.X_test)


def test_sample_is_deterministic_and_fresh(sample):
    again = load_sample()
    for key in ("X_train", "y_train", "X_test", "y_test"):
        np.testing.assert_array_equal(getattr(again, key), getattr(sample, key))
    again.X_train[0] = 7.0  # a learner's edit must not leak into the next load
    assert load_sample().X_train[0].max() <= 1.0
    # The committed digits themselves: regenerating the file must give these same numbers.
    stored = hashlib.sha256()
    for X, y in ((sample.X_train, sample.y_train), (sample.X_test, sample.y_test)):
        stored.update(np.round(X * 255).astype(np.uint8).tobytes() + y.astype(np.uint8).tobytes())
    assert stored.hexdigest()[:16] == "8a7adbe9b5c3bf45"


def test_sample_loads_fast():
    start = time.perf_counter()
    load_sample()
    seconds = time.perf_counter() - start
    print(f"load_sample(): {seconds * 1000:.0f} ms")
    assert seconds < 0.5


def test_importing_nnlib_data_does_not_import_pooch():
    code = "import sys, nnlib.data; sys.exit('pooch' in sys.modules or 'requests' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


@pytest.mark.parametrize("loader", [load_sample, load_mnist])
def test_non_float_dtype_is_refused(loader):
    with pytest.raises(TypeError, match=r"expected dtype np.float64 or np.float32, got .*int"):
        loader(np.int64)


# --- one_hot and as_image ---

def test_one_hot():
    Y = one_hot(np.array([3, 0, 9]))
    assert Y.shape == (3, 10) and Y.dtype == np.float64
    np.testing.assert_array_equal(Y.argmax(axis=1), [3, 0, 9])
    np.testing.assert_array_equal(Y.sum(axis=1), [1, 1, 1])
    np.testing.assert_array_equal(one_hot([1.0, 2.0], n_classes=3), [[0, 1, 0], [0, 0, 1]])


@pytest.mark.parametrize("labels, words", [
    ([3, 10], "expected labels between 0 and 9, got a label 10"),
    ([-1], "got a label -1"),
    ([0.5], "fractional"),
    (np.eye(10), "one-hot"),
])
def test_one_hot_refuses_bad_labels(labels, words):
    with pytest.raises(ValueError, match=words):
        one_hot(labels)


def test_as_image_is_a_row_by_row_view(sample):
    x = sample.X_train[0]
    image = as_image(x)
    assert image.shape == (28, 28) and np.shares_memory(image, x)
    assert image[5, 7] == x[5 * 28 + 7]


@pytest.mark.parametrize("shape, words", [
    ((10, 784), r"got an array of shape \(10, 784\).*as_image\(X\[0\]\)"),
    ((28, 28), "already a 28x28 image"),
    ((783,), r"expected one digit as 784 numbers, shape \(784,\), got an array of shape \(783,\)"),
])
def test_as_image_refuses_other_shapes(shape, words):
    with pytest.raises(ValueError, match=words):
        as_image(np.zeros(shape))


# --- Full MNIST, through a local mirror ---

def test_full_mnist_shapes_counts_and_verified_cache(full, mnist_mirror):
    digits = full["digits"]
    assert digits.source == "full MNIST"
    assert digits.X_train.shape == (60000, 784) and digits.X_test.shape == (10000, 784)
    assert digits.X_train.dtype == np.float64 and digits.y_test.dtype == np.int64
    assert digits.X_train.min() == 0.0 and digits.X_train.max() == 1.0
    assert np.bincount(digits.y_train).tolist() == TRAIN_COUNTS
    assert np.bincount(digits.y_test).tolist() == TEST_COUNTS
    # The cache holds exactly the four decompressed files, no leftovers, each
    # with the hash published beside the mirror (not just the one in our code).
    published = (mnist_mirror / "README.md").read_text()
    assert sorted(p.name for p in full["cache"].iterdir()) == sorted(MNIST_FILES)
    for name, (size, sha256) in MNIST_FILES.items():
        data = (full["cache"] / name).read_bytes()
        assert len(data) == size and hashlib.sha256(data).hexdigest() == sha256 and sha256 in published


def test_second_load_comes_from_the_cache(full, monkeypatch, tmp_path):
    monkeypatch.setenv("NNLIB_MNIST_MIRROR", str(tmp_path / "no-mirror-here"))
    start = time.perf_counter()
    again = load_mnist(np.float32, cache_dir=full["cache"])
    seconds = time.perf_counter() - start
    print(f"full MNIST from the cache (float32): {seconds:.2f} s")
    np.testing.assert_array_equal(again.y_train, full["digits"].y_train)
    np.testing.assert_allclose(again.X_test, full["digits"].X_test, atol=1e-7)
    assert seconds < 3


def test_sample_digits_are_mnist_training_digits(full, sample):
    """Provenance: every sample digit is an MNIST training digit, with the same label."""
    digits = full["digits"]
    index = {row.tobytes(): label for row, label in zip(digits.X_train[:6000], digits.y_train)}
    for X, y in ((sample.X_train, sample.y_train), (sample.X_test, sample.y_test)):
        assert [index.get(row.tobytes()) for row in X] == y.tolist()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_download_over_http_with_pooch(full, mnist_mirror, tmp_path, monkeypatch, capsys):
    """The HTTP path (pooch, progress bar), served from this machine: no outside network."""
    labels = [name for name in MNIST_FILES if "labels" in name]
    for name in labels:
        shutil.copyfile(mnist_mirror / f"{name}.gz", tmp_path / f"{name}.gz")
    cache = cache_with(tmp_path, full, *(name for name in MNIST_FILES if name not in labels))
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=tmp_path))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        monkeypatch.setenv("NNLIB_MNIST_MIRROR", f"http://127.0.0.1:{server.server_port}")
        digits = load_mnist(np.float32, cache_dir=cache, progress=True)
    finally:
        server.shutdown()
        server.server_close()
    np.testing.assert_array_equal(digits.y_train, full["digits"].y_train)
    assert sorted(p.name for p in cache.iterdir()) == sorted(MNIST_FILES)
    assert "train-labels-idx1-ubyte.gz" in capsys.readouterr().err  # the progress bar names the file


def damage(how, data):
    """A damaged copy of the .gz bytes `data`."""
    if how == "truncated":
        return data[:len(data) // 2]
    if how == "flipped bytes":
        middle = len(data) // 2
        return data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 16]) + data[middle + 16:]
    labels = bytearray(gzip.decompress(data))  # "wrong content": a valid gzip, one label changed
    labels[100] = (labels[100] + 1) % 10
    return gzip.compress(bytes(labels))


@pytest.mark.parametrize("how, words", [
    ("truncated", "expected train-labels-idx1-ubyte.gz to be a complete gzip file"),
    ("flipped bytes", "train-labels-idx1-ubyte.gz"),
    ("wrong content", "expected train-labels-idx1-ubyte.gz to hold the published MNIST file.*SHA-256"),
])
def test_damaged_download_is_reported_and_never_cached(how, words, full, mnist_mirror, tmp_path, monkeypatch):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    for name in MNIST_FILES:
        shutil.copyfile(mnist_mirror / f"{name}.gz", mirror / f"{name}.gz")
    bad = mirror / "train-labels-idx1-ubyte.gz"
    bad.write_bytes(damage(how, bad.read_bytes()))
    # train-images is cached already, so the damaged train-labels is the first download.
    cache = cache_with(tmp_path, full, "train-images-idx3-ubyte")
    monkeypatch.setenv("NNLIB_MNIST_MIRROR", str(mirror))
    with pytest.raises(ValueError, match=words) as error:
        load_mnist(cache_dir=cache, progress=False)
    assert "deleted, so the next call to load_mnist() downloads it again" in str(error.value)
    assert [p.name for p in cache.iterdir()] == ["train-images-idx3-ubyte"]


def test_truncated_first_download_leaves_an_empty_cache(mnist_mirror, tmp_path, monkeypatch):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    data = (mnist_mirror / "train-images-idx3-ubyte.gz").read_bytes()
    (mirror / "train-images-idx3-ubyte.gz").write_bytes(data[:100_000])
    monkeypatch.setenv("NNLIB_MNIST_MIRROR", str(mirror))
    with pytest.raises(ValueError, match="train-images-idx3-ubyte.gz.*damaged.*deleted"):
        load_mnist(cache_dir=tmp_path / "cache", progress=False)
    assert list((tmp_path / "cache").iterdir()) == []


def test_damaged_cache_file_is_fetched_again(full, mnist_mirror, tmp_path, monkeypatch):
    cache = cache_with(tmp_path, full, *MNIST_FILES)
    labels = cache / "t10k-labels-idx1-ubyte"
    labels.write_bytes(labels.read_bytes()[:-1] + b"\x07")  # one label changed on disk
    monkeypatch.setenv("NNLIB_MNIST_MIRROR", str(mnist_mirror))
    digits = load_mnist(np.float32, cache_dir=cache, progress=False)
    np.testing.assert_array_equal(digits.y_test, full["digits"].y_test)
    assert labels.read_bytes() == (full["cache"] / labels.name).read_bytes()


@pytest.mark.parametrize("mirror", ["http://127.0.0.1:9/", "a folder that does not exist"])
def test_offline_without_cache_says_what_to_do(mirror, tmp_path, monkeypatch):
    monkeypatch.setenv("NNLIB_MNIST_MIRROR", mirror if mirror.startswith("http") else str(tmp_path / "nowhere"))
    monkeypatch.setenv("NNLIB_DATA_DIR", str(tmp_path / "cache"))  # used when cache_dir is not given
    start = time.perf_counter()
    with pytest.raises(DownloadError) as error:
        load_mnist(progress=False)
    assert isinstance(error.value, ConnectionError)
    message = str(error.value)
    for words in ("expected to download train-images-idx3-ubyte.gz", "offline", "connect to the internet once",
                  str(tmp_path / "cache"), "NNLIB_MNIST_MIRROR", "load_sample()"):
        assert words in message
    assert list((tmp_path / "cache").iterdir()) == []
    assert time.perf_counter() - start < 15
