"""Start JupyterHub for a class on this machine (`make hub`): classroom/jupyterhub_config.py.

    .venv/bin/python classroom/hub.py [--ip 0.0.0.0] [--port 8000] [--dir /srv/nnlib-class]
                                      [--course URL-or-path] [--admins teacher]

Each flag sets the NNLIB_HUB_... variable the config reads (its docstring
lists them). The proxy comes from classroom/node_modules (`make proxy`). The
hub runs in the foreground; Ctrl-C stops it and every student's server.
"""
import argparse
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "jupyterhub_config.py"
PROXY_BIN = HERE / "node_modules" / ".bin"

FLAGS = {  # flag: (variable, help)
    "ip": ("NNLIB_HUB_IP", "address students connect to (127.0.0.1: this machine only; "
                           "0.0.0.0: the network)"),
    "port": ("NNLIB_HUB_PORT", "port students connect to (8000)"),
    "dir": ("NNLIB_HUB_DIR", "the hub's state and the students' homes "
                             "(/srv/nnlib-class as root, else ~/nnlib-class)"),
    "course": ("NNLIB_HUB_COURSE", "git repository of the course, URL or local path (this repository)"),
    "branch": ("NNLIB_HUB_BRANCH", "branch of the course (the one its HEAD points to)"),
    "admins": ("NNLIB_HUB_ADMINS", "comma-separated admin users (teacher)"),
    "auth": ("NNLIB_HUB_AUTH", "firstuse (students choose a password on first login) or dummy (tests)"),
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for flag, (_variable, text) in FLAGS.items():
        parser.add_argument(f"--{flag}", help=text)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    env = dict(os.environ, PATH=f"{PROXY_BIN}{os.pathsep}{os.environ.get('PATH', os.defpath)}")
    env.update({variable: str(getattr(args, flag)) for flag, (variable, _text) in FLAGS.items()
                if getattr(args, flag) is not None})
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    env.setdefault("OMP_NUM_THREADS", "1")
    if shutil.which("configurable-http-proxy", path=env["PATH"]) is None:
        sys.exit("The proxy is missing: run `make proxy` (npm installs configurable-http-proxy "
                 "into classroom/node_modules), then start the hub again.")
    ip, port = env.get("NNLIB_HUB_IP", "127.0.0.1"), env.get("NNLIB_HUB_PORT", "8000")
    shown = "<this machine's address>" if ip == "0.0.0.0" else ip
    first = ("choose a user name and a password on your first login (remember it)"
             if env.get("NNLIB_HUB_AUTH", "firstuse") == "firstuse" else "any name, the shared password")
    print(f"JupyterHub for the class: open http://{shown}:{port}/ and log in.\n"
          f"  Students: {first}.\n"
          f"  Teacher: log in as {env.get('NNLIB_HUB_ADMINS', 'teacher').split(',')[0]} for the admin page "
          f"(http://{shown}:{port}/hub/admin).\n  Ctrl-C stops the hub and every student's server.",
          flush=True)
    if os.geteuid() == 0:
        print("  Running as root: every student's server runs as root too (one account for all); "
              "a dedicated user is safer (classroom/README.md).", flush=True)
    jupyterhub = Path(sys.executable).parent / "jupyterhub"
    os.execve(str(jupyterhub), [str(jupyterhub), "-f", str(CONFIG)], env)


if __name__ == "__main__":
    main()
