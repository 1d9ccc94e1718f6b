"""`make build` builds the editions after the Swedish one in two processes (issue #18).

Why: mkdocs-static-i18n builds the editions one after another on one core; on a machine
with two, half of them can be built at the same time. When the Swedish edition is done
(our ``on_post_build`` just before i18n's), the build forks: the second process builds
half of the remaining editions, the first process the other half, into the same staging
folder. Everything the outer build needs from every edition afterwards (sitemap entries,
search indexes, findings, readability reports, script hashes, the number of warnings) is
handed back through each capability plugin's ``parallel_state`` and taken in with
``parallel_merge``, in the order a one-process build would have gathered it, so the site
comes out byte-identical (tests/publishing/test_parallel_editions.py). Not in
`mkdocs serve`: there the preview processes (preview.py) keep each edition's state.
"""

from __future__ import annotations

import contextlib
import os
import signal
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, Pipe
from typing import Any

import mkdocs_static_i18n.plugin as i18n_plugin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("klarinfo")
_BUILD = i18n_plugin.build  # MkDocs' build, as i18n's loop calls it


def _edition_build(config: Any, **kwargs: Any) -> None:
    """i18n's build of one more edition, checked by the outer build's --strict.

    MkDocs counts warnings per call of its build, and with --strict aborts at the end of
    that call: the first edition with findings stopped the whole build, and a translator
    learned of the next edition's findings only after fixing these. Inside the outer
    build, whose counter hears every edition, an edition's build is not strict itself:
    every edition is built and checked, and the outer build then fails with all of them
    (the last good site stays, as for any failed build)."""
    strict, config.strict = config.strict, False
    try:
        _BUILD(config, **kwargs)
    finally:
        config.strict = strict


def check_every_edition() -> None:
    """The outer build begins: i18n's loop builds each further edition as above."""
    i18n_plugin.build = _edition_build


@dataclass
class Split:
    child: bool
    conn: Connection
    theirs: list[str] = field(default_factory=list)  # editions the second process builds
    pid: int = 0


def second_half(languages: list[str]) -> list[str]:
    """Of the editions after the first, those the second process builds: the last ones
    (appending what they gathered keeps the order of a one-process build)."""
    return languages[len(languages) // 2:]


def order_of_need(locales: list[str]) -> list[str]:
    """The order in which work done ahead for each edition (readability/ahead.py) is
    needed when the build splits: the first edition, built alone; then the second
    process's, which can only take what is finished when it forks; then the first
    process's, which keeps the worker and gets the rest while it builds."""
    later = locales[1:]
    mine = [locale for locale in later if locale not in second_half(later)]
    return locales[:1] + second_half(later) + mine


def fork(i18n: Any, plugins: dict[str, Any]) -> Split | None:
    """Hand half of the editions still to build to a second process; None when there is
    nothing to share (fewer than two editions left, one core, no fork)."""
    languages = [locale for locale in i18n.build_languages if locale != i18n.current_language]
    if len(languages) < 2 or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
        return None
    theirs = second_half(languages)
    mine, other = Pipe()
    pid = os.fork()
    if pid == 0:
        mine.close()
        _skip(i18n, [locale for locale in languages if locale not in theirs])
        for plugin in plugins.values():
            plugin.parallel_child()
        return Split(True, other, theirs)
    other.close()
    _skip(i18n, theirs)
    for plugin in plugins.values():
        plugin.parallel_parent(theirs)
    log.debug(f"building {', '.join(theirs)} in process {pid}")
    return Split(False, mine, theirs, pid)


def _skip(i18n: Any, locales: list[str]) -> None:
    """Let i18n's loop pass over ``locales``. Its languages stay as they are (every page
    still lists every edition as an alternate); only its call to MkDocs' build for them
    returns at once, until ``_restore``."""
    def build(config: Any, **kwargs: Any) -> None:
        if i18n.current_language not in locales:
            _edition_build(config, **kwargs)

    i18n_plugin.build = build


def _restore() -> None:
    i18n_plugin.build = _edition_build


def join(split: Split, plugins: dict[str, Any]) -> None:
    """In the second process: hand over and end. In the first: wait and take it in."""
    if split.child:
        state = {name: plugin.parallel_state() for name, plugin in plugins.items()}
        _send_and_exit(split, {"state": state}, 0)
    try:
        answer = split.conn.recv()
    except (EOFError, OSError):
        answer = {"error": "the process building them stopped without a word"}
    finally:
        split.conn.close()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(split.pid, 0)
        _restore()
    if "error" in answer:
        names = ", ".join(split.theirs)
        raise PluginError(f"building the editions {names} failed: {answer['error']}")
    for name, plugin in plugins.items():
        plugin.parallel_merge(answer["state"][name])


def fail(split: Split, error: BaseException) -> None:
    """A failed build. In the second process: tell the first one and end right here
    (never run the outer build's end, which would touch the staging folder). In the
    first: stop the second, before the staging folder it writes into is thrown away."""
    if split.child:
        text = "".join(traceback.format_exception_only(type(error), error)).strip()
        _send_and_exit(split, {"error": text}, 1)
    _restore()
    with contextlib.suppress(OSError):
        os.kill(split.pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(split.pid, 0)


def _send_and_exit(split: Split, message: dict[str, Any], status: int) -> None:
    try:
        split.conn.send(message)
        split.conn.close()
    finally:
        os._exit(status)
