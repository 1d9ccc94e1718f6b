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

    # Editions built in two processes (adapter/parallel.py): what a plugin gathers per
    # edition crosses back from the second process through these three. The second
    # process builds the last editions, so appending its part keeps a one-process order.
    #: Attributes gathered edition by edition: lists, sets, dicts, or objects with their
    #: own parallel_child/parallel_state/parallel_merge (e.g. the log watch).
    parallel_gathered: tuple[str, ...] = ()

    def parallel_child(self) -> None:
        """In the second process, just forked: gather afresh from here on."""
        for name in self.parallel_gathered:
            value = getattr(self, name, None)
            if hasattr(value, "parallel_child"):
                value.parallel_child()
            elif isinstance(value, list | set | dict):
                setattr(self, name, type(value)())

    def parallel_parent(self, theirs: list[str]) -> None:
        """In the first process, just forked: the editions ``theirs`` are not built here."""

    def parallel_state(self) -> Any:
        """In the second process, its editions built: what the first process needs."""
        state = {}
        for name in self.parallel_gathered:
            value = getattr(self, name, None)
            state[name] = value.parallel_state() if hasattr(value, "parallel_state") else value
        return state

    def parallel_merge(self, state: Any) -> None:
        """In the first process: take in ``parallel_state`` of the second."""
        for name, theirs in (state or {}).items():
            mine = getattr(self, name, None)
            if hasattr(mine, "parallel_merge"):
                mine.parallel_merge(theirs)
            elif isinstance(mine, list):
                mine.extend(theirs)
            elif isinstance(mine, set | dict):
                mine.update(theirs)

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        for path in self.watch_paths(Path(config.config_file_path).parent):
            if path.exists():
                server.watch(str(path), recursive=path.is_dir())
        return server
