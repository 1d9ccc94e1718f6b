"""Edit → preview in `make site`: one process per edition, kept where its last full build
was about to write pages, re-renders the pages an edit changed (issue #18).

Why a process: MkDocs and mkdocs-static-i18n build the editions one after another on one
mutable config, so the state that renders a page of edition E (E's files, navigation,
templates, every plugin's per-edition state) exists only while E is being built. At that
moment (``on_env``: every page read, none written yet) the build forks; the child keeps
that state and waits. When a page's text changes, the child re-reads and re-renders just
that page through MkDocs' own page steps (``_populate_page``, ``_build_page``: the same
plugin events, templates and output path), into the folder `mkdocs serve` serves, and
what else of its edition the edit changed (the glossary page when the page's terms
moved). What a child cannot redo alone (site-wide files) is reported back, and the
parent does a full rebuild. Linux and `mkdocs serve` only.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection, Pipe, wait
from pathlib import Path
from typing import Any

from mkdocs.plugins import get_plugin_logger

from klarinfo.publishing import Snapshot, plan

from . import preview_child
from .context import Context
from .preview_child import Also, Prepare, Report

log = get_plugin_logger("klarinfo")
#: Runs in the serving process once per preview, with what the same plugin's ``Report``
#: gave in each child that re-rendered pages.
Merge = Callable[[list[Any]], None]

#: One re-render; a child that takes longer is stopped and the site fully rebuilt.
TIMEOUT_S = 120.0


class Worker:
    """The parent's handle on one edition's child process."""

    def __init__(self, edition: str, pid: int, conn: Connection) -> None:
        self.edition, self.pid, self.conn = edition, pid, conn

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.conn.close()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


class LivePreview:
    """The serve side: what the last full build saw, its editions' children, and the
    builder `mkdocs serve` calls after a save (one per `make site`, across rebuilds)."""

    def __init__(self) -> None:
        self.workers: dict[str, Worker] = {}
        self.snapshot: Snapshot | None = None
        self.roots: tuple[Path, ...] = ()
        self.docs_dir, self.editions, self.default = Path(), (), ""
        self.nav: Any = None
        self.forced: str | None = None  # why the next rebuild must be full
        self.listening = False
        self.merges: dict[str, Merge] = {}  # plugin name → its preview_merge

    def begin(self, config: Any, context: Context) -> None:
        """A full build starts: forget its children; remember every file `mkdocs serve`
        watches (docs/, mkdocs.yml and what each capability asks to be watched)."""
        self.stop()
        roots = [Path(config.docs_dir), Path(config.config_file_path)]
        for plugin in config.plugins.values():
            if hasattr(plugin, "watch_paths"):
                roots += [p for p in plugin.watch_paths(context.root) if p.exists()]
        self.roots, self.docs_dir = tuple(roots), Path(config.docs_dir)
        self.editions = tuple(e.id for e in context.editions)
        self.default = context.default.id
        self.snapshot = Snapshot.take(self.roots)

    def fork(self, edition: str, config: Any, files: Any, env: Any) -> None:
        """The child of ``edition``; every plugin's ``preview_prepare`` runs in it."""
        prepare = [plugin.preview_prepare for plugin in config.plugins.values()
                   if hasattr(plugin, "preview_prepare")]
        also = [plugin.preview_also for plugin in config.plugins.values()
                if hasattr(plugin, "preview_also")]
        reports = {name: plugin.preview_report for name, plugin in config.plugins.items()
                   if hasattr(plugin, "preview_report")}
        self.merges = {name: plugin.preview_merge for name, plugin in config.plugins.items()
                       if hasattr(plugin, "preview_merge")}
        worker = fork(edition, config, files, self.nav, env, (prepare, also, reports),
                      [w.conn for w in self.workers.values()])
        if worker is not None:
            self.workers[edition] = worker

    def serve(self, server: Any, full: Callable[..., None]) -> None:
        """Take over the server's builder, and listen for Enter in the terminal.

        A `make site &` in the background must not be stopped by the terminal for
        reading it (SIGTTIN): from a terminal we listen only in the foreground, and with
        SIGTTIN ignored a later move to the background ends the listening instead."""
        server.builder = self.builder(full)
        with contextlib.suppress(AttributeError, OSError, ValueError):
            fd = sys.stdin.fileno()
            if os.isatty(fd):
                if os.tcgetpgrp(fd) != os.getpgrp():
                    return
                signal.signal(signal.SIGTTIN, signal.SIG_IGN)
            self.listen(server, os.dup(fd))

    def listen(self, server: Any, keys: int) -> None:
        """Enter pressed in the `make site` terminal (file descriptor ``keys``): a full
        rebuild now, whatever changed (the full rebuild is one keystroke away). At the
        end of input, nothing more. Raw reads, not ``sys.stdin``: a thread blocked in
        Python's buffered reader holds its lock, and a process forked meanwhile (the
        readability worker closes its stdin) would wait on that lock forever."""
        if self.listening:
            os.close(keys)
            return
        self.listening = True

        def read() -> None:
            with contextlib.suppress(OSError):
                while os.read(keys, 4096):
                    self.forced = "Enter pressed in the terminal"
                    with server._rebuild_cond:  # what MkDocs' own file watcher does
                        server._want_rebuild = True
                        server._rebuild_cond.notify_all()

        threading.Thread(target=read, daemon=True, name="klarinfo-rebuild-key").start()

    def builder(self, full: Callable[..., None]) -> Callable[..., None]:
        """``full`` (MkDocs' serve builder) only when an edit needs more than its pages."""

        def build(config: Any = None) -> None:
            forced, self.forced = self.forced, None
            reason = "first build" if config is not None else forced or self.update()
            if reason is None:
                return
            log.info(f"Full rebuild: {reason}")
            self.stop()
            if config is not None:
                full(config)
                return
            try:
                full()
            except Exception as exc:  # noqa: BLE001 - whatever stopped the build
                # MkDocs would hold every page request until a build succeeds ("the
                # server will appear stuck"); the staging folder kept the last good site,
                # so serve that, and say why in the terminal.
                log.error(f"The rebuild failed: {str(exc).strip() or type(exc).__name__} — "
                          "still serving the last good site; fix the file named above and "
                          "save it again")

        return build

    def update(self) -> str | None:
        """Re-render what changed since the last build; None when that was enough."""
        if self.snapshot is None or not self.workers:
            return "no preview processes"
        start = time.monotonic()
        after = Snapshot.take(self.roots, self.snapshot)
        todo = plan(self.snapshot, after, self.docs_dir, self.editions, self.default)
        if todo.full:
            return todo.full
        pages = {e: p for e, p in todo.pages.items() if e in self.workers}
        reason, count, reports = render(self.workers, pages) if pages else (None, 0, [])
        if reason is None:
            self.snapshot = after
            for name, merge in self.merges.items():
                theirs = [report for plugin, report in reports if plugin == name]
                if theirs:
                    merge(theirs)
            log.info(f"Preview: {count} page(s) re-rendered in {time.monotonic() - start:.2f} s"
                     " (press Enter here to rebuild everything)")
        return reason

    def stop(self) -> None:
        for worker in self.workers.values():
            worker.stop()
        self.workers = {}


