"""What `make site` adds to the preview: the panel on each page and the `/_findings/` page.

Kept apart from the build's output by construction: the publishing plugin calls this only
for `mkdocs serve`, so a built site has neither (a test greps it).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from klarinfo.findings import index_page, panel
from klarinfo.findings.collect import Collector, Item

FOLDER = index_page.FOLDER


def page(html: str, items: Sequence[Item], tr: gettext.NullTranslations,
         index_url: str) -> str:
    """A page's content HTML with its findings highlighted and the panel under the page's
    title (or in front, for a page without one)."""
    spans = [(n, i.span) for n, i in enumerate(items) if i.span]
    marked, found = panel.highlight(html, spans)
    head, title_end, body = marked.partition("</h1>")
    if not title_end:
        head, body = "", marked
    return head + title_end + panel.render(items, found, tr, index_url) + body


def replace(collector: Collector, reports: Sequence[Mapping[str, list[Item]]]) -> bool:
    """The findings of pages re-rendered in the preview processes, each report a page's
    path → its findings, in place of theirs; whether any changed. Written once per save,
    and only then: at N = 1 000 × 5 the index lists some 20 000 findings (0.2 s)."""
    changed = [collector.replace(path, items) for found in reports for path, items in found.items()]
    return any(changed)


def write_index(site: Path, items: Sequence[Item], page_urls: Mapping[str, str],
                edition, translator: Callable[..., gettext.NullTranslations]) -> Path:
    """``site/_findings/index.html`` in the default edition's language."""
    out = site / FOLDER / "index.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    styles = sorted(p.relative_to(site).as_posix() for p in (
        *site.glob("assets/stylesheets/main.*.css"), *site.glob("assets/klarinfo.css"))
        if p.suffix == ".css")
    urls = {path: f"../{url}" for path, url in page_urls.items()}
    out.write_text(index_page.render(items, urls, [f"../{s}" for s in styles], edition.lang,
                                     edition.dir, translator(edition)), encoding="utf-8")
    return out
