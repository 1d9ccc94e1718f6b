"""The article of a built page, without what only makes sense on a screen.

Why from the built HTML: the leaflet must say exactly what the page says, with the
worked examples and figures filled in by the build, so it reads the published page
instead of rendering the Markdown a second time.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from klarinfo.leaflets.layout import LINK_CLASS

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_FALLBACK = "klarinfo-notice--fallback"
# glossary popovers: the definition is a screen aid; the term itself stays in the sentence
_DEFINITION = re.compile(r'<span class="klarinfo-term__definition"[^>]*>.*?</span>', re.S)
_TERM_BUTTON = re.compile(r'<button type="button" class="klarinfo-term__button"[^>]*>(.*?)'
                          r"</button>", re.S)
_LEAFLET_LINK = re.compile(rf'<p class="{LINK_CLASS}"[^>]*>.*?</p>', re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_TABLE = re.compile(r"(<table\b.*?</table>)", re.S)  # our tables never nest
#: the no-break space between an amount and its unit, either way round ("250\u00a0kr",
#: "SEK\u00a03,097,447"), not the one between digits ("91\u00a0200")
_UNIT_SPACE = re.compile(r"(?<=\d)\u00a0(?=[^\W\d_])|(?<=[^\W\d_])\u00a0(?=\d)")
_CHART = re.compile(r'<svg class="klarinfo-example__chart"[^>]*viewBox="0 0 (\d+) \d+"[^>]*>'
                    r"(.*?)</svg>", re.S)
#: an address printed after its link longer than this loses its query and fragment: what
#: is left still leads to the page, and a reader types it from paper
LONG_ADDRESS = 60
#: class of the address a leaflet prints after a web link (print.css)
ADDRESS_CLASS = "leaflet-address"
_MARK = re.compile(r'<text [^>]*font-weight="(bold|normal)"[^>]*>(.*?)</text>'
                   r'|<rect [^>]*width="(\d+(?:\.\d+)?)"[^>]*fill="(#[0-9a-fA-F]{3,6})"', re.S)


class Refused(ValueError):
    """The article asks WeasyPrint to embed a file in the PDF (``rel=attachment``): never
    something a page of ours means (the HTML net refuses raw HTML), so an attack or a bug
    that must stop the leaflet, not be printed."""


class Missing(Exception):
    """The page is not translated in this edition (it shows the Swedish page under a
    notice): a leaflet would be Swedish text under another language's name."""


def article(page_html: str, page_url: str) -> str:
    """The article's HTML as the page shows it, ready for print: glossary popovers
    reduced to their terms, no leaflet link, links absolute (paper has no base URL).
    Raises :class:`Missing` for a fallback page, :class:`Refused` for an article that
    asks for an attachment, and ValueError for a page without an article."""
    match = _ARTICLE.search(page_html)
    if match is None:
        raise ValueError("no <article class=\"md-content__inner md-typeset\"> in the page")
    body = match.group(1)
    if _FALLBACK in body:
        raise Missing(page_url)
    body = _DEFINITION.sub("", body)
    body = _TERM_BUTTON.sub(r"\1", body)
    body = _LEAFLET_LINK.sub("", body)
    body = _CHART.sub(chart_html, body)
    body = _TABLE.sub(table_html, body)
    return printable(body, page_url)


def printable(body: str, page_url: str) -> str:
    """``body`` with every ``href`` absolute against ``page_url``, read by an HTML parser
    (Lexbor, as browsers parse) so that unquoted and single-quoted attributes count too;
    a regex for ``href="`` once let ``<a rel=attachment href=/proc/self/environ>`` through
    untouched. A web link to another page gets its address printed after it
    (:func:`address`). Raises :class:`Refused` for any element whose ``rel`` names
    ``attachment`` (WeasyPrint embeds ``<a>`` and ``<link>`` targets of that kind in the
    PDF). ``<template>`` goes: its content is never shown, and the parser's queries do
    not look inside it."""
    tree = LexborHTMLParser(f"<!doctype html><html><head></head><body>{body}</body></html>")
    for node in tree.root.css("[rel]"):
        if "attachment" in (node.attributes.get("rel") or "").lower().split():
            raise Refused(f"<{node.tag} rel=attachment> of {node.attributes.get('href')!r} "
                          "(would embed that file in the PDF)")
    for node in tree.root.css("template"):
        node.decompose()
    for node in tree.root.css("[href]"):
        node.attrs["href"] = urljoin(page_url, node.attributes.get("href") or "")
    for node in tree.root.css("a[href]"):
        href = node.attributes.get("href") or ""
        shown = address(href)
        # not for a link into the leaflet's own page: the reader holds it
        if (shown and shown not in " ".join(node.text().split())
                and urldefrag(href).url != urldefrag(page_url).url):
            # its own left-to-right box: in an Arabic line the address keeps its order
            # (WeasyPrint lays out a dir="ltr" inline apart), and the space before it
            # stays between link text and address, outside the box
            span = LexborHTMLParser(f'<span class="{ADDRESS_CLASS}" dir="ltr">'
                                    f"({escape(shown)})</span>").css_first("span")
            node.insert_after(span)
            node.insert_after(" ")
    return tree.body.inner_html if tree.body is not None else ""


def address(href: str) -> str:
    """What paper shows of a web link (issue #32): on paper an underlined "Read the
    Swedish original" leads nowhere. Without the scheme (the browser adds it back) and,
    when long, without query and fragment; "" for links that are not web addresses
    (``tel:`` links show their number as their text)."""
    parts = urlsplit(href)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    shown = href.split("//", 1)[1]
    if len(shown) > LONG_ADDRESS:
        shown = parts.netloc + parts.path
    return shown


def table_html(match: re.Match[str]) -> str:
    """A table in a block of its own (print.css keeps caption and rows on one sheet),
    and an amount may wrap at its unit ("3,097,447" over "SEK"): at legible size
    (print.css) eight columns of A4 are narrower than "3,097,447 SEK", and the site's
    no-break space there broke the unit itself ("SE" / "K"). Spaces between digits stay
    unbreakable: a thousands group must not part."""
    table = _UNIT_SPACE.sub(" ", match.group(1))
    return f'<div class="leaflet-table">{table}</div>'


def chart_html(match: re.Match[str]) -> str:
    """A worked example's bar chart as HTML: WeasyPrint draws SVG text without shaping
    (Arabic labels came out as unjoined letters in reverse), so labels become paragraphs
    (shaped, in reading order, extractable) and bars become blocks of the same widths."""
    width = float(match.group(1))
    parts = ['<div class="leaflet-chart" aria-hidden="true">']
    for weight, text, bar, fill in _MARK.findall(match.group(2)):
        if bar:
            parts.append(f'<div class="leaflet-bar" style="width:{100 * float(bar) / width:.1f}%;'
                         f'background:{fill}"></div>')
        else:
            parts.append(f'<p class="leaflet-chart__{"group" if weight == "bold" else "label"}">'
                         f"{text}</p>")
    return "".join(parts) + "</div>"


def title(article_html: str) -> str:
    """The page's heading as plain text (the leaflet's PDF title)."""
    from html import unescape
    match = _H1.search(article_html)
    return " ".join(unescape(_TAGS.sub("", match.group(1))).split()) if match else ""
