"""One search index per edition, under the edition's own prefix.

``/so/search/search_index.json`` holds the Somali edition's pages only (pages missing
in Somali, shown as the Swedish page under a notice, are left out: they are Swedish
text that Somali word rules would index badly, readers reach them from the menu, and
a search hit in Swedish would need a label Material's result list has no room for).
Easy-read is an edition of its own: ``/sv-latt/search/search_index.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from klarinfo.search.languages import index_config, normalize

INDEX = "search/search_index.json"


def index_path(url_prefix: str) -> str:
    """Site-relative path of an edition's index ('' prefix: the default edition)."""
    return f"{url_prefix}{INDEX}"


def own_entries(entries: Iterable[Mapping[str, Any]], url_prefix: str,
                other_prefixes: Iterable[str]) -> list[dict[str, Any]]:
    """The entries of one edition: under its prefix and, for the default edition
    (prefix ''), under no other edition's prefix."""
    others = tuple(p for p in other_prefixes if p and p != url_prefix)
    return [dict(e) for e in entries
            if str(e["location"]).startswith(url_prefix)
            and not (others and str(e["location"]).startswith(others))]


def render(entries: Iterable[Mapping[str, Any]], *, lang: str, search_lang: str,
           fields: Mapping[str, Any]) -> str:
    """The index file Material's worker reads: ``{"config": …, "docs": […]}``."""
    docs = []
    for entry in entries:
        doc = dict(entry)
        for key in ("title", "text"):
            if isinstance(doc.get(key), str):
                doc[key] = normalize(lang, doc[key])
        docs.append(doc)
    config = {**index_config(lang, search_lang), "fields": dict(fields)}
    return json.dumps({"config": config, "docs": docs}, separators=(",", ":"),
                      ensure_ascii=False, default=str)
