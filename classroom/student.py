"""A simulated student on the class's JupyterHub, speaking the browser's protocols.

`Student` logs in through the hub's login form, starts their server through
the hub's REST API (as the "Start My Server" button does), opens a
notebook's kernel and speaks the Jupyter kernel protocol over the websocket
JupyterLab uses (/user/<name>/api/kernels/<id>/channels, through the proxy):
it runs code cells, and moves a slider by sending the ipywidgets message a
slider sends ({"method": "update", "state": {"value": v}}), timing until the
figure's reply (its FigureView's patch message) comes back. `hub` is a
testhub.TestHub (or anything with `url` and `password`).
"""
from __future__ import annotations

import asyncio
import json
import struct
import time
import uuid
from typing import TYPE_CHECKING
from http.cookies import SimpleCookie
from urllib.parse import quote, urlencode

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

if TYPE_CHECKING:                        # for the annotation only: testhub is beside this file
    from testhub import TestHub

AsyncHTTPClient.configure(None, max_clients=200)   # twenty students at once, not ten


def decode_frame(frame) -> dict | None:
    """A kernel websocket frame (legacy protocol: JSON text, or binary with buffers) as a message."""
    try:
        if isinstance(frame, str):
            return json.loads(frame)
        count = struct.unpack("!I", frame[:4])[0]
        offsets = struct.unpack(f"!{count}I", frame[4:4 + 4 * count])
        end = offsets[1] if count > 1 else len(frame)
        return json.loads(frame[offsets[0]:end])
    except (ValueError, struct.error):
        return None


