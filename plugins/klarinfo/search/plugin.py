"""klarinfo/search: each edition searches its own pages, with its own word rules.

Material's search plugin still collects the entries of each edition's build; we write
them, per edition, to ``<prefix>search/search_index.json`` with that edition's lunr
settings, and tell the page (``data-klarinfo-index`` on the search form) which one to
fetch when the reader opens search.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import CombinedEvent, event_priority

from klarinfo.adapter.base import CapabilityPlugin
from klarinfo.search import bundle, index

from .config import SearchConfig


class SearchPlugin(CapabilityPlugin[SearchConfig]):
    parallel_gathered = ("indexes",)  # the root edition's index, rewritten at the end

    @event_priority(-113)  # after klarinfo/editions (-110) set this build's edition
    def on_config(self, config: Any) -> Any:
        if self.begin(config):
            self.indexes: dict[str, str] = {}  # site-relative path → index text
        return config

    def on_page_context(self, context: dict, *, page: Any, config: Any, nav: Any) -> dict:
        context["klarinfo_search_index"] = index.index_path(self.context.edition.url_prefix)
        return context

    @event_priority(-50)  # after Material's search plugin collected this edition's entries
    def _collect(self, *, config: Any) -> None:
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is None or not getattr(search.config, "enabled", True):
            return
        edition = self.context.edition
        entries = index.own_entries(search.search_index.entries, edition.url_prefix,
                                    (e.url_prefix for e in self.context.editions))
        path = index.index_path(edition.url_prefix)
        text = index.render(entries, lang=edition.lang, search_lang=edition.search_lang,
                            fields=search.config.fields)
        if edition.default:  # at the site's root, where later builds write theirs
            self.indexes[path] = text
        self._write(Path(config.site_dir), path, text)

    @event_priority(-115)  # after i18n (-100) wrote its all-editions index over ours
    def _finish(self, *, config: Any) -> None:
        if self.context.inner_build:
            return
        for path, text in self.indexes.items():
            self._write(Path(config.site_dir), path, text)
        bundle.patch_site(Path(config.site_dir))

    on_post_build = CombinedEvent(_collect, _finish)

    def _write(self, site: Path, path: str, text: str) -> None:
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
