"""The course in presentation mode: Voila started by classroom/present.py, seen in Chromium.

`VoilaServer` runs `classroom/present.py` (the command behind `make present`,
with its configuration in classroom/voila/) on a temporary copy of the
notebooks, on 127.0.0.1 and a free port. `VoilaPage` opens one notebook there
in a fresh browser context that lets no request leave 127.0.0.1: every other
request is recorded and aborted, and the check fails on it. Voila runs the
notebook on the server while it sends the page, so there is no Run All: the
page is done when Voila shows the cells and every widget has drawn.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

from .chromium import ConsoleWatch, new_context
from .frontend import PROBE_JS, NotebookPage
from .kernel import KernelWatch
from .server import LocalServer

PRESENT = Path(__file__).resolve().parents[3] / "classroom" / "present.py"
LOCAL_HOSTS = {"127.0.0.1", None}  # None: data:, blob: and about: addresses
# The element that scrolls in Voila's page (the body, or the cells' container).
SCROLLER = """(() => [document.scrollingElement, ...document.querySelectorAll('#rendered_cells, .jp-Notebook')]
    .filter(Boolean).sort((a, b) => (b.scrollHeight - b.clientHeight) - (a.scrollHeight - a.clientHeight))[0])()"""


class VoilaServer(LocalServer):
    """`classroom/present.py` on a copy of `folder`: Voila on 127.0.0.1, a context manager."""

    log_name, tmp_prefix = "voila.log", "nnlib-voila-"

    def __init__(self, folder: Path, cull_after: int = 60, preheat: bool = True,
                 python: str = sys.executable, startup_timeout: float = 120):
        super().__init__(python, startup_timeout)
        self.folder, self.cull_after, self.preheat = Path(folder), cull_after, preheat

    def start(self) -> None:
        """Copy the notebooks, start present.py and wait until Voila answers."""
        shutil.copytree(self.folder, self.root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        command = [self.python, str(PRESENT), "--notebooks", str(self.root), "--port", str(self.port),
                   "--no-browser", "--cull-after", str(self.cull_after)]
        self._launch(command + ([] if self.preheat else ["--no-preheat"]), self.tmp, self._env())
        deadline = time.monotonic() + self.startup_timeout
        while not self._answers("/"):
            if self._proc.poll() is not None or time.monotonic() > deadline:
                log = self.log_tail()
                self.stop()
                raise RuntimeError(f"Voila (classroom/present.py) did not start:\n{log}")
            time.sleep(0.25)

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "COURSEKIT_PRESENTATION"}  # present.py sets it
        return self._private_dirs(env)

    def _answers(self, path: str) -> bool:
        try:
            with urllib.request.urlopen(self.url(path), timeout=10) as answer:
                return answer.status == 200
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def kernel_alive(self, kernel_id: str) -> bool:
        """Whether Voila still runs the kernel `kernel_id`."""
        return self._answers(f"/api/kernels/{kernel_id}")

    def shutdown_kernel(self, kernel_id: str) -> None:
        """Stop one kernel now (Voila's own shutdown address), so the next notebook has the cores."""
        request = urllib.request.Request(self.url(f"/voila/api/shutdown/{kernel_id}"), method="POST", data=b"")
        try:
            urllib.request.urlopen(request, timeout=30).close()
        except urllib.error.URLError:
            pass  # already gone (culled)

    def kernel_state(self, kernel_id: str) -> str | None:
        """'idle', 'busy', 'starting'... or None if Voila does not run that kernel."""
        try:
            with urllib.request.urlopen(self.url(f"/api/kernels/{kernel_id}"), timeout=10) as answer:
                return json.loads(answer.read()).get("execution_state")
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
            return None


class VoilaPage(NotebookPage):
    """A fresh, offline page showing one notebook in Voila (code hidden, widgets live).

    Requests to any host but 127.0.0.1 are aborted and kept in `outside`."""
    scroller = SCROLLER

    def __init__(self, browser, server: VoilaServer, path: str, ui: str = "voila", run_timeout: float = 600):
        self.server, self.path, self.ui, self.run_timeout = server, path, ui, run_timeout
        self.outside: list[str] = []
        self.kernel_id: str | None = None
        self.seconds_to_cells = 0.0
        self.context = new_context(browser)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("websocket", self._on_websocket)
        self.console = ConsoleWatch(ui).attach(self.page)
        self.kernel = KernelWatch().attach(self.page)
        self.page.add_init_script(PROBE_JS)

    @property
    def slider_input(self) -> str:
        return "keyboard"  # no notebook shortcuts in Voila: the focused handle gets the arrows

    def _route(self, route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort("blockedbyclient")

    def _on_websocket(self, websocket) -> None:
        if urlsplit(websocket.url).hostname not in LOCAL_HOSTS:
            self.outside.append(websocket.url)

    def open(self) -> None:
        """Load the page; Voila runs the notebook while it sends it, then shows the cells."""
        started = time.monotonic()
        self.page.goto(self.server.url(f"/voila/render/{quote(self.path)}"), wait_until="commit",
                       timeout=self.run_timeout * 1000)
        self.page.locator("#rendered_cells").wait_for(state="visible", timeout=self.run_timeout * 1000)
        self.seconds_to_cells = time.monotonic() - started
        config = self.page.evaluate("() => document.getElementById('jupyter-config-data').textContent")
        self.kernel_id = json.loads(config).get("kernelId")

    def run_all(self) -> None:
        """Nothing to run: wait for every widget to render and the kernel to go quiet."""
        self._wait(lambda: not any("Loading widget" in p or "shows no picture" in p
                                   for p in self.rendering()["problems"]), 60, None, poll=250)
        self._wait(lambda: self.kernel.status != "unknown", 10, None)
        if self.kernel.status == "unknown":  # no status message since the page connected: it is idle
            self.kernel.status = "idle"
        self._wait(lambda: self.kernel.quiet_for(1.0), 60, None)

    def problems_at_end(self) -> list[str]:
        """The front end's problems, every request that tried to leave the machine, and learner-facing failures."""
        problems = super().problems_at_end()
        problems += [f"request to another host than 127.0.0.1 (aborted): {url}" for url in self.outside]
        shown = self.page.evaluate("() => [...document.querySelectorAll('.jp-OutputArea-output')].map(o => o.innerText).join('\\n')")
        if "✗ Not yet" in shown:  # in an output; the prose may quote the verdict
            problems.append("an exercise shows '✗ Not yet' on the projector (COURSEKIT_PRESENTATION=1 is set)")
        return problems

    def close(self) -> None:
        """Close the page, then stop its kernel (the next notebook gets the cores at once)."""
        self.context.close()
        if self.kernel_id:
            self.server.shutdown_kernel(self.kernel_id)
