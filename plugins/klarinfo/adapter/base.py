"""What every capability plugin shares: the logger, the build's context, and knowing
when a new build began."""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import BasePlugin, get_plugin_logger

from .context import Context

#: One logger for every capability, so findings read "klarinfo: path:line: …".
log = get_plugin_logger("klarinfo")


class CapabilityPlugin(BasePlugin):
    """A capability of klarinfo as an MkDocs plugin.

    ``on_startup`` makes MkDocs keep the instance across `make site` rebuilds (it caches
    plugins that have it), like a single plugin would be kept.
    """

    supports_multiple_instances = False
    command = "build"
    context: Context | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def begin(self, config: Any) -> bool:
        """Take this build's context; True on the first event of a new build."""
        context = Context.of(config)
        if context is self.context:
            return False
        self.context = context
        return True
