"""Readability reports (and language readings) computed ahead, on the machine's second
core, while MkDocs builds.

Why: the gate reads every page of every edition, and MkDocs and the i18n plugin build
one page at a time on one core. The analysis needs only the page files, so a worker
process can start on all of them when the build starts; by the time MkDocs reaches a
page its report is usually ready. Results are the same as calling
``readability.analyse`` and ``language_check.readings`` directly (tests compare them).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from klarinfo.glossary import Matcher, Termbase
from klarinfo.readability import language as language_check
from klarinfo.readability import score as readability

CHUNK = 40  # pages per job: small enough that the first pages are ready early


def _analyse_many(jobs: list[tuple[str, str]], profile: readability.Profile
                  ) -> dict[str, readability.PageReport]:
    return {shown: readability.analyse(Path(path).read_text(encoding="utf-8"), shown, profile)
            for path, shown in jobs}


@dataclass(frozen=True)
class LanguageJob:
    """What ``language_check.readings`` needs for one edition's pages."""

    language: str  # the edition's language (sv for easy-read Swedish)
    term_editions: tuple[tuple[str, str], ...]  # (edition, language) of the terms to ignore
    candidates: tuple[str, ...]


_MATCHERS: dict[tuple[str, str], Matcher] = {}  # per worker process, i.e. per build


def _languages_many(jobs: list[tuple[str, str]], job: LanguageJob, terms: Termbase
                    ) -> dict[str, list[language_check.Reading]]:
    matchers = []
    for edition, language in job.term_editions:
        if (edition, language) not in _MATCHERS:
            _MATCHERS[(edition, language)] = Matcher(terms, edition, language)
        matchers.append(_MATCHERS[(edition, language)])
    return {shown: language_check.readings(Path(path).read_text(encoding="utf-8"),
                                           job.language, matchers,
                                           candidates=job.candidates)
            for path, shown in jobs}


class Ahead:
    """Submit every page at the start; ``report(shown)`` waits only for its own chunk."""

    def __init__(self, pages: Iterable[tuple[str, str, str]],
                 profiles: Mapping[str, readability.Profile],
                 languages: Mapping[str, LanguageJob] | None = None,
                 terms: Termbase | None = None) -> None:
        self._futures: dict[str, Future] = {}
        self._language_futures: dict[str, Future] = {}
        languages = languages or {}
        self._pool: ProcessPoolExecutor | None = None
        if (os.cpu_count() or 1) < 2:
            return  # one core: a worker would only compete with the build
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork"),
                                         initializer=_exit_with_parent,
                                         initargs=(os.getpid(),))
        chunk: list[tuple[str, str]] = []
        edition_of_chunk: str | None = None
        for edition, path, shown in list(pages) + [("", "", "")]:
            if chunk and edition_of_chunk is not None and (
                    edition != edition_of_chunk or len(chunk) == CHUNK):
                if edition_of_chunk in profiles:
                    future = self._pool.submit(_analyse_many, chunk, profiles[edition_of_chunk])
                    self._futures.update((s, future) for _, s in chunk)
                if edition_of_chunk in languages:
                    future = self._pool.submit(_languages_many, chunk,
                                               languages[edition_of_chunk], terms or Termbase(()))
                    self._language_futures.update((s, future) for _, s in chunk)
                chunk = []
            if edition in profiles or edition in languages:
                edition_of_chunk = edition
                chunk.append((path, shown))

    def report(self, shown: str) -> readability.PageReport | None:
        """The precomputed report, or None (then the caller analyses the page itself)."""
        return _take(self._futures, shown)

    def readings(self, shown: str) -> list[language_check.Reading] | None:
        """The precomputed language readings, or None (the caller computes them)."""
        return _take(self._language_futures, shown)

    def forked(self) -> None:
        """In a forked build process (adapter/parallel.py): the pool's threads and pipes
        stay with the parent, so results not in yet would never come here; this process
        computes those pages itself."""
        self._pool = None
        for futures in (self._futures, self._language_futures):
            for shown in [s for s, f in futures.items() if not f.done()]:
                del futures[shown]

    def drop(self, editions: Mapping[str, Any], ids: Iterable[str]) -> None:
        """Cancel what is not started for the pages of the editions ``ids`` (another
        process builds them, adapter/parallel.py)."""
        folders = tuple(f"/{e}/" for e in ids if e in editions)
        for futures in (self._futures, self._language_futures):
            for shown in [s for s in futures if any(f in f"/{s}" for f in folders)]:
                futures.pop(shown).cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._futures.clear()
        self._language_futures.clear()


def _exit_with_parent(parent: int) -> None:
    """End the worker when the build process is gone.

    A forked worker holds both ends of the pool's pipes, so it never sees them close: when
    `mkdocs serve` is stopped with SIGTERM (an editor, a test, a process manager), the
    worker would wait forever, one orphan per stopped preview.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="klarinfo-exit-with-parent").start()


def _take(futures: dict[str, Future], shown: str) -> Any:
    """One page's precomputed result, or None: not precomputed, or the worker died (the
    build then computes it itself, so a lost worker costs time, never a finding)."""
    future = futures.pop(shown, None)
    if future is None:
        return None
    try:
        return future.result().get(shown)
    except Exception:
        return None
