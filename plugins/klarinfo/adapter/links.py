"""How MkDocs makes a link relative to a page, for publishing/navigation.py.

``resolve`` is what MkDocs' ``url`` template filter calls. ``folder`` and ``target`` read
a page's folder and a link's target the way ``mkdocs.utils.get_relative_url`` does (its
first lines and its ``_norm_parts``), so the navigation can tell which pages get the same
links; tests/publishing/test_navigation_once.py checks them against ``normalize_url`` for
generated folders and links.
"""

from __future__ import annotations

from typing import Any

from mkdocs import utils


class MkDocsLinks:
    @staticmethod
    def resolve(link: str, page: Any, base: str) -> str:
        return utils.normalize_url(link, page=page, base=base)

    @staticmethod
    def folder(page: Any) -> tuple[str, ...] | None:
        url = getattr(page, "url", None)
        if not isinstance(url, str):
            return None
        folder, _, name = url.rpartition("/")
        return tuple(utils._norm_parts(folder if "." in name else url))

    @staticmethod
    def target(link: str) -> tuple[str, ...] | None:
        path, level = utils._get_norm_url(link)
        return None if level == -1 else tuple(utils._norm_parts(path))
