"""Read our settings from mkdocs.yml without MkDocs, for scripts and reports.

Scripts such as `make readability` and `make i18n-check` must work without
running a build, and must read the same settings the build uses.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' !ENV tag: first set variable, else the last item as default."""
    items = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) \
        else [loader.construct_scalar(node)]
    for name in items[:-1] if len(items) > 1 else items:
        if name in os.environ:
            return os.environ[name]
    return items[-1] if len(items) > 1 else None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
# MkDocs' !!python/name: (a function, e.g. the toc slugify): not needed to read settings.
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    root: Path
    config: dict[str, Any]

    @property
    def docs_dir(self) -> Path:
        return self.root / self.config.get("docs_dir", "docs")

    def plugin(self, name: str) -> dict[str, Any]:
        for entry in self.config.get("plugins", []):
            if isinstance(entry, dict) and name in entry:
                return entry[name] or {}
        return {}

    @property
    def locales_dir(self) -> Path:
        return self.root / self.plugin("klarinfo").get("locales_dir", "locales")

    def editions(self) -> list[str]:
        return [str(lang["locale"]) for lang in self.plugin("i18n").get("languages", [])]

    def default_edition(self) -> str:
        """The source edition (Swedish): the i18n language marked default."""
        languages = self.plugin("i18n").get("languages", [])
        return next((str(lang["locale"]) for lang in languages if lang.get("default")),
                    self.editions()[0])


def load(mkdocs_yml: Path) -> Project:
    with mkdocs_yml.open(encoding="utf-8") as fh:
        config = yaml.load(fh, Loader=_Loader) or {}
    return Project(mkdocs_yml.resolve().parent, config)
