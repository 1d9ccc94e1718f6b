"""Options of the ``klarinfo`` plugin: every capability's options in one place, so a
``- klarinfo:`` entry in mkdocs.yml configures them all."""

from __future__ import annotations

from mkdocs.config.base import Config

from klarinfo.editions.config import EditionsConfig
from klarinfo.examples.config import ExamplesConfig
from klarinfo.glossary.config import GlossaryConfig
from klarinfo.partners.config import PartnersConfig
from klarinfo.publishing.config import PublishingConfig
from klarinfo.readability.config import ReadabilityConfig
from klarinfo.safety.config import SafetyConfig
from klarinfo.search.config import SearchConfig

#: Capability → its options, in the order the capabilities are loaded.
CAPABILITIES: dict[str, type[Config]] = {
    "publishing": PublishingConfig,
    "editions": EditionsConfig,
    "safety": SafetyConfig,
    "glossary": GlossaryConfig,
    "examples": ExamplesConfig,
    "readability": ReadabilityConfig,
    "partners": PartnersConfig,
    "search": SearchConfig,
}


class KlarinfoConfig(Config):
    """The union of the capabilities' options (each option belongs to one capability)."""


KlarinfoConfig._schema = tuple(item for c in CAPABILITIES.values() for item in c._schema)
