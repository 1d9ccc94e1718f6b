"""Issue 32, item 4: leaflets for everyone.

Tagged PDFs (PDF/UA-1: structure tree, language, title) so a screen reader follows the
logical order; web links print their address (paper cannot follow a link); tables
legible beside the body text. The leaflets are the session's (conftest: made once).
"""

from __future__ import annotations

import re
import statistics
import subprocess

import pytest
from conftest import SITE_URL, TOPICS
from klarinfo.editions import interface_texts
from klarinfo.leaflets import article, compose
from pypdf import PdfReader
from sitebuild import EDITIONS, EXPECTED
from test_leaflets import ALL, pdf_of, prefix

#: what poppler's pdftotext itself puts around every right-to-left run (LRE, RLE, PDF),
#: for any PDF, tagged or not; the other direction controls can only come from the text
POPPLER_EMBEDDINGS = "\u202a\u202b\u202c"
DIRECTION_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def pdftotext(pdf, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_every_leaflet_is_tagged_with_its_language_and_title(leaflets):
    for page, edition in ALL:
        pdf = pdf_of(leaflets.site, page, edition)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.M), (page, edition, info)
        reader = PdfReader(pdf)
        catalog = reader.trailer["/Root"]
        assert catalog["/Lang"] == EXPECTED[edition][0], (page, edition)
        assert bool(catalog["/MarkInfo"]["/Marked"]), (page, edition)
        assert "/StructTreeRoot" in catalog, (page, edition)
        html = (leaflets.site / f"{prefix(edition)}{page}" / "index.html").read_text("utf-8")
        title = article.title(article.article(html, SITE_URL))
        assert title and reader.metadata.title == title, (page, edition)
        assert reader.xmp_metadata.dc_title["x-default"] == title, (page, edition)


def test_arabic_text_carries_no_direction_controls(leaflets):
    """The leaflet's own text (pypdf reads it as stored) has no direction marks, embeddings
    or isolates; pdftotext adds its LRE/RLE/PDF around right-to-left runs of any PDF (a
    three-word tagged PDF gets them too), and nothing else."""
    for page in TOPICS:
        pdf = pdf_of(leaflets.site, page, "ar")
        stored = "".join(p.extract_text() for p in PdfReader(pdf).pages)
        assert not DIRECTION_CONTROLS.findall(stored), (page, set(
            DIRECTION_CONTROLS.findall(stored)))
        extracted = pdftotext(pdf)
        others = {c for c in DIRECTION_CONTROLS.findall(extracted)
                  if c not in POPPLER_EMBEDDINGS}
        assert not others, (page, others)


@pytest.mark.parametrize("edition", [e for e in EDITIONS if e != "sv"])
def test_the_swedish_original_link_prints_its_address(leaflets, edition):
    link = interface_texts(leaflets.project / "locales", edition)
    for page in TOPICS:
        text = pdftotext(pdf_of(leaflets.site, page, edition))
        flat = " ".join(re.sub(f"[{POPPLER_EMBEDDINGS}]", "", text).split())
        assert f"klarinfo.example.org/{page}/" in flat, (page, edition, link)


def test_internal_links_print_their_address_in_swedish_too(leaflets):
    text = " ".join(pdftotext(pdf_of(leaflets.site, "foraldrapenning", "sv")).split())
    assert "Så räknar vi (klarinfo.example.org/sa-raknar-vi/)" in text


def test_address_shown_for_web_links_only_and_shortened_when_long():
    assert article.address("https://klarinfo.example.org/tolk/") == "klarinfo.example.org/tolk/"
    assert article.address("tel:112") == ""
    long = "https://www.example.se/" + "a/" * 30 + "?q=1#x"
    assert article.address(long) == "www.example.se/" + "a/" * 30
    out = article.printable('<p><a href="/tolk/">Tolk</a> <a href="tel:112">112</a> '
                            f'<a href="{SITE_URL}">{SITE_URL}</a></p>', SITE_URL)
    assert out == (f'<p><a href="{SITE_URL}tolk/">Tolk</a> <span class="leaflet-address" '
                   f'dir="ltr">(klarinfo.example.org/tolk/)</span> <a href="tel:112">112</a> '
                   f'<a href="{SITE_URL}">{SITE_URL}</a></p>')


def font_sizes(box, inside=(), out=None):
    """(font size, tags of the enclosing elements) of every text box under ``box``."""
    from weasyprint.formatting_structure import boxes
    out = [] if out is None else out
    tags = inside + ((box.element_tag,) if box.element is not None else ())
    if isinstance(box, boxes.TextBox):
        out.append((box.style["font_size"], tags))
    for child in getattr(box, "children", ()):
        font_sizes(child, tags, out)
    return out


def test_arabic_parental_tables_are_at_least_0_8_of_body_text(leaflets):
    """The document the build renders (compose.html of the built page), laid out by
    WeasyPrint: table cells were 7.5 pt under 12 pt Arabic body text (0.62)."""
    from weasyprint import HTML
    page, edition = "foraldrapenning", "ar"
    url = f"{SITE_URL}ar/{page}/"
    html = (leaflets.site / "ar" / page / "index.html").read_text("utf-8")
    body = article.article(html, url)
    leaflet = compose.Leaflet(lang="ar", dir="rtl", url=url, title=article.title(body),
                              article=body, reviewed=None)
    document = compose.html(leaflet, interface_texts(leaflets.project / "locales", edition),
                            "Klarinfo")
    rendered = HTML(string=document, base_url=str(leaflets.site / "ar" / page)).render()
    sizes = [s for p in rendered.pages for s in font_sizes(p._page_box)]
    cells = [size for size, tags in sizes if "td" in tags or "th" in tags]
    text = [size for size, tags in sizes if tags[-1] == "p" and "main" in tags
            and not {"table", "figure", "div", "header"} & set(tags)]
    assert len(cells) > 100 and len(text) > 20, (len(cells), len(text))
    ratio = statistics.median(cells) / statistics.median(text)
    assert ratio >= 0.8, (ratio, statistics.median(cells), statistics.median(text))
