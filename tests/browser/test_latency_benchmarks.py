"""The key-press benchmarks run in their shortest form, so they cannot rot.

benchmarks/browser_latency.py times every slider; benchmarks/latency_breakdown.py
splits a key press into its stages. Both drive Chromium like these tests; here
each runs on its smallest input and must end with its JSON line. No timing is
asserted: it depends on the machine and its load.
"""
from test_benchmarks import BENCHMARKS, run_json    # tests/test_benchmarks.py: the other benchmarks' runner


def test_browser_latency_on_the_fixture(chromium):
    result = run_json([BENCHMARKS / "browser_latency.py", "--fixture", "--presses", "2"], timeout=300)
    assert result["naive_median_ms"] > 0
    assert all(row["median_ms"] > 0 for row in result["widgets"].values()), result


def test_latency_breakdown_of_the_floor(chromium):
    stages = run_json([BENCHMARKS / "latency_breakdown.py", "--floor", "--presses", "2"],
                      timeout=300)["stages"]["floor"]
    assert set(stages) >= {"key", "to kernel", "kernel", "to page", "draw", "paint", "total"}, stages
    parts = sum(stages[name] for name in ("key", "to kernel", "kernel", "to page", "draw", "paint"))
    assert abs(parts - stages["total"]) < 5, stages    # the stages add up (medians, so nearly)
