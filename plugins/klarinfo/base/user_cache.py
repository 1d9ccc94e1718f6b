"""Derived tables kept in the user's cache folder between builds.

Some reference tables cost far more to derive than to load: parsing the CMU dictionary
(about a second) or the Unicode collation table (0.2 s per language). A build derives
them once, stores the result with `marshal` (plain data only), and later builds load it
in milliseconds. The name carries everything the content depends on (a package version,
a digest of the code that derives it), so a stale file is never read; a missing or
unreadable cache only costs time, and a read-only home only disables it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path
from typing import Any


def folder() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "klarinfo"


def digest(*parts: str | bytes) -> str:
    """A short name part for what a table depends on."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()[:12]


def load(name: str) -> Any | None:
    try:
        return marshal.loads((folder() / name).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store(name: str, value: Any) -> None:
    """Write atomically: two builds (or two edition processes) may store at once."""
    path = folder() / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(value))
        tmp.replace(path)
    except OSError:
        pass
