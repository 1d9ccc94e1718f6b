"""What every capability plugin shares: the logger, the build's context, and knowing
when a new build began."""

from __future__ import annotations

from pathlib import Path
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

    def watch_paths(self, root: Path) -> tuple[Path, ...]:
        """What `make site` must watch besides docs/ and mkdocs.yml (MkDocs watches those).
        Files, not their folder, where a folder would make the whole project watched."""
        return ()

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        for path in self.watch_paths(Path(config.config_file_path).parent):
            if path.exists():
                server.watch(str(path), recursive=path.is_dir())
        return server
