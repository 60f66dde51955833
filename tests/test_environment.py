"""environment.yml (conda, Binder) pins the same packages and versions as pyproject.toml."""
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

if sys.version_info >= (3, 11):
    import tomllib
else:                                   # Python 3.10: read the two arrays by hand
    tomllib = None


def pyproject_pins():
    text = (REPO / "pyproject.toml").read_text()
    if tomllib:
        project = tomllib.loads(text)["project"]
        requirements = project["dependencies"] + [r for group in project["optional-dependencies"].values()
                                                  for r in group]
    else:
        requirements = re.findall(r'^\s*"([A-Za-z0-9_.\-]+==[^"]+)",?\s*$', text, flags=re.M)
    return dict(_split(r, "==") for r in requirements)


def environment_pins():
    pins = {}
    text = (REPO / "environment.yml").read_text()
    for line in text.split("dependencies:", 1)[1].splitlines():
        item = line.split("#")[0].strip()
        if not item.startswith("- ") or item in ("- pip", "- pip:"):
            continue
        spec = item[2:].strip()
        if spec.startswith("python=") or spec.startswith("-e"):
            continue
        pins.update([_split(spec, "==" if "==" in spec else "=")])
    return pins


def _split(spec, separator):
    name, version = spec.split(separator, 1)
    return name.strip().lower().replace("_", "-"), version.strip()


def test_every_dependency_is_pinned_exactly():
    pins = pyproject_pins()
    assert len(pins) >= 10
    assert all(re.fullmatch(r"[0-9][0-9A-Za-z.]*", v) for v in pins.values()), pins


def test_environment_yml_matches_pyproject():
    pyproject, environment = pyproject_pins(), environment_pins()
    missing = {k: v for k, v in pyproject.items() if k not in environment}
    extra = {k: v for k, v in environment.items() if k not in pyproject}
    differ = {k: (pyproject[k], environment[k]) for k in pyproject.keys() & environment.keys()
              if pyproject[k] != environment[k]}
    assert not missing, f"in pyproject.toml but not in environment.yml: {missing}"
    assert not extra, f"in environment.yml but not in pyproject.toml: {extra}"
    assert not differ, f"versions differ (pyproject, environment.yml): {differ}"


@pytest.mark.parametrize("path", ["environment.yml", "pyproject.toml"])
def test_files_exist(path):
    assert (REPO / path).is_file()
