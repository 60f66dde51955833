"""The nbval add-on: numbers within a cell's tolerance count as equal, words never do."""
import json
from pathlib import Path

import pytest

from nbval_tolerance import align, close_enough, match_numbers, tolerance_of

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9]*.ipynb"))
README = (Path(__file__).resolve().parent / "README.md").read_text()


def test_numbers_within_tolerance_are_written_as_stored():
    stored = "20 epochs, cost 0.0695, train accuracy 96.0%, test accuracy 90.1%"
    new = "20 epochs, cost 0.0570, train accuracy 96.4%, test accuracy 90.2%"
    assert match_numbers(new, stored, points=3, rel=0.3) == stored


@pytest.mark.parametrize("new", [
    "20 epochs, cost 0.0300, train accuracy 96.0%, test accuracy 90.1%",   # cost off by 57 %
    "20 epochs, cost 0.0695, train accuracy 96.0%, test accuracy 85.0%",   # 5 points
    "19 epochs, cost 0.0695, train accuracy 96.0%, test accuracy 90.1%",   # a whole number
    "20 epochs, cost 0.0695, training accuracy 96.0%, test accuracy 90.1%",  # a word
])
def test_what_is_out_of_tolerance_stays_different(new):
    stored = "20 epochs, cost 0.0695, train accuracy 96.0%, test accuracy 90.1%"
    assert match_numbers(new, stored, points=3, rel=0.3) != stored


def test_percentages_use_points_and_other_numbers_rel():
    assert close_enough("92.0", "90.1", percent=True, points=3)
    assert not close_enough("92.0", "90.1", percent=False, rel=0.01)
    assert close_enough("21.4", "21.7", rel=0.05)
    assert close_enough("1,234.0", "1,230.0", rel=0.01)
    assert not close_enough("7", "8", rel=0.5) and close_enough("7", "8", rel=0.5, integers=True)


def test_error_values_and_streams_are_aligned_and_copies_are_returned():
    ref = [{"output_type": "error", "ename": "ValueError", "evalue": "rose to 21.7, far"}]
    test = [{"output_type": "error", "ename": "ValueError", "evalue": "rose to 21.4, far"}]
    assert align(test, ref, tolerance_of({"metadata": {"nbval-tolerance": {"rel": 0.1}}}))[0] == ref[0]
    assert test[0]["evalue"] == "rose to 21.4, far"


def tolerant_cells():
    for path in NOTEBOOKS:
        for cell in json.loads(path.read_text())["cells"]:
            if tolerance_of(cell) is not None:
                yield path.name, cell


def test_every_tolerant_cell_says_why_and_is_listed_in_the_tests_readme():
    cells = list(tolerant_cells())
    assert 0 < len(cells) <= 10, "keep the list of cells compared with a tolerance short"
    for name, cell in cells:
        assert cell["metadata"]["nbval-tolerance"].get("why"), f"{name}: say why in 'why'"
        first_line = "".join(cell["source"]).splitlines()[0].strip()
        assert first_line in README, f"tests/README.md does not list {name}: {first_line}"
