"""Headless Chromium driven over the Chrome DevTools Protocol, for the quality gates.

Debian's ``chromium`` is started with ``--remote-debugging-port=0`` and spoken to
over one websocket (``websocket-client``); no browser is downloaded. For each page
it records every network request the page makes, then injects axe-core from
node_modules (``npm ci``) and runs it.

Also here: a static file server on 127.0.0.1 for a built site, so every request
a page makes can be checked against the site's own origin.
"""

from __future__ import annotations

import functools
import http.server
import itertools
import json
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
    # A request to any other host is still recorded, but fails at once instead of
    # waiting for DNS or a connection: names do not resolve, and everything but
    # loopback goes to a proxy on a closed local port.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=127.0.0.1",
]


def chromium_path() -> str | None:
    # Debian's chromium here; GitHub's Ubuntu runners ship Google Chrome, which
    # speaks the same DevTools protocol.
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_tools() -> str | None:
    """Why the browser gates cannot run here, or None when they can."""
    if chromium_path() is None:
        return "chromium is not installed (make quality installs it with apt-get; CI does)"
    if not AXE.is_file():
        return "node_modules/axe-core is missing (run npm ci; make quality does)"
    try:
        import websocket  # noqa: F401
    except ImportError:  # pragma: no cover - pinned in requirements-test.txt
        return "the Python package websocket-client is missing"
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


class SiteServer:
    """Serves a built site on 127.0.0.1 at a free port, in a thread."""

    def __init__(self, site: Path):
        handler = functools.partial(_QuietHandler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.origin = f"http://{self.host}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@dataclass
class PageResult:
    url: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "status url" or "error url"
    violations: list[dict] = field(default_factory=list)
    # What the tests read from the page during the same visit (DOM, layout), per window
    # width in px: {1280: {"name": value}}.
    read: dict[int, dict] = field(default_factory=dict)


class Chromium:
    """One headless Chromium with one tab, reused for every page."""

    def __init__(self, timeout: float = 30.0):
        import websocket

        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="finsam-chromium-")
        exe = chromium_path()
        if exe is None:
            raise RuntimeError(missing_tools())
        self.proc = subprocess.Popen(
            [exe, *CHROMIUM_FLAGS, "--remote-debugging-port=0", f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not port_file.is_file() or len(port_file.read_text().splitlines()) < 2:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise RuntimeError("chromium did not start")
            time.sleep(0.05)
        port, browser_path = port_file.read_text().splitlines()[:2]
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{browser_path}", timeout=timeout)
        self._ids = itertools.count(1)
        self.events: list[dict] = []
        self._last_event = time.monotonic()
        target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self._send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable")
        self.send("Network.enable")
        self.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self._axe_source = AXE.read_text(encoding="utf-8") if AXE.is_file() else None

    # -- protocol ------------------------------------------------------
    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        msg_id = next(self._ids)
        msg: dict = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._record(reply)

    def send(self, method: str, params: dict | None = None) -> dict:
        return self._send(method, params, self.session)

    def _record(self, event: dict) -> None:
        self.events.append(event)
        self._last_event = time.monotonic()

    def _wait_for(self, method: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == method for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {self.timeout} s for {method}")
            self._record(json.loads(self.ws.recv()))

    def _drain(self, quiet: float) -> None:
        """Collect events until none has arrived for ``quiet`` seconds (counting from
        the last event already collected, which may be while a script ran)."""
        try:
            while True:
                # A minimal wait still reads an event that is already waiting.
                self.ws.settimeout(max(quiet - (time.monotonic() - self._last_event), 0.001))
                self._record(json.loads(self.ws.recv()))
        except Exception:  # websocket timeout: the page is quiet
            pass
        finally:
            self.ws.settimeout(self.timeout)

    # -- pages ---------------------------------------------------------
    def load(self, url: str, quiet: float = 0.3, then=None) -> PageResult:
        """Open ``url``; record every request the page made until it fell quiet.

        ``then(result)``, if given, runs on the page as soon as it has loaded (axe,
        DOM checks), while requests are still recorded: the page is watched until
        ``then`` has ended and ``quiet`` seconds have passed without an event, so the
        wait for quiet overlaps the checks and never ends sooner than without them."""
        self.events = []
        self.send("Page.navigate", {"url": url})
        self._wait_for("Page.loadEventFired")
        self._last_event = time.monotonic()  # the quiet is counted from the load at the earliest
        result = PageResult(url)
        if then is not None:
            then(result)
        self._drain(quiet)
        for e in self.events:
            params = e.get("params", {})
            if e.get("method") == "Network.requestWillBeSent":
                result.requests.append(params["request"]["url"])
            elif e.get("method") == "Network.responseReceived" and params["response"]["status"] >= 400:
                result.failed.append(f"{params['response']['status']} {params['response']['url']}")
            elif e.get("method") == "Network.loadingFailed" and not params.get("canceled"):
                result.failed.append(f"{params.get('errorText')} ({params.get('type')})")
        return result

    def axe(self, tags: list[str] = WCAG_TAGS) -> list[dict]:
        """Run axe-core on the open page; its violations (rule, impact, targets)."""
        if self._axe_source is None:
            raise RuntimeError(missing_tools())
        self.evaluate(self._axe_source)
        options = {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}
        script = (
            f"axe.run(document, {json.dumps(options)}).then(r => r.violations.map(v => ({{"
            "id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))"
            "})))"
        )
        return self.evaluate(script, await_promise=True)

    def evaluate(self, expression: str, await_promise: bool = False):
        reply = self.send(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": await_promise, "returnByValue": True},
        )
        if "exceptionDetails" in reply:
            raise RuntimeError(f"script failed: {reply['exceptionDetails'].get('text')}")
        return reply.get("result", {}).get("value")

    def close(self) -> None:
        try:
            getattr(self, "ws", None) and self.ws.close()
        except Exception:
            pass
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths (``om/`` for om/index.html)."""
    from sitelinks import html_pages

    out = []
    for path in html_pages(site):
        rel = path.relative_to(site).as_posix()
        out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return out
