"""The preview's findings on the page itself: each finding's sentence or term wrapped in
``<mark>`` where it stands in the rendered text, and a named region listing every finding
with its Markdown line and fix hint, in the page's language.

Server-side at render time, so live reload shows the new state with the rebuilt page and
no script runs (the Content-Security-Policy stays as it is). Only `mkdocs serve` calls this.
"""

from __future__ import annotations

import gettext
import html
import re
from collections.abc import Sequence

from klarinfo.findings.collect import Item

PANEL_ID = "klarinfo-findings"
_TOKENS = re.compile(r"(<[^>]*>)")
_SKIP = {"script", "style", "code", "pre", "button", "kbd", "samp"}
_TAG = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9-]+)")


def mark_id(number: int) -> str:
    return f"{PANEL_ID}-{number}"


def _pattern(span: str) -> re.Pattern[str] | None:
    words = span.split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)" if span[-1:].isalnum() else body)


def _text_runs(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The page's readable text (entities decoded) and, per character, (token, offset)."""
    text: list[str] = []
    where: list[tuple[int, int]] = []
    skip = 0
    for i, token in enumerate(tokens):
        tag = _TAG.match(token) if token.startswith("<") else None
        if tag:
            if tag[2].lower() in _SKIP and not token.endswith("/>"):
                skip += -1 if tag[1] else 1
                skip = max(skip, 0)
            continue
        if skip or not token:
            continue
        plain = html.unescape(token)
        text.append(plain)
        where.extend((i, k) for k in range(len(plain)))
    return "".join(text), where


def highlight(content: str, spans: Sequence[tuple[int, str]]) -> tuple[str, set[int]]:
    """``content`` with each (number, text) span's first occurrence marked; the numbers
    that were found. A span crossing inline tags gets one ``<mark>`` per text piece."""
    tokens = _TOKENS.split(content)
    text, where = _text_runs(tokens)
    cuts: dict[int, list[tuple[int, int, int]]] = {}  # token → (start, end, number)
    taken: list[tuple[int, int]] = []
    found: set[int] = set()
    first: dict[int, int] = {}  # number → the token whose piece carries the mark's id
    for number, span in spans:
        pattern = _pattern(span)
        match = None
        for candidate in pattern.finditer(text) if pattern else ():
            if not any(a < candidate.end() and candidate.start() < b for a, b in taken):
                match = candidate
                break
        if match is None:
            continue
        found.add(number)
        taken.append((match.start(), match.end()))
        pieces: dict[int, list[int]] = {}
        for token, offset in where[match.start():match.end()]:
            pieces.setdefault(token, []).append(offset)
        first[number] = min(pieces)
        for token, offsets in pieces.items():
            cuts.setdefault(token, []).append((offsets[0], offsets[-1] + 1, number))
    for token, marks in cuts.items():
        plain = html.unescape(tokens[token])
        out, last = [], 0
        for start, end, number in sorted(marks):
            ident = f' id="{mark_id(number)}"' if first[number] == token else ""
            out += [html.escape(plain[last:start], quote=False),
                    f'<mark class="klarinfo-finding"{ident}>',
                    html.escape(plain[start:end], quote=False), "</mark>"]
            last = end
        out.append(html.escape(plain[last:], quote=False))
        tokens[token] = "".join(out)
    return "".join(tokens), found


def render(items: Sequence[Item], found: set[int], tr: gettext.NullTranslations,
           index_url: str) -> str:
    """The region listing this page's findings (numbered as ``highlight`` numbered them)."""
    title = tr.gettext("Findings on this page")
    show = html.escape(tr.gettext("Show in the text"))
    none = html.escape(tr.gettext("No findings on this page."))
    every = html.escape(tr.gettext("All findings of the site"))
    rows = []
    for number, item in enumerate(items):
        where = (tr.gettext("Line {line}").format(line=item.line) if item.line
                 else tr.gettext("The whole page"))
        parts = [f'<strong>{html.escape(where)}</strong>: {html.escape(item.message)}']
        if item.fix:
            parts.append("<br>" + html.escape(
                tr.gettext("How to fix: {fix}").format(fix=item.fix)))
        if number in found:
            parts.append(f' <a href="#{mark_id(number)}">'
                         f"{show}</a>")
        rows.append(f"<li>{''.join(parts)}</li>")
    body = (f"<ol>{''.join(rows)}</ol>" if rows else
            f"<p>{none}</p>")
    kind = "warning" if items else "success"
    # "klarinfo-" in the class keeps glossary popovers out of the panel
    return (f'<section id="{PANEL_ID}" class="klarinfo-findings admonition {kind}" '
            f'aria-labelledby="{PANEL_ID}-title">'
            f'<h2 id="{PANEL_ID}-title" class="admonition-title">{html.escape(title)}</h2>'
            f'{body}<p><a href="{html.escape(index_url)}">'
            f"{every}</a></p></section>")
