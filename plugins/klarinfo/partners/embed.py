"""Pages for partner sites: chrome-less embed views, oEmbed responses and a JSON Feed.

Why: partners such as informationsverige.se want our pages inside theirs, always
current, without copying text. Every page of every edition gets an embed view at
``embed/<page url>`` (the article only, same language and direction, a link back to
the full page), an oEmbed response next to it (``embed/<page url>oembed.json``), and
each edition a feed (``feed/<edition>.json``) listing its pages for partners.

Message format of the auto-height script (version 1), posted to the parent window:
``{"type": "klarinfo:embed-height", "version": 1, "height": <CSS px>, "url": <embed URL>}``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from html import escape, unescape
from pathlib import Path
from urllib.parse import urljoin

from klarinfo.partners.freshness import newest
from klarinfo.partners.snippet import snippet

MESSAGE_TYPE = "klarinfo:embed-height"
MESSAGE_VERSION = 1
OEMBED_WIDTH, OEMBED_HEIGHT = 640, 800
JSON_FEED = "https://jsonfeed.org/version/1.1"
SCHEMA_URL = "feed/schema.json"  # our feed schema, documents the _klarinfo fields


@dataclass(frozen=True)
class EmbedPage:
    url: str  # site-relative page URL, e.g. "ar/tolk/" ("" for the Swedish start page)
    edition: str
    lang: str
    dir: str
    title: str
    content: str  # the article HTML as the page shows it
    reviewed: str | None = None
    summary: str = ""
    quick_exit: bool = False
    notices: tuple[str, ...] = ()  # honest-labelling notices, already in HTML
    alternates: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)
    # (edition, lang, site-relative url) of the page's translations
    # The Swedish page shown because this edition has no translation: it gets an embed
    # view (so links between embed views hold) but no oEmbed response or feed entry.
    fallback: bool = False
    # "original" (the Swedish source), or a translation's "draft", "reviewed" or
    # "outdated" (the Swedish page changed since): partners may leave out drafts
    translation_status: str = "original"
    # a page the build generates (the glossary): no reviewed: date, gets ``modified``
    generated: bool = False
    modified: str | None = None  # ISO day its content last changed (klarinfo.partners.freshness)


def embed_url(page_url: str) -> str:
    return f"embed/{page_url}"


def oembed_url(page_url: str) -> str:
    return f"embed/{page_url}oembed.json"


def _up(page_url: str) -> str:
    """Relative path from an embed view back to the site root."""
    return "../" * (embed_url(page_url).count("/"))


_TAGS = re.compile(r"<[^>]+>")
# glossary definitions (klarinfo.glossary.markup) are popovers, not part of the sentence
_DEFINITIONS = re.compile(r'<span class="klarinfo-term__definition"[^>]*>.*?</span>', re.S)
_FIRST_P = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
#: A part of a page that works only with the full page's scripts (the private calculators,
#: ``klarinfo.examples.calculator_form``) is marked ``data-klarinfo-embed="omit"`` on a
#: ``<section>`` with no section inside it; the embed view leaves it out, since a partner's
#: page runs none of our scripts but the height script (the worked examples stay).
_OMIT = re.compile(r'<section\b[^>]*\bdata-klarinfo-embed="omit"[^>]*>.*?</section>', re.S)


def summary_of(content: str, limit: int = 240) -> str:
    """The first paragraph as plain text, cut at a word: a feed summary for partners."""
    match = _FIRST_P.search(_DEFINITIONS.sub("", content))
    text = " ".join(unescape(_TAGS.sub("", match.group(1))).split()) if match else ""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def notices(texts: Mapping[str, str], original: str | None, draft: bool,
            outdated: bool, fallback: bool = False) -> tuple[str, ...]:
    """The page's honest-labelling notices, as the full page shows them (see main.html)."""
    def notice(kind: str, text_key: str, link_key: str) -> str:
        link = (f' <a href="{escape(original)}" hreflang="sv" target="_top">'
                f"{escape(texts.get(link_key, link_key))}</a>" if original else "")
        return (f'<div class="klarinfo-notice klarinfo-notice--{kind}" role="note"><p>'
                f"{escape(texts.get(text_key, text_key))}{link}</p></div>")
    if fallback:
        text = escape(texts.get("klarinfo.fallback.notice", "klarinfo.fallback.notice"))
        return (f'<div class="klarinfo-notice klarinfo-notice--fallback" role="note"><p>'
                f"{text}</p></div>",)
    out = []
    if outdated:
        out.append(notice("outdated", "klarinfo.outdated.notice", "klarinfo.outdated.link"))
    if draft:
        out.append(notice("draft", "klarinfo.draft.notice", "klarinfo.draft.original"))
    return tuple(out)


