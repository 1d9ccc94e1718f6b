"""Switch off one behaviour of Material 9.8.1's JavaScript bundle.

On every page load Material fetches ``sitemap.xml`` next to each
``<link rel="alternate">`` and then rewrites clicks on links into those
editions. With our absolute hreflang links that means several sitemap
downloads per page view (a request to the production host when the site is
previewed elsewhere, and page weight that grows with the site), and it
second-guesses our switcher, whose links already point at the right page.
No option turns it off, so we narrow the selector it uses to match nothing.
"""

from __future__ import annotations

from pathlib import Path

ORIGINAL = 'M("link[rel=alternate]")'
PATCHED = 'M("link[rel=alternate][data-md-alternate-sitemap]")'


class BundleChanged(RuntimeError):
    """Material's bundle no longer has the code we patch (a new Material version)."""


def patch_source(js: str) -> str:
    if js.count(PATCHED) == 1 and ORIGINAL not in js:
        return js  # already patched (dirty rebuilds)
    if js.count(ORIGINAL) != 1:
        raise BundleChanged(
            f"Material's bundle has {js.count(ORIGINAL)} copies of {ORIGINAL!r}, expected 1 — "
            "check klarinfo/adapter/material_bundle.py against the new Material version"
        )
    return js.replace(ORIGINAL, PATCHED)


def patch_site(site_dir: Path) -> list[Path]:
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    for bundle in bundles:
        bundle.write_text(patch_source(bundle.read_text(encoding="utf-8")), encoding="utf-8")
    return bundles
