"""The class's JupyterHub for tests and benchmarks: free ports on 127.0.0.1, a temporary folder.

`TestHub` starts classroom/jupyterhub_config.py with the shared-password
test authenticator (NNLIB_HUB_AUTH=dummy) and everything (database, homes)
in a temporary folder, in a process group of its own, and stops it with
every process it started. `memory()` reads each student's PSS from /proc.
Used by tests/classroom and benchmarks/classroom_load.py, with student.py.
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PROXY = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
COURSE_DIR = "nnlib-course"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (children, grandchildren...), from /proc."""
    children = {}
    for entry in Path("/proc").iterdir():
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
        except (ValueError, OSError, IndexError):
            continue
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def pss_mb(pid: int) -> float:
    """Proportional set size of one process in MB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def process_user(pid: int) -> str | None:
    """The JUPYTERHUB_USER a process (a student's server) was started for."""
    try:
        for item in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
            if item.startswith(b"JUPYTERHUB_USER="):
                return item.split(b"=", 1)[1].decode()
    except OSError:
        pass
    return None


class TestHub:
    """The class's hub on free 127.0.0.1 ports, in a temporary folder; a context manager."""

    def __init__(self, course: str | Path = REPO, startup_timeout: float = 120):
        self.password = secrets.token_hex(8)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.tmp = Path(tempfile.mkdtemp(prefix="nnlib-hub-"))
        self.homes = self.tmp / "home"
        self.course, self.startup_timeout = str(course), startup_timeout
        self.log_path = self.tmp / "hub.log"
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "TestHub":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def env(self) -> dict:
        path = f"{PROXY.parent}{os.pathsep}{os.environ.get('PATH', os.defpath)}"
        return dict(os.environ, PATH=path, NNLIB_HUB_DIR=str(self.tmp), NNLIB_HUB_IP="127.0.0.1",
                    NNLIB_HUB_PORT=str(self.port), NNLIB_HUB_API_PORT=str(free_port()),
                    NNLIB_HUB_PROXY_API_PORT=str(free_port()), NNLIB_HUB_AUTH="dummy",
                    NNLIB_HUB_PASSWORD=self.password, NNLIB_HUB_ADMINS="", NNLIB_HUB_COURSE=self.course,
                    OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")

    def start(self) -> None:
        """Launch jupyterhub (in a process group of its own) and wait until it answers."""
        jupyterhub = Path(sys.executable).parent / "jupyterhub"
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen([str(jupyterhub), "-f", str(HERE / "jupyterhub_config.py")],
                                         cwd=self.tmp, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyterhub exited with code {self.proc.returncode}:\n{self.log_tail()}")
            try:   # through the proxy, once the hub's route is in it
                with urllib.request.urlopen(self.url + "/hub/api/", timeout=5):
                    return
            except (OSError, urllib.error.URLError):
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"JupyterHub did not answer within {self.startup_timeout:.0f} s")

    def stop(self) -> None:
        """Stop the hub (it stops the servers and the proxy); kill whatever is left; remove the folder."""
        if self.proc is not None:
            left = descendants(self.proc.pid)
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
            for pid in left + descendants(self.proc.pid):
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            self.proc = None
        shutil.rmtree(self.tmp, ignore_errors=True)

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no hub log)"

    def memory(self) -> dict:
        """PSS in MB: {"hub": hub + proxy + culler, user: that student's server + kernels}."""
        result, tree = {"hub": pss_mb(self.proc.pid)}, descendants(self.proc.pid)
        owner = {pid: process_user(pid) for pid in tree}
        for pid in tree:
            key = owner[pid] or "hub"
            result[key] = result.get(key, 0.0) + pss_mb(pid)
        return result
