"""Make the leaflets of a built site: ``python -m klarinfo.leaflets.build SITE_DIR``.

Run after ``mkdocs build`` (``make leaflets`` does both). For every topic page named in
mkdocs.yml (``leaflets:`` under ``- klarinfo:``) and every edition, reads the built page
and its edition's feed (reviewed date), renders an A4 PDF with WeasyPrint beside the page,
skips pages the edition has not translated, writes the staff page (``leaflets/``) and
checks that every "Print this page" link of the site points at a leaflet that was made.
Exit status 1 with ``path: what — how to fix`` lines when something is wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from klarinfo.base import project
from klarinfo.editions import interface_texts
from klarinfo.leaflets import article, compose, staff_page
from klarinfo.leaflets.layout import LINK_CLASS, Target, targets
from klarinfo.partners import feed_path

#: Tagged PDF (issue #32): a structure tree of headings, paragraphs, lists and tables
#: with their header cells, the document's language (/Lang, from <html lang>) and title
#: (XMP dc:title, shown instead of the file name), so a screen reader reads the leaflet
#: in its logical order and a reader's text tools find its parts; untagged, a PDF is a
#: bag of positioned glyphs. About 10 % more bytes.
PDF_VARIANT = "pdf/ua-1"
MAX_BYTES = 300_000  # what a partner can mail on and an office printer spools quickly
#: how to fix a leaflet that asked for more than the page's own text and the site's files
REFUSED_FIX = ("a leaflet takes only the page's text and the site's own files; remove that "
               "markup from the page's source (the site's HTML net should have refused it: "
               "report how it got through)")
_LINK = re.compile(rf'<p class="{LINK_CLASS}"><a href="([^"]+)"')


def _feed_items(site: Path, edition: str) -> dict[str, dict]:
    path = site / feed_path(edition)
    if not path.exists():
        return {}
    return {item["url"]: item for item in json.loads(path.read_text("utf-8"))["items"]}


class Refused(Exception):
    """The leaflet asked for what it may not have (a file outside the site, the network,
    an attachment); ``what`` says each, one line a thing. No PDF is written."""

    def __init__(self, what: list[str]) -> None:
        super().__init__("; ".join(what))
        self.what = what


def make(site: Path, config: Path) -> tuple[list[staff_page.Entry], list[str], list[str]]:
    """All leaflets of the site: (entries made, pages left out with the reason, problems)."""
    from weasyprint import HTML  # slow to import; only the build needs it

    from klarinfo.leaflets.fetcher import SiteFetcher

    # Only files of the built site and data: images (the QR code): a page that names a
    # remote image must not make the build fetch it (privacy, reproducible leaflets), nor
    # may hostile HTML put a file of the build machine into a public PDF (issue #29).
    fetcher = SiteFetcher(site)

    proj = project.load(config)
    options = proj.plugin("klarinfo")
    site_url = str(proj.config.get("site_url") or "")
    site_name = str(proj.config.get("site_name") or "")
    names = {str(lang["locale"]): str(lang.get("name", lang["locale"]))
             for lang in proj.plugin("i18n").get("languages", [])}
    table = options.get("editions", {})
    made: list[staff_page.Entry] = []
    skipped: list[str] = []
    problems: list[str] = []
    refused: list[Path] = []  # leaflets not made for what they asked (reported already)
    feeds: dict[str, dict[str, dict]] = {}
    for target in targets(list(options.get("leaflets", [])), proj.editions(),
                          proj.default_edition()):
        html_path = target.html(site)
        if not html_path.exists():
            skipped.append(f"{target.url}: no page in this edition")
            continue
        url = urljoin(site_url, target.url)
        try:
            body = article.article(html_path.read_text("utf-8"), url)
        except article.Missing:
            skipped.append(f"{target.url}: not translated (the site shows the Swedish page)")
            continue
        except article.Refused as err:
            problems.append(f"{html_path}: no leaflet: the article has {err} — {REFUSED_FIX}")
            refused.append(target.pdf(site))
            target.pdf(site).unlink(missing_ok=True)  # nor one left from an earlier run
            continue
        except ValueError as err:
            problems.append(f"{html_path}: {err} — is this a page built by klarinfo?")
            continue
        items = feeds.setdefault(target.edition, _feed_items(site, target.edition))
        meta = items.get(url, {}).get("_klarinfo", {})
        edition = table.get(target.edition, {})
        leaflet = compose.Leaflet(
            lang=str(edition.get("lang", target.edition)), dir=str(edition.get("dir", "ltr")),
            url=url, title=article.title(body), article=body, reviewed=meta.get("reviewed"))
        document = compose.html(leaflet, interface_texts(proj.locales_dir, target.edition),
                                site_name)
        pdf = target.pdf(site)
        fetcher.clear()  # this leaflet's refusals only
        try:
            write_pdf(HTML(string=document, base_url=str(html_path.parent),
                           url_fetcher=fetcher), pdf, fetcher.clear)
        except Refused as err:
            problems += [f"{html_path}: no leaflet: it asks for {what} — {REFUSED_FIX}"
                         for what in err.what]
            refused.append(pdf)
            pdf.unlink(missing_ok=True)
            continue
        size = pdf.stat().st_size
        if size > MAX_BYTES:
            problems.append(f"{pdf}: {size} bytes, more than {MAX_BYTES} — shorten the page "
                            "or its worked examples, or raise MAX_BYTES with a reason")
        made.append(staff_page.Entry(
            page=target.page, edition=target.edition, language=names.get(target.edition, ""),
            lang=leaflet.lang, dir=leaflet.dir, title=leaflet.title, pdf_url=target.pdf_url,
            size=size, draft=meta.get("translation_status") == "draft"))
    problems += check_links(site, made, refused)
    return made, skipped, problems


def write_pdf(source: Any, pdf: Path,
              refusals: Callable[[], list[str]] = list) -> int:
    """Render a leaflet (a WeasyPrint ``HTML``) to ``pdf``, tagged (``PDF_VARIANT``);
    numbered when it takes more than one sheet (``compose.PAGE_NUMBERS``). Returns the
    number of sheets.

    Raises :class:`Refused`, writing nothing, when the rendered document would embed a
    file (``rel=attachment``, found in WeasyPrint's own reading of the HTML, so no parser
    differs from the one that acts) or when ``refusals()`` (the fetcher's, since the last
    call) names something it was refused: the leaflet would differ from the page."""
    from weasyprint import CSS

    rendered = source.render(stylesheets=[CSS(string=compose.PAGE_NUMBERS)])
    if len(rendered.pages) == 1:  # the same layout, without "1 / 1"
        rendered = source.render()
    # dict.fromkeys: a URL refused in both renders is named once
    what = list(dict.fromkeys(refusals() + attachments(rendered)))
    if what:
        raise Refused(what)
    rendered.write_pdf(pdf, pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
    return len(rendered.pages)


def attachments(rendered: Any) -> list[str]:
    """What a rendered WeasyPrint document would embed in its PDF: ``<link
    rel=attachment>`` (document metadata) and ``<a rel=attachment>`` (page links)."""
    found = [f"an attachment (<link rel=attachment>) {a.description or ''}".rstrip()
             for a in rendered.metadata.attachments]
    for page in rendered.pages:
        found += [f"an attachment (<a rel=attachment>) of {target}"
                  for kind, target, *_ in page.links if kind == "attachment"]
    return found


def check_links(site: Path, made: list[staff_page.Entry],
                refused: Sequence[Path] = ()) -> list[str]:
    """Every leaflet link on the site's pages must point at a leaflet that was made (or
    was refused: that is reported already, naming the page)."""
    wanted = {Target(e.page, e.edition, e.pdf_url.rsplit("/", 1)[0] + "/").pdf(site)
              for e in made} | set(refused)
    problems = []
    for page in site.rglob("index.html"):
        for href in _LINK.findall(page.read_text("utf-8")):
            pdf = (page.parent / href).resolve()
            if pdf not in {w.resolve() for w in wanted}:
                problems.append(f"{page}: links a leaflet that was not made ({href}) — a page "
                                "links its leaflet only where one is made; rebuild the site "
                                "with the same mkdocs.yml")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m klarinfo.leaflets.build",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site (mkdocs build -d SITE)")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    start = time.perf_counter()
    made, skipped, problems = make(args.site, args.config)
    entries = sorted(made, key=lambda e: e.page)  # stable: editions keep their order
    staff = staff_page.write(args.site, entries, str(project.load(args.config)
                                                     .config.get("site_name") or ""))
    for entry in made:
        print(f"{entry.pdf_url}  {staff_page.kilobytes(entry.size)}")
    for line in skipped:
        print(f"no leaflet: {line}")
    print(f"{len(made)} leaflets and {staff} in {time.perf_counter() - start:.1f} s")
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
