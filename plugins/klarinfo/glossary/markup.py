"""Explain the first use of each term on a page, for keyboard, touch and screen readers.

The term becomes a button that opens its definition as a native HTML popover:
no JavaScript, operable by keyboard (Enter/Space, Escape), by touch, and the
definition is the button's accessible description (aria-describedby). Browsers
without popover support show the definition inline after the term. Terms are
never marked inside links, buttons, headings, code or our own markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from klarinfo.base.html_rewrite import Rewriter
from klarinfo.glossary.matching import Matcher

_SKIP = {"a", "button", "code", "pre", "kbd", "samp", "script", "style", "h1", "h2", "h3",
         "h4", "h5", "h6", "summary", "label", "textarea", "select", "option", "svg", "title",
         "dfn", "abbr", "figcaption", "math"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


@dataclass(frozen=True)
class Definition:
    term: str
    text: str
    href: str  # link to the term on the edition's glossary page


class _Marker(Rewriter):
    def __init__(self, matcher: Matcher, definitions: Mapping[str, Definition], more: str):
        super().__init__()
        self.matcher = matcher
        self.definitions = definitions
        self.more = more
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.done: set[str] = set()

    def _skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag not in _VOID:
            classes = dict(attrs).get("class") or ""
            self.stack.append((tag, tag in _SKIP or "klarinfo-" in classes
                               or "headerlink" in classes))

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self._skipping():
            self.out.append(data)
            return
        position = 0
        for hit in self.matcher.find(data):
            definition = self.definitions.get(hit.term_id)
            if hit.status == "deprecated" or hit.term_id in self.done or definition is None:
                continue
            self.done.add(hit.term_id)
            self.out.append(data[position:hit.start])
            self.out.append(self._markup(hit.term_id, data[hit.start:hit.end], definition))
            position = hit.end
        self.out.append(data[position:])

    def _markup(self, term_id: str, text: str, definition: Definition) -> str:
        target = f"klarinfo-def-{term_id}"
        return (
            f'<span class="klarinfo-term"><button type="button" class="klarinfo-term__button" '
            f'popovertarget="{target}" aria-describedby="{target}">{text}</button>'
            f'<span class="klarinfo-term__definition" id="{target}" popover>'
            f"<strong>{escape(definition.term)}</strong>: {escape(definition.text)} "
            f'<a href="{escape(definition.href)}">{escape(self.more)}</a></span></span>'
        )


def mark_first_uses(html: str, matcher: Matcher, definitions: Mapping[str, Definition],
                    more: str) -> tuple[str, list[str]]:
    """The page body with each term's first use explained; also the ids marked, in order."""
    marker = _Marker(matcher, definitions, more)
    marked = marker.rewrite(html)
    return marked, [t for t in definitions if t in marker.done]
