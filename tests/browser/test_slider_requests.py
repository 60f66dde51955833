"""A slider tick in JupyterLab asks the server for nothing but the kernel's messages.

JupyterLab swaps the tab's favicon for a "busy" one whenever the kernel is busy,
and back when it is idle: two HTTP requests to the server, and a repaint, for
every slider tick. On a 2-core machine they cost the key press 5-8 ms
(benchmarks/latency_breakdown.py). The course's JupyterLab settings
(jupyter-config/nnlib-course.json, which make venv installs) switch that plugin
off; this test presses a slider in a real JupyterLab and checks that no request
leaves the page while the figure updates (JupyterLab saving its layout now and
then, /lab/api/workspaces, is not a tick's: it waits for a pause).
"""
from nbbrowser import NotebookPage, list_controls, settle, snapshot

NOTEBOOK = "notebooks/03_activations.ipynb"


def test_a_slider_tick_makes_no_http_request(browser, servers):
    notebook = NotebookPage(browser, servers("lab"), NOTEBOOK, "lab")
    try:
        notebook.open()
        notebook.run_all()
        page = notebook.page
        slider = next(control for controls in list_controls(page) for control in controls
                      if control["kind"] == "slider" and not control["disabled"] and control["visible"])
        settle(page, notebook.kernel, slider["app"])
        before = snapshot(page, slider["app"])
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        handle = page.locator(f'[data-nnlib-probe="{slider["id"]}"]')
        for _ in range(3):
            handle.focus()
            page.keyboard.press("ArrowRight")
            settle(page, notebook.kernel, slider["app"])
        assert snapshot(page, slider["app"]) != before, "the slider changed nothing on the screen"
        per_tick = [url for url in requests if "/lab/api/workspaces" not in url]
        assert per_tick == [], f"slider ticks requested {per_tick}"
    finally:
        notebook.close()


