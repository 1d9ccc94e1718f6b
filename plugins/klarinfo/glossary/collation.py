"""Alphabetical order per language (Unicode Collation Algorithm with CLDR tailorings).

Babel has no collation, and Python's sort puts "å" before "b" and capitals
first. pyuca implements the UCA with the DUCET table, which is CLDR's root
collation: right for English, Somali (CLDR has no Somali tailoring) and
Arabic. Swedish needs CLDR's tailoring "&z < å < ä < ö" (with æ sorting as ä
and ø as ö), which we lay over the same table.

Loading the table takes about 0.25 s, most of a small site's glossary page, so
the sort keys themselves are kept in the user's cache folder (base/user_cache),
named after pyuca's version and this file: the table is read only when a term
has no key yet.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any, TypeVar

import pyuca
from pyuca.trie import Trie

from klarinfo.base import user_cache

_SWEDISH_AFTER_Z = [("å", "Å"), ("ä", "Ä"), ("ö", "Ö")]
_SWEDISH_EQUIVALENTS = {"æ": "ä", "Æ": "Ä", "ø": "ö", "Ø": "Ö"}
_KEYS = (f"collation-pyuca{version('pyuca')}-"
         f"{user_cache.digest(Path(__file__).read_bytes())}.marshal")

Item = TypeVar("Item")


@cache
def _root() -> pyuca.Collator:
    return pyuca.Collator()


class _Tailored:
    """A tailoring's entries over the root table, without copying the root table.

    pyuca asks its table only for the longest stored prefix of a key; over two tries
    that is the longer of the two answers, the tailoring's on a tie (as if its entries
    had been added to one trie).
    """

    def __init__(self, root: Trie) -> None:
        self.root, self.extra = root, Trie()

    def add(self, key: list[int], value: Any) -> None:
        self.extra.add(key, value)

    def find_prefix(self, key: list[int]) -> tuple[list[int], Any, list[int]]:
        ours = self.extra.find_prefix(key)
        theirs = self.root.find_prefix(key)
        return ours if ours[1] and len(ours[0]) >= len(theirs[0]) else theirs


@cache
def _swedish() -> pyuca.Collator:
    collator = copy.copy(_root())
    collator.table = _Tailored(_root().table)
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


def _group(language: str) -> str:
    return "sv" if language.split("-")[0] == "sv" else "root"


def _collator(group: str) -> pyuca.Collator:
    return _swedish() if group == "sv" else _root()


@cache
def _known() -> dict[tuple[str, str], tuple[int, ...]]:
    stored = user_cache.load(_KEYS)
    return stored if isinstance(stored, dict) else {}


def sort_keys(texts: Iterable[str], language: str) -> dict[str, tuple[int, ...]]:
    """Each text's sort key in ``language``; the table is loaded only for new texts."""
    group, known = _group(language), _known()
    wanted = set(texts)
    missing = [text for text in wanted if (group, text) not in known]
    for text in missing:
        known[(group, text)] = _collator(group).sort_key(text)
    if missing:
        user_cache.store(_KEYS, known)
    return {text: known[(group, text)] for text in wanted}


def sort_key(text: str, language: str) -> tuple[int, ...]:
    return sort_keys([text], language)[text]


def sorted_by(items: Iterable[Item], key: Callable[[Item], str], language: str
              ) -> list[Item]:
    """Items sorted by the collation of ``key(item)`` in ``language``."""
    items = list(items)
    keys = sort_keys((key(item) for item in items), language)
    return sorted(items, key=lambda item: keys[key(item)])
