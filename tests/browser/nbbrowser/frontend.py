"""One notebook in one front end (JupyterLab or Notebook 7), as a learner sees it."""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .chromium import ConsoleWatch, new_context
from .kernel import KernelWatch

PROBE_JS = (Path(__file__).with_name("probe.js")).read_text()

# Where each front end opens a notebook; `?reset` starts from a clean workspace.
URLS = {"lab": "/lab/tree/{path}?reset", "notebook": "/notebooks/{path}?reset"}
# Notebook 7 handles keys in the capture phase, so its command-mode shortcuts
# (arrows move between cells) take the arrow keys before a focused slider sees
# them; a learner there drags the handle with the mouse.
SLIDER_INPUT = {"lab": "keyboard", "notebook": "mouse"}
MAX_SHOT_HEIGHT = 16000  # px: taller notebooks are cut at the bottom of the picture
SCROLLER = "document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')"


@dataclass
class SavedNotebook:
    """What the committed .ipynb file says the browser should show."""

    widget_outputs: int = 0                                   # widget views among its saved outputs
    raises_exception: set[int] = field(default_factory=set)   # cells (1-based) tagged raises-exception

    @classmethod
    def read(cls, path: Path | None) -> "SavedNotebook":
        if path is None:
            return cls()
        cells = json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
        widgets = sum("application/vnd.jupyter.widget-view+json" in output.get("data", {})
                      for cell in cells for output in cell.get("outputs", []))
        raises = {i + 1 for i, cell in enumerate(cells)
                  if "raises-exception" in cell.get("metadata", {}).get("tags", [])}
        return cls(widgets, raises)


