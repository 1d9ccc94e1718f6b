"""Options of klarinfo/readability (also accepted under ``- klarinfo:``)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class ReadabilityConfig(Config):
    #: Per-edition readability limits, merged over klarinfo.readability.score.DEFAULT_PROFILES.
    readability = opt.Type(dict, default={})
    #: warn: findings are warnings (a --strict build fails on them); off: not measured.
    readability_mode = opt.Choice(["warn", "off"], default="warn")
    #: warn: a paragraph in another language than its edition's is a warning (a --strict
    #: build fails on it); off: not checked.
    language_check = opt.Choice(["warn", "off"], default="warn")
    #: Where the machine-readable reports go, relative to the folder that holds the site
    #: folder: beside the site, never in it (all of it is published). `mkdocs build` only.
    reports_dir = opt.Type(str, default="reports")
