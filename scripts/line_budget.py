"""How big is the textbook? Lines per nnlib module and its longest functions.

    .venv/bin/python scripts/line_budget.py

nnlib/ is what a learner reads top to bottom, so it keeps to a budget:
at most 1,200 lines in all, no module over 300 lines, no function over 30,
and no line wider than 120 characters (lines are not to be squeezed to fit).
tests/test_line_budget.py runs this, so the budget cannot drift.
"""
import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "nnlib"
MAX_TOTAL, MAX_MODULE, MAX_FUNCTION, MAX_WIDTH = 1200, 300, 30, 120


def module_lines():
    """{module file name: number of lines}, in reading order (by name)."""
    return {path.name: len(path.read_text().splitlines()) for path in sorted(PACKAGE.glob("*.py"))}


def function_lengths():
    """[(lines, 'module.py:function')] for every function and method, longest first."""
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found.append((node.end_lineno - node.lineno + 1, f"{path.name}:{node.name}"))
    return sorted(found, reverse=True)


def over_budget():
    """Every way nnlib breaks its budget, as sentences (empty when it keeps it)."""
    lines, functions = module_lines(), function_lengths()
    problems = [f"nnlib has {sum(lines.values())} lines, over {MAX_TOTAL}"] if sum(lines.values()) > MAX_TOTAL else []
    problems += [f"{name} has {n} lines, over {MAX_MODULE}" for name, n in lines.items() if n > MAX_MODULE]
    problems += [f"{where} has {n} lines, over {MAX_FUNCTION}" for n, where in functions if n > MAX_FUNCTION]
    problems += [f"{path.name}:{i} is {len(line)} characters wide, over {MAX_WIDTH}"
                 for path in sorted(PACKAGE.glob("*.py"))
                 for i, line in enumerate(path.read_text().splitlines(), start=1) if len(line) > MAX_WIDTH]
    return problems


def main():
    lines = module_lines()
    for name, n in lines.items():
        print(f"{name:18s} {n:5d}")
    print(f"{'nnlib in all':18s} {sum(lines.values()):5d}  (budget {MAX_TOTAL:,})")
    print("longest functions:", ", ".join(f"{where} {n}" for n, where in function_lengths()[:5]))
    problems = over_budget()
    print("\n".join(problems) or "within budget")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
