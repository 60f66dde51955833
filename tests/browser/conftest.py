"""Browser tests: one headless Chromium and one server per front end for the session.

Without Chromium the tests skip and say how to enable them; with CI=true a
missing browser fails instead. Screenshots go to test-artifacts/browser/ (or
$NNLIB_SCREENSHOTS); the folder is printed at the end of the run.
"""
import os
import shutil
from pathlib import Path

import pytest
from nbbrowser import HOW_TO_ENABLE, JupyterServer, VoilaServer, chromium_path, launch

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
NOTEBOOKS = REPO / "notebooks"
FIXTURES = HERE / "fixtures"

# The fixture notebooks are driven in the browser by test_harness.py; nbval
# must not collect them (one of them fails on purpose).
collect_ignore_glob = ["fixtures/*"]

REPORTS = pytest.StashKey[list]()


def screenshot_dir() -> Path:
    """Where the screenshots go."""
    return Path(os.environ.get("NNLIB_SCREENSHOTS") or REPO / "test-artifacts" / "browser").resolve()


def missing(reason: str) -> None:
    """Skip on a learner's machine; fail on CI, where the browser tests must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}; .ci/run installs it with apt-get", pytrace=False)
    pytest.skip(f"{reason}: {HOW_TO_ENABLE}")


@pytest.fixture(scope="session")
def chromium():
    """The Chromium binary, or skip (fail on CI)."""
    path = chromium_path()
    if path is None:
        missing(f"no Chromium at {os.environ.get('NNLIB_CHROMIUM') or '/usr/bin/chromium'}")
    return path


@pytest.fixture(scope="session")
def browser(chromium):
    """One headless Chromium for the run, with a fresh, empty profile."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the Python package playwright is not installed (make test installs it)")
    with sync_playwright() as playwright:
        browser = launch(playwright, chromium)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def servers(chromium):
    """Start (once, when first asked) the server of a front end: "lab" or "notebook".

    Each serves copies of notebooks/ and of the fixtures. A learner starts
    `jupyter lab` or `jupyter notebook`; so do the tests, one server each.
    """
    folders = {"fixtures": FIXTURES}
    if NOTEBOOKS.is_dir():
        folders["notebooks"] = NOTEBOOKS
    started = {}

    def server(ui: str) -> JupyterServer:
        if ui not in started:
            started[ui] = JupyterServer(folders, app=ui)
            started[ui].start()
        return started[ui]

    yield server
    for running in started.values():
        running.stop()


@pytest.fixture(scope="session")
def voila(chromium):
    """Presentation mode as `make present` starts it (classroom/present.py), on a copy of notebooks/."""
    if not NOTEBOOKS.is_dir():
        pytest.skip("no notebooks/ folder to present")
    with VoilaServer(NOTEBOOKS) as server:
        yield server


@pytest.fixture(scope="session")
def shots():
    """The screenshot folder, emptied once per run."""
    folder = screenshot_dir()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def record(request, shots):
    """Keep a notebook report for the end-of-run summary and report.txt."""
    reports = request.config.stash.setdefault(REPORTS, [])

    def keep(report, note: str = ""):
        reports.append((report, note))
        shots.mkdir(parents=True, exist_ok=True)
        with open(shots / "report.txt", "a", encoding="utf-8") as out:
            out.write(report.details() + note + "\n\n")
        return report

    return keep


def pytest_terminal_summary(terminalreporter, config):
    """Say where the screenshots are, and what each notebook's check found."""
    reports = config.stash.get(REPORTS, [])
    if not reports:
        return
    terminalreporter.section("browser tests")
    for report, note in reports:
        terminalreporter.write_line(report.summary() + note)
        for warning in report.warnings:
            terminalreporter.write_line(f"    warning: {warning}")
    terminalreporter.write_line(f"screenshots and report.txt: {screenshot_dir()}")
