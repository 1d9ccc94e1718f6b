"""What WeasyPrint may read while it renders a leaflet: the built site's files, and
images given inline as ``data:`` URIs. Nothing else.

Why: a leaflet is a public PDF made on the build machine. WeasyPrint's own fetcher reads
any ``file:`` URL, and a ``<a rel=attachment>`` or ``<link rel=attachment>`` embeds what it
reads into the PDF: one line of hostile HTML reaching a page put the build machine's
environment (``/proc/self/environ``) and ``/etc/passwd`` into a leaflet (issue #29). The
page's HTML net keeps such markup out of pages; this fetcher holds even when it fails.

- ``file:``: only a file whose real path (symlinks and ``..`` resolved) is inside the
  site folder; it is opened by that real path, so what was checked is what is read.
- ``data:``: only images (``IMAGE_TYPES``). SVG is among them because the leaflet's own QR
  code is an SVG data URI (``compose.qr_svg``); whatever an SVG asks for in turn comes
  back through this fetcher.
- everything else (``http:``, ``https:``, ``ftp:`` …): refused. A leaflet must not make
  the build call out (privacy, reproducible leaflets).

A refusal raises :class:`Refused`; WeasyPrint treats it as a failed fetch (a warning,
nothing embedded) and the fetcher keeps it in ``refused`` so the build can fail naming
the page. Imports WeasyPrint: only the leaflet build uses this module.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

#: ``data:`` media types a leaflet may carry: raster images and SVG (the QR code).
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp",
                         "image/svg+xml"})


class Refused(ValueError):
    """A URL the leaflet may not read; the message says what and why."""


class SiteFetcher(URLFetcher):
    """A WeasyPrint ``url_fetcher`` that serves only files inside ``site`` and ``data:``
    images. ``refused`` lists every refusal (``"url: why"``) since the last ``clear()``."""

    def __init__(self, site: Path) -> None:
        # allowed_protocols is a second lock: should fetch() below ever hand a URL to
        # the parent, no scheme but these two could be opened there either.
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.root = Path(site).resolve(strict=True)
        self.refused: list[str] = []

    def clear(self) -> list[str]:
        """The refusals so far, forgetting them (one leaflet's worth at a time)."""
        refused, self.refused = self.refused, []
        return refused

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        try:
            return self._fetch(url, headers)
        except Refused as err:
            self.refused.append(f"{_short(url)}: {err}")
            raise

    def _fetch(self, url: str, headers: dict | None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
        if scheme == "file":
            return self._file(url)
        if scheme == "data":
            media = url[5:].split(",", 1)[0].split(";", 1)[0].strip().lower()
            if media not in IMAGE_TYPES:
                raise Refused(f"a data: URI of type {media or 'text/plain'}; a leaflet "
                              f"takes inline images only ({', '.join(sorted(IMAGE_TYPES))})")
            return super().fetch(url, headers)
        raise Refused(f"{scheme or 'a relative'} URL; a leaflet reads only files of the "
                      "built site (no network, no other files)")

    def _file(self, url: str) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise Refused(f"a file on another host ({parts.netloc})")
        try:  # the real path: symlinks and ".." resolved, as open() would follow them
            path = Path(unquote(parts.path)).resolve()
        except (OSError, ValueError, RuntimeError) as err:  # a loop, a NUL byte
            raise Refused(f"a path that does not resolve ({err})") from err
        if not path.is_relative_to(self.root):
            raise Refused(f"a file outside the built site ({path})")
        if not path.is_file():  # a broken image of the site: WeasyPrint warns, as before
            raise FileNotFoundError(f"no such file in the site: {path}")
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url.split("?", 1)[0].split("#", 1)[0], path.read_bytes(),
                                  {"Content-Type": media})


def _short(url: str) -> str:
    """The URL as a finding shows it: a data: URI cut after its header."""
    return url if len(url) <= 100 else url[:97] + "…"
