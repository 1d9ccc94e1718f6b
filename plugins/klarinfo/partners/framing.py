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
_ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:\d+)?$")


def check_partners(partners: Iterable[str]) -> list[str]:
    """Problems with the partner list: each entry must be an origin, not a page URL."""
    return [f"partners: {p!r} is not an origin — write scheme and host only, e.g. "
            "https://www.informationsverige.se" for p in partners if not _ORIGIN.match(p)]
