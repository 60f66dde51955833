"""The hub tests: the class's JupyterHub (classroom/) on 127.0.0.1 with simulated students.

They need the proxy JupyterHub puts in front of the students' servers
(configurable-http-proxy from npm, `make proxy`): without it they skip and
say how to install it; with CI=true a missing proxy fails instead.
"""
import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent


def load(name):
    """classroom/<name>.py (classroom/ holds the files a teacher deploys: not a package)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "classroom" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


testhub = load("testhub")
student = load("student")


@pytest.fixture(scope="session")
def proxy():
    """The proxy's path, or skip (fail on CI)."""
    if not testhub.PROXY.exists():
        reason = f"no configurable-http-proxy at {testhub.PROXY.relative_to(REPO)}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}; `make proxy` installs it with npm", pytrace=False)
        pytest.skip(f"{reason}: run `make proxy` (needs npm) to test the classroom hub")
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the hub copies the course with nbgitpuller, which runs git")
    return testhub.PROXY


def git(*args, cwd, **env):
    """Run git in `cwd`, with `env` added to the environment."""
    subprocess.run(["git", "-c", "user.name=teacher", "-c", "user.email=teacher@example.org", *args],
                   cwd=cwd, env=dict(os.environ, GIT_TERMINAL_PROMPT="0", **env),
                   check=True, capture_output=True, timeout=120)


@pytest.fixture
def course(tmp_path):
    """A clone of this course (its last commit) that a test may change, as a teacher pushes upstream."""
    folder, safe = tmp_path / "course", tmp_path / "gitconfig"
    # The checkout may belong to another user: only a global config lets git read it then.
    safe.write_text("[safe]\n\tdirectory = *\n")
    git("clone", "--quiet", "--depth=1", REPO.as_uri(), str(folder), cwd=tmp_path, GIT_CONFIG_GLOBAL=str(safe))
    return folder


@pytest.fixture
def hub(proxy, course):
    """The class's hub serving `course`, stopped with everything it started at the end."""
    with testhub.TestHub(course=course) as running:
        yield running
