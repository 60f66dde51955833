"""How long one slider tick takes in the kernel, for every widget of the course.

Each case sets a control's value from Python, which runs the widget's callback
exactly as a slider move in the browser would (update the artists, draw the
canvas once, pack the rectangles of pixels that changed for the browser). The baseline is what a naive `interact` does on
every tick: build a fresh pyplot figure, plot, savefig a PNG, close it.

Cases come from the files widget_cases_*.py beside this script; each defines
cases() returning (name, app, control_name, values) tuples.

The training app's live view is not a tick but runs beside training, so it
is measured by what it costs training: "live_view_slowdown" is the median
epoch time of the app's training thread (the 4,000 sample digits, pace 0)
with the live view redrawing (figures updated, FigureView refreshed) over
the median without it, runs of each alternating in one process; target <= 1.20.

Run:  .venv/bin/python benchmarks/widget_update.py [--ticks 30]
Ends with one JSON line:
{"widgets": {name: median_ms, ...}, "naive_median_ms": ..., "worst_ratio": naive/slowest,
 "live_view_slowdown": with/without, "live_view_per_s": redraws per second}
"""
import argparse
import importlib
import io
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

HERE = Path(__file__).resolve().parent


def time_ticks(control, values, ticks):
    """Median milliseconds per value change of `control`, cycling through `values`."""
    times = []
    for i in range(ticks):
        value = values[i % len(values)]
        if control.value == value:
            value = values[(i + 1) % len(values)]
        start = time.perf_counter()
        control.value = value
        times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))


def naive_tick(x, rng):
    """What `interact` with a plotting function does per tick: a whole new figure and PNG."""
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 3, figsize=(12, 4))
    axes[0].imshow(x.reshape(28, 28), cmap="gray")
    axes[1].bar(range(10), rng.random(10))
    axes[2].plot(np.linspace(-6, 6, 200), 1 / (1 + np.exp(-np.linspace(-6, 6, 200))))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(fig)


def naive_median_ms(ticks):
    rng = np.random.default_rng(0)
    x = rng.random(784)
    times = []
    for _ in range(ticks):
        start = time.perf_counter()
        naive_tick(x, rng)
        times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))


def live_view_slowdown(rounds=2, epochs=40):
    """(median epoch time with the live view / without, live-view redraws per second) in the training app."""
    from coursekit.apps.training import training_app
    from nnlib import data
    digits = data.load_sample()
    app = training_app(digits.X_train, digits.y_train, digits.X_test, digits.y_test, epochs=epochs,
                       pace=0.0)
    trainer, times, rates = app.trainer, {False: [], True: []}, []
    for _ in range(rounds):
        for live in (False, True):
            first, ticks = trainer.history.epochs, app.pump.ticks
            if live:
                app.controls["start"].click()             # the app's own Start: pump and training
            else:
                trainer.start(epochs, app.controls["lr"].value)
            trainer.wait(600)
            seconds = np.asarray(trainer.history.seconds[max(first - 1, 0):], dtype=float)
            times[live] += list(np.diff(seconds) if first else np.diff(seconds, prepend=0.0))
            if live:
                rates.append((app.pump.ticks - ticks) / (seconds[-1] - seconds[0]))
    return float(np.median(times[True]) / np.median(times[False])), float(np.median(rates))


def all_cases():
    sys.path.insert(0, str(HERE))   # the case files sit beside this script
    for path in sorted(HERE.glob("widget_cases_*.py")):
        yield from importlib.import_module(path.stem).cases()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ticks", type=int, default=30)
    args = parser.parse_args()
    results = {}
    with threadpool_limits(limits=1):
        for name, app, control, values in all_cases():
            time_ticks(app.controls[control], values, 3)            # warm up
            results[name] = round(time_ticks(app.controls[control], values, args.ticks), 2)
            print(f"{name:45s} {results[name]:7.2f} ms per tick")
        naive = round(naive_median_ms(max(5, args.ticks // 3)), 2)
        slowdown, per_s = live_view_slowdown(rounds=2 if args.ticks >= 10 else 1)
    print(f"{'naive interact (re-plot + savefig)':45s} {naive:7.2f} ms per tick")
    print(f"{'06 training: live view':45s} {slowdown:7.2f} x epoch time, {per_s:.1f} redraws/s")
    slowest = max(results.values()) if results else float("nan")
    print(json.dumps({"widgets": results, "naive_median_ms": naive,
                      "worst_ratio": round(naive / slowest, 2) if results else None,
                      "live_view_slowdown": round(slowdown, 2), "live_view_per_s": round(per_s, 1)}))


if __name__ == "__main__":
    main()
