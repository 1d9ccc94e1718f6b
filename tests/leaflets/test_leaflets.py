"""Issue 21: every topic page as a printable A4 leaflet in every edition.

Real build (as `make leaflets`), real WeasyPrint; the PDFs are read back with pypdf,
rendered with pdftoppm and their QR codes decoded with zbarimg.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from conftest import SITE_URL, TOPICS, make_leaflets
from klarinfo.editions import interface_texts
from klarinfo.leaflets import article
from pypdf import PdfReader
from sitebuild import EDITIONS, copy_project

A4 = (595.28, 841.89)  # points
MARGIN_BAND_MM = 15  # office printers keep 4–6 mm unprinted; the stylesheet keeps 18 mm
_TAGS = re.compile(r"<[^>]+>")


def prefix(edition: str) -> str:
    return "" if edition == "sv" else f"{edition}/"


def pdf_of(site: Path, page: str, edition: str) -> Path:
    return site / f"{prefix(edition)}{page}" / f"{page}-{edition}.pdf"


def text_of(pdf: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(pdf).pages)


def headings(site: Path, page: str, edition: str) -> list[str]:
    """h1 and h2 texts of the built page, in document order."""
    html = (site / f"{prefix(edition)}{page}" / "index.html").read_text("utf-8")
    body = article.article(html, SITE_URL)
    return [" ".join(unescape(_TAGS.sub("", h)).split())
            for h in re.findall(r"<h[12]\b[^>]*>(.*?)</h[12]>", body, re.S)]


def squeeze(text: str) -> str:
    return " ".join(text.split())


ALL = [(page, edition) for edition in EDITIONS for page in TOPICS]


def test_every_topic_page_has_one_a4_leaflet_per_edition_within_300_kb(leaflets):
    for page, edition in ALL:
        pdf = pdf_of(leaflets.site, page, edition)
        assert pdf.exists(), f"{pdf} missing:\n{leaflets.output}"
        assert pdf.stat().st_size <= 300_000, (pdf, pdf.stat().st_size)
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 1
        for p in reader.pages:
            box = (float(p.mediabox.width), float(p.mediabox.height))
            assert box == pytest.approx(A4, abs=1), (pdf, box)
    assert len(list(leaflets.site.rglob("*.pdf"))) == len(ALL)


def test_a_leaflet_of_several_sheets_numbers_them(leaflets):
    """"2 / 3" on every sheet of a longer leaflet, in its reading order; none on one sheet."""
    counts = {}
    for page, edition in ALL:
        sheets = PdfReader(pdf_of(leaflets.site, page, edition)).pages
        counts[(page, edition)] = len(sheets)
        for number, sheet in enumerate(sheets, start=1):
            numbers = re.findall(r"(?<!\d)(\d+) / (\d+)(?!\d)", sheet.extract_text())
            wanted = [(str(number), str(len(sheets)))] if len(sheets) > 1 else []
            assert numbers == wanted, (page, edition, number, numbers)
    assert max(counts.values()) > 1, counts


def test_a_table_caption_stays_on_the_sheet_of_its_table(leaflets):
    """No sheet ends with a table's caption while the table starts on the next (it did in
    four leaflets before the article wrapped each table; see print.css .leaflet-table)."""
    seen = 0
    for page, edition in ALL:
        html = (leaflets.site / f"{prefix(edition)}{page}" / "index.html").read_text("utf-8")
        captions = {squeeze(unescape(_TAGS.sub("", c)))
                    for c in re.findall(r"<caption>(.*?)</caption>", html, re.S)}
        if not captions:
            continue
        pdf = pdf_of(leaflets.site, page, edition)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        sheets = [[squeeze(line) for line in sheet.splitlines() if line.strip()]
                  for sheet in text.split("\f")]
        seen += sum(line in captions for sheet in sheets for line in sheet)
        for number, lines in enumerate(sheets[:-1], start=1):
            lines = [line for line in lines if not re.fullmatch(r"\d+ ?/ ?\d+", line)]
            assert not lines or lines[-1] not in captions, (page, edition, number, lines[-1])
    assert seen > 20  # captions are found as lines of their own


def test_a_leaflet_of_one_sheet_has_no_number(tmp_path):
    from klarinfo.leaflets.build import write_pdf
    from weasyprint import HTML

    short, long = tmp_path / "short-sv.pdf", tmp_path / "long-sv.pdf"
    assert write_pdf(HTML(string="<p>Kort text.</p>"), short) == 1
    assert write_pdf(HTML(string="<p>" + "ord " * 2000 + "</p>"), long) > 1
    assert not re.search(r"\d+ / \d+", text_of(short))
    assert re.search(r"(?<!\d)1 / \d+", text_of(long))


@pytest.mark.parametrize("edition", EDITIONS)
def test_text_is_the_editions_own_in_reading_order(leaflets, edition):
    """Headings come out in the page's order, as written (Arabic in logical order, not
    reversed or unjoined), and a translation is not the Swedish page under a new name."""
    for page in TOPICS:
        text = squeeze(text_of(pdf_of(leaflets.site, page, edition)))
        wanted = headings(leaflets.site, page, edition)
        assert len(wanted) >= 3, wanted
        at = 0
        for heading in wanted:  # each heading after the one before it
            found = text.find(heading, at)
            assert found >= 0, (page, edition, heading, "not found after", text[at - 80:at])
            at = found + len(heading)
        if edition not in ("sv", "sv-latt"):
            swedish = headings(leaflets.site, page, "sv")[0]
            assert swedish not in text, (page, edition)
        if edition == "ar":
            letters = [c for c in text if c.isalpha()]
            arabic = [c for c in letters if "\u0600" <= c <= "\u06ff"]
            assert len(arabic) > 0.6 * len(letters), (page, len(arabic), len(letters))


def test_fonts_are_embedded_and_subset_with_the_sites_arabic_typeface(leaflets):
    for page, edition in ALL:
        reader = PdfReader(pdf_of(leaflets.site, page, edition))
        names = set()
        for p in reader.pages:
            fonts = p["/Resources"].get_object().get("/Font", {})
            for ref in fonts.values():
                font = ref.get_object()
                descendant = font["/DescendantFonts"][0].get_object() \
                    if "/DescendantFonts" in font else font
                descriptor = descendant["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), \
                    (page, edition, font["/BaseFont"])
                names.add(str(font["/BaseFont"]))
        assert names and all(re.match(r"/?[A-Z]{6}\+", n) for n in names), names
        if edition == "ar":
            assert any("Noto-Naskh-Arabic" in n for n in names), names


def test_qr_code_leads_to_the_same_page_in_the_same_edition(leaflets, tmp_path):
    for page, edition in ALL:
        png = tmp_path / f"{page}-{edition}"
        subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile",
                        str(pdf_of(leaflets.site, page, edition)), str(png)], check=True)
        proc = subprocess.run(["zbarimg", "-q", "--raw", f"{png}.png"],
                              capture_output=True, text=True)
        assert proc.stdout.strip() == f"{SITE_URL}{prefix(edition)}{page}/", (page, edition,
                                                                               proc.stdout)


def test_reviewed_date_and_draft_status_in_the_editions_language(leaflets):
    for page, edition in ALL:
        texts = interface_texts(leaflets.project / "locales", edition)
        source = (leaflets.project / "docs" / edition / f"{page}.md").read_text("utf-8")
        reviewed = re.search(r"^reviewed: (\S+)", source, re.M).group(1)
        draft = re.search(r"^translation_status: draft", source, re.M) is not None
        text = squeeze(text_of(pdf_of(leaflets.site, page, edition)))
        assert f"{texts['klarinfo.leaflet.reviewed']}" in text, (page, edition)
        assert reviewed in text, (page, edition, reviewed)
        # a sentence's final stop is neutral: bidi puts it at the visual end of Arabic lines
        notice = squeeze(texts["klarinfo.draft.notice"]).rstrip(".")
        assert (notice in text) == draft, (page, edition)


def margin_ink(png: Path, band_mm: float = MARGIN_BAND_MM) -> list[tuple[int, int]]:
    """Pixels that are not white within ``band_mm`` of the page's edge."""
    from PIL import Image
    image = Image.open(png).convert("L")
    width, height = image.size
    band = round(band_mm / 210 * width)
    pixels = image.load()
    return [(x, y) for y in range(0, height, 2) for x in range(0, width, 2)
            if (x < band or x >= width - band or y < band or y >= height - band)
            and pixels[x, y] < 245]


