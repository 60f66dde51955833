"""A small nbval add-on: cells whose printed numbers come out of a training run
are compared with a stated tolerance instead of to the last digit.

Why: mini-batch SGD amplifies last-bit rounding differences between BLAS
kernels and numpy's SIMD loops, so a training run on another processor prints,
say, "90.6 %" where the notebook says "89.8 %". Every word and every whole
number of such a cell must still be the same; only its decimal numbers may
differ, each by at most its cell's tolerance. Every other cell stays compared
exactly by nbval strict.

A cell opts in with its metadata (JupyterLab: Property Inspector, Cell metadata):

    "nbval-tolerance": {"points": 3, "rel": 0.3, "why": "trains 20 epochs"}

A percentage (a number followed by "%") counts as the stored one when it is
within `points` percentage points of it; any other decimal number when
|new - stored| <= abs or |new - stored| <= rel * |stored|. With
"integers": true, whole numbers get the same tolerance (for counts a run
decides, such as a number of wrong answers); otherwise they must be equal.
tests/README.md lists the cells and why each one needs it.

Loaded by the repository's conftest.py, so `pytest notebooks/...` uses it too.
"""
import copy
import re

from nbval.plugin import IPyNbCell

# 1,234.5 or -0.155 or 3e-05: a sign, digits with thousands commas, a fraction, an exponent.
NUMBER = re.compile(r"(?<![\w.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[eE][-+]?\d+)?"
                    r"|(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
METADATA_KEY = "nbval-tolerance"
TEXT_FIELDS = ("text/plain", "text/html")


def close_enough(new, stored, percent=False, points=0.0, rel=0.0, abs_=0.0, integers=False):
    """True when the number written `new` may stand for the stored one."""
    if new == stored:
        return True
    is_whole = not re.search(r"[.eE]", stored)
    if is_whole and not integers:
        return False
    a, b = (float(s.replace(",", "")) for s in (new, stored))
    if percent:
        return abs(a - b) <= points
    return abs(a - b) <= abs_ or abs(a - b) <= rel * abs(b)


def match_numbers(new_text, stored_text, points=0.0, rel=0.0, abs_=0.0, integers=False):
    """new_text with each number written as in stored_text where close enough.

    The text between the numbers must be the same, or new_text is returned
    unchanged (and the comparison that follows shows the difference).
    """
    new_parts, stored_parts = NUMBER.split(new_text), NUMBER.split(stored_text)
    new_numbers, stored_numbers = NUMBER.findall(new_text), NUMBER.findall(stored_text)
    if new_parts != stored_parts or len(new_numbers) != len(stored_numbers):
        return new_text
    out = [new_parts[0]]
    for new, stored, text in zip(new_numbers, stored_numbers, new_parts[1:]):
        percent = text.lstrip(" ").startswith("%")
        same = close_enough(new, stored, percent, points, rel, abs_, integers)
        out += [stored if same else new, text]
    return "".join(out)


def tolerance_of(cell):
    """The cell's {"points", "rel", "abs_", "integers"} or None when it is compared exactly."""
    spec = cell.get("metadata", {}).get(METADATA_KEY)
    if spec is None:
        return None
    return {"points": float(spec.get("points", 0.0)), "rel": float(spec.get("rel", 0.0)),
            "abs_": float(spec.get("abs", 0.0)),
            "integers": bool(spec.get("integers", False))}


def _texts(output):
    """(container, key) of every text field of one output that nbval compares."""
    if output.get("output_type") == "stream":
        yield output, "text"
    elif output.get("output_type") == "error":
        yield output, "evalue"
    for key in TEXT_FIELDS:
        if key in output.get("data", {}):
            yield output["data"], key


def align(test_outputs, ref_outputs, tolerance):
    """Copies of the new outputs, numbers within tolerance written as stored."""
    aligned = copy.deepcopy(list(test_outputs))
    for new, stored in zip(aligned, ref_outputs):
        if new.get("output_type") != stored.get("output_type"):
            continue
        for (holder, key), (stored_holder, stored_key) in zip(_texts(new), _texts(stored)):
            if key == stored_key and isinstance(holder[key], str):
                holder[key] = match_numbers(holder[key], _joined(stored_holder[key]), **tolerance)
    return aligned


def _joined(text):
    return "".join(text) if isinstance(text, list) else text


# Importing this file twice (as a plugin and from a test) must not wrap nbval twice.
_exact_compare = getattr(IPyNbCell, "exact_compare_outputs", IPyNbCell.compare_outputs)


def compare_outputs(self, test, ref, skip_compare=None):
    """nbval's comparison, after aligning numbers for cells that state a tolerance."""
    tolerance = tolerance_of(self.cell)
    if tolerance is not None:
        test = align(test, ref, tolerance)
    return _exact_compare(self, test, ref, skip_compare)


IPyNbCell.exact_compare_outputs = _exact_compare
IPyNbCell.compare_outputs = compare_outputs
