"""The benchmarks run inside the test suite in their quick modes, so they cannot rot.

Only that they run and print their JSON line is checked here: timings depend
on the machine and its load, so no test asserts any of them.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist"     # as in conftest.py


def run_json(args, env=None, timeout=120):
    done = subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=timeout)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_train_speed_quick(tmp_path):
    env = dict(os.environ, NNLIB_DATA_DIR=str(tmp_path), MPLBACKEND="Agg")
    if (SHARED_MNIST / "train-images-idx3-ubyte.gz").exists():
        env["NNLIB_MNIST_MIRROR"] = str(SHARED_MNIST)
    result = run_json([BENCHMARKS / "train_speed.py", "--quick"], env)
    for key in ("epoch_s", "floor_s", "x_floor", "loop_epoch_s", "speedup_vs_loop", "t95_s",
                "best_test_acc", "import_s", "sample_load_s", "gflops"):
        assert key in result, key
    assert result["quick"] is True and result["epoch_gflop"] > 0
    assert 0 < result["floor_s"] < result["epoch_s"] and 0.5 < result["best_test_acc"] <= 1
    if "NNLIB_MNIST_MIRROR" in env:
        assert result["data"].startswith("full MNIST") and result["epoch_gflop"] == 3.16


def test_widget_update_few_ticks():
    result = run_json([BENCHMARKS / "widget_update.py", "--ticks", "3"], timeout=600)
    assert result["widgets"] and all(ms > 0 for ms in result["widgets"].values())
    assert any(name.startswith("06") for name in result["widgets"])
