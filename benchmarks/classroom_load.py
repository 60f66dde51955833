"""A class of N simulated students on the class's JupyterHub: ready times, slider latency, memory.

For each N (--students 1,5,10,20) a fresh hub starts on 127.0.0.1
(classroom/jupyterhub_config.py, shared-password test authenticator, free
ports, everything in a temporary folder). All N students log in at once
through the login form, start their servers (each gets the course pulled
into their home), open the notebook, run every code cell, and then, all
together, move the notebook's first slider for --seconds at a human pace
(--rate ticks per second each, waiting for the picture before the next).

Through the real kernel protocol, not a real front end: each student speaks
to their kernel over the same websocket JupyterLab opens
(/user/<name>/api/kernels/<id>/channels, through the hub's proxy and the
student's server), sends the execute requests of the notebook's cells and the
ipywidgets "update" message a slider sends, and times until the figure's
patch message (what the browser paints) comes back. Twenty headless Chromiums
on a 2-core machine would measure Chromium's rendering rather than the hub,
the servers and the kernels the class shares; the browser's own side of a
tick is measured by benchmarks/browser_latency.py.

Memory is PSS (/proc/<pid>/smaps_rollup, shared pages split between the
processes that share them) of each student's server and its kernel, taken
while all sliders move; the hub, proxy and idle culler are reported apart.
Everything started is stopped at the end (classroom/testhub.py).

Run:  .venv/bin/python benchmarks/classroom_load.py [--students 1,5,10,20] [--seconds 60] [--quick]
Ends with one JSON line:
{"runs": [{"students": N, "errors": ..., "ready_max_s": ..., "slider_median_ms": ...,
           "slider_p95_ms": ..., "mem_per_student_mb": ..., "hub_mb": ..., "ticks": ...,
           "cpu_busy_ready_pct": ..., "cpu_busy_slider_pct": ..., "note": ...}, ...]}
The note says which target was missed (0 errors, every notebook ready within 60 s of login,
slider p95 <= 250 ms) and what ran out: how busy the cores were (all processes on the
machine, so other work shows too) and how much memory was left.
"""
import argparse
import asyncio
import importlib.util
import json
import os
import random
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")


def load(name):
    """classroom/<name>.py (classroom/ is a folder of files a teacher deploys, not a package)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "classroom" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


testhub, pupils = load("testhub"), load("student")
SLIDERS = ("IntSliderModel", "FloatSliderModel")


def find_slider(student, cells):
    """(slider comm, figure comm, its state) of the first cell that opened a slider and a FigureView."""
    for msg_id in cells:
        try:
            slider = next(comm for comm, info in student.widgets.items()
                          if info["parent"] == msg_id and info["state"].get("_model_name") in SLIDERS)
            return slider, student.widget(msg_id, "AnyModel"), student.widgets[slider]["state"]
        except (StopIteration, LookupError):
            continue
    raise LookupError(f"{student.name}: no cell showed a slider with a figure")


def slider_values(state, count):
    """`count` values walking the slider from its start, one step each, wrapping at its end."""
    low, high, step = state["min"], state["max"], state.get("step") or 1
    steps = max(1, int(round((high - low) / step)))
    start = int(round((state["value"] - low) / step))
    return [low + ((start + 1 + i) % (steps + 1)) * step for i in range(count)]


async def prepare(pupil, notebook, start):
    """Log in, start the server, run every code cell of the notebook; seconds since `start`."""
    await pupil.log_in()
    await pupil.start_server()
    path = f"{testhub.COURSE_DIR}/{notebook}"
    nb = await pupil.read_notebook(path)
    await pupil.open_kernel(path)
    cells = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            msg_id, reply = await pupil.execute(cell["source"], timeout=300)
            cells.append(msg_id)
            if reply.get("status") != "ok":
                pupil.errors.append(f"cell failed: {reply.get('ename')}: {reply.get('evalue')}")
    return time.monotonic() - start, cells


async def move(student, cells, seconds, rate):
    """Move the slider at `rate` ticks per second for `seconds`: the latencies in ms."""
    slider, figure, state = find_slider(student, cells)
    ticks = max(1, int(seconds * rate))
    latencies, begin = [], time.monotonic()
    for i, value in enumerate(slider_values(state, ticks)):
        try:
            latencies.append(1000 * await student.move_slider(slider, figure, value, timeout=30))
        except asyncio.TimeoutError:
            student.errors.append("no picture 30 s after a slider tick")
        # A human pace: the next tick at its time (a little jitter), never before the picture.
        pause = begin + (i + 1 + random.uniform(-0.3, 0.3)) / rate - time.monotonic()
        await asyncio.sleep(max(0.0, pause))
    return latencies


def cpu_times():
    """(busy, total) jiffies of all cores since boot, from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]                     # idle + iowait
    return sum(fields) - idle, sum(fields)


