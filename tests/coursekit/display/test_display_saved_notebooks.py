"""Saved notebooks never hold the transport's source, so editing figure_view.js re-executes nothing.

nbconvert stores every widget model's state in a notebook's metadata unless
told not to, and an anywidget's state is its whole JavaScript (`_esm`).
`make notebooks` executes with --ExecutePreprocessor.store_widget_state=False
after dropping any widget state already saved; where no kernel runs, each app
shows the image/png beside its widget view.
"""
import json
import re
from pathlib import Path

import coursekit.display

REPO = Path(__file__).resolve().parents[3]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
SOURCE = (Path(coursekit.display.__file__).parent / "figure_view.js").read_text()
# Lines only figure_view.js has (any version of it names its canvas's class).
MARKERS = ["nnlib-figure-canvas"] + [line.strip() for line in SOURCE.splitlines()
                                     if len(line.strip()) >= 40 and not line.strip().startswith("//")]


def stored_source(notebook):
    """What of the transport's source one saved notebook holds, as sentences (none: [])."""
    state = notebook.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    found = [f"widget {model_id} stores an anywidget _esm ({len(model['state']['_esm'])} characters)"
             for model_id, model in state.items() if "_esm" in model.get("state", {})]
    text = json.dumps(notebook.get("metadata", {}), ensure_ascii=False)
    found += [f"its metadata holds figure_view.js's line {marker!r}" for marker in MARKERS
              if json.dumps(marker, ensure_ascii=False)[1:-1] in text][:1]
    return found


def test_saved_notebooks_store_no_figure_view_source():
    assert NOTEBOOKS, "no notebooks/*.ipynb found"
    problems = [f"{path.name}: {sentence}" for path in NOTEBOOKS
                for sentence in stored_source(json.loads(path.read_text(encoding="utf-8")))]
    assert not problems, ("re-execute them with `make notebooks` (no widget state):\n"
                          + "\n".join(problems))


def test_saved_widget_outputs_carry_a_static_picture():
    """What a front end shows for a widget view whose model is not saved: the PNG beside it."""
    bare = [f"{path.name} cell {i + 1}" for path in NOTEBOOKS
            for i, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"])
            for output in cell.get("outputs", [])
            if WIDGET_VIEW in output.get("data", {}) and "image/png" not in output["data"]]
    assert not bare, "widget outputs without an image/png: " + ", ".join(bare)


def test_the_notebooks_target_stores_no_widget_state():
    makefile = (REPO / "Makefile").read_text()
    recipe = re.search(r"^notebooks:.*?(?=^\S|\Z)", makefile, flags=re.M | re.S).group(0)
    assert "--ExecutePreprocessor.store_widget_state=False" in recipe
    assert 'pop("widgets"' in recipe        # state saved earlier is dropped, not kept stale


def test_the_checker_sees_the_source_in_a_notebook_saved_the_old_way():
    model = {"model_name": "AnyModel", "state": {"_esm": SOURCE, "_anywidget_id": "x"}}
    old = {"metadata": {"widgets": {WIDGET_STATE: {"state": {"abc": model}}}}, "cells": []}
    assert len(stored_source(old)) == 2
    assert stored_source({"metadata": {"kernelspec": {}}, "cells": []}) == []
