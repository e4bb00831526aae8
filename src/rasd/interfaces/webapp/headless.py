"""A minimal headless Chromium driver over the DevTools pipe: the browser tests and the screenshots use it.

Chromium started with ``--remote-debugging-pipe`` reads DevTools commands from file
descriptor 3 and writes replies and events to 4, as NUL-terminated JSON. That needs no
WebDriver binary (Debian's ``chromium`` package is enough), no WebSocket client and no
open port. Only the few commands the tests need are wrapped: open a page and wait for it
to load, evaluate JavaScript, click, read console errors, take a screenshot.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--remote-debugging-pipe", "--lang=ar")  # fmt: skip


def find_chromium() -> str | None:
    """Debian's ``chromium`` (or ``chromium-browser``), if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class BrowserError(RuntimeError):
    pass


class Browser:
    """One headless Chromium with one tab. Use as a context manager; ``timeout`` bounds each wait."""

    def __init__(self, chromium: str | None = None, width: int = 1280, height: int = 900,
                 timeout: float = 30.0) -> None:  # fmt: skip
        exe = chromium or find_chromium()
        if exe is None:
            raise BrowserError("chromium is not installed")
        self.timeout = timeout
        self.width, self.height = width, height
        self.errors: list[str] = []  # console errors, uncaught exceptions, CSP reports
        self._profile = tempfile.TemporaryDirectory(prefix="rasd-chromium-")
        to_child_r, self._w = os.pipe()
        self._r, from_child_w = os.pipe()

        def wire() -> None:  # in the child: our pipes become its fds 3 and 4
            a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)  # out of the way of 3 and 4 first
            b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [exe, *FLAGS, f"--user-data-dir={self._profile.name}", f"--window-size={width},{height}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=wire,  # set up by wire(), which runs before other fds are closed
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._id = 0
        self._events: list[dict[str, Any]] = []
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self._metrics(width, height)

    # ------------------------------------------------------------------ protocol

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._r], [], [], left)[0]:
                raise BrowserError("chromium did not answer in time")
            chunk = os.read(self._r, 1 << 16)
            if not chunk:
                raise BrowserError("chromium closed the pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        msg: dict[str, Any] = json.loads(raw)
        if "method" in msg:
            self._note(msg)
        return msg

    def _note(self, msg: dict[str, Any]) -> None:
        m, p = msg["method"], msg.get("params", {})
        if m == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            self.errors.append("exception: " + str(d.get("exception", {}).get("description") or d.get("text")))
        elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            self.errors.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in p.get("args", [])))
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            self.errors.append("log: " + str(p["entry"].get("text")))
        self._events.append(msg)

    def _call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._w, json.dumps(msg).encode("utf-8") + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def call(self, method: str, params: dict[str, Any] | None = None) -> Any:
        """A DevTools command on the tab."""
        return self._call(method, params, self.session)

    def wait_event(self, method: str) -> dict[str, Any]:
        """The next event ``method`` (events already received count)."""
        deadline = time.monotonic() + self.timeout
        while True:
            for i, ev in enumerate(self._events):
                if ev.get("method") == method:
                    del self._events[: i + 1]
                    return ev
            self._events.clear()
            self._read(deadline)

    # ------------------------------------------------------------------ actions

    def goto(self, url: str) -> None:
        """Open ``url`` and wait for its load event."""
        self._events.clear()
        res = self.call("Page.navigate", {"url": url})
        if res.get("errorText"):
            raise BrowserError(f"{url}: {res['errorText']}")
        self.wait_event("Page.loadEventFired")

    def eval(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        res = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in res:
            raise BrowserError(f"{expression[:80]}: {res['exceptionDetails'].get('text')}")
        return res.get("result", {}).get("value")

    def click(self, selector: str, navigates: bool = False) -> None:
        """Click the first element matching ``selector``; wait for the next page when it navigates."""
        self._events.clear()
        ok = self.eval(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return false; "
                       "e.click(); return true; })()")  # fmt: skip
        if not ok:
            raise BrowserError(f"nothing matches {selector!r} on {self.eval('location.href')}")
        if navigates:
            self.wait_event("Page.loadEventFired")

    def screenshot(self, path: Path, full_page: bool = True) -> None:
        """A PNG of the page: the viewport, or (``full_page``) all of it up to 8,000 px tall,
        taken by making the viewport as tall as the page for the shot."""
        if full_page:
            height = int(self.eval("Math.ceil(document.documentElement.scrollHeight)") or self.height)
            self._metrics(self.width, min(max(height, self.height), 8000))
        try:
            data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        finally:
            if full_page:
                self._metrics(self.width, self.height)
        Path(path).write_bytes(base64.b64decode(data))

    def _metrics(self, width: int, height: int) -> None:
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})  # fmt: skip

    def close(self) -> None:
        try:
            self._call("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        for fd in (self._r, self._w):
            try:
                os.close(fd)
            except OSError:
                pass
        self._profile.cleanup()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
