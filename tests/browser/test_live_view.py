"""The training app's live view in a real browser: the neurons' images change while it trains.

The notebook check (test_notebooks.py) sees that Start changes the screen; this
one watches during the run. In JupyterLab, notebook 06's training app is
started with its own Start button, and while the status line still reports an
epoch before the last, the page is sampled: the images of what each neuron
looks for must show several different pictures (the filters being learned),
not only the one before and the one after. Two of those moments are kept as
screenshots, 06_training-live-during-*.png, beside the notebook's others.
"""
import re
import time

from nbbrowser import NotebookPage, list_controls, snapshot

NOTEBOOK = "notebooks/06_training.ipynb"
EPOCH = re.compile(r"^epoch (\d+):")


def find_button(page, name):
    """(app number, control) of the first button labelled `name`."""
    return next((app, control) for app, controls in enumerate(list_controls(page))
                for control in controls if control["kind"] == "button" and control["name"] == name)


def watch_training(notebook, app, epochs, shots, timeout=120):
    """Sample the app until training ends: [(epoch reported, layer images' digest)] mid-run."""
    seen, kept, deadline = [], 0, time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = snapshot(notebook.page, app)
        status = shown["readouts"][-1]
        done = EPOCH.match(status)
        if done and int(done.group(1)) < epochs:
            if not seen or shown["images"][-1] != seen[-1][1]:
                seen.append((int(done.group(1)), shown["images"][-1]))
                if kept < 2 and len(seen) in (1, 3):
                    kept += 1
                    notebook.screenshot_app(app, shots / f"06_training-live-during-{kept}.png")
        elif seen:
            return seen
        notebook.page.wait_for_timeout(50)
    return seen


def test_the_neurons_images_change_while_it_trains(browser, servers, shots):
    notebook = NotebookPage(browser, servers("lab"), NOTEBOOK, "lab")
    try:
        notebook.open()
        notebook.run_all()
        app, start = find_button(notebook.page, "Start")
        epochs = int(re.search(r"for (\d+) epoch", snapshot(notebook.page, app)["readouts"][0]).group(1))
        notebook.page.locator(f'[data-nnlib-probe="{start["id"]}"]').click()
        seen = watch_training(notebook, app, epochs, shots)
        assert len({digest for _, digest in seen}) >= 3, seen
        assert len({epoch for epoch, _ in seen}) >= 2, seen      # over more than one epoch
        assert (shots / "06_training-live-during-2.png").exists()
        assert not notebook.problems_at_end()
    finally:
        notebook.close()