def render(page: EmbedPage, site_url: str, site_name: str, texts: Mapping[str, str],
           exit_url: str) -> str:
    """The embed view: the article, a source line, our CSS and the height script."""
    up = _up(page.url)
    canonical = urljoin(site_url, page.url)
    exit_bar = ""
    scripts = f'<script src="{up}assets/embed-height.js"></script>'
    if page.quick_exit:
        label = escape(texts.get("klarinfo.exit.label", "klarinfo.exit.label"))
        hint = escape(texts.get("klarinfo.exit.hint", "klarinfo.exit.hint"))
        exit_bar = (f'<nav class="klarinfo-exit" aria-label="{label}" data-klarinfo-exit-bar>'
                    f'<a class="klarinfo-exit__link" href="{escape(exit_url)}" target="_top" '
                    f'rel="noreferrer nofollow" data-klarinfo-exit>{label}</a>'
                    f'<span class="klarinfo-exit__hint">{hint}</span></nav>')
        scripts += f'<script src="{up}assets/quick-exit.js"></script>'
    source = escape(texts.get("klarinfo.embed.source", "klarinfo.embed.source"))
    full = escape(texts.get("klarinfo.embed.full", "klarinfo.embed.full"))
    return (
        f'<!doctype html>\n<html lang="{page.lang}" dir="{page.dir}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(page.title)} – {escape(site_name)}</title>\n"
        # the page's own description (front matter), as on the main page (#16 item 8)
        + (f'<meta name="description" content="{escape(page.summary, quote=True)}">\n'
           if page.summary else "") +
        f'<link rel="canonical" href="{escape(canonical)}">\n'
        f'<link rel="stylesheet" href="{up}assets/embed.css">\n'
        f'<link rel="stylesheet" href="{up}assets/klarinfo.css">\n'
        f'</head>\n<body dir="{page.dir}" class="klarinfo-embed" data-md-color-scheme="default" '
        f'data-md-color-primary="custom" data-md-color-accent="custom">\n{exit_bar}\n'
        f'<main class="md-typeset">\n{"".join(page.notices)}\n{_body(page)}\n</main>\n'
        f'<footer class="klarinfo-embed__source"><p>{source} {escape(site_name)}: '
        f'<a href="{escape(canonical)}" target="_top">{full}</a></p></footer>\n'
        f"{scripts}\n</body>\n</html>\n"
    )


def standalone(content: str) -> str:
    """The page's content without the parts that need the full page's scripts (_OMIT):
    what the embed view and the feed show."""
    return _OMIT.sub("", content)


def _body(page: EmbedPage) -> str:
    content = standalone(page.content)
    if page.fallback:  # Swedish text inside a page in another language, marked as such
        return f'<div lang="sv" dir="ltr" class="klarinfo-fallback">{content}</div>'
    return content


def extension(page: EmbedPage, site_url: str) -> dict[str, object]:
    """Freshness for partners, in feeds and oEmbed alike: ``date_modified`` from the
    page's ``reviewed:`` date (a generated page's ``modified`` day), and the ``_klarinfo``
    extension (keys starting with ``_`` are extensions in JSON Feed; oEmbed allows extra
    keys) with the translation status, documented at ``about`` (our schema)."""
    out: dict[str, object] = {}
    if page.reviewed or page.modified:
        out["date_modified"] = f"{page.reviewed or page.modified}T00:00:00Z"
    out["_klarinfo"] = {"about": urljoin(site_url, SCHEMA_URL),
                        "translation_status": page.translation_status,
                        "reviewed": page.reviewed}
    return out


def oembed(page: EmbedPage, site_url: str, site_name: str, sri: str = "") -> dict[str, object]:
    """An oEmbed 1.0 'rich' response (oembed.com, section 2.3.4.4) whose ``html`` is our
    snippet, so the frame fits its content as on the partner page. A static file cannot
    read the consumer's ``maxwidth``/``maxheight``: the frame is ``width:100%`` (it never
    overflows the consumer's column), ``width``/``height`` are its size before embed.js
    sets the real height (documented on the partner page)."""
    return {
        "version": "1.0",
        "type": "rich",
        "title": page.title,
        "provider_name": site_name,
        "provider_url": site_url,
        "html": snippet(urljoin(site_url, embed_url(page.url)), page.title, site_url, sri),
        "width": OEMBED_WIDTH,
        "height": OEMBED_HEIGHT,
        "cache_age": 86400,
        **extension(page, site_url),
    }


def write(site: Path, pages: Iterable[EmbedPage], site_url: str, site_name: str,
          texts: Mapping[str, Mapping[str, str]], exit_url: str,
          editions: Iterable[tuple[str, str, str]], sri: str = "") -> list[Path]:
    """Embed views, oEmbed responses and feeds into the built site; returns the files.
    A generated page (the glossary) is dated by the newest ``reviewed:`` day of its
    edition's own pages: content, not the clock, git or file dates, so two builds of the
    same content agree byte for byte (klarinfo.partners.freshness)."""
    from klarinfo.partners import feeds  # it builds on this module
    written = []
    pages = list(pages)
    day = newest(p.reviewed for p in pages if not p.fallback)
    pages = [replace(p, modified=day) if p.generated else p for p in pages]
    for page in pages:
        view = site / embed_url(page.url) / "index.html"
        view.parent.mkdir(parents=True, exist_ok=True)
        view.write_text(render(page, site_url, site_name, texts.get(page.edition, {}), exit_url),
                        encoding="utf-8")
        written.append(view)
        if page.fallback:
            continue
        response = site / oembed_url(page.url)
        response.write_text(json.dumps(oembed(page, site_url, site_name, sri), ensure_ascii=False,
                                       indent=1), encoding="utf-8")
        written.append(response)
    schemas = Path(__file__).parent / "schemas"
    (site / "feed").mkdir(parents=True, exist_ok=True)
    for name, target in (("feed.schema.json", "schema.json"),
                         ("oembed.schema.json", "oembed.schema.json")):
        (site / "feed" / target).write_text((schemas / name).read_text(encoding="utf-8"),
                                            encoding="utf-8")
    written += feeds.write(site, pages, site_url, site_name, editions)
    return written
