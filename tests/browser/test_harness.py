"""The browser harness checks itself on two fixture notebooks.

fixtures/house_pattern.ipynb follows the course's widget pattern (with a
"reset" button that does nothing at the start, and a cell tagged
raises-exception that shows an error on purpose) and must pass in both
front ends and in Voila; fixtures/broken_controls.ipynb has a dead slider, a slider
whose callback raises, a button with no handler, a console error and an error
output, and the harness must report exactly those (and warn about its cut
label and its figure too wide for the page), in JupyterLab and in Voila.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from nbbrowser import HOW_TO_ENABLE, VoilaServer, check_notebook

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"

HOUSE_CONTROLS = [
    ("button", "reset weight"), ("slider", "weight"), ("slider", "bias"), ("slider", "input"), ("dropdown", "activation"),
    ("toggle-buttons", "scale"), ("checkbox", "show the input point"), ("button", "nudge weight"),
    ("slider", "steps"),
]


@pytest.mark.parametrize("ui", ["lab", "notebook"])
def test_house_pattern_passes(ui, browser, servers, shots, record):
    report = record(check_notebook(browser, servers(ui), "fixtures/house_pattern.ipynb", ui, shots,
                                   source=FIXTURES / "house_pattern.ipynb"))
    assert not report.failures, "\n" + report.details()
    assert not report.warnings, "\n" + report.details()
    assert [(c.kind, c.name) for c in report.controls] == HOUSE_CONTROLS, report.details()
    # "reset weight" changes nothing at the start; it passes once the weight has moved
    assert "second try" in report.controls[0].outcome, report.details()
    assert all(path.stat().st_size > 2_000 for path in report.screenshots)


def reports_exactly_the_broken_parts(report):
    """The dead slider, the raising slider and the button with no handler fail; the console
    error, the error output and the callback's ValueError are the problems found."""
    assert {c.name: c.failed for c in report.controls} == {
        "working": False, "dead, and its label is far too long": True, "raising": True, "does nothing": True}
    kinds = sorted({p.split(":")[0] for p in report.problems})
    assert kinds == ["console error", "error output in cell 5", "widget callback raised ValueError"], report.problems
    assert any(p.startswith("widget callback raised ValueError: callback bug at 1") for p in report.problems)


def test_broken_controls_are_caught(browser, servers, shots, record):
    report = record(check_notebook(browser, servers("lab"), "fixtures/broken_controls.ipynb", "lab", shots,
                                   source=FIXTURES / "broken_controls.ipynb"),
                    note=" (as it should: the fixture is broken on purpose)")
    reports_exactly_the_broken_parts(report)
    assert any("ZeroDivisionError" in p for p in report.problems), report.problems
    assert any("deliberate console error" in p for p in report.problems), report.problems
    assert any(w.startswith("app 1, figure ") and "past the right edge" in w for w in report.warnings)
    assert any("'dead, and its label is far too long' does not fit" in w for w in report.warnings)


@pytest.fixture(scope="module")
def voila_fixtures(chromium):
    """classroom/present.py serving a copy of fixtures/."""
    with VoilaServer(FIXTURES) as server:
        yield server


def test_house_pattern_passes_in_voila(browser, voila_fixtures, shots, record):
    report = record(check_notebook(browser, voila_fixtures, "house_pattern.ipynb", "voila", shots,
                                   source=FIXTURES / "house_pattern.ipynb"))
    assert not report.failures, "\n" + report.details()
    assert [(c.kind, c.name) for c in report.controls] == HOUSE_CONTROLS, report.details()


def test_broken_controls_are_caught_in_voila(browser, voila_fixtures, shots, record):
    report = record(check_notebook(browser, voila_fixtures, "broken_controls.ipynb", "voila", shots,
                                   source=FIXTURES / "broken_controls.ipynb"),
                    note=" (as it should: the fixture is broken on purpose)")
    reports_exactly_the_broken_parts(report)


@pytest.mark.parametrize("ci, code, words", [("", 0, "skipped"), ("true", 1, "error")], ids=["learner", "ci"])
def test_missing_chromium_skips_for_learners_fails_on_ci(ci, code, words, tmp_path):
    env = dict(os.environ, NNLIB_CHROMIUM=str(tmp_path / "no-chromium"), CI=ci,
               NNLIB_SCREENSHOTS=str(tmp_path / "shots"))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", f"{HERE / 'test_harness.py'}::test_house_pattern_passes",
         "-q", "-rs", "-p", "no:cacheprovider", "-o", "addopts="],
        cwd=HERE.parent.parent, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == code, run.stdout + run.stderr
    assert words in run.stdout.splitlines()[-1], run.stdout
    assert (HOW_TO_ENABLE if not ci else "CI=true but no Chromium") in run.stdout, run.stdout