class Student:
    """One simulated student: hub login, own server, one notebook's kernel over its websocket."""

    def __init__(self, hub: TestHub, name: str):
        self.hub, self.name = hub, name
        self.cookies: dict[str, str] = {}
        self.token = ""
        self.session = uuid.uuid4().hex
        self.ws = None
        self.errors: list[str] = []
        self.widgets: dict[str, dict] = {}         # comm id -> {"parent": msg id, "state": ...}
        self.waiting: dict[str, asyncio.Future] = {}
        self.reader: asyncio.Task | None = None

    # -- HTTP, as the browser (cookies, xsrf) or with the student's token ---
    async def fetch(self, path, method="GET", body=None, form=None, timeout=120):
        headers = {"X-XSRFToken": self.cookies.get("_xsrf", ""),
                   "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if self.token and path.startswith("/user/"):
            headers = {"Authorization": f"token {self.token}"}
        if form is not None:
            body, headers["Content-Type"] = urlencode(form), "application/x-www-form-urlencoded"
        elif body is not None:
            body, headers["Content-Type"] = json.dumps(body), "application/json"
        request = HTTPRequest(self.hub.url + path, method=method, body=body, headers=headers,
                              follow_redirects=False, request_timeout=timeout)
        response = await AsyncHTTPClient().fetch(request, raise_error=False)
        for header in response.headers.get_list("Set-Cookie"):
            self.cookies.update({k: m.value for k, m in SimpleCookie(header).items()})
        if response.code >= 400 or response.code == 599:
            raise HTTPClientError(response.code, f"{method} {path}: {response.body[:300]!r}", response)
        if "json" in response.headers.get("Content-Type", "") and response.body:
            return json.loads(response.body)
        return response

    async def log_in(self) -> None:
        """The login form, with the shared password: the hub answers with a redirect and a cookie."""
        await self.fetch("/hub/login")
        answer = await self.fetch("/hub/login", "POST", form={
            "username": self.name, "password": self.hub.password, "_xsrf": self.cookies.get("_xsrf", "")})
        if answer.code != 302 or not any(k.startswith("jupyterhub-") for k in self.cookies):
            raise RuntimeError(f"{self.name}: login refused (HTTP {answer.code})")

    async def start_server(self, timeout=240) -> None:
        """Start the student's server (the course is pulled first) and wait until it is ready."""
        await self.fetch(f"/hub/api/users/{self.name}/server", "POST", body={})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            user = await self.fetch(f"/hub/api/users/{self.name}")
            if (user.get("servers") or {}).get("", {}).get("ready"):
                break
            await asyncio.sleep(0.5)
        else:
            raise TimeoutError(f"{self.name}: server not ready after {timeout} s")
        answer = await self.fetch(f"/hub/api/users/{self.name}/tokens", "POST",
                                  body={"note": "simulated student", "expires_in": 7200})
        self.token = answer["token"]

    async def stop_server(self) -> None:
        """Stop the student's server (as the hub's "Stop My Server" does) and wait until it is gone."""
        await self.fetch(f"/hub/api/users/{self.name}/server", "DELETE")
        for _ in range(240):
            if not (await self.fetch(f"/hub/api/users/{self.name}")).get("servers"):
                return
            await asyncio.sleep(0.5)
        raise TimeoutError(f"{self.name}: server still running 120 s after stop")

    async def save_notebook(self, path: str, notebook: dict) -> None:
        """Save a notebook into the student's copy, as JupyterLab's save does."""
        await self.fetch(f"/user/{self.name}/api/contents/{quote(path)}", "PUT",
                         body={"type": "notebook", "format": "json", "content": notebook})

    async def read_notebook(self, path: str) -> dict:
        """A notebook from the student's own copy of the course (their server's contents API)."""
        answer = await self.fetch(f"/user/{self.name}/api/contents/{quote(path)}?content=1")
        return answer["content"]

    # -- the kernel, over its websocket ---------------------------------------
    async def open_kernel(self, path: str) -> str:
        """Start the notebook's kernel (as opening it in JupyterLab does) and connect its channels."""
        answer = await self.fetch(f"/user/{self.name}/api/sessions", "POST", body={
            "path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}})
        kernel = answer["kernel"]["id"]
        url = self.hub.url.replace("http", "ws") + f"/user/{self.name}/api/kernels/{kernel}/channels"
        request = HTTPRequest(f"{url}?session_id={self.session}",
                              headers={"Authorization": f"token {self.token}"}, request_timeout=60)
        self.ws = await websocket_connect(request, max_message_size=64 * 2**20)
        self.reader = asyncio.ensure_future(self._read())
        return kernel

    async def _read(self) -> None:
        while True:
            frame = await self.ws.read_message()
            if frame is None:
                return
            message = decode_frame(frame)
            if message:
                self._on_message(message)

    def _on_message(self, message: dict) -> None:
        kind, parent = message["header"].get("msg_type"), message["parent_header"].get("msg_id")
        content = message.get("content", {})
        if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            self.widgets[content["comm_id"]] = {"parent": parent, "state": content["data"].get("state", {})}
        elif kind == "error":
            self.errors.append(f"{content.get('ename')}: {content.get('evalue')}")
        waiter = self.waiting.get(parent)
        if waiter is None or waiter.done():
            return
        if kind == "stream":
            waiter.out.append(content.get("text", ""))
        if kind == "comm_msg" and content.get("comm_id") == waiter.comm:
            waiter.set_result(message)
        # A cell is done when both its reply and the kernel's idle (after all its outputs) are in.
        if kind == "execute_reply" or (kind == "status" and content.get("execution_state") == "idle"):
            waiter.seen[kind] = content
            if len(waiter.seen) == 2:
                waiter.set_result(waiter.seen["execute_reply"])

    def send(self, msg_type: str, content: dict, comm: str | None = None) -> asyncio.Future:
        """Send a shell message; the future gets its execute_reply, or the `comm`'s first message."""
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "session": self.session, "username": self.name,
                  "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        waiter = asyncio.get_running_loop().create_future()
        waiter.comm, waiter.seen, waiter.msg_id, waiter.out = comm, {}, msg_id, []
        self.waiting[msg_id] = waiter
        self.ws.write_message(json.dumps({"header": header, "parent_header": {}, "metadata": {},
                                          "content": content, "channel": "shell", "buffers": []}))
        return waiter

    async def execute(self, code: str, timeout=120) -> tuple[str, dict]:
        """Run one cell: its message id and its reply's content (status "ok" or "error"),
        with what it printed under "stdout"."""
        waiter = self.send("execute_request", {"code": code, "silent": False, "store_history": True,
                                               "user_expressions": {}, "allow_stdin": False})
        try:
            reply = await asyncio.wait_for(waiter, timeout)
        finally:
            self.waiting.pop(waiter.msg_id, None)
        return waiter.msg_id, dict(reply, stdout="".join(waiter.out))

    def widget(self, cell_msg: str, model: str, description: str | None = None) -> str:
        """The comm id of the widget `model` (e.g. "IntSliderModel") a cell's execution opened."""
        for comm, info in self.widgets.items():
            state = info["state"]
            if info["parent"] == cell_msg and state.get("_model_name") == model and \
                    description in (None, state.get("description")):
                return comm
        raise LookupError(f"{self.name}: no {model} {description or ''} in that cell")

    async def move_slider(self, slider: str, figure: str, value, timeout=30) -> float:
        """Set the slider as the browser does; seconds until the figure's patch arrives."""
        start = time.perf_counter()
        waiter = self.send("comm_msg", {"comm_id": slider, "data": {
            "method": "update", "state": {"value": value}, "buffer_paths": []}}, comm=figure)
        try:
            await asyncio.wait_for(waiter, timeout)
        finally:
            self.waiting.pop(waiter.msg_id, None)
        return time.perf_counter() - start

    async def close(self) -> None:
        if self.ws is not None:
            self.ws.close()
        if self.reader is not None:
            self.reader.cancel()
