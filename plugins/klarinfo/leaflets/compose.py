"""The leaflet's HTML: a header a reader can act on, then the page's article.

Why a page of our own instead of printing the site page: Material's screen CSS, the
navigation, search, the quick-exit button and the footer mean nothing on paper. The
header carries what paper needs instead: where to read the page again (its address and a
QR code to the same page in the same edition) and when its facts were last checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

import segno

PRINT_CSS = Path(__file__).with_name("print.css")
#: A leaflet of several sheets says "2 / 3" under the text of each, so a pile that was
#: dropped or stapled wrong goes back in order; a one-sheet leaflet has no number. It sits
#: in print.css's 26 mm bottom margin, about 20 mm from the edge (the margin box centres
#: its content: 16 mm of padding lift it), left to right in every edition, as the URL
#: above it ("1 / 7", not "7 / 1" in Arabic). The layout is the same with or without it.
PAGE_NUMBERS = ('@page { @bottom-center { content: counter(page) " / " counter(pages); '
                'padding-bottom: 16mm; direction: ltr; '
                'font: 8.5pt "DejaVu Sans", sans-serif; } }')


@dataclass(frozen=True)
class Leaflet:
    lang: str
    dir: str  # "ltr" | "rtl"
    url: str  # absolute URL of the page (the QR code's target)
    title: str
    article: str  # HTML from article.article()
    reviewed: str | None  # ISO date from the page's front matter (via the edition's feed)


def qr_svg(url: str) -> str:
    """An SVG QR code (error correction M: survives a crease or a smudge) as a data URI;
    black on white, four modules of quiet zone as the standard asks."""
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=4,
                                                               dark="#000", light="#fff")


def html(leaflet: Leaflet, texts: dict[str, str], site_name: str) -> str:
    """The whole leaflet document, ready for WeasyPrint. Fonts come from the system
    (print.css): Debian's Noto Naskh Arabic is the site's Arabic typeface with complete
    tables; the site's own woff2 subset made pypdf and pdftotext extract Arabic as
    unrelated letters (a PDF whose text cannot be copied or read aloud)."""
    def t(key: str) -> str:
        return escape(texts.get(key, key))
    reviewed = (f'<p class="leaflet-reviewed">{t("klarinfo.leaflet.reviewed")} '
                f'<time datetime="{escape(leaflet.reviewed)}">{escape(leaflet.reviewed)}</time></p>'
                if leaflet.reviewed else "")
    css = PRINT_CSS.read_text(encoding="utf-8")
    # A tagged PDF (PDF/UA) needs every figure described: the QR code is the address
    # printed beside it, so that is what a screen reader says.
    qr_alt = f"QR: {leaflet.url}"
    return (
        f'<!doctype html>\n<html lang="{escape(leaflet.lang)}" dir="{escape(leaflet.dir)}">\n'
        f'<head><meta charset="utf-8"><title>{escape(leaflet.title)}</title>\n'
        f'<meta name="author" content="{escape(site_name)}">\n'
        f"<style>{css}</style></head>\n<body>\n"
        f'<header class="leaflet-head">\n'
        f'<img class="leaflet-qr" src="{qr_svg(leaflet.url)}" alt="{escape(qr_alt)}">\n'
        f'<p class="leaflet-site">{escape(site_name)}</p>\n'
        f'<p class="leaflet-scan">{t("klarinfo.leaflet.scan")}</p>\n'
        f'<p class="leaflet-url" dir="ltr">{escape(leaflet.url)}</p>\n{reviewed}\n'
        f"</header>\n<main>\n{leaflet.article}\n</main>\n</body>\n</html>\n"
    )
