"""Which pages get a leaflet and where each PDF lives in the built site.

Why a fixed layout: the page links its leaflet by a relative name, the staff page lists
them, and the tests find them, all without asking each other. A leaflet sits beside its
page: ``site/<edition prefix>/<page>/<page>-<edition>.pdf`` (the Swedish source edition
has no prefix), so the name says the language when it is saved or mailed on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: class of the "Print this page as a leaflet" paragraph on a topic page (theme main.html);
#: the leaflet leaves it out of its own copy of the article.
LINK_CLASS = "klarinfo-leaflet"
#: the staff page's folder, site-relative (the Swedish edition's footer links it in a
#: build that makes leaflets)
STAFF_FOLDER = "leaflets/"


def leaflet_name(page: str, edition: str) -> str:
    """File name of a page's leaflet in one edition, e.g. ``tolk-so.pdf``."""
    return f"{page}-{edition}.pdf"


@dataclass(frozen=True)
class Target:
    """One topic page in one edition: where its HTML is and where its leaflet goes."""

    page: str  # page name, e.g. "tolk"
    edition: str  # edition id, e.g. "sv-latt"
    url: str  # site-relative URL of the page, e.g. "so/tolk/"

    def html(self, site: Path) -> Path:
        return site / self.url / "index.html"

    def pdf(self, site: Path) -> Path:
        return site / self.url / leaflet_name(self.page, self.edition)

    @property
    def pdf_url(self) -> str:
        return self.url + leaflet_name(self.page, self.edition)


def targets(pages: list[str], editions: list[str], default: str) -> list[Target]:
    """Every topic page in every edition, source edition first, in the order given."""
    out = []
    for edition in [default] + [e for e in editions if e != default]:
        prefix = "" if edition == default else f"{edition}/"
        out += [Target(page, edition, f"{prefix}{page}/") for page in pages]
    return out
