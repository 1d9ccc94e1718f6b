"""Playwright driving Debian's Chromium, and a static server for a built site.

We never download a browser: Playwright from PyPI launches /usr/bin/chromium.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from klarinfo.safety import headers as security_headers

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    rules: list = []  # (pattern, headers) from a _headers file, see klarinfo.safety.headers

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        for name, value in security_headers.match(self.rules, urlsplit(self.path).path):
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's own 404.html, as Netlify, Cloudflare Pages and
        our nginx snippet serve it (with the headers of the requested path)."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve(directory: Path, port: int = 0, headers_file: Path | None = None) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (at a free port unless given); yields the base URL.
    With ``headers_file``, every response carries the headers that file (``_headers``
    format, as we deploy it) gives its path."""
    rules = security_headers.parse_headers_file(headers_file.read_text(encoding="utf-8")) \
        if headers_file else []
    handler_class = type("Handler", (_QuietHandler,), {"rules": rules})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class RequestLog:
    """Every request a page makes; requests to other hosts are recorded, then blocked."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def attach(self, context) -> None:  # playwright BrowserContext
        def handle(route) -> None:
            url = route.request.url
            self.urls.append(url)
            host = urlsplit(url).hostname
            if url.startswith("data:") or host == "127.0.0.1":
                route.continue_()
            else:
                route.abort()

        context.route("**/*", handle)

    def foreign(self) -> list[str]:
        return [u for u in self.urls
                if not u.startswith("data:") and urlsplit(u).hostname != "127.0.0.1"]


def run_axe(page) -> list[dict]:
    """axe-core violations of WCAG 2.2 A/AA and best-practice rules on the loaded page.

    Waits for running CSS transitions first: a menu fading out is half-transparent
    for a moment, and axe would measure the contrast of that frame.
    """
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {targets}")
    return "\n".join(lines)
