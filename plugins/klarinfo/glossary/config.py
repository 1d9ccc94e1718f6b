"""Options of klarinfo/glossary (also accepted under ``- klarinfo:``)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class GlossaryConfig(Config):
    #: Termbase folder (glossary/*.yml), relative to mkdocs.yml.
    glossary_dir = opt.Type(str, default="glossary")
