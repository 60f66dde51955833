"""JupyterHub for a whole class on one machine (`make hub`, or classroom/hub.py).

The Littlest JupyterHub's way, without its installer: every student gets a
home folder under $NNLIB_HUB_DIR/home/, and each time their server starts the
course is pulled into ~/nnlib-course with nbgitpuller (cloned the first
time, merged after that: a notebook the student changed keeps their change).
Each student's server and kernels run with this course's .venv, so `import
nnlib` and `import coursekit` work in every kernel, and the idle culler stops
servers (and each server its kernels) that nobody uses, so a class does not
leak memory.

Settings, from the environment (classroom/hub.py sets them from its flags):
  NNLIB_HUB_DIR        state (database, cookie secret) and students' homes:
                       /srv/nnlib-class as root, else ~/nnlib-class
  NNLIB_HUB_IP/PORT    where students connect (127.0.0.1:8000)
  NNLIB_HUB_API_PORT   the hub's internal API, NNLIB_HUB_PROXY_API_PORT the
                       proxy's (8081, 8001; the tests pick free ones)
  NNLIB_HUB_COURSE     the course's git repository (a URL or a local path;
                       default: the repository this file is in), NNLIB_HUB_BRANCH
  NNLIB_HUB_AUTH       "firstuse" (default: each student chooses a password on
                       first login) or "dummy" (any name, one shared
                       NNLIB_HUB_PASSWORD: the tests and benchmarks/classroom_load.py)
  NNLIB_HUB_ADMINS     comma-separated admin users ("teacher")
  NNLIB_HUB_SERVER_IDLE, NNLIB_HUB_KERNEL_IDLE   seconds before an idle
                       server (3600) or kernel (1800) is stopped
"""
import asyncio
import os
import subprocess
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides it)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent          # the course's .venv/bin: the hub runs from it
ENV = os.environ.get
ROOT = os.geteuid() == 0
BASE = Path(ENV("NNLIB_HUB_DIR") or ("/srv/nnlib-class" if ROOT else "~/nnlib-class")).expanduser()
HOMES, STATE = BASE / "home", BASE / "state"
COURSE_DIR = "nnlib-course"                  # the course's folder in each home
COURSE = ENV("NNLIB_HUB_COURSE") or str(REPO)
for folder in (HOMES, STATE):
    folder.mkdir(parents=True, exist_ok=True)

# -- where the hub listens; state kept out of the repository -----------------
c.JupyterHub.bind_url = f"http://{ENV('NNLIB_HUB_IP', '127.0.0.1')}:{ENV('NNLIB_HUB_PORT', '8000')}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{ENV('NNLIB_HUB_API_PORT', '8081')}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{ENV('NNLIB_HUB_PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True          # stopping the hub stops every student's server

# -- who the users are -------------------------------------------------------
# Names become folder names: letters, digits, - and _ only (no "..", no "/").
c.Authenticator.username_pattern = r"^[a-z][a-z0-9_-]{0,31}$"
c.Authenticator.admin_users = {name.strip() for name in ENV("NNLIB_HUB_ADMINS", "teacher").split(",")
                               if name.strip()}
c.Authenticator.allow_all = True             # anyone who can reach the hub may make an account
if ENV("NNLIB_HUB_AUTH", "firstuse") == "dummy":
    if not ENV("NNLIB_HUB_PASSWORD"):
        sys.exit("NNLIB_HUB_AUTH=dummy needs NNLIB_HUB_PASSWORD (the one password everyone uses)")
    # JupyterHub's DummyAuthenticator with a password, under its name since 5.3.
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = ENV("NNLIB_HUB_PASSWORD")
else:
    c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
    c.FirstUseAuthenticator.dbm_path = str(STATE / "passwords.dbm")
    c.FirstUseAuthenticator.min_password_length = 8

# -- each student's server: a home of their own, the course's .venv ----------
# One Unix account runs every student's server (the hub's): no system users to
# create, but no walls between students' files either (classroom/README.md).
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = f"/lab/tree/{COURSE_DIR}/notebooks/00_start_here.ipynb"
c.Spawner.start_timeout = 180                # 20 students starting at once on 2 cores
c.Spawner.http_timeout = 120
KERNEL_IDLE = int(ENV("NNLIB_HUB_KERNEL_IDLE", "1800"))
c.Spawner.args = [
    # A kernel left idle (even with its tab open) is stopped; its notebook stays.
    f"--MappingKernelManager.cull_idle_timeout={KERNEL_IDLE}",
    f"--MappingKernelManager.cull_interval={max(10, min(300, KERNEL_IDLE // 2))}",
    "--MappingKernelManager.cull_connected=True",
    # Every terminal would be a shell of the hub's account: none.
    "--ServerApp.terminals_enabled=False",
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
] + (["--allow-root"] if ROOT else [])
# One BLAS thread per kernel: twenty kernels on two cores must not each start two.
c.Spawner.environment = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                         "PYDEVD_DISABLE_FILE_VALIDATION": "1", "PATH": f"{BIN}:{os.defpath}"}


def _git_url(course):
    """A local folder as a file:// URL, so that nbgitpuller's shallow clone works on it."""
    path = Path(course).expanduser()
    return path.resolve().as_uri() if path.exists() else course


def _default_branch(url):
    """The branch the course's HEAD points to (nbgitpuller's CLI needs a branch name)."""
    try:
        out = subprocess.run(["git", "ls-remote", "--symref", url, "HEAD"], capture_output=True,
                             text=True, timeout=60, env=GIT_ENV).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "main"
    heads = [line.split()[1] for line in out.splitlines() if line.startswith("ref:")]
    return heads[0].removeprefix("refs/heads/") if heads else "main"


# The hub may run as another user than the one owning a local course repository,
# which git refuses to read unless told it is safe. Only a global config file says
# so to the git that serves a local clone (it drops GIT_CONFIG_COUNT & co.).
(STATE / "gitconfig").write_text("[safe]\n\tdirectory = *\n")
GIT_ENV = dict(os.environ, GIT_CONFIG_GLOBAL=str(STATE / "gitconfig"), GIT_TERMINAL_PROMPT="0")
COURSE_URL = _git_url(COURSE)
BRANCH = ENV("NNLIB_HUB_BRANCH") or _default_branch(COURSE_URL)


async def pull_course(spawner):
    """Clone (first login) or merge (later) the course into the student's ~/nnlib-course.

    nbgitpuller keeps what students wrote: a file changed both by the student
    and upstream keeps the student's version, a file the student deleted comes
    back, and a new upstream file is added. A failed pull leaves the old copy.
    """
    home = Path(spawner.home_dir)
    home.mkdir(parents=True, exist_ok=True)
    proc = await asyncio.create_subprocess_exec(
        str(BIN / "gitpuller"), COURSE_URL, BRANCH, str(home / COURSE_DIR), cwd=home, env=GIT_ENV,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout=300)
    except asyncio.TimeoutError:
        proc.kill()
        out = b"timed out after 300 s"
    if proc.returncode != 0:
        spawner.log.warning("nbgitpuller failed for %s:\n%s", spawner.user.name, out.decode()[-2000:])
        if not (home / COURSE_DIR / "notebooks").is_dir():
            raise RuntimeError(f"could not copy the course from {COURSE} into {home / COURSE_DIR}")


c.Spawner.pre_spawn_hook = pull_course

# -- the idle culler: a hub service that stops servers nobody has used -------
SERVER_IDLE = int(ENV("NNLIB_HUB_SERVER_IDLE", "3600"))
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={SERVER_IDLE}",
                f"--cull-every={max(10, min(600, SERVER_IDLE // 4))}"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
