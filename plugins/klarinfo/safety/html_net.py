"""The net under the source scan: a rendered page body read as a browser reads it.

Why: the source scan reads Markdown, and every reader of HTML has its own idea of
where a comment ends or a tag starts. Python's ``HTMLParser`` called
``<!--><img onerror=…>-->`` one comment; Chromium, following the WHATWG algorithm, an
empty comment and an ``<img>``. So the net parses with Lexbor (selectolax), a
WHATWG-conformant parser, and judges the tree a browser would build, against an
allowlist of exactly what our Markdown extensions and example blocks write. Anything
else is named (for a finding at the page's line) and the body is cleaned by nh3
(Ammonia, whose html5ever parser is a browser's too) with the same allowlist. A body
with nothing to report is returned byte for byte: the browser builds the allowed tree
from it, so rewriting it would only change the site's bytes.
"""

from __future__ import annotations

from collections.abc import Iterator

import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

from klarinfo.safety.urls import dangerous_url, foreign_url

#: Attributes any allowed element may carry.
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "lang", "dir", "title", "hidden", "role",
                               "aria-label", "aria-labelledby", "aria-describedby",
                               "aria-live", "aria-hidden"})

#: Elements a page body may hold and their own attributes: what Python-Markdown with
#: admonition, attr_list, md_in_html, details, superfences and toc writes, and what our
#: example blocks and calculators write (klarinfo.examples). Add an entry only with the
#: code that writes it; never one that can run, load or submit anything.
ALLOWED: dict[str, frozenset[str]] = {
    **{tag: frozenset() for tag in (
        "p", "em", "strong", "b", "i", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "li", "blockquote", "hr", "br", "caption", "tbody", "thead", "tfoot", "tr",
        "figcaption", "legend", "summary", "sup", "sub", "small", "abbr", "del", "ins",
        "dl", "dt", "dd", "span", "section", "fieldset", "details", "figure", "div", "table",
        "bdi")},  # bdi: numbers isolated in right-to-left pages (klarinfo.base.bidi)
    "a": frozenset({"href"}),
    "ol": frozenset({"start"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"scope", "headers", "colspan", "rowspan"}),
    "td": frozenset({"headers", "colspan", "rowspan", "data-label"}),
    "details": frozenset({"open"}),
    "div": frozenset({"data-couple", "data-entry", "data-klarinfo-calc", "data-result"}),
    "p": frozenset({"data-klarinfo-calc-nojs", "data-status"}),
    "section": frozenset({"data-klarinfo-embed"}),
    "button": frozenset({"type", "data-action"}),
    "input": frozenset({"type", "name", "value", "autocomplete", "inputmode"}),
    "label": frozenset({"for"}),
    "select": frozenset({"name"}),
    "option": frozenset({"value", "selected"}),
    # the examples' charts
    "svg": frozenset({"viewBox", "xmlns", "direction", "width", "height"}),
    "rect": frozenset({"x", "y", "width", "height", "fill"}),
    "text": frozenset({"x", "y", "fill", "font-size", "font-weight", "text-anchor"}),
    "title": frozenset(),
    "desc": frozenset(),
}
#: SVG elements: allowed only inside an ``<svg>`` (an HTML ``<title>`` in a body is not ours).
SVG_ONLY = frozenset({"rect", "text", "title", "desc"})
#: Attributes whose value the browser fetches without the reader asking.
_LOADS = frozenset({"src", "srcset", "poster", "data", "background", "xlink:href"})
_URLS = _LOADS | {"href", "action", "formaction", "cite", "ping"}
#: What the parser wraps a fragment in; they may carry no attribute from the page.
_WRAPPERS = frozenset({"html", "head", "body"})


def reserved_id(value: str) -> bool:
    """Ids the theme and our scripts look up: Material's ``__config``, ``__search``…
    (a page's ``#__config`` became the theme's configuration) and ours (``klarinfo-``)."""
    return value.startswith("__") or value.lower().startswith("klarinfo-")


def _elements(html: str) -> Iterator[LexborNode]:
    tree = LexborHTMLParser("<body>" + html)
    yield from (node for node in tree.root.traverse(include_text=False)
                if not node.tag.startswith("-"))  # comments and the document


def _in_svg(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "svg":
            return True
        parent = parent.parent
    return False


def problems(html: str) -> list[str]:
    """What in ``html`` (a page body) a browser would build that our allowlist does not
    hold, as short texts (``<meta>``, ``onerror='…' on <img>``)."""
    found: list[str] = []
    for node in _elements(html):
        tag = node.tag
        if tag in _WRAPPERS:
            found += [f"{name}={(value or '')[:40]!r} on <{tag}>"
                      for name, value in node.attributes.items()]
            continue
        if tag not in ALLOWED or (tag in SVG_ONLY and not _in_svg(node)):
            found.append(f"<{tag}>")
            continue
        for name, value in node.attributes.items():
            problem = _attribute_problem(tag, name, value or "")
            if problem:
                found.append(f"{name}={(value or '')[:40]!r} on <{tag}> ({problem})")
    return found


def _attribute_problem(tag: str, name: str, value: str) -> str:
    if name not in GLOBAL_ATTRIBUTES and name not in ALLOWED.get(tag, ()):
        return "not an attribute pages may set"
    # Our example blocks write klarinfo- ids, never __ ones; a page's own klarinfo- id can
    # only come from an attribute list, which the source scan refuses.
    if name == "id" and value.startswith("__"):
        return "an id the theme or our scripts use"
    if name in _URLS and dangerous_url(value):
        return "runs script or embeds data"
    if name in _LOADS and foreign_url(value):
        return "loads from another host"
    return ""


def _keep(tag: str, name: str, value: str) -> str | None:
    return None if _attribute_problem(tag, name, value) else value


def sanitize_html(html: str) -> tuple[str, list[str]]:
    """The body as it was if a browser would build only allowed elements from it; else
    nh3's cleaned body (allowlist only) and what was wrong."""
    found = problems(html)
    if not found:
        return html, []
    cleaned = nh3.clean(
        html, tags=set(ALLOWED), clean_content_tags={"script", "style", "template"},
        attributes={tag: set(attrs | GLOBAL_ATTRIBUTES) for tag, attrs in ALLOWED.items()},
        attribute_filter=_keep, url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None, strip_comments=True)
    return cleaned, found
