"""nnlib keeps to its budget: a learner can read it top to bottom (scripts/line_budget.py)."""
import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_nnlib_keeps_its_line_budget():
    result = subprocess.run([sys.executable, REPO / "scripts" / "line_budget.py"], capture_output=True,
                            text=True)
    print(result.stdout)
    assert result.returncode == 0, result.stdout
    assert "within budget" in result.stdout


def test_nnlib_is_only_the_textbook_and_imports_only_numpy():
    modules = {path.stem for path in (REPO / "nnlib").glob("*.py")}
    assert modules == {"__init__", "activations", "network", "cost", "backprop", "training", "data",
                       "errors"}
    assert not [p for p in (REPO / "nnlib").iterdir() if p.is_dir() and p.name != "__pycache__"]
    allowed = {"numpy", "nnlib", "pooch", "tqdm"} | set(sys.stdlib_module_names)
    for path in (REPO / "nnlib").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else ["nnlib" if node.level else node.module] if isinstance(node, ast.ImportFrom)
                     else [])
            for name in names:
                assert name.split(".")[0] in allowed, f"{path.name} imports {name}"
