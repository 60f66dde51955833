"""The whole learner's check of one notebook: run it, look at it, use every control."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .controls import ControlResult, exercise_app, list_controls
from .frontend import NotebookPage, SavedNotebook
from .voila import VoilaPage

UI_NAMES = {"lab": "JupyterLab", "notebook": "Notebook 7", "voila": "Voila"}


@dataclass
class NotebookReport:
    """Everything one check found, and the screenshots it took."""

    path: str
    ui: str
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # shown, but the test still passes
    controls: list[ControlResult] = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)
    allowed_console: list[str] = field(default_factory=list)
    seconds: float = 0.0
    opened_in: float | None = None   # Voila: seconds from the request to the page showing its cells

    @property
    def failures(self) -> list[str]:
        """Problems on the screen, then every control that changed nothing."""
        return self.problems + [str(c) for c in self.controls if c.failed]

    def summary(self) -> str:
        """One line for the terminal."""
        live = sum(c.outcome.startswith("changed") for c in self.controls)
        skipped = sum(c.outcome.startswith("skipped") for c in self.controls)
        verdict = "ok" if not self.failures else f"{len(self.failures)} problem(s) found"
        if self.warnings:
            verdict += f", {len(self.warnings)} warning(s)"
        return (f"{UI_NAMES[self.ui]:<10} {self.path}: {live}/{len(self.controls)} controls changed the screen"
                f"{f', {skipped} skipped' if skipped else ''}; {verdict} ({self.seconds:.0f} s"
                f"{f', page shown after {self.opened_in:.1f} s' if self.opened_in is not None else ''})")

    def details(self) -> str:
        """Every control and problem, for the report file and failure messages."""
        lines = [self.summary()]
        lines += [f"  problem: {p}" for p in self.problems]
        lines += [f"  warning: {w}" for w in self.warnings]
        lines += [f"  {'FAIL' if c.failed else 'ok  '} {c} ({c.seconds:.1f} s)" for c in self.controls]
        lines += [f"  allowed as benign: {text}" for text in self.allowed_console]
        return "\n".join(lines)


def check_notebook(browser, server, path: str, ui: str, shots: Path,
                   source: Path | None = None, change_timeout: float = 60) -> NotebookReport:
    """Open `path` in front end `ui` ("lab", "notebook" or "voila": `server` is then a
    VoilaServer), Run All (Voila runs it while it sends the page), check the
    result, operate every control.

    `source` is the committed .ipynb behind `path`: its saved widget outputs
    and its raises-exception tags say what the browser should show."""
    started = time.monotonic()
    report = NotebookReport(path, ui)
    stem = f"{Path(path).stem}-{ui}"
    shots.mkdir(parents=True, exist_ok=True)
    notebook = (VoilaPage if ui == "voila" else NotebookPage)(browser, server, path, ui)
    try:
        notebook.open()
        notebook.run_all()
        report.opened_in = getattr(notebook, "seconds_to_cells", None)
        report.problems += notebook.problems_after_run(SavedNotebook.read(source))
        report.screenshots.append(notebook.screenshot_notebook(shots / f"{stem}-1-after-run.png"))
        report.warnings += notebook.page.evaluate("() => window.nnlibProbe.cutOff()")
        for app, controls in enumerate(list_controls(notebook.page)):
            before = notebook.screenshot_app(app, shots / f"{stem}-app{app + 1}-before.png")
            report.controls += exercise_app(notebook.page, notebook.kernel, controls,
                                            notebook.slider_input, change_timeout)
            after = notebook.screenshot_app(app, shots / f"{stem}-app{app + 1}-after.png")
            report.screenshots += [before, after]
        report.screenshots.append(notebook.screenshot_notebook(shots / f"{stem}-2-after-controls.png"))
        report.problems += notebook.problems_at_end()
        report.allowed_console = notebook.console.allowed
    finally:
        notebook.close()
        report.seconds = time.monotonic() - started
    return report
