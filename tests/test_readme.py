"""The README's ten-line example runs and prints what the README says it prints."""
import re
import subprocess
import sys
from pathlib import Path

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def test_readme_example_prints_what_the_readme_shows(tmp_path):
    blocks = re.findall(r"```(\w*)\n(.*?)```", README, flags=re.S)
    index = next(i for i, (lang, code) in enumerate(blocks) if lang == "python")
    code, shown = blocks[index][1], blocks[index + 1][1]
    assert len(code.strip().splitlines()) <= 10
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == shown.strip()


def test_readme_names_the_two_commands():
    assert "make lab" in README and "make test" in README