def render(pdf: Path, out: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / pdf.stem)], check=True)
    return sorted(out.glob(f"{pdf.stem}-*.png"))


@pytest.mark.parametrize("edition", EDITIONS)
def test_nothing_is_cut_off_at_the_margins(leaflets, artefacts, edition):
    """The longest leaflet (worked examples with wide tables) of each edition, every page
    rendered and kept in the artefacts: no ink within 15 mm of the paper's edge."""
    pngs = render(pdf_of(leaflets.site, "foraldrapenning", edition), artefacts)
    assert len(pngs) >= 2
    for png in pngs:
        ink = margin_ink(png)
        assert not ink, f"{png}: {len(ink)} pixels of ink in the margin, e.g. {ink[:3]}"


def test_margin_check_catches_ink_at_the_edge(tmp_path):
    """Planted defect: a page printed with 5 mm margins is caught."""
    from weasyprint import HTML
    pdf = tmp_path / "edge-sv.pdf"
    HTML(string="<style>@page{size:A4;margin:5mm}</style><p>Text at the edge of the paper "
                + "ord " * 400 + "</p>").write_pdf(pdf)
    assert margin_ink(render(pdf, tmp_path)[0])


def test_topic_pages_link_their_leaflet_in_their_language(leaflets, site):
    for page, edition in ALL:
        html = (leaflets.site / f"{prefix(edition)}{page}" / "index.html").read_text("utf-8")
        link = interface_texts(leaflets.project / "locales", edition)["klarinfo.leaflet.link"]
        assert (f'<p class="klarinfo-leaflet"><a href="{page}-{edition}.pdf" '
                f'type="application/pdf">{link}</a></p>') in html, (page, edition)
    # not on other pages, and not in a build that makes no leaflets (make build)
    assert "klarinfo-leaflet" not in (leaflets.site / "om" / "index.html").read_text("utf-8")
    assert "klarinfo-leaflet" not in (site / "tolk" / "index.html").read_text("utf-8")


