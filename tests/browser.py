"""A small driver for headless Chromium over the DevTools protocol, for the HTML report tests.

Chromium (Debian's ``chromium`` package; ``AUDITOR_CHROMIUM`` names another binary) is started with
networking kept quiet and a fresh profile; one page is driven through its DevTools websocket
(``websocket-client``). :func:`find_chromium` says why the browser cannot be had, so that tests skip.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
         "--disable-features=Translate,MediaRouter,OptimizationHints", "--remote-debugging-port=0"]
_LISTENING = re.compile(r"DevTools listening on (ws://[^\s]+)")


def find_chromium() -> tuple[str | None, str]:
    """The Chromium binary and the websocket client, or None and the reason they are missing."""
    try:
        import websocket  # noqa: F401
    except ImportError:
        return None, "websocket-client is not installed (pip install '.[test]')"
    for candidate in (os.environ.get("AUDITOR_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate), ""
    return None, "Chromium is not installed (apt-get install chromium; .ci/run does it)"


class BrowserError(RuntimeError):
    pass


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, executable: str, width: int = 1280, height: int = 900):
        self.profile = tempfile.mkdtemp(prefix="auditor-chromium-")
        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.events: list[dict] = []
        self._id = 0
        try:
            self._connect()
        except BaseException:
            self.close()
            raise

    def _connect(self) -> None:
        import websocket

        deadline = time.monotonic() + 60
        browser_url = None
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                if self.process.poll() is not None:
                    raise BrowserError(f"Chromium exited with status {self.process.returncode}")
                continue
            match = _LISTENING.search(line)
            if match:
                browser_url = match.group(1)
                break
        if browser_url is None:
            raise BrowserError("Chromium did not open its DevTools port")
        # keep reading stderr so that Chromium never blocks on a full pipe
        import threading

        threading.Thread(target=lambda: [None for _ in self.process.stderr], daemon=True).start()
        port = browser_url.split("//", 1)[1].split("/", 1)[0]
        targets = []
        for _ in range(50):
            with urllib.request.urlopen(f"http://{port}/json/list", timeout=10) as response:
                targets = [t for t in json.load(response) if t.get("type") == "page"]
            if targets:
                break
            time.sleep(0.1)
        if not targets:
            raise BrowserError("Chromium opened no page")
        self.socket = websocket.create_connection(targets[0]["webSocketDebuggerUrl"], timeout=120,
                                                  suppress_origin=True)
        self.send("Page.enable")
        self.send("Runtime.enable")

    def send(self, method: str, **params) -> dict:
        self._id += 1
        self.socket.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self._id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event: str, timeout: float = 120) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index, message in enumerate(self.events):
                if message.get("method") == event:
                    return self.events.pop(index)
            self.socket.settimeout(max(0.1, deadline - time.monotonic()))
            self.events.append(json.loads(self.socket.recv()))
        raise BrowserError(f"no {event} within {timeout} s")

    def open(self, path: Path, javascript: bool = True) -> None:
        """Load a local file and wait for its load event."""
        self.send("Emulation.setScriptExecutionDisabled", value=not javascript)
        self.events.clear()
        self.send("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def key(self, key: str, code: str | None = None, key_code: int = 0, shift: bool = False) -> None:
        modifiers = 8 if shift else 0
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key=key, code=code or key,
                      windowsVirtualKeyCode=key_code, modifiers=modifiers)

    def screenshot(self, target: Path, width: int = 1280, height: int = 1600) -> None:
        import base64

        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=False)
        data = self.send("Page.captureScreenshot", format="png")["data"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        socket = getattr(self, "socket", None)
        if socket is not None:
            with contextlib.suppress(Exception):  # closing anyway
                socket.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
