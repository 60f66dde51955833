"""The key-press benchmarks run in their shortest form, so they cannot rot.

benchmarks/browser_latency.py times every slider; benchmarks/latency_breakdown.py
splits a key press into its stages. Both drive Chromium like these tests; here
each runs on its smallest input and must end with its JSON line. No timing is
asserted: it depends on the machine and its load.
"""
import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def run_json(*args, timeout=300):
    done = subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_browser_latency_on_the_fixture(chromium):
    result = run_json(BENCHMARKS / "browser_latency.py", "--fixture", "--presses", "2")
    assert result["naive_median_ms"] > 0
    assert all(row["median_ms"] > 0 for row in result["widgets"].values()), result


def test_latency_breakdown_of_the_floor(chromium):
    stages = run_json(BENCHMARKS / "latency_breakdown.py", "--floor", "--presses", "2")["stages"]["floor"]
    assert set(stages) >= {"key", "to kernel", "kernel", "to page", "draw", "paint", "total"}, stages
    parts = sum(stages[name] for name in ("key", "to kernel", "kernel", "to page", "draw", "paint"))
    assert abs(parts - stages["total"]) < 5, stages    # the stages add up (medians, so nearly)
