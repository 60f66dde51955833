"""Every course notebook, used in a real browser the way a learner uses it.

For each notebooks/*.ipynb (found when the tests are collected): open it in
JupyterLab with ?reset, Run All, wait for the kernel to be idle, and check
that no cell shows an error, the page logged no error, every widget rendered,
and every control of every app (`.nnlib-app`) changes a figure or a read-out
when a person moves it. Cells tagged raises-exception may show their error. Notebook 7 gets the
same check on every notebook too (its widget manager is its own). Screenshots go to
test-artifacts/browser/.
"""
from pathlib import Path

import pytest
from nbbrowser import check_notebook

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
COURSE = sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))


def cases() -> list:
    if not COURSE:
        return [pytest.param(None, None, id="no-notebooks",
                             marks=pytest.mark.skip(reason="notebooks/ holds no .ipynb yet"))]
    return ([pytest.param(name, "lab", id=f"lab-{Path(name).stem}") for name in COURSE]
            + [pytest.param(name, "notebook", id=f"notebook7-{Path(name).stem}") for name in COURSE])


@pytest.mark.parametrize("name, ui", cases())
def test_course_notebook(name, ui, browser, servers, shots, record):
    report = record(check_notebook(browser, servers(ui), f"notebooks/{name}", ui, shots,
                                   source=NOTEBOOKS / name))
    assert not report.failures, "\n" + report.details()
