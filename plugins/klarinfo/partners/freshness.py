"""The date of a page the build generates: the glossary has no ``reviewed:`` of its own.

Why: partners and feed readers sort and refresh by ``date_modified``; an item without
one looks undated, one with the build date looks changed on every build. The glossary
lists the edition's pages, so it takes the newest ``reviewed:`` date among them. Not
the termbase's git or file dates: a build of a copy (no git, new file dates) would then
differ from a build of the repository, and the site must be the same bytes for the
same content.
"""

from __future__ import annotations

from collections.abc import Iterable


def newest(days: Iterable[str | None]) -> str | None:
    """The latest of ISO days (None ignored), or None."""
    return max((d for d in days if d), default=None)
