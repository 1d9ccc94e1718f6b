"""The page for service-office staff: every leaflet by topic and language, with its size.

Why written after the leaflets: only then are the files and their sizes known, and a
page that lists a leaflet that was not made would send staff to a dead link. The page is
Swedish (the staff's working language); each title and language name carries its own
``lang``/``dir`` so screen readers switch voice. It loads one stylesheet of its own and no
script, so the site's Content-Security-Policy holds for it unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from klarinfo.leaflets.layout import STAFF_FOLDER

PAGE = f"{STAFF_FOLDER}index.html"  # site-relative
STYLESHEET = "assets/leaflets.css"
CSS = Path(__file__).with_name("staff.css")


@dataclass(frozen=True)
class Entry:
    page: str
    edition: str
    language: str  # the edition's own name for itself, e.g. "Soomaali"
    lang: str
    dir: str
    title: str
    pdf_url: str  # site-relative
    size: int  # bytes
    draft: bool


def kilobytes(size: int) -> str:
    """Swedish number format: "123 kB" (1 kB = 1000 byte, as file managers show it)."""
    return f"{max(1, round(size / 1000))}\u00a0kB"


def render(entries: list[Entry], site_name: str) -> str:
    """The page's HTML: one table per topic (named by its Swedish title), one row per edition."""
    topics: dict[str, list[Entry]] = {}
    for entry in entries:
        topics.setdefault(entry.page, []).append(entry)
    sections = []
    for page, rows in topics.items():
        heading = next((r.title for r in rows if r.edition == rows[0].edition), page)
        body = "".join(
            f'<tr><th scope="row" lang="{r.lang}" dir="{r.dir}">{escape(r.language)}</th>'
            f'<td lang="{r.lang}" dir="{r.dir}">{escape(r.title)}</td>'
            f'<td><a href="../{escape(r.pdf_url)}" type="application/pdf">'
            f"{escape(r.pdf_url.rsplit('/', 1)[-1])}</a></td>"
            f'<td class="size">{kilobytes(r.size)}</td>'
            f"<td>{'Utkast (ej granskad översättning)' if r.draft else 'Granskad'}</td></tr>"
            for r in rows)
        sections.append(
            f'<section><h2 id="{escape(page)}">{escape(heading)}</h2>\n<table>'
            f"<caption>Foldrar om {escape(heading)}</caption>"
            '<thead><tr><th scope="col">Språk</th><th scope="col">Rubrik</th>'
            '<th scope="col">Fil (PDF, A4)</th><th scope="col">Storlek</th>'
            f'<th scope="col">Status</th></tr></thead><tbody>{body}</tbody></table></section>')
    return (
        '<!doctype html>\n<html lang="sv" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n<meta name="robots" content="noindex">\n'
        f"<title>Foldrar att skriva ut – {escape(site_name)}</title>\n"
        f'<link rel="stylesheet" href="../{STYLESHEET}">\n</head>\n<body>\n<main>\n'
        "<h1>Foldrar att skriva ut</h1>\n"
        "<p>För personal på servicekontor: varje ämne som en A4-folder i varje språk. "
        "Skriv ut i svartvitt. QR-koden på foldern leder till samma sida på webben, "
        "på samma språk. En folder som är ett utkast säger det överst.</p>\n"
        + "\n".join(sections) +
        '\n<p><a href="../">Till startsidan</a></p>\n</main>\n</body>\n</html>\n'
    )


def write(site: Path, entries: list[Entry], site_name: str) -> Path:
    """Write the page and its stylesheet into the built site; returns the page."""
    out = site / PAGE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(entries, site_name), encoding="utf-8")
    (site / STYLESHEET).write_text(CSS.read_text(encoding="utf-8"), encoding="utf-8")
    return out
