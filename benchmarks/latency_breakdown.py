"""Where the time between a key press and the new screen goes, stage by stage.

browser_latency.py gives one number per slider; this splits it. The page's
own WebSocket is watched from inside the page (every frame's arrival or
departure time, and the Jupyter message header it carries), and the kernel
stamps each message it makes with the time it made it (`header.date`), so
one press reads as a timeline on one clock:

    key         keydown -> the page sends the new value (comm_msg)
    to kernel   sent -> the kernel starts on it (its "busy" status)
    kernel      busy -> the kernel made its last output for the press
    to page     made -> that output arrived in the page
    draw        arrived -> the figure/read-out changed (pasted, text set)
    paint       changed -> a frame drawn (as browser_latency.py counts it)

Run:  .venv/bin/python benchmarks/latency_breakdown.py --notebook 02_weights_and_biases [--presses 15]
      [--floor] [--only NAME-PART]
Ends with one JSON line: {"stages": {slider: {stage: median_ms, ...}}}.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))   # browser_latency beside this script
import browser_latency as bl  # noqa: E402

# Loaded before the page's scripts: records each kernel-channel frame with the page's clock.
WIRE_JS = '''(() => {
  const wire = window.nnlibWire = {on: false, log: []};
  const decoder = new TextDecoder();
  function header(data) {
    try {
      if (typeof data === 'string') {
        const m = JSON.parse(data);
        return {channel: m.channel, h: m.header, p: m.parent_header, c: m.content, size: data.length};
      }
      const view = new DataView(data), count = Number(view.getBigUint64(0, true));
      const at = i => Number(view.getBigUint64(8 * (i + 1), true));
      const part = i => decoder.decode(new Uint8Array(data, at(i), at(i + 1) - at(i)));
      return {channel: part(0), h: JSON.parse(part(1)), p: JSON.parse(part(2)), c: JSON.parse(part(4)),
              size: data.byteLength, parts: count};
    } catch (e) { return null; }
  }
  function note(direction, data) {
    if (!wire.on) return;
    const t = performance.timeOrigin + performance.now();
    const m = header(data);
    if (!m) return;
    wire.log.push({direction, t, channel: m.channel, type: m.h.msg_type, id: m.h.msg_id, date: m.h.date,
                   parent: m.p && m.p.msg_id, state: m.c && m.c.execution_state,
                   method: m.c && m.c.data && m.c.data.method, size: m.size});
  }
  const Native = window.WebSocket, send = Native.prototype.send;
  Native.prototype.send = function (data) { note('out', data); return send.call(this, data); };
  window.WebSocket = function (...args) {
    const socket = new Native(...args);
    socket.addEventListener('message', e => note('in', e.data));
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
  for (const key of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) window.WebSocket[key] = Native[key];
})();'''

STAGES = ("key", "to kernel", "kernel", "to page", "draw", "paint", "total")


def kernel_ms(date: str) -> float:
    """A header date (ISO 8601, UTC) as milliseconds since the epoch."""
    return datetime.fromisoformat(date.replace("Z", "+00:00")).timestamp() * 1000


def one_press(page, kernel, handle, selector, index, forward) -> dict | None:
    """Press once; the stages of that press in ms (None when nothing changed)."""
    handle.focus()
    page.evaluate("() => { window.nnlibWire.log = []; window.nnlibWire.on = true; }")
    page.evaluate("([s, i]) => window.nnlibLatency.arm(s, i)", [selector, index])
    page.evaluate("() => { window.nnlibKeyAt = null; window.addEventListener('keydown', e => {"
                  " window.nnlibKeyAt = performance.timeOrigin + e.timeStamp; }, {capture: true, once: true}); }")
    pressed = time.monotonic()
    page.keyboard.press("ArrowRight" if forward else "ArrowLeft")
    while time.monotonic() - pressed < bl.PRESS_TIMEOUT_S:
        if page.evaluate("() => window.nnlibLatency.painted()") and kernel.quiet_for(0.3):
            break
        page.wait_for_timeout(20)
    timing = page.evaluate("() => window.nnlibLatency.finish()")
    log = page.evaluate("() => { window.nnlibWire.on = false; return window.nnlibWire.log; }")
    key_at = page.evaluate("() => window.nnlibKeyAt")
    return stages(log, key_at, timing) if timing and key_at else None


def stages(log, key_at, timing) -> dict | None:
    """Split one press's timeline (wire log, keydown time, browser_latency's timing) into STAGES."""
    sent = next((m for m in log if m["direction"] == "out" and m["type"] == "comm_msg"), None)
    if sent is None:
        return None
    replies = [m for m in log if m["direction"] == "in" and m["parent"] == sent["id"]]
    busy = next((m for m in replies if m["state"] == "busy"), None)
    outputs = [m for m in replies if m["type"] in ("comm_msg", "display_data", "stream")]
    if busy is None or not outputs:
        return None
    changed, painted = key_at + timing["dom"], key_at + timing["screen"]
    # The output the screen waited for: the last to arrive before it changed (a later
    # one, e.g. a delayed second stage, is not part of this press's latency).
    before = [m for m in outputs if m["t"] <= changed + 0.5] or outputs
    last = max(before, key=lambda m: m["t"])
    points = [key_at, sent["t"], kernel_ms(busy["date"]), kernel_ms(last["date"]), last["t"], changed, painted]
    result = {name: b - a for name, a, b in zip(STAGES, points, points[1:])}
    result["total"] = painted - key_at
    result["bytes in"] = sum(m["size"] for m in replies)
    return result


def breakdown(page, kernel, handle, selector, index, presses) -> dict:
    """Median of each stage over `presses` presses (2 unmeasured first)."""
    rows, forward = [], True
    for press in range(bl.WARMUP + presses):
        forward = bl.next_direction(handle, forward)
        row = one_press(page, kernel, handle, selector, index, forward)
        if row and press >= bl.WARMUP:
            rows.append(row)
    if not rows:
        return {}
    return {key: round(float(np.median([r[key] for r in rows])), 1) for key in rows[0]}


def measure(nb, browser, server, path, presses, floor=False, only=None) -> dict:
    """The stages of every slider of every app in the notebook `path` (or of the floor)."""
    notebook = nb.NotebookPage(browser, server, path, "lab")
    notebook.page.add_init_script(WIRE_JS)
    results = {}
    try:
        notebook.open()
        notebook.run_all()
        page, kernel = notebook.page, notebook.kernel
        page.evaluate(bl.LATENCY_JS)
        if floor:
            handle = page.locator(".nnlib-app .noUi-handle").first
            return {"floor": breakdown(page, kernel, handle, ".nnlib-app", 0, presses)}
        for app, controls in enumerate(nb.list_controls(page)):
            for control in controls:
                name = f"{Path(path).stem}/app{app + 1}/{control['name']}"
                if control["kind"] != "slider" or control["disabled"] or not control["visible"] \
                        or (only and only not in name):
                    continue
                nb.settle(page, kernel, app)
                handle = page.locator(f'[data-nnlib-probe="{control["id"]}"]')
                results[name] = breakdown(page, kernel, handle, ".nnlib-app", app, presses)
                print(f"  {name}: {results[name]}", flush=True)
        return results
    finally:
        notebook.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presses", type=int, default=15)
    parser.add_argument("--notebook", action="append", default=[], help="a notebook of notebooks/ (repeatable)")
    parser.add_argument("--floor", action="store_true", help="also the floor: a slider with a read-out only")
    parser.add_argument("--only", help="only sliders whose name holds this text")
    args = parser.parse_args()
    nb = bl.load_harness()
    from playwright.sync_api import sync_playwright
    results = {}
    with tempfile.TemporaryDirectory(prefix="nnlib-bench-") as tmp:
        bl.baseline_notebook(Path(tmp))
        folders = {"bench": Path(tmp), "notebooks": bl.REPO / "notebooks"}
        with nb.JupyterServer(folders) as server, sync_playwright() as playwright:
            browser = nb.launch(playwright, nb.chromium_path())
            try:
                if args.floor:
                    results.update(measure(nb, browser, server, "bench/baselines.ipynb", args.presses, floor=True))
                    print(f"  floor: {results['floor']}", flush=True)
                for name in args.notebook:
                    stem = name.removesuffix(".ipynb")
                    results.update(measure(nb, browser, server, f"notebooks/{stem}.ipynb", args.presses,
                                           only=args.only))
            finally:
                browser.close()
    report(results)
    return 0


def report(results: dict) -> None:
    """One row of stage medians per slider, then the JSON line."""
    print(f"\n{'slider (median ms)':<44}" + "".join(f"{s:>10}" for s in STAGES) + f"{'kB in':>8}")
    for name, row in results.items():
        print(f"{name:<44}" + "".join(f"{row.get(s, float('nan')):>10}" for s in STAGES)
              + f"{row.get('bytes in', 0) / 1000:>8.0f}")
    print(json.dumps({"stages": results}))


if __name__ == "__main__":
    sys.exit(main())
