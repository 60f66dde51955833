"""The live-figure pattern: a control change updates the figure in place and sends what changed.

The transport itself (FigureView, its PNGs and rectangles) is tested in tests/coursekit/display/.
"""
import ast
import re
from pathlib import Path

import numpy as np
from screen import assert_visible_change, snapshot  # tests/screen.py

from coursekit import apps, figures
from nnlib import data


def test_live_figure_shows_itself_as_a_static_png():
    figure = figures.DigitFigure(data.load_sample().X_train[0], title="a five?")
    bundle = figure._repr_mimebundle_()
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert bundle["text/plain"] == "<DigitFigure>"          # deterministic for nbval


def test_digit_browser_slider_changes_the_picture_and_not_the_figure_object():
    digits = data.load_sample()
    app = apps.digit_browser(digits.X_train[:10], digits.y_train[:10])
    view = app.figures[0]
    figure, image_artist = view.figure.fig, view.figure.image
    before_sent, before_pixels = view.sent, view.figure.rgba().copy()
    app.controls["digit"].value = 3
    assert view.sent == before_sent + 1
    np.testing.assert_array_equal(view.shown, view.figure.rgba())   # the browser has every change
    assert not np.array_equal(view.figure.rgba(), before_pixels)
    assert view.figure.fig is figure and view.figure.image is image_artist   # updated, not rebuilt
    assert np.allclose(view.figure.image.get_array(), digits.X_train[3].reshape(28, 28))
    assert view.figure.title.get_text() == f"label {digits.y_train[3]}"


def test_app_bundle_has_the_live_widget_and_a_static_picture():
    digits = data.load_sample()
    app = apps.digit_browser(digits.X_train[:5], digits.y_train[:5])
    bundle = app._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"].startswith(b"\x89PNG")
    assert bundle["text/plain"] == "<interactive: digit browser>"
    assert "nnlib-app" in app._dom_classes


# --- the pattern a teacher copies: coursekit/apps/__init__.py's example runs ------------------

def test_the_docstring_example_app_runs_and_its_slider_updates_the_figure():
    blocks = re.findall(r"```python\n(.*?)```", apps.__doc__, flags=re.DOTALL)
    assert len(blocks) == 1, "coursekit.apps' docstring should hold one ```python block"
    code = blocks[0]
    namespace = {}
    exec(compile(code, "<coursekit.apps docstring>", "exec"), namespace)
    factories = [node.name for node in ast.parse(code).body if isinstance(node, ast.FunctionDef)]
    app = namespace[factories[-1]]()                     # the public function, with its defaults
    assert isinstance(app, apps.App) and len(app.figures) == 1
    view = app.figures[0]
    figure, fig = view.figure, view.figure.fig
    (slider,) = app.controls.values()
    before = snapshot(app)
    slider.value = slider.max if slider.value != slider.max else slider.min
    after = snapshot(app)
    assert_visible_change(before, after)
    assert not np.array_equal(before[0][0], after[0][0])          # the figure itself changed
    np.testing.assert_array_equal(view.shown, figure.rgba())      # and the browser has it
    assert view.figure is figure and figure.fig is fig            # updated, not rebuilt


# --- apps stay small: state in a class with named methods, none of them long ---------------

APPS_DIR = Path(apps.__file__).resolve().parent
MAX_LINES = 30


def test_no_function_in_the_apps_is_longer_than_30_lines():
    long = []
    for path in sorted(APPS_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_LINES:
                    long.append(f"{path.name}:{node.lineno} {node.name} ({lines} lines)")
    assert not long, "split these into named methods of the app's class: " + ", ".join(long)
