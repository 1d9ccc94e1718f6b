"""The ``klarinfo`` plugin: every capability at once, for ``- klarinfo:`` in mkdocs.yml.

Each capability is its own MkDocs plugin (``klarinfo/editions``, ``klarinfo/glossary``,
…; see ARCHITECTURE.md). This one only loads them, with the options that belong to each,
into MkDocs' own plugin collection — the way Material's ``group`` plugin does — so
their events run exactly as if each were listed in mkdocs.yml after ``i18n``.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .config import CAPABILITIES, KlarinfoConfig


class KlarinfoPlugin(BasePlugin[KlarinfoConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command, self.dirty = "build", False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    @event_priority(150)  # before any other on_config, so theirs run in this build
    def on_config(self, config: Any) -> Any:
        if getattr(config, "_klarinfo_loaded", False):
            return config  # i18n's build of another edition, on the same config
        config._klarinfo_loaded = True
        option = dict(config._schema)["plugins"]
        for capability, options in CAPABILITIES.items():
            name = f"klarinfo/{capability}"
            if name in config.plugins:
                raise PluginError(f"mkdocs.yml: '{name}' is listed besides 'klarinfo', which "
                                  "already includes it — keep one of them")
            values = {key: self.config[key] for key, _ in options._schema}
            try:
                plugin = option.load_plugin(name, values)
            except Exception as exc:  # noqa: BLE001 - MkDocs raises ValidationError
                raise PluginError(str(exc)) from None
            # MkDocs called on_startup before this plugin could add them.
            plugin.on_startup(command=self.command, dirty=self.dirty)
        return config
