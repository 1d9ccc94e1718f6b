"""Alphabetical order per language (Unicode Collation Algorithm with CLDR tailorings).

Babel has no collation, and Python's sort puts "å" before "b" and capitals
first. pyuca implements the UCA with the DUCET table, which is CLDR's root
collation: right for English, Somali (CLDR has no Somali tailoring) and
Arabic. Swedish needs CLDR's tailoring "&z < å < ä < ö" (with æ sorting as ä
and ø as ö), which we add to the table.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import pyuca

_SWEDISH_AFTER_Z = [("å", "Å"), ("ä", "Ä"), ("ö", "Ö")]
_SWEDISH_EQUIVALENTS = {"æ": "ä", "Æ": "Ä", "ø": "ö", "Ø": "Ö"}


@cache
def _root() -> pyuca.Collator:
    return pyuca.Collator()


@cache
def _swedish() -> pyuca.Collator:
    collator = pyuca.Collator()
    z_primary = collator.sort_key("z")[0]
    for offset, pair in enumerate(_SWEDISH_AFTER_Z, start=1):
        for tertiary, letter in ((0x02, pair[0]), (0x08, pair[1])):
            elements = [[z_primary + offset, 0x20, tertiary]]
            collator.table.add([ord(c) for c in unicodedata.normalize("NFD", letter)],
                               elements)
    for variant, letter in _SWEDISH_EQUIVALENTS.items():
        weights = collator.sort_key(letter)
        collator.table.add([ord(variant)], [[weights[0], 0x20, 0x02 if variant.islower()
                                             else 0x08]])
    return collator


def sort_key(text: str, language: str) -> tuple[int, ...]:
    collator = _swedish() if language.split("-")[0] == "sv" else _root()
    return collator.sort_key(text)


def sorted_by(items, key, language: str) -> list:
    """Items sorted by the collation of ``key(item)`` in ``language``."""
    return sorted(items, key=lambda item: sort_key(key(item), language))
