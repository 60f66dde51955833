"""The drawings do not depend on the transport: coursekit.figures works without coursekit.display.

Checked in a fresh interpreter, where coursekit.display, coursekit.apps,
ipywidgets and anywidget cannot be imported at all: every module of
coursekit.figures imports, a figure still gives its static PNG, and none of the
blocked modules ends up in sys.modules. And the transport itself stays small:
one concern per module, none over 300 lines, no function over 30.
"""
import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import coursekit.display

BLOCKED = ["coursekit.display", "coursekit.apps", "ipywidgets", "anywidget"]

SCRIPT = textwrap.dedent("""
    import importlib, json, pkgutil, sys
    import numpy as np

    BLOCKED = {blocked}

    class Blocked:
        @staticmethod
        def find_spec(name, path=None, target=None):
            if any(name == b or name.startswith(b + ".") for b in BLOCKED):
                raise ImportError(f"{{name}} is blocked: coursekit.figures must not need it")
            return None

    sys.meta_path.insert(0, Blocked)
    import coursekit.figures
    modules = sorted(m.name for m in pkgutil.walk_packages(coursekit.figures.__path__,
                                                           "coursekit.figures."))
    for name in modules:
        importlib.import_module(name)
    from coursekit.figures import DigitFigure, PixelValuesFigure
    pngs = [f._repr_mimebundle_()["image/png"][:8] == b"\\x89PNG\\r\\n\\x1a\\n"
            for f in (DigitFigure(np.zeros(784)), PixelValuesFigure(np.zeros(784)))]
    leaked = sorted(m for m in sys.modules if any(m == b or m.startswith(b + ".") for b in BLOCKED))
    print(json.dumps({{"modules": modules, "pngs": pngs, "leaked": leaked}}))
""")


def test_no_figures_module_imports_the_transport_or_the_widgets():
    run = subprocess.run([sys.executable, "-c", SCRIPT.format(blocked=BLOCKED)],
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, MPLBACKEND="Agg"))
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout.splitlines()[-1])
    assert "coursekit.figures.base" in found["modules"] and len(found["modules"]) >= 10
    assert found["pngs"] == [True, True]           # static PNGs with plain matplotlib and Pillow
    assert found["leaked"] == []


def test_the_transport_is_small_modules_of_short_functions():
    folder = Path(coursekit.display.__file__).parent
    too_long = []
    for path in sorted(folder.glob("*.py")) + sorted(folder.glob("*.js")):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 300:
            too_long.append(f"{path.name} ({len(text.splitlines())} lines)")
        if path.suffix == ".py":
            too_long += [f"{path.name}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
                         for node in ast.walk(ast.parse(text))
                         if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                         and node.end_lineno - node.lineno + 1 > 30]
    assert not too_long, "split: " + ", ".join(too_long)
