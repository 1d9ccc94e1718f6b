"""Options of klarinfo/search (also accepted under ``- klarinfo:``): none yet — each
edition's language settings come from its ``search_lang`` in the editions table."""

from __future__ import annotations

from mkdocs.config.base import Config


class SearchConfig(Config):
    pass
