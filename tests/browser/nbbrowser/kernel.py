"""Listen to the kernel's messages as the page receives them over its websocket.

The page is the learner's front end; this only reads the frames it gets, so
the harness knows when the kernel is busy or idle, and sees every error the
kernel reports, including those raised inside widget callbacks (JupyterLab
shows these only in its log console, never in a cell).
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def decode_frame(frame) -> dict | None:
    """One websocket frame as {channel, header, parent_header, content}.

    Handles both the legacy JSON protocol and the binary
    v1.kernel.websocket.jupyter.org protocol of jupyter_server 2.
    """
    try:
        if isinstance(frame, str):
            message = json.loads(frame)
            return {key: message.get(key) or {} for key in ("channel", "header", "parent_header", "content")}
        count = int.from_bytes(frame[:8], "little")
        offsets = [int.from_bytes(frame[8 * (i + 1): 8 * (i + 2)], "little") for i in range(count)]
        channel = frame[offsets[0]:offsets[1]].decode()
        header, parent, _metadata, content = (json.loads(frame[offsets[i]:offsets[i + 1]]) for i in range(1, 5))
        return {"channel": channel, "header": header, "parent_header": parent, "content": content}
    except (ValueError, IndexError, UnicodeDecodeError):
        return None


@dataclass
class KernelError:
    """An `error` message: where it came from and what it said."""

    origin: str  # "cell" (execute_request) or "widget callback" (comm_msg) or the parent's type
    ename: str
    evalue: str
    traceback: str

    def __str__(self) -> str:
        return f"{self.origin} raised {self.ename}: {self.evalue}\n{self.traceback}"


@dataclass
class KernelWatch:
    """Kernel status and errors seen by one page (all its kernel websockets)."""

    status: str = "unknown"
    last_message: float = field(default_factory=time.monotonic)
    busy_times: list[float] = field(default_factory=list)
    errors: list[KernelError] = field(default_factory=list)
    executed: int = 0
    _seen: set = field(default_factory=set)

    def attach(self, page) -> "KernelWatch":
        page.on("websocket", self._on_websocket)
        return self

    def _on_websocket(self, websocket) -> None:
        if "/api/kernels/" in websocket.url and "/channels" in websocket.url:
            websocket.on("framereceived", self._on_frame)

    def _on_frame(self, frame) -> None:
        message = decode_frame(frame)
        if not message or message["channel"] != "iopub":
            return
        msg_id = message["header"].get("msg_id")
        if msg_id in self._seen:  # the page may hold several connections to one kernel
            return
        self._seen.add(msg_id)
        self.last_message = time.monotonic()
        kind = message["header"].get("msg_type")
        if kind == "status":
            self.status = message["content"].get("execution_state", "unknown")
            if self.status == "busy":
                self.busy_times.append(self.last_message)
        elif kind == "execute_input":
            self.executed += 1
        elif kind == "error":
            self.errors.append(self._error(message))

    @staticmethod
    def _error(message) -> KernelError:
        content = message["content"]
        parent = message["parent_header"].get("msg_type", "")
        origin = {"execute_request": "cell", "comm_msg": "widget callback"}.get(parent, parent or "kernel")
        traceback = ANSI.sub("", "\n".join(content.get("traceback", [])))
        return KernelError(origin, content.get("ename", "?"), content.get("evalue", ""), traceback)

    def busy_since(self, moment: float) -> bool:
        """Whether the kernel started any work at or after `moment`."""
        return any(t >= moment for t in self.busy_times)

    def quiet_for(self, seconds: float) -> bool:
        """Idle, with no kernel message for `seconds`."""
        return self.status == "idle" and time.monotonic() - self.last_message >= seconds