def fork(edition: str, config: Any, files: Any, nav: Any, env: Any,
         hooks: tuple[list[Prepare], list[Also], dict[str, Report]],
         inherited: list[Connection]) -> Worker | None:
    """Start the child for ``edition`` at this point of its build; None where fork is not
    available. The child closes its siblings' pipes (``inherited``), so each child ends
    when the serving process does."""
    if not hasattr(os, "fork"):
        return None
    parent, child = Pipe()
    gc.collect()
    gc.freeze()  # the child shares the build's memory instead of copying it on first GC
    pid = os.fork()
    if pid == 0:  # the child: never returns into the build
        parent.close()
        for conn in inherited:
            conn.close()
        status = 0
        try:
            preview_child.run(child, config, files, nav, env, hooks)
        except BaseException:  # noqa: BLE001 - Ctrl-C or a dead parent: just leave
            status = 1
        finally:
            os._exit(status)
    gc.unfreeze()
    child.close()
    return Worker(edition, pid, parent)


def render(workers: dict[str, Worker], pages: dict[str, tuple[str, ...]]
           ) -> tuple[str | None, int, list[tuple[str, Any]]]:
    """Ask each edition's child to re-render its pages, all at once: (None when every one
    did, else why the site needs a full rebuild; how many pages were re-rendered; each
    child's reports, as (plugin name, report))."""
    asked = {}
    for edition, norms in pages.items():
        worker = workers.get(edition)
        if worker is None:
            return f"no preview process for edition {edition}", 0, []
        try:
            worker.conn.send(list(norms))
        except OSError:
            return f"the preview process of edition {edition} stopped", 0, []
        asked[worker.conn] = worker
    reason, count, reports = None, 0, []
    deadline = time.monotonic() + TIMEOUT_S
    while asked:
        ready = wait(list(asked), timeout=max(0.0, deadline - time.monotonic()))
        if not ready:
            return "a preview process took too long", count, reports
        for conn in ready:
            worker = asked.pop(conn)  # type: ignore[arg-type]
            try:
                answer = conn.recv()  # type: ignore[union-attr]
            except (EOFError, OSError):
                answer = {"full": f"the preview process of edition {worker.edition} stopped"}
            reason = reason or answer.get("full")
            count += len(answer.get("rendered", ()))
            reports += list(answer.get("reports", {}).items())
    return reason, count, reports
