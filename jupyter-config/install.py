"""Install the course's JupyterLab settings into the Python environment that runs this.

    python jupyter-config/install.py              # into this Python's sys.prefix
    python jupyter-config/install.py --prefix DIR  # into DIR/etc/jupyter/...

JupyterLab and Notebook 7 read page configurations from
<prefix>/etc/jupyter/labconfig/page_config.d/ of the environment they run in
(`jupyter --paths` lists <prefix>/etc/jupyter under "config"). An editable
`pip install -e .` leaves data files out, so every way of setting up the course
runs this instead: `make venv` for .venv, `postBuild` for Binder's image
(repo2docker), and conda users once after `conda env create` (README.md).
"""
import argparse
import shutil
import sys
from pathlib import Path

SETTINGS = Path(__file__).resolve().parent / "nnlib-course.json"
WHERE = Path("etc", "jupyter", "labconfig", "page_config.d")


def install(prefix):
    """Copy nnlib-course.json into prefix/etc/jupyter/labconfig/page_config.d; return its new path."""
    folder = Path(prefix) / WHERE
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(SETTINGS, folder / SETTINGS.name))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", default=sys.prefix, help="the environment's folder (default: sys.prefix)")
    print(f"course settings for JupyterLab: {install(parser.parse_args().prefix)}")


if __name__ == "__main__":
    main()
