"""The ``klarinfo`` plugin: every capability at once, for ``- klarinfo:`` in mkdocs.yml.

Each capability is its own MkDocs plugin (``klarinfo/editions``, ``klarinfo/glossary``,
…; see ARCHITECTURE.md). This one only loads them, with the options that belong to each,
into MkDocs' own plugin collection — the way Material's ``group`` plugin does — so
their events run exactly as if each were listed in mkdocs.yml after ``i18n``.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from . import parallel, theme_reuse
from .base import CapabilityPlugin
from .config import CAPABILITIES, KlarinfoConfig
from .context import Context


class KlarinfoPlugin(BasePlugin[KlarinfoConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command, self.dirty = "build", False
        self.split: parallel.Split | None = None

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
        if self.config["reuse_across_editions"]:
            theme_reuse.reuse_across_editions(config.theme)
        parallel.check_every_edition()
        return config

    @event_priority(-95)  # the Swedish edition is built; i18n (-100) builds the others next
    def _split(self, *, config: Any) -> None:
        context = Context.of(config)
        if (self.command == "build" and self.config["parallel_editions"]
                and not context.inner_build and context.i18n is not None):
            self.split = parallel.fork(context.i18n, self._capabilities(config))

    @event_priority(-105)  # i18n built this process's half of the editions
    def _join(self, *, config: Any) -> None:
        if self.split is not None and not Context.of(config).inner_build:
            split, self.split = self.split, None
            parallel.join(split, self._capabilities(config))

    on_post_build = CombinedEvent(_split, _join)

    @event_priority(200)  # first: the second process must not run the build's own ending
    def on_build_error(self, *, error: Exception) -> None:
        if self.split is not None:
            parallel.fail(self.split, error)

    @staticmethod
    def _capabilities(config: Any) -> dict[str, CapabilityPlugin]:
        return {name: plugin for name, plugin in config.plugins.items()
                if isinstance(plugin, CapabilityPlugin)}
