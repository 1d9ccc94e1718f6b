"""Page weight in Chromium: bytes transferred for a topic page on first and repeat view.

The built site is served as a production host would: gzip for text, long caching for
/assets/ (file names of Material's bundles carry a hash; ours change rarely), and
revalidation for HTML and JSON. Bytes are Chromium's own count of what crossed the
wire (CDP Network.loadingFinished encodedDataLength), headers included. Requests to
other hosts (stock Material's Google Fonts) are counted as attempts and blocked.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

# Other hosts fail to resolve instead of being intercepted: Playwright's request
# interception would switch off the HTTP cache, and the repeat view measures the cache.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        body = path.read_bytes()
        gzipped = path.suffix in TEXT and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        cache = "public, max-age=31536000" if urlsplit(self.path).path.startswith("/assets/") \
            else "no-cache"
        self.send_header("Cache-Control", cache)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def measure(folder: Path, paths: list[str]) -> dict[str, dict[str, object]]:
    """Per path: first-view and repeat-view bytes, by resource type, and foreign attempts."""
    from playwright.sync_api import sync_playwright

    out: dict[str, dict[str, object]] = {}
    with serve(folder) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for path in paths:
            context = browser.new_context()
            foreign: list[str] = []
            page = context.new_page()
            page.on("request", lambda r, foreign=foreign: foreign.append(r.url)
                    if urlsplit(r.url).hostname != "127.0.0.1" else None)
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            types: dict[str, str] = {}
            sizes: dict[str, int] = {}
            cdp.on("Network.responseReceived", lambda e, types=types: types.__setitem__(
                e["requestId"], e.get("type", "Other")))
            cdp.on("Network.loadingFinished", lambda e, sizes=sizes: sizes.__setitem__(
                e["requestId"], int(e["encodedDataLength"])))
            views = {}
            for view in ("first", "repeat"):
                sizes.clear()
                page.goto(base + path, wait_until="networkidle")
                page.wait_for_timeout(300)
                by_type: dict[str, int] = {}
                for request, size in sizes.items():
                    kind = types.get(request, "Other")
                    by_type[kind] = by_type.get(kind, 0) + size
                views[view] = {"bytes": sum(sizes.values()), "by_type": by_type}
            out[path] = {**views, "foreign_attempts": sorted(set(foreign))}
            context.close()
        browser.close()
    return out
