"""What the build logs, watched for the whole build (every edition).

Counts warnings, so a build without --strict can refuse to publish a site with
findings; and gives MkDocs' missing-anchor warnings the line of the link in the
Markdown file (``anchor_links``), once, not once per edition showing the page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from klarinfo.base.errors import shown_path
from klarinfo.publishing import anchor_links


class LogWatch(logging.Filter):
    def __init__(self, docs_dir: Path, root: Path) -> None:
        super().__init__()
        self.docs_dir, self.root = docs_dir, root
        self.warnings = 0
        self.seen: set[str] = set()
        self.counter = logging.Handler(logging.WARNING)
        self.counter.emit = self._count  # type: ignore[method-assign]

    def start(self) -> None:
        logging.getLogger("mkdocs.structure.pages").addFilter(self)
        logging.getLogger("mkdocs").addHandler(self.counter)

    def stop(self) -> None:
        logging.getLogger("mkdocs.structure.pages").removeFilter(self)
        logging.getLogger("mkdocs").removeHandler(self.counter)

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
