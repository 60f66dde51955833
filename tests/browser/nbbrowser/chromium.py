"""Find Debian's Chromium, launch it headless for Playwright, and watch its console.

The tests never download a browser: they drive the system's `chromium`
(`apt-get install chromium chromium-driver`), or the one named by the
environment variable NNLIB_CHROMIUM.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CHROMIUM = "/usr/bin/chromium"
HOW_TO_ENABLE = ("install Debian's chromium (apt-get install chromium) to run the browser tests, "
                 "or point NNLIB_CHROMIUM at a Chromium binary")

# Headless and offline: nothing is fetched, updated or synced.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}

# Console errors and uncaught page errors that are not the course's fault:
# (pattern, front end it applies to or None for both, why it is harmless).
# Anything else the page logs with console.error, or throws, fails the test.
BENIGN_ERRORS: list[tuple[str, str | None, str]] = [
    # None known: with one server per front end, JupyterLab 4.5 and Notebook
    # 7.5 log no console error and throw nothing while the course runs.
]


def chromium_path() -> Path | None:
    """The Chromium binary to drive (NNLIB_CHROMIUM, else Debian's), or None."""
    named = os.environ.get("NNLIB_CHROMIUM")
    candidates = [named] if named else [DEFAULT_CHROMIUM, shutil.which("chromium")]
    for candidate in filter(None, candidates):
        path = Path(candidate)
        if path.is_file() and os.access(path, os.X_OK):
            return path
    return None


def launch(playwright, executable: Path):
    """A headless Chromium. Playwright gives each launch a fresh, empty
    profile directory of its own and deletes it when the browser closes."""
    return playwright.chromium.launch(executable_path=str(executable), headless=True, args=CHROMIUM_ARGS)


def new_context(browser):
    """An isolated session (no cookies, storage or cache from other notebooks)."""
    return browser.new_context(viewport=VIEWPORT, device_scale_factor=1, locale="en-US",
                               timezone_id="UTC", reduced_motion="reduce")


@dataclass
class ConsoleWatch:
    """Every console error and uncaught page error of one page in front end `ui`."""

    ui: str = "lab"
    errors: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)

    def attach(self, page) -> "ConsoleWatch":
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)
        return self

    def _on_console(self, message) -> None:
        if message.type == "error":
            url = (message.location or {}).get("url")
            self._add("console error", message.text, f" ({url})" if url else "")

    def _on_page_error(self, error) -> None:
        stack = "\n".join((error.stack or "").splitlines()[1:4])
        self._add("uncaught page error", error.message, f"\n{stack}" if stack else "")

    def _add(self, kind: str, text: str, where: str) -> None:
        benign = any(re.search(pattern, text) and ui in (None, self.ui) for pattern, ui, _why in BENIGN_ERRORS)
        (self.allowed if benign else self.errors).append(f"{kind}: {text}{where}")
