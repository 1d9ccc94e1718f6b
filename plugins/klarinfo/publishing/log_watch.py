"""What the build logs, watched for the whole build (every edition).

Counts warnings, so a build without --strict can refuse to publish a site with
findings; and gives MkDocs' missing-anchor warnings the line of the link in the
Markdown file (``anchor_links``), once, not once per edition showing the page.

It also keeps the log level from deciding what a build checks (issue 29, item 10).
MkDocs drops a record below its logger's level before any handler sees it, so under
``-q`` (level ERROR) neither --strict's counter nor ours saw a warning and a broken site
was published (mkdocs#4126); and MkDocs collects the links to anchors only when its page
logger is above DEBUG, so under ``-v`` no anchor was checked at all (mkdocs#3991).
While a build that refuses warnings runs, warnings are therefore always let through
(``-q`` still silences the INFO lines), and the page logger stays at INFO (it logs
nothing at DEBUG, so ``-v`` loses no line).
"""

from __future__ import annotations

import logging
from pathlib import Path

from klarinfo.base.errors import shown_path
from klarinfo.publishing import anchor_links

#: MkDocs' logger (every warning, ours included, goes through it) and the one whose level
#: decides whether links to anchors are collected (``Page.render``).
MKDOCS, PAGES = "mkdocs", "mkdocs.structure.pages"


class LogWatch(logging.Filter):
    def __init__(self, docs_dir: Path, root: Path) -> None:
        super().__init__()
        self.docs_dir, self.root = docs_dir, root
        self.warnings = 0
        self.seen: set[str] = set()
        self.counter = logging.Handler(logging.WARNING)
        self.counter.emit = self._count  # type: ignore[method-assign]
        self.levels: dict[str, int] = {}  # logger → the level it had before start()

    def start(self, refuse_warnings: bool = True) -> None:
        """Watch from here on. ``refuse_warnings``: the build fails on a warning (--strict,
        or our own refusal), so no flag may hide one from the counters."""
        logging.getLogger(PAGES).addFilter(self)
        logging.getLogger(MKDOCS).addHandler(self.counter)
        if logging.getLogger(PAGES).getEffectiveLevel() <= logging.DEBUG:  # -v
            self._set_level(PAGES, logging.INFO)
        if refuse_warnings and logging.getLogger(MKDOCS).getEffectiveLevel() > logging.WARNING:
            self._set_level(MKDOCS, logging.WARNING)  # -q

    def stop(self) -> None:
        logging.getLogger(PAGES).removeFilter(self)
        logging.getLogger(MKDOCS).removeHandler(self.counter)
        for name, level in self.levels.items():
            logging.getLogger(name).setLevel(level)
        self.levels.clear()

    def _set_level(self, name: str, level: int) -> None:
        logger = logging.getLogger(name)
        self.levels.setdefault(name, logger.level)
        logger.setLevel(level)

    def _count(self, record: logging.LogRecord) -> None:
        self.warnings += 1

    # editions built in a second process (adapter/parallel.py)
    def parallel_child(self) -> None:
        self.warnings = 0

    def parallel_state(self) -> int:
        return self.warnings

    def parallel_merge(self, warnings: int) -> None:
        """Count the second process's warnings here; one line on MkDocs' own logger, so
        that `mkdocs build --strict` stops for them too (its counter lives here)."""
        if warnings:
            logging.getLogger("mkdocs.plugins.klarinfo").warning(
                f"{warnings} warning(s) above came from the editions built alongside")
            self.warnings += warnings - 1  # the line above counted itself

    def filter(self, record: logging.LogRecord) -> bool:
        missing = anchor_links.parse(record.getMessage())
        if missing is None:
            return True
        source = self.docs_dir / missing.source
        text = source.read_bytes().decode("utf-8", errors="replace") if source.is_file() else ""
        target = missing.target
        edition = target.split("/")[0] if target and target.split("/")[0] != \
            missing.source.split("/")[0] else None
        shown = shown_path(source, self.root)
        finding = anchor_links.finding(missing, text, shown, target and shown_path(
            self.docs_dir / target, self.root), edition)
        if str(finding) in self.seen:
            return False  # the same Swedish page, shown again in another edition
        self.seen.add(str(finding))
        record.msg, record.args = str(finding), ()
        return True