def test_staff_page_lists_every_leaflet_with_its_size(leaflets):
    html = (leaflets.site / "leaflets" / "index.html").read_text("utf-8")
    rows = re.findall(r'<a href="\.\./([^"]+\.pdf)"[^>]*>[^<]*</a></td>'
                      r'<td class="size">(\d+)\u00a0kB</td>', html)
    assert len(rows) == len(ALL)
    for url, kb in rows:
        size = (leaflets.site / url).stat().st_size
        assert int(kb) == max(1, round(size / 1000)), (url, kb, size)
    assert html.count('lang="ar" dir="rtl"') == 2 * len(TOPICS)


def test_untranslated_page_gets_no_leaflet_and_no_link(tmp_path):
    """Planted: Somali loses its tolk page; the site shows the Swedish page there, so no
    Somali leaflet (Swedish text under a Somali name) is made or linked or listed."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "so" / "tolk.md").unlink()
    made = make_leaflets(project, tmp_path / "site", edition="so")
    assert made.returncode == 0, made.output
    assert "no leaflet: so/tolk/: not translated" in made.output
    assert not pdf_of(made.site, "tolk", "so").exists()
    assert pdf_of(made.site, "vald", "so").exists() and pdf_of(made.site, "tolk", "sv").exists()
    assert "klarinfo-leaflet" not in (made.site / "so" / "tolk" / "index.html").read_text("utf-8")
    assert "tolk-so.pdf" not in (made.site / "leaflets" / "index.html").read_text("utf-8")


def test_a_link_without_a_leaflet_fails_naming_the_page(leaflets, tmp_path):
    """Planted: the site links the tolk leaflets, but the CLI is told tolk gets none."""
    site = tmp_path / "site"
    shutil.copytree(leaflets.site, site)
    for pdf in site.rglob("tolk-*.pdf"):
        pdf.unlink()
    config = leaflets.project / "mkdocs-no-tolk.yml"
    config.write_text((leaflets.project / "mkdocs.yml").read_text("utf-8").replace(
        "leaflets: [foraldrapenning, bostadsbidrag, vald, tolk]",
        "leaflets: [foraldrapenning, bostadsbidrag, vald]"), encoding="utf-8")
    import os
    import sys
    proc = subprocess.run([sys.executable, "-m", "klarinfo.leaflets.build", str(site),
                           "--config", str(config)], capture_output=True, text=True,
                          cwd=leaflets.project, env={**os.environ,
                                                     "KLARINFO_SITE_URL": SITE_URL})
    assert proc.returncode == 1
    assert f"{site / 'so' / 'tolk' / 'index.html'}: links a leaflet that was not made " \
           "(tolk-so.pdf)" in proc.stderr, proc.stderr


def test_article_core_leaves_out_fallback_pages_and_popovers():
    page = ('<article class="md-content__inner md-typeset"><div class="klarinfo-notice '
            'klarinfo-notice--fallback" role="note"><p>x</p></div><h1>Tolk</h1></article>')
    with pytest.raises(article.Missing):
        article.article(page, SITE_URL + "so/tolk/")
    page = ('<article class="md-content__inner md-typeset"><h1>T</h1><p><span class="'
            'klarinfo-term"><button type="button" class="klarinfo-term__button" popovertarget='
            '"d">tolk</button><span class="klarinfo-term__definition" id="d" popover><strong>'
            'tolk</strong>: def <a href="../ordlista/#tolk">mer</a></span></span> '
            '<a href="../vald/">vald</a></p><p class="klarinfo-leaflet"><a href="t.pdf">P</a>'
            "</p></article>")
    out = article.article(page, SITE_URL + "so/tolk/")
    assert out == (f'<h1>T</h1><p><span class="klarinfo-term">tolk</span> '
                   f'<a href="{SITE_URL}so/vald/">vald</a> <span class="leaflet-address" '
                   f'dir="ltr">(klarinfo.example.org/so/vald/)</span></p>')


def test_swedish_footer_links_the_staff_page_only_in_a_leaflet_build(leaflets, site):
    link = '<a class="klarinfo-footer-link" href="../leaflets/">'
    assert link in (leaflets.site / "om" / "index.html").read_text("utf-8")
    assert (leaflets.site / "leaflets" / "index.html").is_file()
    assert "/leaflets/" not in (leaflets.site / "en" / "om" / "index.html").read_text("utf-8")
    for page in ("om", "tolk"):  # `make build`: no staff page, so no link to it
        assert 'href="../leaflets/"' not in (site / page / "index.html").read_text("utf-8")
