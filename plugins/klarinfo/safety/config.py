"""Options of klarinfo/safety (also accepted under ``- klarinfo:``)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class SafetyConfig(Config):
    #: Where the nginx snippets go, relative to the folder that holds the site folder:
    #: beside the site, never in it (all of it is published). `mkdocs build` only.
    server_dir = opt.Type(str, default="server")
