"""sitemap.xml with absolute hreflang alternates.

We write it ourselves rather than through a template: the i18n plugin's template
announces every edition id as an hreflang (an invented 'sv-latt') and lists
fallback pages as if they were translations.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from klarinfo.editions.alternates import absolute


@dataclass(frozen=True)
class SitemapPage:
    url: str
    alternates: tuple[tuple[str, str], ...]


def render(site_url: str, pages: Iterable[SitemapPage]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    seen: set[str] = set()
    for page in pages:
        loc = absolute(site_url, page.url)
        if loc in seen:
            continue
        seen.add(loc)
        lines.append(f"  <url><loc>{loc}</loc>")
        for hreflang, href in page.alternates:
            lines.append(
                f"    <xhtml:link rel=\"alternate\" hreflang={quoteattr(hreflang)} "
                f"href={quoteattr(href)}/>"
            )
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write(site_dir: Path, site_url: str, pages: Iterable[SitemapPage]) -> None:
    text = render(site_url, pages)
    (site_dir / "sitemap.xml").write_text(text, encoding="utf-8")
    with gzip.open(site_dir / "sitemap.xml.gz", "wt", encoding="utf-8") as fh:
        fh.write(text)
