"""Settings in mkdocs.yml that name something: an edition, a page, the site's address.

Why: MkDocs checks an option's type, not what it names. ``easy_read: [sv-lat]``,
readability limits for an edition that does not exist and a leaflet of a page that
does not exist passed silently (the easy-read rules and the limits applied to nothing;
``make leaflets`` printed "No leaflet" and exited 0), and a build without ``site_url``
wrote relative embed snippets, a sitemap of ``<loc>/</loc>`` and an oEmbed response
with no provider. Each is a finding at its line of mkdocs.yml.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from klarinfo.base.errors import Finding


def line_of(text: str, key: str, value: str | None = None) -> int:
    """The line of ``key:`` in mkdocs.yml (``value``: the line naming it from there on)."""
    rows = text.split("\n")
    start = next((i for i, row in enumerate(rows) if re.match(rf"\s*-?\s*{re.escape(key)}:",
                                                              row)), 0)
    if value is not None:
        word = re.compile(rf"(?<![\w-]){re.escape(value)}(?![\w-])")
        start = next((i for i in range(start, len(rows)) if word.search(rows[i])), start)
    return start + 1


def _closest(name: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(options), n=1)
    return f"did you mean '{close[0]}'? " if close else ""


def unknown_editions(option: str, names: Iterable[str], editions: list[str], text: str,
                     shown: str = "mkdocs.yml") -> list[Finding]:
    """A finding for each name under ``option`` that is not an edition."""
    return [Finding(shown, line_of(text, option, name),
                    f"'{option}' names '{name}', which is not an edition, so its settings "
                    "apply to nothing",
                    f"{_closest(name, editions)}the editions are: {', '.join(editions)}")
            for name in names if name not in editions]


def missing_leaflets(pages: Iterable[str], source_folder: Path, text: str,
                     shown: str = "mkdocs.yml") -> list[Finding]:
    """A finding for each leaflet whose Swedish page does not exist."""
    have = sorted(p.stem for p in source_folder.glob("*.md"))
    return [Finding(shown, line_of(text, "leaflets", page),
                    f"the leaflet '{page}' has no page {source_folder.name}/{page}.md, so "
                    "make leaflets would make none", f"{_closest(page, have)}list pages "
                    "that exist (the file name without .md)")
            for page in pages if page not in have]


def site_url(url: str | None, text: str, shown: str = "mkdocs.yml") -> list[Finding]:
    """A finding when the site's own address is missing."""
    if url:
        return []
    return [Finding(shown, line_of(text, "site_url"), "site_url is not set: embed snippets "
                    "and feeds would hold relative addresses, the sitemap '/' and oEmbed no "
                    "provider", "set site_url: https://… (the published address) in "
                    "mkdocs.yml, or KLARINFO_SITE_URL")]
