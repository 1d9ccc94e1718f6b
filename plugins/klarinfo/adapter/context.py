"""The one object the capability plugins share during a build.

mkdocs-static-i18n re-runs the whole MkDocs build once per edition on the same config
object, and every capability is its own MkDocs plugin. What one capability learns and
another needs — which editions exist and which one is being built, the termbase and
its matchers, the interface texts, this edition's page titles, files to write beside
the site — lives here, so no plugin reaches into another. A new config object (every
`mkdocs build`, every `make site` rebuild) gets a new context: that is how each
plugin knows a new build began.

Who writes what: ``editions`` (editions, edition, i18n, locales, theme_texts, titles),
``glossary`` (termbase, matchers), ``partners`` (partners), ``readability`` and
``safety`` (beside_site entries); ``publishing`` writes beside_site out and collects
every finding logged during the build (findings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klarinfo.editions import translator

if TYPE_CHECKING:  # types only
    from klarinfo.editions import Edition
    from klarinfo.findings import Collector
    from klarinfo.glossary import Matcher, Termbase

_KEY = "_klarinfo_context"


@dataclass
class Context:
    root: Path
    i18n: Any = None  # the i18n plugin: which edition it is building
    editions: tuple[Edition, ...] = ()
    edition: Edition | None = None
    locales: Path | None = None  # the gettext catalogs (klarinfo domain: our messages)
    termbase: Termbase | None = None
    matchers: dict[str, Matcher] = field(default_factory=dict)  # per edition id
    theme_texts: dict[str, dict[str, str]] = field(default_factory=dict)
    titles: list[tuple[str, str]] = field(default_factory=list)  # (title, url), this edition
    partners: tuple[str, ...] = ()  # origins that may frame embed views
    beside_site: dict[str, str] = field(default_factory=dict)  # path → text, next to site/
    findings: Collector | None = None  # every finding logged in this build, as data

    @classmethod
    def of(cls, config: Any) -> Context:
        """The context of this MkDocs config (created on first use)."""
        context = getattr(config, _KEY, None)
        if context is None:
            context = cls(root=Path(config.config_file_path).parent)
            setattr(config, _KEY, context)
        return context

    @property
    def inner_build(self) -> bool:
        """True while i18n builds an edition other than the default one."""
        return bool(getattr(self.i18n, "building", False))

    @property
    def default(self) -> Edition:
        return next(e for e in self.editions if e.default)

    def translator(self, edition: Edition) -> Any:
        """Our messages in ``edition``'s language (findings, example sentences)."""
        return translator(self.locales or self.root / "locales", edition.id, self.root)
