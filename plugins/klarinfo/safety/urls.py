"""What a URL in a page would make a browser do, however it is spelled.

Why: browsers ignore entities, tabs and control characters inside a scheme
(``java&#115;cript:``, ``java\tscript:``), so a check that reads the text as written
misses what the browser runs; and a page that loads an image from another host tells
that host who reads about violence (the privacy promise: a reader's phone calls no
other host), while a link there is the reader's own choice.
"""

from __future__ import annotations

import re
from html import unescape

_DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file):", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
# A scheme (letters, then ':') or a protocol-relative '//' (backslashes count as '/').
_OTHER_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|[/\\]{2})", re.I)


def _as_browser_reads(url: str) -> str:
    return _INVISIBLE.sub("", unescape(url))


def dangerous_url(url: str) -> bool:
    """True if a link target would run script or embed a document."""
    return bool(_DANGEROUS_SCHEME.match(_as_browser_reads(url)))


def foreign_url(url: str) -> bool:
    """True if fetching ``url`` (or any candidate of a ``srcset``) would leave our origin
    or read a local file: only relative addresses (paths) stay on our site."""
    return any(_OTHER_HOST.match(_as_browser_reads(part.strip()))
               for part in url.split(",") if part.strip())
