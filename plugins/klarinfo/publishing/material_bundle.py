"""Switch off one behaviour of Material 9.8.1's JavaScript bundle.

On every page load Material fetches ``sitemap.xml`` next to each
``<link rel="alternate">`` and then rewrites clicks on links into those
editions. With our absolute hreflang links that means several sitemap
downloads per page view (a request to the production host when the site is
previewed elsewhere, and page weight that grows with the site), and it
second-guesses our switcher, whose links already point at the right page.
No option turns it off, so we narrow the selector it uses to match nothing.

Material also downloads the whole search index (every page of every edition) as soon
as a page loads, whether or not the reader ever searches: most of a first view's bytes.
We defer that download until the reader opens or focuses search.
"""

from __future__ import annotations

from pathlib import Path

ORIGINAL = 'M("link[rel=alternate]")'
PATCHED = 'M("link[rel=alternate][data-md-alternate-sitemap]")'


INDEX_ORIGINAL = 'zi=document.forms.namedItem("search")?ks():tt'
# The index observable, subscribed only once search is opened (the checkbox #__search
# changes) or its field gets focus (also what the "/" shortcut does).
INDEX_PATCHED = (
    'zi=document.forms.namedItem("search")?(function(o){return new o.constructor(function(s){'
    'var sub=null,done=false;function off(){document.removeEventListener("focusin",on,true);'
    'document.removeEventListener("change",on,true)}function on(e){var t=e.target;'
    'if(sub||done||!t)return;if(t.id==="__search"||(t.matches&&'
    't.matches("[data-md-component=search-query]"))){off();sub=o.subscribe(s)}}'
    'document.addEventListener("focusin",on,true);document.addEventListener("change",on,true);'
    'return function(){done=true;off();if(sub)sub.unsubscribe()}})})(ks()):tt'
)
PATCHES = ((ORIGINAL, PATCHED), (INDEX_ORIGINAL, INDEX_PATCHED))


class BundleChanged(RuntimeError):
    """Material's bundle no longer has the code we patch (a new Material version)."""


def replace_once(js: str, original: str, patched: str, name: str = "Material's bundle",
                 where: str = "klarinfo/publishing/material_bundle.py") -> str:
    """``original`` → ``patched`` in one of Material's scripts, where it occurs exactly once
    (already patched: unchanged, for dirty rebuilds); anything else is a new Material
    version, and the build fails instead of shipping an unpatched or doubly patched script."""
    if js.count(patched) == 1 and original not in js:
        return js
    if js.count(original) != 1:
        raise BundleChanged(f"{name} has {js.count(original)} copies of {original!r}, expected 1"
                            f" — check {where} against the new Material version")
    return js.replace(original, patched)


def patch_source(js: str) -> str:
    for original, patched in PATCHES:
        js = replace_once(js, original, patched)
    return js


def patch_site(site_dir: Path) -> list[Path]:
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    for bundle in bundles:
        bundle.write_text(patch_source(bundle.read_text(encoding="utf-8")), encoding="utf-8")
    return bundles
