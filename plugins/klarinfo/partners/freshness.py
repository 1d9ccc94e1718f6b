"""The date of a page the build generates: the glossary has no ``reviewed:`` of its own.

Why: partners and feed readers sort and refresh by ``date_modified``; an item without
one looks undated, one with the build date looks changed on every build. The glossary's
text comes from the termbase (terms, definitions) and from the edition's pages (the
titles under "used on"), so its truthful date is the newest of the two: the termbase's
last change (:func:`termbase_changed`) and the newest ``reviewed:`` date among the pages.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).date().isoformat()


def termbase_changed(folder: Path, today: date | None = None) -> str | None:
    """The day (UTC, ISO) the termbase in ``folder`` last changed: its last commit's day,
    the build day if a file there differs from that commit, or — without git (a source
    archive) — its files' newest modification day, which a checkout never makes earlier
    than the change. None without termbase files."""
    files = sorted(folder.glob("*.yml"))
    if not files:
        return None
    git = ["git", "-C", str(folder)]
    try:
        last = subprocess.run(git + ["log", "-1", "--format=%ct", "--", "."], capture_output=True,
                              text=True, timeout=20, check=True).stdout.strip()
        dirty = subprocess.run(git + ["status", "--porcelain", "--", "."], capture_output=True,
                               text=True, timeout=20, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        last, dirty = "", ""
    if last and not dirty:
        return _day(int(last))
    if last:  # changed since the last commit: today, the first day the change can be seen
        return (today or datetime.now(UTC).date()).isoformat()
    return _day(max(f.stat().st_mtime for f in files))


def newest(days: Iterable[str | None]) -> str | None:
    """The latest of ISO days (None ignored), or None."""
    return max((d for d in days if d), default=None)
