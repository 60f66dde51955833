"""Presentation mode: every course notebook in Voila, offline, as `make present` serves it.

Voila is started by classroom/present.py (its configuration in classroom/voila/)
on a copy of notebooks/. For each notebooks/*.ipynb: the page opens with its
code hidden, no cell shows an error, every widget renders, every control of
every app changes a figure or a read-out when moved (sliders by the arrow keys
on the focused handle), the page logs no console error, the kernel raises
nothing (widget callbacks included), and no request leaves 127.0.0.1 (each one
is aborted and fails the test). Then: the kernel of a closed page is culled, and
the first notebook is served from a kernel started ahead of time.
"""
import json
import time
from pathlib import Path

import pytest
from nbbrowser import VoilaPage, VoilaServer, check_notebook

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
COURSE = sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))
FIRST = COURSE[0] if COURSE else None


def test_first_page_opens_from_a_prestarted_kernel(browser, voila):
    """present.py keeps one kernel that has already run the first notebook: its page comes at once."""
    deadline = time.monotonic() + 300
    pooled = lambda: [line.split()[-1] for line in voila.log_lines("Kernel started:")]
    while not (pooled() and all(voila.kernel_state(k) == "idle" for k in pooled())) and time.monotonic() < deadline:
        time.sleep(1)
    page = VoilaPage(browser, voila, FIRST)
    try:
        page.open()
        assert voila.log_lines(f"Using pre-heated kernel: {page.kernel_id} for {FIRST}"), voila.log_tail()
        print(f"{FIRST} in Voila, pre-started kernel: cells shown {page.seconds_to_cells:.1f} s after the request")
    finally:
        page.close()


@pytest.mark.parametrize("name", COURSE or [pytest.param(None, marks=pytest.mark.skip(reason="no notebooks"))],
                         ids=lambda name: f"voila-{Path(name).stem}" if name else "no-notebooks")
def test_course_notebook_in_voila(name, browser, voila, shots, record):
    tracebacks = len(voila.log_lines("Traceback"))
    # The saved notebook behind the served copy (notebooks/ may change while the tests run).
    report = record(check_notebook(browser, voila, name, "voila", shots, source=voila.root / name))
    assert not report.failures, "\n" + report.details()
    assert len(voila.log_lines("Traceback")) == tracebacks, "Voila logged a traceback:\n" + voila.log_tail()


def with_formulas() -> str | None:
    """The first notebook whose prose has LaTeX ($...$), or None."""
    for name in COURSE:
        cells = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]
        if any(c["cell_type"] == "markdown" and "$" in "".join(c["source"]) for c in cells):
            return name
    return None


def test_page_shows_prose_and_formulas_but_no_code(browser, voila):
    name = with_formulas()
    page = VoilaPage(browser, voila, name or FIRST)
    try:
        page.open()
        assert page.page.locator(".jp-InputArea-editor, .jp-InputPrompt").count() == 0
        assert page.page.locator(".jp-RenderedMarkdown").count() > 0
        if name:  # MathJax from Voila's own bundle typesets the formulas (no CDN: the route would abort it)
            page.page.locator("mjx-container").first.wait_for(timeout=30_000)
        assert not page.outside, page.outside
    finally:
        page.close()


CULL_AFTER = 6  # s of idleness after which present.py's Voila stops a closed page's kernel (60 in class)


@pytest.fixture(scope="module")
def quick_culling(chromium):
    with VoilaServer(NOTEBOOKS, cull_after=CULL_AFTER, preheat=False) as server:
        yield server


def test_closed_page_kernel_is_culled(browser, quick_culling):
    page = VoilaPage(browser, quick_culling, FIRST)
    page.open()
    print(f"{FIRST} in Voila, no pre-started kernel: cells shown {page.seconds_to_cells:.1f} s after the request")
    page.run_all()
    kernel = page.kernel_id
    assert quick_culling.kernel_alive(kernel)
    page.context.close()  # the audience's tab closes; nobody shuts the kernel down by hand
    closed = time.monotonic()
    bound = 3 * CULL_AFTER + 10
    while quick_culling.kernel_alive(kernel) and time.monotonic() - closed < bound:
        time.sleep(0.5)
    gone_after = time.monotonic() - closed
    assert not quick_culling.kernel_alive(kernel), f"kernel {kernel} still runs {bound} s after its page closed"
    assert quick_culling.log_lines("Culling 'idle' kernel"), quick_culling.log_tail()
    print(f"closed page's kernel culled after {gone_after:.1f} s")
