"""Heading anchors every edition can read: Arabic headings keep their words.

Python-Markdown's default ``toc`` slug folds text to ASCII, which empties an Arabic
heading, so every Arabic anchor became ``_1``, ``_2`` … by position: unreadable, and
changed by adding a heading above. ``slugify`` keeps Arabic letters (Unicode, NFC, vowel
marks left out so a heading written with or without them gives the same anchor) and
keeps every other heading exactly as the default made it, so no Swedish, easy-read,
English or Somali anchor (and no link to one from another edition or site) changes.

Set in mkdocs.yml: ``toc: slugify: !!python/name:klarinfo.editions.slugs.slugify``.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic, Arabic Supplement, Extended-A/B and the presentation forms (NFKC maps those
# to the base letters anyway).
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _fold(char: str) -> str:
    """One character as the default slug sees it: ASCII after NFKD, else nothing.
    Arabic letters stay (presentation forms as their base letter; the stretching tatweel
    goes, and vowel marks are dropped further down as non-word characters)."""
    if _ARABIC.match(char):
        return "" if char == "\u0640" else unicodedata.normalize("NFKC", char)  # no tatweel
    return unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")


def slugify(value: str, separator: str) -> str:
    """The ``toc`` extension's slug (``markdown.extensions.toc.slugify`` for Latin text)
    with Arabic letters kept: "كم تحصل؟" → "كم-تحصل", "Så räknar vi" → "sa-raknar-vi"."""
    # NFC first: a letter with hamza stays one letter (أ), not alif plus a mark.
    text = unicodedata.normalize("NFC", value)
    if _ARABIC.search(text):
        text = "".join(_fold(c) for c in text)
    else:  # the same letters at once: only combining marks' order differs, and they go
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, text)
