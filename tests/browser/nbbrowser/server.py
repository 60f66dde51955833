"""Start and stop a private JupyterLab server for the browser tests.

The server serves temporary copies of the notebook folders (JupyterLab
autosaves, and must never rewrite the committed notebooks), listens on 127.0.0.1 on a free port
behind a random token, keeps every Jupyter directory in a temporary folder, and
never asks the internet for news or updates. One server answers both front
ends, but the tests start one server per front end, as a learner does
(`jupyter lab` or `jupyter notebook`): a server that has served JupyterLab's
pages serves some of Notebook 7's files wrong (jupyter_server caches static
paths by file name across both front ends, so fonts with the same name answer
403 Forbidden, and Notebook 7 throws "Command 'filebrowser:open-path' not
registered").
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

# Front-end settings for a quiet, repeatable session: no news or update toasts.
OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {
        "checkForUpdates": False,
        "fetchNews": "false",
        "doNotDisturbMode": True,
    },
}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalServer:
    """What the harness's servers share: a free port on 127.0.0.1, a temporary folder with
    the served copy (`root`) and the log, private Jupyter directories, and stopping it all.

    A subclass sets `log_name` and `tmp_prefix` and starts its process with `_launch`.
    """
    log_name, tmp_prefix = "server.log", "nnlib-server-"

    def __init__(self, python: str = sys.executable, startup_timeout: float = 120):
        self.python, self.startup_timeout = python, startup_timeout
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.tmp = Path(tempfile.mkdtemp(prefix=self.tmp_prefix))
        self.root = self.tmp / "notebooks"
        self.log_path = self.tmp / self.log_name
        self._proc: subprocess.Popen | None = None
        self._log = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        raise NotImplementedError

    def _launch(self, command: list[str], cwd: Path, env: dict[str, str]) -> None:
        self._log = open(self.log_path, "wb")
        self._proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=self._log,
                                      stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    def _private_dirs(self, env: dict[str, str]) -> dict[str, str]:
        """`env` with every Jupyter directory in the temporary folder (nothing of the user's)."""
        for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR"):
            path = self.tmp / name.lower()
            path.mkdir()
            env[name] = str(path)
        env.update(PYDEVD_DISABLE_FILE_VALIDATION="1", JUPYTER_PLATFORM_DIRS="1")
        return env

    def stop(self) -> None:
        """Stop the server (and its kernels) and remove every temporary file."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None
        if self._log is not None:
            self._log.close()
            self._log = None
        shutil.rmtree(self.tmp, ignore_errors=True)

    def url(self, path: str) -> str:
        """The absolute address of `path` (which starts with a slash)."""
        return self.base_url + path

    def log_tail(self, lines: int = 40) -> str:
        """The last lines the server wrote, to explain a failure."""
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    def log_lines(self, text: str) -> list[str]:
        """The server's log lines that mention `text`."""
        try:
            return [line for line in self.log_path.read_text(errors="replace").splitlines() if text in line]
        except OSError:
            return []


class JupyterServer(LocalServer):
    """A Jupyter server (`app` "lab" or "notebook") on copies of folders; a context manager.

    `folders` maps a name to a folder: folder `name` of the served root is a
    copy of it, so notebook `x.ipynb` in it opens as `name/x.ipynb`.
    """

    log_name, tmp_prefix = "server.log", "nnlib-jupyter-"

    def __init__(self, folders: dict[str, Path], app: str = "lab", python: str = sys.executable,
                 startup_timeout: float = 120):
        super().__init__(python, startup_timeout)
        self.folders = {name: Path(folder) for name, folder in folders.items()}
        self.app = {"lab": "jupyterlab", "notebook": "notebook"}[app]
        self.token = secrets.token_hex(24)

    def start(self) -> None:
        """Copy the notebooks, launch the server and wait until it answers."""
        self.root.mkdir()
        for name, folder in self.folders.items():
            shutil.copytree(folder, self.root / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        settings = self.tmp / "app-settings"
        settings.mkdir()
        (settings / "overrides.json").write_text(json.dumps(OVERRIDES, indent=1))
        self._launch(self._command(settings), self.root, self._env())
        self._wait_until_ready()

    def shutdown_kernels(self) -> None:
        """End every session and stop every kernel (one notebook must not slow the next)."""
        for session in self._api("GET", "/api/sessions") or []:
            self._api("DELETE", f"/api/sessions/{session['id']}")
        for kernel in self._api("GET", "/api/kernels") or []:
            self._api("DELETE", f"/api/kernels/{kernel['id']}")

    # -- helpers ------------------------------------------------------------
    def _api(self, method: str, path: str):
        request = urllib.request.Request(self.url(path), method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            body = answer.read()
        return json.loads(body) if body else None

    def _command(self, settings: Path) -> list[str]:
        command = [
            self.python, "-m", self.app,
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            "--ServerApp.terminals_enabled=False",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            f"--LabApp.app_settings_dir={settings}",
            f"--LabApp.user_settings_dir={self.tmp / 'user-settings'}",
            f"--LabApp.workspaces_dir={self.tmp / 'workspaces'}",
            f"--JupyterNotebookApp.app_settings_dir={settings}",
            f"--JupyterNotebookApp.user_settings_dir={self.tmp / 'user-settings'}",
            f"--JupyterNotebookApp.workspaces_dir={self.tmp / 'workspaces'}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        return command

    def _env(self) -> dict[str, str]:
        env = self._private_dirs(dict(os.environ))
        env.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1", MPLBACKEND="Agg")
        return env

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"{self.app} exited with code {self._proc.returncode}:\n{self.log_tail()}")
            try:
                if self._api("GET", "/api/status") is not None:
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        log = self.log_tail()
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {self.startup_timeout:.0f} s:\n{log}")
