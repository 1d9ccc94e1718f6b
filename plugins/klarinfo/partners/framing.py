"""Who may show our pages in a frame: main pages only we; embed views we and our partners.

Why: a page about violence shown inside an unknown site could be dressed up or
watched; partners we list in mkdocs.yml (``partners:``) may frame the embed views
only. The headers that carry this policy (``frame-ancestors`` in the
Content-Security-Policy) are written by :mod:`klarinfo.safety.headers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EMBED_PREFIX = "/embed/"
#: The partner's script (klarinfo.partners.snippet), loaded with SRI from other origins:
#: served with ``Access-Control-Allow-Origin: *`` (klarinfo.safety.headers).
EMBED_SCRIPT = "/embed.js"
# an origin, or a CSP host wildcard: "https://*.example.se" is every subdomain of
# example.se (www. included) but not example.se itself
_ORIGIN = re.compile(r"^https?://(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$")


def check_partners(partners: Iterable[str]) -> list[str]:
    """Problems with the partner list: each entry must be an origin, not a page URL.

    A browser compares origins exactly: ``https://www.example.se`` does not admit
    ``https://example.se``. A partner that serves both lists both (or the bare host and
    ``https://*.example.se``); we never add the other form ourselves, because a host with
    and without ``www.`` can belong to different owners."""
    return [f"partners: {p!r} is not an origin — write scheme and host only, e.g. "
            "https://www.informationsverige.se (and https://informationsverige.se too "
            "if the site answers there)" for p in partners if not _ORIGIN.match(p)]
