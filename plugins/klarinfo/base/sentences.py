"""Split prose into sentences and words, per language, keeping line numbers.

Generic splitters break Swedish text at "t.ex." and "kr." and at decimal
numbers, which makes sentences look short and hides the long ones writers must
fix. The end of a paragraph, list item or admonition always ends a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from klarinfo.base.prose import Block

#: Abbreviations whose final dot does not end a sentence, per language root.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "sv": frozenset(
        [
            "t.ex.",
            "bl.a.",
            "kr.",
            "s.k.",
            "m.m.",
            "o.s.v.",
            "osv.",
            "dvs.",
            "d.v.s.",
            "ca.",
            "nr.",
            "fr.o.m.",
            "t.o.m.",
            "jfr.",
            "resp.",
            "st.",
            "kl.",
            "p.g.a.",
            "pga.",
            "m.fl.",
            "bl.a",
            "o.d.",
            "t.v.",
            "f.d.",
            "e.d.",
            "ang.",
            "avd.",
            "tel.",
            "sek.",
            "mån.",
            "kap.",
            "prop.",
            "dir.",
            "sfs.",
            "lag.",
            "jan.",
            "feb.",
            "mar.",
            "apr.",
            "aug.",
            "sep.",
            "sept.",
            "okt.",
            "nov.",
            "dec.",
            "ev.",
            "inkl.",
            "exkl.",
            "max.",
            "min.",
            "obs.",
            "s.",
            "f.",
            "ff.",
        ]
    ),
    "en": frozenset(
        [
            "e.g.",
            "i.e.",
            "etc.",
            "mr.",
            "mrs.",
            "ms.",
            "dr.",
            "no.",
            "vs.",
            "approx.",
            "incl.",
            "excl.",
            "jan.",
            "feb.",
            "mar.",
            "apr.",
            "jun.",
            "jul.",
            "aug.",
            "sep.",
            "sept.",
            "oct.",
            "nov.",
            "dec.",
            "st.",
            "ch.",
            "sec.",
            "p.",
            "pp.",
            "fig.",
        ]
    ),
    "so": frozenset(["tus.", "t.a.", "g.g.", "b.g."]),
    "ar": frozenset(),
}

_TERMINATOR = re.compile(r"[.!?؟…]+[\"'”’»)\]]*(?=\s|$)")
# A word may hold inner dots, commas and colons ("t.ex.", "3,5", "10:30"), apostrophes
# ("Hay'adda") and hyphens ("e-post").
_WORD = re.compile(r"[^\W_]+(?:[.,:'’\-][^\W_]+)*")


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    words: tuple[str, ...]

    def long_words(self, letters: int = 6) -> int:
        """Words with more than ``letters`` letters (LIX counts > 6)."""
        # a word no longer than the limit cannot have more letters than that: most words
        # are short, so only the few long ones are counted letter by letter
        return sum(1 for w in self.words
                   if len(w) > letters and sum(c.isalpha() for c in w) > letters)


def words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def _ends_in_abbreviation(text: str, end: int, abbreviations: frozenset[str]) -> bool:
    start = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end), text.rfind("(", 0, end)) + 1
    token = text[start:end].lower()
    return token in abbreviations


def split_block(block: Block, language: str) -> list[Sentence]:
    abbreviations = ABBREVIATIONS.get(language.split("-")[0], frozenset())
    text = block.text
    sentences: list[Sentence] = []
    start = 0
    for match in _TERMINATOR.finditer(text):
        end = match.end()
        dot_end = match.start() + 1
        if text[match.start()] == "." and _ends_in_abbreviation(text, dot_end, abbreviations):
            continue
        _append(sentences, block, start, end)
        start = end
    _append(sentences, block, start, len(text))
    return sentences


def _append(sentences: list[Sentence], block: Block, start: int, end: int) -> None:
    chunk = block.text[start:end]
    stripped = chunk.strip()
    found = words(stripped)
    if not found:
        return
    offset = start + (len(chunk) - len(chunk.lstrip()))
    line = block.line + block.text[:offset].count("\n")
    sentences.append(Sentence(" ".join(stripped.split()), line, found))


def split(blocks: Iterable[Block], language: str) -> list[Sentence]:
    """Sentences of all non-heading blocks: headings are kept out of sentence statistics."""
    out: list[Sentence] = []
    for block in blocks:
        if block.kind != "heading":
            out.extend(split_block(block, language))
    return out