class NotebookPage:
    """A fresh page, in a fresh browser context, showing one notebook in front end `ui`.

    Each notebook gets its own context: nothing one notebook left in the
    browser (storage, cache, cookies) reaches the next.
    """

    scroller = SCROLLER   # the element that scrolls the notebook (a JavaScript expression)

    def __init__(self, browser, server, path: str, ui: str = "lab", run_timeout: float = 600):
        self.server, self.path, self.ui, self.run_timeout = server, path, ui, run_timeout
        self.context = new_context(browser)
        self.page = self.context.new_page()
        self.console = ConsoleWatch(ui).attach(self.page)
        self.kernel = KernelWatch().attach(self.page)
        self.page.add_init_script(PROBE_JS)

    @property
    def slider_input(self) -> str:
        return SLIDER_INPUT[self.ui]

    def open(self) -> None:
        """Load the notebook and wait until its kernel is ready."""
        address = URLS[self.ui].format(path=quote(self.path))
        url = self.server.url(address) + ("&" if "?" in address else "?") + f"token={self.server.token}"
        self.page.goto(url, wait_until="domcontentloaded", timeout=120_000)
        self.page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=120_000)
        self._wait(lambda: self.kernel.status == "idle" and self._indicator_idle(), 120, "the kernel to be ready")

    def run_all(self) -> None:
        """Run > Run All Cells from the menu bar, then wait until all is done."""
        clicked = self._click_run_all()
        self._wait(lambda: not any(prompt.startswith("[*]") for _cell, prompt in self.prompts())
                   and self.kernel.quiet_for(1.0) and self._indicator_idle(),
                   clicked + self.run_timeout - time.monotonic(), "every cell to finish running", poll=250)
        self._wait(lambda: not any("Loading widget" in p for p in self.rendering()["problems"]), 30, None)

    def _click_run_all(self, tries: int = 3) -> float:
        """Click the menu item once it is enabled; the moment the cells were queued."""
        for _ in range(tries):
            executed, clicked = self.kernel.executed, time.monotonic()
            self.page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            item = self.page.locator(".lm-Menu-item", has_text="Run All Cells").first
            item.wait_for()
            if "lm-mod-disabled" in (item.get_attribute("class") or ""):
                self.page.keyboard.press("Escape")
                self.page.wait_for_timeout(1000)
                continue
            item.click()
            queued = lambda: self.kernel.executed > executed or any(p.startswith("[*]") for _c, p in self.prompts())
            if self._wait(queued, 30, None):
                return clicked
        raise TimeoutError(f"{self.path}: Run > Run All Cells did not start the cells")

    def _wait(self, condition, timeout: float, what: str | None, poll: int = 100) -> bool:
        """Poll `condition` (letting the page's events through); raise if `what` is given."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            self.page.wait_for_timeout(poll)
        if what:
            raise TimeoutError(f"{self.path}: waited {timeout:.0f} s for {what}")
        return False

    def prompts(self) -> list[tuple[int, str]]:
        """(cell number, prompt) of each non-empty code cell."""
        return self.page.evaluate("() => window.nnlibProbe.prompts()")

    def _indicator_idle(self) -> bool:
        return self.page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').count() > 0

    def rendering(self) -> dict:
        return self.page.evaluate("() => window.nnlibProbe.rendering()")

    def problems_after_run(self, saved: SavedNotebook) -> list[str]:
        """Everything wrong on the screen after Run All, as sentences.

        Error outputs of cells tagged raises-exception are expected (as nbval
        and Run All treat them)."""
        shown = self.page.evaluate("() => window.nnlibProbe.errorOutputs()")
        problems = [f"error output in cell {cell}: {text}" for cell, text in shown
                    if cell not in saved.raises_exception]
        from_cells = [error for error in self.kernel.errors if error.origin == "cell"]
        if len(from_cells) > len(shown):  # an error the page shows in a way the probe did not recognise
            problems += [f"the kernel reported {len(from_cells)} cell errors, the page shows {len(shown)}"]
            problems += [f"error output: {error}" for error in from_cells]
        problems += [f"cell {cell} did not run (its prompt is '{prompt}')"
                     for cell, prompt in self.prompts() if not prompt[1:2].isdigit()]
        rendering = self.rendering()
        problems += rendering["problems"]
        if rendering["widgetOutputs"] < saved.widget_outputs:
            problems.append(f"the saved notebook shows {saved.widget_outputs} widget outputs, "
                            f"the browser rendered {rendering['widgetOutputs']}")
        return problems

    def problems_at_end(self) -> list[str]:
        """Errors logged by the page or raised by the kernel outside cells."""
        self._wait(lambda: self.kernel.quiet_for(0.5), 30, None)
        problems = list(self.console.errors)
        for failed in re.findall(r"Failed to load resource: .*? \((https?://\S+)\)", "\n".join(problems)):
            path = re.sub(r"^https?://[^/]+", "", failed).split("?")[0]
            problems += [f"server log: {line}" for line in self.server.log_lines(path)]
        return problems + [str(e) for e in self.kernel.errors if e.origin != "cell"]

    # -- screenshots ------------------------------------------------------
    def screenshot_notebook(self, path: Path) -> Path:
        """The whole notebook in one picture: the viewport grows to fit it."""
        size = self.page.viewport_size
        extra = self.page.evaluate(f"() => {{ const s = {self.scroller}; return s ? s.scrollHeight - s.clientHeight : 0; }}")
        try:
            self.page.set_viewport_size({"width": size["width"], "height": min(size["height"] + max(extra, 0), MAX_SHOT_HEIGHT)})
            self.page.evaluate(f"() => {{ const s = {self.scroller}; if (s) s.scrollTop = 0; }}")
            self.page.wait_for_timeout(500)
            self.page.screenshot(path=str(path))
        finally:
            self.page.set_viewport_size(size)
        return path

    def screenshot_app(self, app: int, path: Path) -> Path:
        """One app (its controls, figures and read-outs)."""
        self.page.locator(".nnlib-app").nth(app).screenshot(path=str(path))
        return path

    def close(self) -> None:
        """Close the page and its context, then stop its kernel."""
        self.context.close()
        self.server.shutdown_kernels()
