"""Shared test set-up: one BLAS thread, and the test-only copy of full MNIST."""
import os
from pathlib import Path

import pytest
from threadpoolctl import threadpool_limits

REPO = Path(__file__).resolve().parent.parent
# The original MNIST files sit beside the repository on CI and developer
# machines only; users never have them, so tests that need them skip without.
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist"


@pytest.fixture(autouse=True, scope="session")
def one_blas_thread():
    """Results repeat exactly, and this tiny network runs faster on one thread.

    scripts/test_portable.py sets NNLIB_TEST_THREADS=2 to check that nothing depends on it.
    """
    with threadpool_limits(limits=int(os.environ.get("NNLIB_TEST_THREADS", "1"))):
        yield


@pytest.fixture
def mnist_mirror():
    """The folder holding the original MNIST .gz files, or skip with the reason."""
    if not (SHARED_MNIST / "train-images-idx3-ubyte.gz").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the MNIST copy at {SHARED_MNIST}")
        pytest.skip(f"no local copy of full MNIST at {SHARED_MNIST} (only CI and developers have one)")
    return SHARED_MNIST
