"""coursekit keeps the house limits: no module over 300 lines, no function over 30.

nnlib's own, stricter budget is scripts/line_budget.py (tests/nnlib/test_line_budget.py).
"""
import ast
from pathlib import Path

import coursekit

PACKAGE = Path(coursekit.__file__).parent
MAX_MODULE, MAX_FUNCTION = 300, 30


def modules():
    return sorted(PACKAGE.rglob("*.py"))


def test_no_coursekit_module_is_over_300_lines():
    long = {str(path.relative_to(PACKAGE)): n for path in modules()
            if (n := len(path.read_text().splitlines())) > MAX_MODULE}
    assert not long, f"split these modules (lines): {long}"
