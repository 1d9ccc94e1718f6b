"""Links between the editions of one page: hreflang annotations and the language switcher.

Search engines need absolute URLs and an ``x-default``; Material writes relative
links and none. hreflang may only carry real language tags, so an edition
without one (easy-read Swedish) is left out of the annotations but kept in the
switcher, where people choose it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

from klarinfo.editions.edition import Edition


@dataclass(frozen=True)
class Alternate:
    """This page in one edition."""

    edition: Edition
    url: str  # site-relative, as MkDocs gives it ('' or 'en/page/')
    translated: bool  # False when the edition falls back to the Swedish page


def absolute(site_url: str, url: str) -> str:
    """Absolute URL of a site-relative page URL."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, url.lstrip("/") if url not in ("", ".", "./") else "")


def hreflang_links(
    site_url: str, alternates: Iterable[Alternate], current: Edition
) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) pairs for real translations, plus x-default.

    A fallback (Swedish text served under another edition's URL) is not a
    translation, so it is never announced as one. A page of an edition without
    an hreflang (easy-read) is not part of the cluster, and hreflang clusters
    must be reciprocal, so it announces none.
    """
    if not current.hreflang:
        return []
    links: list[tuple[str, str]] = []
    default_url: str | None = None
    for alt in alternates:
        if alt.edition.default:
            default_url = absolute(site_url, alt.url)
        if alt.translated and alt.edition.hreflang:
            links.append((alt.edition.hreflang, absolute(site_url, alt.url)))
    if default_url is not None:
        links.append(("x-default", default_url))
    return links

