"""A slider tick asks the server for nothing but the kernel's messages, in both front ends.

JupyterLab (and Notebook 7) swap the tab's favicon for a "busy" one whenever the
kernel is busy, and back when it is idle: two HTTP requests to the server, and a repaint, for
every slider tick. On a 2-core machine they cost the key press 5-8 ms
(benchmarks/latency_breakdown.py). The course's JupyterLab settings
(jupyter-config/nnlib-course.json, which make venv installs) switch those plugins
off; this test moves a slider in a real JupyterLab and Notebook 7 and checks that no request
leaves the page while the figure updates. The front ends' own polls and saves
(the file list and running kernels every few seconds, the layout after a pause)
are not a tick's, and are let through.
"""
import pytest
from nbbrowser import ControlResult, NotebookPage, list_controls, settle, snapshot
from nbbrowser.controls import operate_slider

NOTEBOOK = "notebooks/03_activations.ipynb"
POLLS = ("/api/contents", "/api/sessions", "/api/kernels", "/api/kernelspecs", "/lab/api/workspaces")


@pytest.mark.parametrize("ui", ["lab", "notebook"])
def test_a_slider_tick_makes_no_http_request(ui, browser, servers):
    notebook = NotebookPage(browser, servers(ui), NOTEBOOK, ui)
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
        for _ in range(3):    # by keyboard in JupyterLab, by mouse in Notebook 7 (as learners do)
            operate_slider(page, handle, notebook.slider_input, ControlResult(slider["app"], "slider", slider["name"]))
            settle(page, notebook.kernel, slider["app"])
        assert snapshot(page, slider["app"]) != before, "the slider changed nothing on the screen"
        per_tick = [url for url in requests if not any(poll in url for poll in POLLS)]
        assert per_tick == [], f"slider ticks requested {per_tick}"
    finally:
        notebook.close()
