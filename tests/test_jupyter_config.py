"""The course's JupyterLab settings reach every environment that runs the course.

jupyter-config/install.py puts them where JupyterLab reads page configurations;
make venv, Binder's postBuild and the README's conda line all run it.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SETTINGS = REPO / "jupyter-config" / "nnlib-course.json"

# What JupyterLab itself makes of the page configurations in one config folder (its own
# reader, at the "user" level: that folder alone, not this venv's own copy of the file).
READ_AS_JUPYTERLAB = ("import json; from jupyterlab_server.config import get_static_page_config; "
                      "print(json.dumps(get_static_page_config(level='user').get('disabledExtensions', {})))")


def disabled_extensions(config_dir):
    """The plugins JupyterLab would switch off, reading the config folder `config_dir`."""
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(config_dir)}
    out = subprocess.run([sys.executable, "-c", READ_AS_JUPYTERLAB], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def test_install_puts_the_settings_where_jupyterlab_reads_them(tmp_path):
    subprocess.run([sys.executable, str(REPO / "jupyter-config" / "install.py"), "--prefix", str(tmp_path)],
                   check=True, capture_output=True)
    assert disabled_extensions(tmp_path / "elsewhere") == {}
    disabled = disabled_extensions(tmp_path / "etc" / "jupyter")
    for plugin in json.loads(SETTINGS.read_text())["disabledExtensions"]:
        assert disabled.get(plugin) is True, plugin


def test_binder_postbuild_runs_the_installer(tmp_path):
    # repo2docker runs postBuild with the image's python first on the PATH; here a
    # stand-in python sends the install into tmp_path instead of this environment.
    shim = tmp_path / "bin" / "python"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@" --prefix "{tmp_path}"\n')
    shim.chmod(0o755)
    postbuild = REPO / "postBuild"
    assert os.access(postbuild, os.X_OK), "repo2docker runs postBuild only when it is executable"
    env = {**os.environ, "PATH": f"{shim.parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run([str(postbuild)], cwd=REPO, env=env, check=True, capture_output=True)
    installed = tmp_path / "etc" / "jupyter" / "labconfig" / "page_config.d" / SETTINGS.name
    assert installed.read_text() == SETTINGS.read_text()


def test_this_venv_has_the_settings():
    installed = Path(sys.prefix, "etc", "jupyter", "labconfig", "page_config.d", SETTINGS.name)
    assert installed.exists(), "run make venv (or python jupyter-config/install.py)"
    assert installed.read_text() == SETTINGS.read_text()
