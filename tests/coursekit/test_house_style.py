"""The house limits hold outside nnlib too: no module over 300 lines, no function over 30.

nnlib's own, stricter budget is scripts/line_budget.py (tests/nnlib/test_line_budget.py).
Here: coursekit, and the scripts around the course (benchmarks, classroom, scripts,
jupyter-config), which contributors read as much as the library.
"""
import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FOLDERS = ("coursekit", "benchmarks", "classroom", "scripts", "jupyter-config")
MAX_MODULE, MAX_FUNCTION = 300, 30


def modules():
    return sorted(path for folder in FOLDERS for path in (REPO / folder).rglob("*.py")
                  if "node_modules" not in path.parts)


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_folders_hold_python(folder):
    assert any((REPO / folder).rglob("*.py")), f"{folder}/ has no Python: update FOLDERS"


def test_no_module_is_over_300_lines():
    long = {str(path.relative_to(REPO)): n for path in modules()
            if (n := len(path.read_text().splitlines())) > MAX_MODULE}
    assert not long, f"split these modules (lines): {long}"


def test_no_function_is_over_30_lines():
    long = {f"{path.relative_to(REPO)}:{node.name}": node.end_lineno - node.lineno + 1
            for path in modules() for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION}
    assert not long, f"split these functions (lines): {long}"
