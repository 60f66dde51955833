"""`pip install .` (not only an editable install) gives a working course: code, digits, networks."""
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

USE_THE_WHEEL = """
import nnlib, coursekit
from nnlib import data
from coursekit.trained import trained_network
from coursekit.display import figure_view
digits = data.load_sample()
net = trained_network("relu")
print(nnlib.__file__, coursekit.__file__, figure_view.__file__)
print(net.accuracy(digits.X_test, digits.y_test))
"""


@pytest.fixture(scope="module")
def wheel_dir(tmp_path_factory):
    """The course built as a wheel (as `pip install .` builds it) and unpacked, as an install would."""
    out = tmp_path_factory.mktemp("wheel")
    # A venv made by uv has no pip: build with uv then, as `make` would have installed with it.
    has_pip = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode == 0
    build = ([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)] if has_pip
             else [shutil.which("uv") or "uv", "build", "--wheel", "-q", "-o", str(out), str(REPO)])
    result = subprocess.run(build, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        pytest.fail(f"building the wheel ({build[0]}) failed:\n{result.stderr[-2000:]}")
    [wheel] = out.glob("nnlib-*.whl")
    target = out / "site"
    zipfile.ZipFile(wheel).extractall(target)
    return target


def test_the_wheel_holds_the_data_files(wheel_dir):
    for name in ("nnlib/mnist_sample.npz", "coursekit/networks/sigmoid.npz",
                 "coursekit/networks/relu.npz", "coursekit/display/figure_view.js"):
        assert (wheel_dir / name).is_file(), name


def test_the_installed_course_runs_outside_the_repository(wheel_dir, tmp_path):
    result = subprocess.run([sys.executable, "-c", USE_THE_WHEEL], capture_output=True, text=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(wheel_dir), "PATH": "/usr/bin:/bin",
                                               "MPLBACKEND": "Agg"}, timeout=120)
    assert result.returncode == 0, result.stderr
    paths, accuracy = result.stdout.split("\n")[:2]
    assert all(path.startswith(str(wheel_dir)) for path in paths.split()), paths
    assert float(accuracy) > 0.9
