"""Run the unit tests and the notebooks (nbval) under other processors' maths kernels.

    make test-portable                                   # every variant below
    .venv/bin/python scripts/test_portable.py --variant numpy-dispatch --nbval-only   # what CI adds

The course must print the same on every machine (see tests/README.md). A
machine's processor decides which BLAS kernel OpenBLAS runs and which SIMD
loops numpy dispatches to, and both change the last bit of a sum. This script
simulates other processors on this one:

- default:         whatever this machine picks;
- prescott:        OPENBLAS_CORETYPE=Prescott (an old SSE3-only kernel);
- sandybridge:     OPENBLAS_CORETYPE=Sandybridge (AVX without FMA);
- numpy-dispatch:  NPY_DISABLE_CPU_FEATURES listing every AVX2-and-above
                   feature this processor has (numpy falls back to older loops);
- two-threads:     2 BLAS threads instead of one.

Where the environment already sets OPENBLAS_CORETYPE (some machines need it
for OpenBLAS to work), the two OpenBLAS variants are skipped, saying so.
The browser tests are left out: they show the same kernel's outputs.
"""
import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# numpy's dispatch targets from the AVX2 generation (FMA3 came with it) upwards.
FROM_AVX2 = ("FMA3", "AVX2", "AVX512")


def avx2_and_above():
    """The AVX2-and-above features numpy dispatches to on this processor, e.g. ['FMA3', 'AVX2']."""
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
    return [name for name in __cpu_dispatch__
            if name.startswith(FROM_AVX2) and __cpu_features__.get(name)]


def variants():
    """{name: (environment changes, or None, and why it is skipped)}."""
    preset = os.environ.get("OPENBLAS_CORETYPE")
    features = avx2_and_above()
    found = {
        "default": ({}, ""),
        "numpy-dispatch": ({"NPY_DISABLE_CPU_FEATURES": " ".join(features)}, ""
                           if features else "this processor has no AVX2-and-above feature to turn off"),
        "two-threads": ({"OMP_NUM_THREADS": "2", "OPENBLAS_NUM_THREADS": "2",
                         "NNLIB_TEST_THREADS": "2"}, ""),
    }
    for name, core in (("prescott", "Prescott"), ("sandybridge", "Sandybridge")):
        why = f"this environment sets OPENBLAS_CORETYPE={preset}; left alone" if preset else ""
        found[name] = ({"OPENBLAS_CORETYPE": core}, why)
    order = ["default", "prescott", "sandybridge", "numpy-dispatch", "two-threads"]
    return {name: found[name] for name in order}


def run(name, changes, nbval_only):
    """Run pytest under one variant: (passed, failed, seconds, last line)."""
    env = dict(os.environ, MPLBACKEND="Agg", **changes)
    paths = ["notebooks"] if nbval_only else ["tests", "notebooks"]
    command = [sys.executable, "-m", "pytest", "-q", "--ignore=tests/browser", *paths]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    last = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-300:]
    if result.returncode != 0:
        print(result.stdout[-6000:], result.stderr[-2000:], sep="\n")
    count = lambda word: int((re.search(rf"(\d+) {word}", last) or [0, 0])[1])
    return count("passed"), count("failed") + count("error"), seconds, result.returncode, last


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variant", action="append", choices=list(variants()),
                        help="run only this variant (repeatable); default: all")
    parser.add_argument("--nbval-only", action="store_true", help="only the notebooks")
    args = parser.parse_args()
    ok = True
    for name, (changes, skipped) in variants().items():
        if args.variant and name not in args.variant:
            continue
        if skipped:
            print(f"{name:15s} skipped: {skipped}")
            continue
        setting = " ".join(f"{k}={v!r}" for k, v in changes.items()) or "(as this machine is)"
        print(f"{name:15s} {setting}", flush=True)
        passed, failed, seconds, code, last = run(name, changes, args.nbval_only)
        print(f"{'':15s} {seconds:.0f} s: {last}")
        print(f"{name}: {passed} passed, {failed} failed", flush=True)
        ok = ok and code == 0 and passed > 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
