"""The README's ten-line example runs and prints about what the README says it prints.

It trains, so its numbers depend on the processor's rounding (see
tests/README.md): the words and whole numbers must match exactly, the cost
within README_TOLERANCE and the accuracy within a few points.
"""
import re
import subprocess
import sys
from pathlib import Path

from nbval_tolerance import match_numbers

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
# Measured over five BLAS/SIMD kernel choices on one machine: cost 0.135-0.168, accuracy 89.7-91.8 %.
README_TOLERANCE = dict(points=3, rel=0.25)


def test_readme_example_prints_about_what_the_readme_shows(tmp_path):
    blocks = re.findall(r"```(\w*)\n(.*?)```", README, flags=re.S)
    index = next(i for i, (lang, code) in enumerate(blocks) if lang == "python")
    code, shown = blocks[index][1], blocks[index + 1][1]
    assert len(code.strip().splitlines()) <= 10
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    printed = result.stdout.strip()
    assert match_numbers(printed, shown.strip(), **README_TOLERANCE) == shown.strip(), printed


def test_readme_says_the_trained_numbers_are_approximate():
    assert re.search(r"prints about|prints roughly", README)


def test_readme_names_the_two_commands():
    assert "make lab" in README and "make test" in README
