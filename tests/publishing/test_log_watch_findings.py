"""Issue 30: every warning MkDocs, its theme or a plugin logs during a build becomes a
finding (the collector on our logger hears it) without being printed twice: one about a
link in a page at the link's line, one that names no file at mkdocs.yml. Our own lines
are collected once, as before."""

from __future__ import annotations

import logging

from klarinfo.findings import Collector
from klarinfo.publishing.log_watch import OURS, PAGES, LogWatch


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_mkdocs_warnings_reach_the_collector_located(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sv").mkdir(parents=True)
    (docs / "sv" / "om.md").write_text("# Om\n\nText.\n\nSe [start](/index.md).\n", "utf-8")
    watch, collector, printed = LogWatch(docs, tmp_path), Collector(lambda: ("sv",)), _Lines()
    watch.start()
    logging.getLogger(OURS).addHandler(collector)
    logging.getLogger("mkdocs").addHandler(printed)
    try:
        logging.getLogger(PAGES).warning(
            "Doc file 'sv/om.md' contains an absolute link '/index.md', it was left as is.")
        logging.getLogger("mkdocs.structure.nav").warning(
            "A reference to 'saknas.md' is included in the 'nav' configuration, which is "
            "not found in the documentation files.")
        logging.getLogger(OURS).warning("docs/sv/om.md:3: ours — fix it")
    finally:
        logging.getLogger("mkdocs").removeHandler(printed)
        logging.getLogger(OURS).removeHandler(collector)
        watch.stop()
    found = [(i.kind, i.path, i.line, i.message) for i in collector.items]
    assert found == [
        ("other", "docs/sv/om.md", 5, "Doc file 'sv/om.md' contains an absolute link "
         "'/index.md', it was left as is."),
        ("other", "mkdocs.yml", None, "A reference to 'saknas.md' is included in the 'nav' "
         "configuration, which is not found in the documentation files."),
        ("other", "docs/sv/om.md", 3, "ours")]
    assert printed.lines[1].startswith("A reference to 'saknas.md'")  # printed as it was
    assert len(printed.lines) == 3 and watch.warnings == 3
