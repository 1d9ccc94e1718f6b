"""Every finding our plugins log, kept as data as well.

Why a log handler rather than a second reporting call in each capability: every finding
already goes through one logger as `path:line: what — how to fix` (base/errors), so one
handler on that logger sees all of them — those of capabilities written later too — and
the log output stays exactly what it was. What a line cannot say (which check it was, the
sentence or term to highlight) a capability passes as ``extra`` (``tag``), which the log
formatter ignores. A line that names no file (a summary) is not a finding here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

_EXTRA = "klarinfo_finding"
_PREFIX = "klarinfo: "
_LINE = re.compile(r"^(?P<path>[^\s:—]+\.[A-Za-z0-9]+)(?::(?P<line>\d+))?:\s+(?P<rest>\S.*)$",
                   re.S)
_SEPARATOR = " — "


@dataclass(frozen=True)
class Item:
    """One finding: where it is (``path`` relative to the project, Markdown ``line``),
    what is wrong and how to fix it, in the language of the page it is about."""

    kind: str
    level: str  # "warning" (fails a build) or "note" (shown only)
    edition: str | None
    path: str
    line: int | None
    message: str
    fix: str
    span: str | None = None  # the sentence or term to highlight in the rendered page


def tag(kind: str, span: str | None = None) -> dict[str, Any]:
    """Keyword arguments for ``log.warning(line, **tag(...))``: the kind of check and the
    text to highlight, carried on the log record without changing what is printed."""
    return {"extra": {_EXTRA: (kind, span)}}


def parse(message: str, level: str = "warning", kind: str = "other",
          span: str | None = None, editions: tuple[str, ...] = ()) -> Item | None:
    """The finding in one logged line, or None for a line that names no file."""
    if message.startswith(_PREFIX):
        message = message[len(_PREFIX):]
    match = _LINE.match(message)
    if match is None:
        return None
    rest = match["rest"].strip()
    what, _, fix = rest.partition(_SEPARATOR)
    parts = PurePosixPath(match["path"]).parts
    edition = parts[1] if len(parts) > 2 and parts[0] == "docs" and parts[1] in editions \
        else None
    return Item(kind, level, edition, match["path"], int(match["line"]) if match["line"]
                else None, what.strip(), fix.strip(), span)


class Collector(logging.Handler):
    """Collects our findings for one build (all editions), each once."""

    def __init__(self, editions: Callable[[], tuple[str, ...]]) -> None:
        super().__init__(logging.INFO)
        self.editions = editions
        self.items: list[Item] = []
        self._seen: set[tuple] = set()

    def emit(self, record: logging.LogRecord) -> None:
        kind, span = getattr(record, _EXTRA, ("other", None))
        level = "warning" if record.levelno >= logging.WARNING else "note"
        item = parse(record.getMessage(), level, kind, span, self.editions())
        if item is None:
            return
        key = (item.path, item.line, item.message, item.fix)
        if key not in self._seen:
            self._seen.add(key)
            self.items.append(item)

    # editions built in a second process (adapter/parallel.py)
    def parallel_child(self) -> None:
        self.items = []

    def parallel_state(self) -> list[Item]:
        return self.items

    def parallel_merge(self, items: list[Item]) -> None:
        for item in items:
            key = (item.path, item.line, item.message, item.fix)
            if key not in self._seen:
                self._seen.add(key)
                self.items.append(item)

    def forget(self, path: str) -> None:
        """A page about to be re-rendered alone (make site): its findings come anew."""
        self.items = [i for i in self.items if i.path != path]
        self._seen = {key for key in self._seen if key[0] != path}

    def replace(self, path: str, items: list[Item]) -> bool:
        """A page's findings as a preview process found them on re-rendering it alone;
        whether they differ from what was known."""
        if self.for_page(path) == items:
            return False
        self.forget(path)
        self.parallel_merge(items)
        return True

    def for_page(self, path: str) -> list[Item]:
        return [i for i in self.items if i.path == path]
