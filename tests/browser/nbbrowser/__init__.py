"""A harness that uses the course's notebooks in a real browser, as a learner does.

Shared by the browser tests (tests/browser) and the latency benchmark
(benchmarks/browser_latency.py): a private JupyterLab server (or Voila, as
`make present` starts it), Debian's
Chromium driven by Playwright, and helpers that run a notebook, check what it
shows, and operate its widgets.
"""
from .check import NotebookReport, check_notebook
from .chromium import HOW_TO_ENABLE, ConsoleWatch, chromium_path, launch, new_context
from .controls import ControlResult, exercise_app, list_controls, settle, snapshot
from .frontend import NotebookPage, SavedNotebook
from .kernel import KernelWatch
from .server import JupyterServer
from .voila import VoilaPage, VoilaServer

__all__ = [
    "HOW_TO_ENABLE", "ConsoleWatch", "ControlResult", "JupyterServer", "KernelWatch", "NotebookPage",
    "NotebookReport", "check_notebook", "chromium_path", "exercise_app", "launch", "list_controls",
    "new_context", "SavedNotebook", "settle", "snapshot", "VoilaPage", "VoilaServer",
]
