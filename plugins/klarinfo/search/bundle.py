"""Small patches to Material 9.8.1's scripts so each edition searches its own index.

1. The bundle fetches ``search/search_index.json`` next to the site root, whatever the
   edition. Our search form carries ``data-klarinfo-index`` (the edition's index,
   relative to the page); the patched bundle fetches that, and the root index when the
   attribute is missing (pages Material renders without our partial).
2. The search worker keeps only lunr's own stop-word lists; it now also applies a list
   the index file gives as ``config.stopwords`` (Somali, see ``somali``), at index and
   query time, and with ``config.apostrophes`` reads a typed ’ or ʼ in a query as the
   straight ' the index holds (Somali go’aan finds go'aan).

Like ``publishing/material_bundle``, each patch must find exactly one copy of the code
it replaces, so a new Material version fails the build instead of silently searching
every edition again.
"""

from __future__ import annotations

from pathlib import Path

from klarinfo.publishing import BundleChanged, replace_once

INDEX_URL_ORIGINAL = 'ze(new URL("search/search_index.json",Or.base))'
INDEX_URL_PATCHED = (
    'ze(function(f){var u=f&&f.getAttribute("data-klarinfo-index");return u?'
    'new URL(u,location.href):new URL("search/search_index.json",Or.base)}'
    '(document.forms.namedItem("search")))'
)
STOP_WORDS_ORIGINAL = 'this.searchPipeline.remove(o[a]);this.ref("location");'
STOP_WORDS_PATCHED = (
    'this.searchPipeline.remove(o[a]);if(e.stopwords){let w=lunr.generateStopWordFilter('
    'e.stopwords);lunr.Pipeline.registerFunction(w,"klarinfoStopWords");'
    'this.pipeline.add(w);this.searchPipeline.add(w)}'
    'self.klarinfoApostrophes=!!e.apostrophes;this.ref("location");'
)
# The query string, before Material adds its trailing wildcards (lunr runs no pipeline on
# a wildcard term, so a pipeline function would never see it).
QUERY_ORIGINAL = 'search(e){if(e=e.replace(new RegExp('
QUERY_PATCHED = ('search(e){if(self.klarinfoApostrophes&&(e=e.replace('
                 '/[\\u2018\\u2019\\u02bc]/g,"\'")),e=e.replace(new RegExp(')


def patch(js: str, original: str, patched: str, name: str) -> str:
    return replace_once(js, original, patched, name, "klarinfo/search/bundle.py")


def patch_site(site_dir: Path) -> list[Path]:
    """Patch the bundle and the search worker in a built site; returns the files."""
    scripts = site_dir / "assets" / "javascripts"
    done = []
    for path in sorted(scripts.glob("bundle.*.min.js")):
        text = path.read_text(encoding="utf-8")
        path.write_text(patch(text, INDEX_URL_ORIGINAL, INDEX_URL_PATCHED, path.name),
                        encoding="utf-8")
        done.append(path)
    for path in sorted((scripts / "workers").glob("search.*.min.js")):
        text = path.read_text(encoding="utf-8")
        text = patch(text, STOP_WORDS_ORIGINAL, STOP_WORDS_PATCHED, path.name)
        path.write_text(patch(text, QUERY_ORIGINAL, QUERY_PATCHED, path.name),
                        encoding="utf-8")
        done.append(path)
    if len(done) < 2:
        raise BundleChanged(f"{scripts}: Material's bundle or search worker not found")
    return done
