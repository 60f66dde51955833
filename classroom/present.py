"""Presentation mode: the course in Voila on 127.0.0.1, code hidden, widgets live.

    make present                      # or: .venv/bin/python classroom/present.py
    .venv/bin/python classroom/present.py --port 8870 --no-browser

Voila serves notebooks/ as pages without code: the prose, the figures and the
apps, whose sliders, buttons and canvases talk to a kernel as in JupyterLab.
Its configuration lives beside this file, in classroom/voila/ (voila.json:
address, template, kernel culling and the pre-started kernel; templates/coursekit:
Voila's page without the Font Awesome link to a CDN, so nothing leaves the machine).
The kernels get COURSEKIT_PRESENTATION=1: the exercises then show their
question with the answer behind a fold, for the teacher to open.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CONFIG = HERE / "voila"          # voila.json: found through JUPYTER_CONFIG_PATH
FIRST_PAGE = "00_start_here.ipynb"


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line: port, browser, folder, culling and pre-start."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--port", type=int, default=8866, help="port on 127.0.0.1 (default 8866)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    parser.add_argument("--notebooks", type=Path, default=REPO / "notebooks",
                        help="folder of notebooks to serve (default: the course's notebooks/)")
    parser.add_argument("--cull-after", type=int, default=None, metavar="SECONDS",
                        help="stop a closed page's kernel after it has been idle this long "
                             "(default 60, from classroom/voila/voila.json)")
    parser.add_argument("--no-preheat", action="store_true",
                        help="do not keep a kernel running the first notebook ahead of time")
    return parser.parse_args(argv)


def command(args: argparse.Namespace) -> list[str]:
    """The Voila command line; everything not given here comes from voila.json."""
    line = [sys.executable, "-m", "voila", str(args.notebooks.resolve()),
            f"--Voila.port={args.port}", "--Voila.port_retries=0",
            f"--Voila.open_browser={not args.no_browser}"]
    if args.cull_after is not None:
        interval = max(1, min(10, args.cull_after // 2))
        line += [f"--MappingKernelManager.cull_idle_timeout={args.cull_after}",
                 f"--MappingKernelManager.cull_interval={interval}"]
    if args.no_preheat:
        line.append("--VoilaConfiguration.preheat_kernel=False")
    return line


def environment() -> dict[str, str]:
    """Voila's environment, inherited by every kernel it starts."""
    env = dict(os.environ)
    # classroom/voila first: its voila.json and its templates/coursekit win.
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(filter(None, [str(CONFIG), env.get("JUPYTER_CONFIG_PATH")]))
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("JUPYTER_PATH")]))
    env["COURSEKIT_PRESENTATION"] = "1"
    # One BLAS thread: the network is tiny, and two threads on a laptop's cores are slower (Makefile).
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(name, "1")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def main(argv: list[str] | None = None) -> None:
    """Say where the course is, then become the Voila server (Ctrl+C stops it)."""
    args = parse(argv)
    if not args.notebooks.is_dir():
        sys.exit(f"present.py: no folder {args.notebooks}")
    base = f"http://127.0.0.1:{args.port}/"
    print(f"Presentation mode: the course at {base}  (first page: {base}voila/render/{FIRST_PAGE})")
    print("Code is hidden, widgets are live; Ctrl+C stops the server and every kernel.", flush=True)
    line = command(args)
    os.execve(line[0], line, environment())


if __name__ == "__main__":
    main()
