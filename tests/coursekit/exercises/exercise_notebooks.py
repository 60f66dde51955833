"""The notebooks' exercises, read from their JSON: the exercise cell, its stored output, and the
worked solution folded under <details><summary>Solution</summary> after it.

`Exercise.run(solution)` runs the exercise cell as a learner would: first the earlier cells
the exercise needs (every cell defining a name it uses, and theirs in turn: a slice of the
notebook, so a cell that trains for a minute is skipped when a later one redefines `net`),
then the cell's own lines with the solution in place of its placeholder, then the check
call itself, exactly as the cell writes it. It returns the Feedback and the namespace.
"""
import ast
import builtins
import json
import re
from dataclasses import dataclass
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[3] / "notebooks"
CHECK_CALL = re.compile(r"\b\w+\.(check_\w+)\(")
SOLUTION = "<details><summary>Solution</summary>"


def _source(cell):
    return "".join(cell["source"])


def _output(cell):
    return "".join("".join(o.get("text") or o.get("data", {}).get("text/plain", ""))
                   for o in cell.get("outputs", []))


def _scoped_definitions(tree):
    """Names a cell binds at its top level: assignments, imports, def and class names."""
    found = set()

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found.add(child.name)
                continue                      # their bodies bind local names only
            if isinstance(child, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp,
                                  ast.GeneratorExp)):
                continue
            if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
                found.add(child.id)
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.update((a.asname or a.name).split(".")[0] for a in child.names)
            visit(child)

    visit(tree)
    return found


def _uses(tree):
    """Names a cell reads before binding them itself (so it needs them from an earlier cell)."""
    first_load, first_store, local = {}, {}, set()
    for f in ast.walk(tree):
        if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            params = {a.arg for a in f.args.args + f.args.kwonlyargs + f.args.posonlyargs}
            local.update(id(n) for n in ast.walk(f) if isinstance(n, ast.Name) and n.id in params)
    for n in ast.walk(tree):
        if isinstance(n, ast.Name) and id(n) not in local:
            where = first_load if isinstance(n.ctx, ast.Load) else first_store
            where[n.id] = min(where.get(n.id, (n.lineno, n.col_offset)), (n.lineno, n.col_offset))
    defined = _scoped_definitions(tree)
    return {name for name, at in first_load.items()
            if name not in defined or at < first_store.get(name, (0, 0))} - set(dir(builtins))


@dataclass
class Exercise:
    notebook: str          # e.g. "04_cost"
    number: int            # 1, 2, ... within the notebook
    checker: str           # e.g. "check_example_cost"
    cell: str              # the exercise cell's source
    stored: str            # its stored output (the placeholder's verdict)
    solution_text: str     # the markdown inside <details>
    solution: str          # the solution as code (None if the fold has none)
    earlier: list          # the sources of the code cells before it

    @property
    def name(self):
        return f"{self.notebook} Ex {self.number} ({self.checker})"

    @property
    def answer_name(self):
        """The name the cell assigns its answer to (`answer`, `bias`, ...) or defines (`sigmoid_v1`)."""
        tree = ast.parse(self.cell)
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                    and node.value.value is Ellipsis:
                return node.targets[0].id
            if isinstance(node, ast.FunctionDef):
                return node.name
        raise AssertionError(f"{self.name}: no placeholder found")

    @property
    def is_function(self):
        return any(isinstance(n, ast.FunctionDef) for n in ast.parse(self.cell).body)

    def context(self):
        """The namespace the exercise cell runs in: the slice of earlier cells it needs."""
        mine = ast.parse(self.cell + "\n" + (self.solution or ""))
        needed = _uses(mine)
        chosen = []
        for source in reversed(self.earlier):
            tree = ast.parse(source)
            defined = _scoped_definitions(tree)
            if defined & needed:
                chosen.append(source)
                needed = (needed - defined) | _uses(tree)
        namespace = {"__name__": "__main__"}
        for source in reversed(chosen):
            exec(compile(source, f"<{self.notebook} earlier cell>", "exec"), namespace)
        return namespace

    def run(self, solution=None, namespace=None):
        """(Feedback, namespace): the exercise cell with `solution` (code) after its own lines.

        solution=None runs the cell as stored, with its placeholder.
        """
        namespace = dict(self.context() if namespace is None else namespace)
        tree = ast.parse(self.cell)
        *lines, check = tree.body
        assert isinstance(check, ast.Expr) and CHECK_CALL.search(ast.unparse(check)), self.name
        exec(compile(ast.Module(lines, []), f"<{self.name}>", "exec"), namespace)
        if solution is not None:
            exec(compile(solution, f"<{self.name} solution>", "exec"), namespace)
        return eval(compile(ast.Expression(check.value), f"<{self.name} check>", "eval"),
                    namespace), namespace


def _solution_code(details, cell):
    """The ```python block of a solution, or its first `name = ...` inline code; None if it has
    neither (a task done in an app): the tests that need the code then fail by name, not the
    whole collection."""
    block = re.search(r"```python\n(.*?)```", details, re.S)
    if block:
        return block.group(1)
    for span in re.findall(r"`([^`]+)`", details):
        try:
            tree = ast.parse(span)
        except SyntaxError:
            continue
        if tree.body and isinstance(tree.body[0], ast.Assign):
            return span
    return None


def exercises():
    """Every exercise of every notebook, in order."""
    found = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        earlier, number = [], 0
        for i, cell in enumerate(cells):
            source = _source(cell)
            if cell["cell_type"] != "code":
                continue
            match = CHECK_CALL.search(source)
            if match:
                following = next(_source(c) for c in cells[i + 1:] if c["cell_type"] == "markdown")
                assert following.startswith(SOLUTION), (path.name, source)
                details = following[len(SOLUTION):following.index("</details>")]
                number += 1
                found.append(Exercise(path.stem, number, match.group(1), source, _output(cell),
                                      details, _solution_code(details, source), list(earlier)))
            earlier.append(source)
    return found


def cell_output(notebook, first_line):
    """The stored output of the code cell of `notebook` whose source starts with first_line."""
    cells = json.loads((NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    return next(_output(c) for c in cells
                if c["cell_type"] == "code" and _source(c).startswith(first_line))
