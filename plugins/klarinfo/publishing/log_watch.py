"""What the build logs, watched for the whole build (every edition).

Counts warnings, so a build without --strict can refuse to publish a site with
findings; and gives MkDocs' warnings about a link to a missing anchor or page the line
of the link in the Markdown file and a fix (``anchor_links``), once, not once per edition
showing the page. MkDocs' line about a link safety refused (``javascript:``) is dropped:
safety reports that link itself, at its line.

MkDocs' own warnings are findings too (issue 30): `make findings` must carry every
warning that fails a strict build, not only ours. They are logged on MkDocs' loggers,
which our logger's handlers (the findings collector) never see, so the counter, which
sees every warning, hands each of them to those handlers as well (kind ``other``: every
kind of finding needs a label in every catalog, `/_findings/`); it does not log them
again, so nothing is printed twice. One that names no file (a theme or plugin warning, a
nav entry) still fails a strict build, so it is handed over located at ``mkdocs.yml``.

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

import copy
import logging
import re
from pathlib import Path

from klarinfo.base.errors import shown_path
from klarinfo.findings import collect, tag
from klarinfo.publishing import anchor_links

#: MkDocs' logger (every warning, ours included, goes through it), the one whose level
#: decides whether links to anchors are collected (``Page.render``), and ours.
MKDOCS, PAGES, OURS = "mkdocs", "mkdocs.structure.pages", "mkdocs.plugins.klarinfo"
#: The finding kind (``findings.sarif.RULES``) of what MkDocs reports; where a warning
#: that names no file is located (what configures the build).
OTHER, CONFIG = "other", "mkdocs.yml"
#: Any other link MkDocs names in a page (absolute, unrecognised, excluded target).
_DOC_LINK = re.compile(r"^Doc file '(?P<source>[^']+)' contains (?:an? [\w ]*?link "
                       r"(?:to )?)'(?P<link>[^']*)'")


class LogWatch(logging.Filter):
    def __init__(self, docs_dir: Path, root: Path) -> None:
        super().__init__()
        self.docs_dir, self.root = docs_dir, root
        self.warnings = 0
        self.seen: set[str] = set()
        self.counter = logging.Handler(logging.WARNING)
        self.counter.emit = self._count  # type: ignore[method-assign]
        self.levels: dict[str, int] = {}  # logger → the level it had before start()
        self._pages: list[str] | None = None  # docs_dir's pages, read on the first need

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
        if record.name == OURS or record.name.startswith(OURS + "."):
            return  # our handlers saw it already
        finding = copy.copy(record)  # what handlers after this one see stays as it was
        finding.__dict__.update(tag(OTHER)["extra"])
        if collect.parse(record.getMessage()) is None:
            finding.msg, finding.args = f"{CONFIG}: {record.getMessage()}", ()
        for handler in logging.getLogger(OURS).handlers:
            if finding.levelno >= handler.level:
                handler.handle(finding)

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
        """Rewrite MkDocs' line about a link in a page to say where and how to fix it;
        False for a line already given (another edition) or about a refused link."""
        message = record.getMessage()
        missing = anchor_links.parse(message)
        page = anchor_links.parse_missing_page(message) if missing is None else None
        other = _DOC_LINK.match(message) if missing is None and page is None else None
        if missing is not None and anchor_links.is_refused(missing):
            return False
        if missing is not None:
            line = self._anchor(missing)
        elif page is not None:
            source = self.docs_dir / page.source
            line = str(anchor_links.page_finding(
                page, self._text(page.source), shown_path(source, self.root),
                anchor_links.closest_page(page, self._all_pages())))
        elif other is not None:
            lines = anchor_links.lines_of(self._text(other["source"]), other["link"])
            where = shown_path(self.docs_dir / other["source"], self.root)
            line = f"{where}:{lines[0]}: {message}" if lines else message
        else:
            return True
        if line in self.seen:
            return False  # the same Swedish page, shown again in another edition
        self.seen.add(line)
        record.msg, record.args = line, ()
        return True

    def _anchor(self, missing: anchor_links.MissingAnchor) -> str:
        target = missing.target
        edition = target.split("/")[0] if target and target.split("/")[0] != \
            missing.source.split("/")[0] else None
        shown = shown_path(self.docs_dir / missing.source, self.root)
        return str(anchor_links.finding(missing, self._text(missing.source), shown,
                                        target and shown_path(self.docs_dir / target,
                                                              self.root), edition))

    def _text(self, page: str) -> str:
        source = self.docs_dir / page
        return source.read_bytes().decode("utf-8", errors="replace") if source.is_file() else ""

    def _all_pages(self) -> list[str]:
        if self._pages is None:
            self._pages = sorted(p.relative_to(self.docs_dir).as_posix()
                                 for p in self.docs_dir.rglob("*.md") if p.is_file())
        return self._pages
