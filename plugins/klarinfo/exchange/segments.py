"""A Markdown page body cut into translatable segments and the skeleton around them.

One segment per heading, paragraph, list item and table cell, plus the translatable
labels of example blocks; everything else (front matter, fences, HTML, table rules,
list markers, blank lines) is skeleton. ``Page.render`` puts the skeleton and the
segment texts back together, so ``parse(body).render(original texts) == body`` holds
for any text: that identity is what makes the exchange round trip exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*([\w-]*)")
_HEADING = re.compile(r"^(\s{0,3}#{1,6}[ \t]+)(.*?)([ \t]*(?:\{[^}]*\})?[ \t]*#*[ \t]*)$")
_ITEM = re.compile(r"^(\s*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(\S.*)$")
_QUOTE = re.compile(r"^(\s*>[ \t]?)(.*)$")
_RULE = re.compile(r"^\s*([-*_])( *\1){2,}\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|[\s:|-]*$")
_HTML = re.compile(r"^\s*<")
_OTHER_BLOCK = re.compile(r"^\s*(\*\[|\[\^|!!!|\?\?\?|:::)")
#: Example blocks (klarinfo.examples.blocks) and the YAML lines in them a reader sees.
_LABELS = {
    "life-income": re.compile(r"^(\s*(?:-\s+)?label:[ \t]*)(\S.*?)(\s*)$"),
    "housing-allowance": re.compile(r"^(\s*(?:-\s+)?label:[ \t]*)(\S.*?)(\s*)$"),
    "unverified-rules": re.compile(r"^(\s*[A-Za-z0-9_]+:[ \t]*)(\S.*?)(\s*)$"),
}


@dataclass(frozen=True)
class Slot:
    """Where a segment sits: its kind (h1-h6, p, li, quote, cell, label) and its text."""

    kind: str
    text: str


@dataclass
class Page:
    pieces: list[str | Slot] = field(default_factory=list)

    @property
    def slots(self) -> list[Slot]:
        return [p for p in self.pieces if isinstance(p, Slot)]

    def literal(self, text: str) -> None:
        if text:
            if self.pieces and isinstance(self.pieces[-1], str):
                self.pieces[-1] += text
            else:
                self.pieces.append(text)

    def slot(self, kind: str, text: str) -> None:
        """A segment; its leading and trailing whitespace stays in the skeleton."""
        core = text.strip()
        if not core:
            self.literal(text)
            return
        start = text.index(core)
        self.literal(text[:start])
        self.pieces.append(Slot(kind, core))
        self.literal(text[start + len(core):])

    def render(self, texts: list[str]) -> str:
        """The body with the i-th segment replaced by ``texts[i]``."""
        out, index = [], 0
        for piece in self.pieces:
            if isinstance(piece, Slot):
                out.append(texts[index])
                index += 1
            else:
                out.append(piece)
        return "".join(out)


def _starts_block(line: str) -> bool:
    return bool(not line.strip() or _HEADING.match(line) or _ITEM.match(line)
                or _QUOTE.match(line) or _FENCE.match(line) or line.lstrip().startswith("|")
                or _HTML.match(line) or _RULE.match(line) or _OTHER_BLOCK.match(line))


def _cells(page: Page, line: str) -> None:
    """Each cell of a table row is a segment; pipes and padding are skeleton."""
    parts = re.split(r"(?<!\\)(\|)", line)
    for part in parts:
        if part == "|":
            page.literal(part)
        else:
            page.slot("cell", part)


def parse(body: str) -> Page:
    """Cut a page body (front matter already taken off) into skeleton and segments."""
    page = Page()
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        newline = "\n" if index < len(lines) - 1 else ""
        fence = _FENCE.match(line)
        if fence:
            labels = _LABELS.get(fence.group(2))
            page.literal(line + newline)
            index += 1
            while index < len(lines):
                inner = lines[index]
                newline = "\n" if index < len(lines) - 1 else ""
                index += 1
                if inner.strip().startswith(fence.group(1)) and not inner.strip().strip("`~"):
                    page.literal(inner + newline)
                    break
                label = labels.match(inner) if labels else None
                if label:
                    page.literal(label.group(1))
                    page.slot("label", label.group(2))
                    page.literal(label.group(3) + newline)
                else:
                    page.literal(inner + newline)
            continue
        index += 1
        heading = _HEADING.match(line)
        item = _ITEM.match(line)
        quote = _QUOTE.match(line)
        if not line.strip() or _RULE.match(line) or _OTHER_BLOCK.match(line):
            page.literal(line + newline)
        elif _HTML.match(line):  # raw HTML: skeleton up to the next blank line
            page.literal(line + newline)
            while index < len(lines) and lines[index].strip():
                page.literal(lines[index] + ("\n" if index < len(lines) - 1 else ""))
                index += 1
        elif heading:
            level = heading.group(1).count("#")
            page.literal(heading.group(1))
            page.slot(f"h{level}", heading.group(2))
            page.literal(heading.group(3) + newline)
        elif line.lstrip().startswith("|"):
            if _TABLE_RULE.match(line):
                page.literal(line + newline)
            else:
                _cells(page, line)
                page.literal(newline)
        else:
            if item:
                prefix, text, kind = item.group(1), item.group(2), "li"
            elif quote:
                prefix, text, kind = quote.group(1), quote.group(2), "quote"
            else:
                prefix, text, kind = "", line, "p"
            # continuation lines belong to the same segment, raw (exact round trip)
            while index < len(lines) and not _starts_block(lines[index]):
                text += "\n" + lines[index]
                index += 1
            newline = "\n" if index < len(lines) else ""
            page.literal(prefix)
            page.slot(kind, text)
            page.literal(newline)
    return page
