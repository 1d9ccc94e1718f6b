"""A JSON Feed 1.1 per edition (``feed/<edition>.json``): every page, readable in a reader.

Why: partners and feed readers list our pages and show them without a frame. JSON Feed
1.1 (jsonfeed.org/version/1.1) requires ``content_html`` or ``content_text`` in every
item — without either, libraries such as pyjsonfeed fail on the whole feed. So each item
carries the article as the embed view shows it (honest-labelling notices first), with
absolute URLs: a reader shows it on another origin, where our relative links would
break. The content is the page after klarinfo/safety's HTML net, so it holds no script.

Our own fields sit in the ``_klarinfo`` extension object (the spec reserves keys starting
with ``_`` for extensions); their meaning is in ``schemas/feed.schema.json``, published at
``feed/schema.json``. Served as ``application/feed+json`` where the headers are ours
(``_headers``, the nginx snippet, ``make site``): :data:`FEED_TYPE`, :func:`feed_path`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin

from klarinfo.base.html_rewrite import Attributes, Rewriter
from klarinfo.partners.embed import (
    JSON_FEED,
    EmbedPage,
    embed_url,
    extension,
    oembed_url,
)

#: The media type of JSON Feed (jsonfeed.org/version/1.1, "MIME type").
FEED_TYPE = "application/feed+json"
#: Attributes holding a URL in our pages' HTML (SVG's ``xlink:href`` included).
_URL_ATTRIBUTES = {"href", "src", "xlink:href", "poster", "cite"}


def feed_path(edition: str) -> str:
    """Site-relative path of an edition's feed, e.g. ``feed/sv.json``."""
    return f"feed/{edition}.json"


class _Absolute(Rewriter):
    """Resolves relative URLs against the page's own URL. A bare ``#fragment`` stays as
    it is except on links: SVG ``<use href="#id">`` must point into the same document."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base

    def attributes(self, tag: str, attrs: Attributes) -> Attributes | None:
        changed = False
        kept: Attributes = []
        for name, value in attrs:
            if (name in _URL_ATTRIBUTES and value is not None
                    and (tag == "a" or not value.startswith("#"))):
                absolute = urljoin(self.base, value)
                changed = changed or absolute != value
                value = absolute
            kept.append((name, value))
        return kept if changed else None


def absolute_urls(html: str, base: str) -> str:
    """``html`` with every relative ``href``/``src`` resolved against ``base``."""
    return _Absolute(base).rewrite(html)


def content_html(page: EmbedPage, site_url: str) -> str:
    """The article as the embed view shows it: notices, then the page's content."""
    return absolute_urls("".join(page.notices) + page.content, urljoin(site_url, page.url))


def feed(edition: str, lang: str, title: str, pages: Iterable[EmbedPage], site_url: str,
         home_url: str) -> dict[str, object]:
    """JSON Feed 1.1 of one edition's pages, with our fields under ``_klarinfo``."""
    items = []
    for page in sorted(pages, key=lambda p: p.url):
        url = urljoin(site_url, page.url)
        fresh = extension(page, site_url)
        item: dict[str, object] = {
            "id": url,
            "url": url,
            "title": page.title,
            "content_html": content_html(page, site_url),
            "summary": page.summary or page.title,
            "language": page.lang,
        }
        if "date_modified" in fresh:
            item["date_modified"] = fresh["date_modified"]
        item["_klarinfo"] = {
            **fresh["_klarinfo"],  # type: ignore[dict-item]
            "edition": page.edition,
            "embed_url": urljoin(site_url, embed_url(page.url)),
            "oembed_url": urljoin(site_url, oembed_url(page.url)),
            "alternates": [{"edition": e, "language": lang_, "url": urljoin(site_url, u)}
                           for e, lang_, u in page.alternates],
        }
        items.append(item)
    return {
        "version": JSON_FEED,
        "title": title,
        "home_page_url": urljoin(site_url, home_url),
        "feed_url": urljoin(site_url, feed_path(edition)),
        "language": lang,
        "items": items,
    }


def write(site: Path, pages: Iterable[EmbedPage], site_url: str, site_name: str,
          editions: Iterable[tuple[str, str, str]]) -> list[Path]:
    """One feed per edition (id, language, home URL) into the built site; returns them.
    Fallback pages (Swedish text in another edition) are left out: they are not ours to
    list in that language."""
    pages = [p for p in pages if not p.fallback]
    written = []
    for edition, lang, home in editions:
        path = site / feed_path(edition)
        path.parent.mkdir(parents=True, exist_ok=True)
        body = feed(edition, lang, f"{site_name} ({edition})",
                    [p for p in pages if p.edition == edition], site_url, home)
        path.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    return written
