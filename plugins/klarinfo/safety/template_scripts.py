"""MkDocs side of the security headers: which inline scripts the theme templates write,
and `make site` serving with the headers we deploy (core: klarinfo.safety.headers)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from klarinfo.safety import headers as security_headers
from klarinfo.safety.headers import Policy


class TemplateScripts:
    """The hashes of the inline scripts the theme's templates render for one page.

    The snippets come from the template *sources* of the theme folders (first folder
    wins, as in Jinja's loader); they are rendered with the page's own context, so a
    script whose text depends on the page (Material's ``__md_scope`` uses ``base_url``)
    gets the hash of exactly that text. Content never reaches this set.
    """

    def __init__(self) -> None:
        self._dirs: tuple[str, ...] = ()
        self._sources: list[str] = []
        self._env: Any = None
        self._snippets: list[Any] = []

    def load(self, env: Any, dirs: Iterable[str]) -> None:
        """Read the snippets once per set of theme folders; compile them in each
        edition's own Jinja environment (its filters, e.g. ``url``)."""
        dirs = tuple(dirs)
        if dirs != self._dirs:
            sources: dict[str, str] = {}
            for folder in dirs:
                root = Path(folder)
                for path in root.rglob("*.html"):
                    name = path.relative_to(root).as_posix()
                    if name.startswith(".icons/") or name in sources:
                        continue
                    text = path.read_text(encoding="utf-8")
                    if "<script" in text:
                        sources[name] = text
            self._sources = security_headers.template_scripts(sources.values())
            self._dirs, self._env = dirs, None
        if env is not self._env:
            self._snippets = [env.from_string(s) for s in self._sources]
            self._env = env

    def hashes(self, context: dict[str, Any], features: list[str]) -> set[str]:
        """Hashes of every template script rendered with this page's context. A snippet
        that cannot be rendered outside its template is left out: its script is then
        reported and blocked, never silently allowed."""
        out = set()
        values = {"features": features, **context}
        for snippet in self._snippets:
            try:
                out.add(security_headers.script_hash(snippet.render(values)))
            except Exception:  # noqa: BLE001 - see docstring
                continue
        return out


def source_line(source: str) -> int | None:
    """The first line of the page source (front matter included) that holds ``<script``:
    where the script most likely came from; None if it came from elsewhere (catalogs)."""
    for number, line in enumerate(source.splitlines(), 1):
        if re.search(r"<script", line, re.I):
            return number
    return None


def serve_with_headers(app: Callable, policy: Callable[[], Policy],
                       livereload_template: str | None) -> Callable:
    """A WSGI app that adds our headers to every response of ``app`` (404s included).
    HTML responses carry the live-reload script `mkdocs serve` injected; exactly that
    script's hash is added to this response's policy, so the published policy stays
    as it is."""
    def with_headers(environ: dict, start_response: Callable) -> Any:
        seen: dict[str, Any] = {}

        def start(status: str, headers: list, exc_info: Any = None) -> Callable:
            seen.update(status=status, headers=list(headers))
            return lambda data: None

        body = app(environ, start)
        current = policy()
        if "text/html" in dict(seen["headers"]).get("Content-Type", ""):
            data = b"".join(body)
            if hasattr(body, "close"):
                body.close()
            body = [data]
            injected = livereload_template and security_headers.livereload_script(
                data.decode("utf-8", "replace"), livereload_template)
            if injected:
                current = replace(current, extra=(security_headers.script_hash(injected),))
        path = environ.get("PATH_INFO", "/")
        extra = security_headers.headers_for(path, current)
        own_type = security_headers.content_type(path, current)
        if own_type:  # the feeds: ours replaces the type guessed from .json
            seen["headers"] = [(n, v) for n, v in seen["headers"] if n.lower() != "content-type"]
            extra.append(("Content-Type", own_type))
        start_response(seen["status"], seen["headers"] + extra)
        return body

    return with_headers
