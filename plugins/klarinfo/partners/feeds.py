"""A JSON Feed 1.1 per edition (``feed/<edition>.json``): every page, readable in a reader.

Why: partners and feed readers list our pages and show them without a frame. JSON Feed
1.1 (jsonfeed.org/version/1.1) requires ``content_html`` or ``content_text`` in every
item — without either, libraries such as pyjsonfeed fail on the whole feed. So each item
carries the article as the embed view shows it (honest-labelling notices first), with
absolute URLs: a reader shows it on another origin, where our relative links would
break. The content is the page after klarinfo/safety's HTML net, so it holds no script.
It is wrapped in an element with the edition's ``lang`` and ``dir`` (a reader shows it
inside its own page, which may be left-to-right English), and a glossary term's popover
(a ``popovertarget`` button, which no reader runs) becomes the term as ``<dfn>`` with
its definition after it in brackets (:func:`inline_definitions`); the embed view, our
own page, keeps the popovers.

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
    standalone,
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


#: Elements without an end tag (HTML's void elements).
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


class _Inline(Rewriter):
    """Popovers made inline: an element with ``popovertarget`` (the term's button) becomes
    ``<dfn>``, an element with ``popover`` (the definition) a ``<span>`` in brackets after
    it; a definition's leading ``<strong>term</strong>:`` (the term again) is dropped. Only
    the attributes, not klarinfo.glossary.markup's exact text, are relied on, so changed
    markup still comes out without popovers."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []  # open element, its replacement end
        self.heading = ""  # "" | "start" (a popover opened) | "in" | "after" its <strong>
        self.level = 0  # len(stack) outside the heading

    def start_tag(self, tag: str, attrs: Attributes, close: bool) -> None:
        opens = not close and tag not in _VOID
        if self.heading == "in":
            if opens:
                self.stack.append((tag, ""))
            return
        if self.heading == "start" and tag == "strong" and opens:
            self.heading, self.level = "in", len(self.stack)
            self.stack.append((tag, ""))
            return
        self.heading = ""
        names = {name for name, _ in attrs}
        end: str | None = None
        if "popovertarget" in names:
            self.out.append("<dfn>")
            end = "</dfn>"
        elif "popover" in names:
            self.out.append(' <span class="klarinfo-term__inline">(')
            end, self.heading = ")</span>", "start"
        else:
            super().start_tag(tag, attrs, close)
        if opens:
            self.stack.append((tag, end))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                end = self.stack[index][1]
                del self.stack[index:]
                if self.heading == "in":
                    if len(self.stack) <= self.level:
                        self.heading = "after"
                    return
                self.heading = ""
                self.out.append(f"</{tag}>" if end is None else end)
                return
        if self.heading != "in":
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.heading == "in":
            return
        if self.heading == "after":
            data = data.lstrip().removeprefix(":").lstrip()
        if data:
            self.heading = ""
            self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        if self.heading != "in":
            self.heading = ""
            super().handle_entityref(name)

    def handle_charref(self, name: str) -> None:
        if self.heading != "in":
            self.heading = ""
            super().handle_charref(name)


def inline_definitions(html: str) -> str:
    """``html`` with every popover (glossary definitions) shown inline, for feed readers."""
    return _Inline().rewrite(html) if "popover" in html else html


def content_html(page: EmbedPage, site_url: str) -> str:
    """The article as the embed view shows it: notices, then the page's content (without
    the calculators, which need our scripts: embed.standalone), with the
    edition's language and direction and the glossary's definitions inline."""
    body = absolute_urls(inline_definitions("".join(page.notices) + standalone(page.content)),
                         urljoin(site_url, page.url))
    return f'<div lang="{page.lang}" dir="{page.dir}">{body}</div>'


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
