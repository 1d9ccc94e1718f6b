"""What runs in a preview process of `make site` (adapter/preview.py forks it): it waits
for the pages to re-render, re-renders them through MkDocs' own page steps, and answers
with what the serving process must know.

Why apart: the serving side (which child to ask, when to rebuild fully) and the child's
side share only the pipe between them and the plugins' hooks below.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.structure.files import InclusionLevel

from .pages import norm

#: Runs in the child before a page is re-rendered: why the edit needs the full rebuild,
#: or None; may refresh the child's own state (e.g. the page's glossary terms).
Prepare = Callable[[Any], "str | None"]
#: Runs in the child after the pages: further files of its edition the edit changed
#: (e.g. the glossary page when a page's terms moved), re-rendered the same way.
Also = Callable[[], list[Any]]
#: Runs in the child last, with every file it re-rendered: what the serving process must
#: learn of them (e.g. their findings, for the preview's /_findings/ page); picklable.
Report = Callable[[list[Any]], Any]


def run(conn: Connection, config: Any, files: Any, nav: Any, env: Any,
        hooks: tuple[list[Prepare], list[Also], dict[str, Report]]) -> None:
    """The child's whole life: templates compiled, then requests served until the end."""
    _warm(env)
    _serve(conn, _Renderer(config, files, nav, env, *hooks))


class _Renderer:
    def __init__(self, config: Any, files: Any, nav: Any, env: Any,
                 prepare: list[Prepare], also: list[Also], reports: dict[str, Report]
                 ) -> None:
        self.config, self.files, self.nav, self.env, self.prepare = (
            config, files, nav, env, prepare)
        self.also, self.reports = also, reports
        self.doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)

    def __call__(self, norms: list[str]) -> dict[str, Any]:
        wanted = set(norms)
        targets = [f for f in self.doc_files
                   if not f.generated_by and f.page is not None and norm(f) in wanted]
        for file in targets:
            for step in self.prepare:
                reason = step(file)
                if reason:
                    return {"full": reason}
        for file in targets:
            self._render(file)
        extra = [file for step in self.also for file in step()]
        for file in extra:
            self._render(file)
        done = targets + extra
        return {"full": None, "rendered": [f.dest_uri for f in done],
                "reports": {name: report(done) for name, report in self.reports.items()}}

    def _render(self, file: Any) -> None:
        _populate_page(file.page, self.config, self.files)
        _build_page(file.page, self.config, self.doc_files, self.nav, self.env)


def _warm(env: Any) -> None:
    """Compile the theme's page templates now, while the reader is still typing: the
    parent compiles them only after the fork, and the first preview would wait for it."""
    for name in env.list_templates(filter_func=lambda n: n.endswith(".html")):
        if not name.startswith((".icons", "assets")):
            with contextlib.suppress(Exception):  # a template another theme part needs
                env.get_template(name)


def _serve(conn: Connection, renderer: _Renderer) -> None:
    parent = os.getppid()
    while True:
        # A parent killed outright (SIGTERM, SIGKILL) cannot say goodbye, and another
        # child of it may still hold our pipe open: look every second whether it is gone.
        while not conn.poll(1.0):
            if os.getppid() != parent:
                return
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        try:
            answer = renderer(request)
        except Exception as exc:  # noqa: BLE001 - any failure: the parent rebuilds fully
            answer = {"full": f"re-rendering failed ({type(exc).__name__}: {exc})"}
        conn.send(answer)
