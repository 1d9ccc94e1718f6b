"""Extract the prose a reader reads from a Markdown page, keeping source line numbers.

Readability formulas are only meaningful on running text: code, tables, URLs,
generated example blocks and front matter would distort them, and headings are
not sentences. Every block remembers the line it starts on, so findings can
point a writer at ``path:line``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["paragraph", "item", "heading"]


@dataclass(frozen=True)
class Block:
    """A run of prose: a paragraph, a list item or a heading.

    ``text`` keeps the source line breaks, so a character offset maps back to
    ``line + text[:offset].count("\\n")``.
    """

    kind: Kind
    text: str
    line: int


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$")
_ADMONITION = re.compile(r"^(\s*)(!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*(?:\s+\"(.*)\")?\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_ABBR_DEFINITION = re.compile(r"^\s*\*\[[^\]]+\]:")
_HTML_ONLY = re.compile(r"^\s*(<[^>]+>\s*)+$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")

_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url "title")
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote references
    (re.compile(r"<(?:https?|mailto|tel):[^>\s]+>"), ""),  # autolinks
    (re.compile(r"(?:https?://|www\.)[^\s)>\]]+"), ""),  # bare URLs
    (re.compile(r"`+[^`]*`+"), ""),  # inline code
    (re.compile(r"\{\{[^}]*\}\}"), "1"),  # placeholders: a figure from the data file
    (re.compile(r"\{:?\s*(?:[.#]|[\w-]+=)[^}]*\}"), ""),  # attribute lists { .class } { lang=sv }
    (re.compile(r"<[^>]+>"), ""),  # inline HTML tags
    (re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|~~|==|\^\^"), ""),  # emphasis markers
]


def clean_inline(text: str) -> str:
    """Markdown inline syntax → the words a reader sees (line breaks kept)."""
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text


def _blank_comments(markdown: str) -> str:
    """Remove HTML comments but keep their line breaks, so line numbers stay true."""
    return _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)


def front_matter_end(lines: list[str]) -> int:
    """Index of the first line after YAML front matter (0 when there is none)."""
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return index + 1
    return 0


def extract(markdown: str, tables: bool = False) -> list[Block]:
    """The prose blocks of a page, in order, with 1-based source line numbers.

    Tables are left out for readability formulas; with ``tables=True`` every row
    becomes a block (terminology is checked in tables too).
    """
    lines = _blank_comments(markdown).split("\n")
    blocks: list[Block] = []
    current: list[str] = []
    current_kind: Kind = "paragraph"
    current_line = 0
    fence: str | None = None
    in_table = False
    item_indent = -1

    def flush() -> None:
        nonlocal current, item_indent
        text = clean_inline("\n".join(current)).strip()
        if text and re.search(r"[^\W\d_]", text):
            blocks.append(Block(current_kind, text, current_line))
        current = []
        item_indent = -1

    def start(kind: Kind, text: str, number: int) -> None:
        nonlocal current_kind, current_line, current
        flush()
        current_kind, current_line, current = kind, number, [text]

    index = front_matter_end(lines)
    while index < len(lines):
        raw = lines[index]
        number = index + 1
        index += 1
        if fence is not None:
            if raw.strip().startswith(fence[0] * len(fence)) and not raw.strip().strip(fence[0]):
                fence = None
            continue
        fence_match = _FENCE.match(raw)
        if fence_match:
            flush()
            fence = fence_match.group(1)
            continue
        if not raw.strip():
            flush()
            in_table = False
            continue
        nxt = lines[index] if index < len(lines) else ""
        if in_table or raw.lstrip().startswith("|") or (
            "|" in raw and _TABLE_SEPARATOR.match(nxt)
        ):
            flush()
            in_table = True
            if tables and not _TABLE_SEPARATOR.match(raw):
                start("paragraph", " ; ".join(c.strip() for c in raw.strip().strip("|")
                                               .split("|")), number)
                flush()
            continue
        if (_LINK_DEFINITION.match(raw) or _ABBR_DEFINITION.match(raw) or _RULE.match(raw)
                or _HTML_ONLY.match(raw)):
            flush()
            continue
        heading = _HEADING.match(raw)
        if heading:
            start("heading", heading.group(2), number)
            flush()
            continue
        admonition = _ADMONITION.match(raw)
        if admonition:
            flush()
            if admonition.group(3):
                start("heading", admonition.group(3), number)
                flush()
            continue
        item = _LIST_ITEM.match(raw)
        if item:
            start("item", item.group(3), number)
            item_indent = len(item.group(1))
            continue
        if current and current_kind == "item" and len(raw) - len(raw.lstrip()) > item_indent:
            current.append(raw.strip())
            continue
        if current and current_kind == "paragraph":
            current.append(raw.strip())
            continue
        start("paragraph", raw.strip(), number)
    flush()
    return blocks