def busy_pct(before, after):
    """How busy the machine's cores were between two cpu_times() (all processes, not only ours)."""
    busy, total = after[0] - before[0], after[1] - before[1]
    return round(100 * busy / total, 1) if total else float("nan")


async def one_class(hub, count, notebook, seconds, rate):
    """All `count` students, at once: their ready times, latencies, memory and errors."""
    students = [pupils.Student(hub, f"student{i:02d}") for i in range(count)]
    start, cpu_start = time.monotonic(), cpu_times()
    prepared = await asyncio.gather(*(prepare(s, notebook, start) for s in students), return_exceptions=True)
    cpu_ready = cpu_times()
    ok = [(s, p) for s, p in zip(students, prepared) if not isinstance(p, BaseException)]
    errors = [f"{s.name}: {p!r}" for s, p in zip(students, prepared) if isinstance(p, BaseException)]
    sampler = asyncio.ensure_future(asyncio.sleep(seconds / 2))     # memory: halfway through the ticks
    moves = asyncio.gather(*(move(s, cells, seconds, rate) for s, (_t, cells) in ok), return_exceptions=True)
    await sampler
    memory = hub.memory()
    moved = await moves
    cpu = {"ready": busy_pct(cpu_start, cpu_ready), "slider": busy_pct(cpu_ready, cpu_times())}
    errors += [f"{s.name}: {m!r}" for (s, _), m in zip(ok, moved) if isinstance(m, BaseException)]
    latencies = [ms for m in moved if not isinstance(m, BaseException) for ms in m]
    for student in students:
        errors += [f"{student.name}: {e}" for e in student.errors]
        await student.close()
    return {"ready": [t for _s, (t, _c) in ok], "latencies": latencies, "memory": memory,
            "errors": errors, "names": [s.name for s in students], "cpu": cpu}


def note(line, cpu):
    """Which target was missed, and what ran out (the cores, or the memory)."""
    targets = (("0 errors", line["errors"] > 0), ("ready within 60 s", line["ready_max_s"] > 60),
               ("slider p95 <= 250 ms", line["slider_p95_ms"] > 250))
    missed = [name for name, bad in targets if bad]
    if not missed:
        return "all targets met"
    available = int(Path("/proc/meminfo").read_text().split("MemAvailable:")[1].split()[0]) // 1024
    return (f"missed {', '.join(missed)}: cores {cpu['ready']}% busy while notebooks ran, "
            f"{cpu['slider']}% while sliders moved (all processes on the machine); "
            f"{available} MB of memory still available")


def summary(count, result):
    """One run's line of the JSON report."""
    per_student = [result["memory"].get(name, 0.0) for name in result["names"]]
    lat = result["latencies"] or [float("nan")]
    return {"students": count, "errors": len(result["errors"]),
            "ready_max_s": round(max(result["ready"], default=float("nan")), 1),
            "slider_median_ms": round(float(np.median(lat)), 1),
            "slider_p95_ms": round(float(np.percentile(lat, 95)), 1),
            "ticks": len(result["latencies"]),
            "mem_per_student_mb": round(float(np.mean(per_student)), 1),
            "hub_mb": round(result["memory"].get("hub", 0.0), 1),
            "cpu_busy_ready_pct": result["cpu"]["ready"], "cpu_busy_slider_pct": result["cpu"]["slider"]}


def run(count, args):
    with testhub.TestHub() as hub:
        result = asyncio.run(one_class(hub, count, args.notebook, args.seconds, args.rate))
        if result["errors"]:
            print("\n".join(result["errors"][:20]) + f"\n--- hub log ---\n{hub.log_tail(30)}")
    line = summary(count, result)
    line["note"] = note(line, result["cpu"])
    print(f"{count:3d} students: ready within {line['ready_max_s']} s, slider median "
          f"{line['slider_median_ms']} ms, p95 {line['slider_p95_ms']} ms ({line['ticks']} ticks), "
          f"{line['mem_per_student_mb']} MB per student + {line['hub_mb']} MB hub, "
          f"{line['errors']} errors; {line['note']}", flush=True)
    return line


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", default="1,5,10,20", help="class sizes to try, comma-separated")
    parser.add_argument("--seconds", type=float, default=60, help="how long every student moves the slider")
    parser.add_argument("--rate", type=float, default=3, help="slider ticks per second per student")
    parser.add_argument("--notebook", default="notebooks/01_neurons.ipynb", help="path inside the course")
    parser.add_argument("--quick", action="store_true", help="one student, 3 seconds (the test suite)")
    args = parser.parse_args()
    if args.quick:
        args.students, args.seconds = "1", min(args.seconds, 3)
    counts = [int(n) for n in args.students.split(",") if n.strip()]
    print(json.dumps({"runs": [run(count, args) for count in counts]}))


if __name__ == "__main__":
    main()
