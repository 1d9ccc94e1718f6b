"""Readability reports computed ahead, on the machine's second core, while MkDocs builds.

Why: the gate reads every page of every edition, and MkDocs and the i18n plugin build
one page at a time on one core. The analysis needs only the page files, so a worker
process can start on all of them when the build starts; by the time MkDocs reaches a
page its report is usually ready. Results are the same as calling
``readability.analyse`` directly (a test compares them).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from klarinfo import readability

CHUNK = 40  # pages per job: small enough that the first pages are ready early


def _analyse_many(jobs: list[tuple[str, str]], profile: readability.Profile
                  ) -> dict[str, readability.PageReport]:
    return {shown: readability.analyse(Path(path).read_text(encoding="utf-8"), shown, profile)
            for path, shown in jobs}


class Ahead:
    """Submit every page at the start; ``report(shown)`` waits only for its own chunk."""

    def __init__(self, pages: Iterable[tuple[str, str, str]],
                 profiles: Mapping[str, readability.Profile]) -> None:
        self._futures: dict[str, Future] = {}
        self._pool: ProcessPoolExecutor | None = None
        if (os.cpu_count() or 1) < 2:
            return  # one core: a worker would only compete with the build
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork"))
        chunk: list[tuple[str, str]] = []
        edition_of_chunk = None
        for edition, path, shown in list(pages) + [("", "", "")]:
            if chunk and (edition != edition_of_chunk or len(chunk) == CHUNK):
                future = self._pool.submit(_analyse_many, chunk, profiles[edition_of_chunk])
                for _, s in chunk:
                    self._futures[s] = future
                chunk = []
            if edition in profiles:
                edition_of_chunk = edition
                chunk.append((path, shown))

    def report(self, shown: str) -> readability.PageReport | None:
        """The precomputed report, or None (then the caller analyses the page itself)."""
        future = self._futures.pop(shown, None)
        if future is None:
            return None
        try:
            return future.result().get(shown)
        except Exception:  # a worker that died: fall back to analysing in the build
            return None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._futures.clear()
