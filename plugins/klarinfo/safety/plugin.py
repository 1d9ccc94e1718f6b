"""klarinfo/safety: text from communicators, agencies and catalogs stays data; only the
theme's own scripts run (Content-Security-Policy); the quick exit reaches every page a
violence page leads to."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from klarinfo import glossary, partners
from klarinfo.adapter import pages
from klarinfo.adapter.base import CapabilityPlugin, log
from klarinfo.base import front_matter_schema
from klarinfo.findings import tag
from klarinfo.safety import headers, markup, nginx, quick_exit
from klarinfo.safety.template_scripts import TemplateScripts, serve_with_headers, source_line

from .config import SafetyConfig


def escape_meta(page: Any) -> None:
    """Front-matter text that templates print: escaped once, here.

    Keys the schema does not know are dropped first (Material prints ``status``,
    ``icon``, ``subtitle``… raw). MkDocs renders Material's templates without
    autoescaping, so a ``title`` or ``description`` lands raw in the menu, ``<title>``
    and ``<meta content="…">``.
    After this, ``page.title`` is HTML text like a title MkDocs takes from a heading
    (entities, no tags); code that needs plain text unescapes it.
    """
    front_matter_schema.known_keys_only(page.meta)
    for key in ("title", "description"):
        value = page.meta.get(key)
        if value is not None and not getattr(page, "_klarinfo_escaped", False):
            page.meta[key] = escape(str(value), quote=True)
    page._klarinfo_escaped = True


def line_of(text: str, problem: str) -> int:
    """The first line that mentions what the HTML net removed (a tag or attribute name),
    or 1: the net catches what the source scan could not place."""
    word = problem.strip("<>").split("=")[0].split()[0].lower()
    for number, line in enumerate(text.split("\n"), start=1):
        if word in line.lower():
            return number
    return 1


class SafetyPlugin(CapabilityPlugin[SafetyConfig]):
    parallel_gathered = ("script_hashes",)  # the CSP allows what every page uses

    def __init__(self) -> None:
        self.template_scripts = TemplateScripts()
        # Hashes of inline scripts our templates wrote, site-wide; kept across `make site`
        # rebuilds (a --dirty rebuild renders only some pages; each hash is still ours).
        self.script_hashes: set[str] = set()
        #: The policy of the last finished build; `make site` serves with it.
        self.policy = headers.Policy()
        self.page_script_hashes: set[str] = set()

    @event_priority(-112)  # after klarinfo/glossary loaded the termbase
    def on_config(self, config: Any) -> Any:
        if self.begin(config):
            self._find_exit_pages(config)
        return config

    def _find_exit_pages(self, config: Any) -> None:
        """Violence pages (quick_exit: true) in every edition, and the pages their text
        and glossary terms link to; all of them get the quick exit (on_page_context)."""
        self.exit_sources: set[str] = set()  # pages with quick_exit: true, in any edition
        self.exit_targets: set[str] = set()  # pages they link to (text and glossary)
        docs = Path(config.docs_dir)
        matchers = self.context.matchers
        for lang in self.context.i18n.config.languages:
            folder = docs / lang.locale
            for path in sorted(folder.rglob("*.md")):
                # undecodable bytes: the build reports that file elsewhere, with its line
                text = path.read_text(encoding="utf-8", errors="replace")
                if not quick_exit.is_quick_exit(text):
                    continue
                norm = path.relative_to(folder).as_posix()
                self.exit_sources.add(norm)
                self.exit_targets |= quick_exit.targets([(norm, text)])
                matcher = matchers.get(lang.locale)
                if matcher is not None and glossary.scan(text, matcher):
                    self.exit_targets.add(f"{glossary.PAGE_SLUG}.md")

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        # Serve with the headers we deploy (CSP included), so they are exercised while
        # writing; the live-reload script MkDocs injects is allowed per response.
        from mkdocs import livereload

        template = getattr(livereload, "_SCRIPT_TEMPLATE_STR", None)
        server.set_app(serve_with_headers(server.get_app(), lambda: self.policy, template))
        return server

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        self.template_scripts.load(env, config.theme.dirs)
        return env

    @event_priority(50)  # first: every later step sees escaped, inert text
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        """Raw HTML, unsafe attribute lists and script links: refused where they are
        written (findings for the page's own edition), inert in every edition's output."""
        escape_meta(page)
        if page.file.generated_by:
            return markdown
        inert, findings = markup.check_markdown(
            markdown, pages.shown(page, self.context), pages.body_offset(markdown, page) + 1)
        if pages.is_own(page, self.context):
            for finding in findings:
                log.warning(str(finding), **tag("safety"))
        return inert

    @event_priority(10)  # before klarinfo/glossary adds its popovers
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        html, removed = markup.sanitize_html(html)
        if removed and pages.is_own(page, self.context):
            line = line_of(page.file.content_string, removed[0])
            log.warning(f"{pages.shown(page, self.context)}:{line}: the page's HTML had "
                        f"{', '.join(removed[:3])}, which a page may not carry (it could run "
                        "script, load from another host or take the theme's place); removed "
                        "— write the page in plain Markdown", **tag("safety"))
        return html

    @event_priority(10)  # before klarinfo/partners reads quick_exit for embed views
    def _quick_exit_context(self, context: dict, *, page: Any, config: Any, nav: Any) -> dict:
        self._mark_quick_exit(page)
        return context

    def _mark_quick_exit(self, page: Any) -> None:
        """The quick exit on pages a violence page leads to: linked from its text or its
        glossary popovers, or next to it in the footer (previous/next page)."""
        neighbours = {pages.norm(p.file) for p in (page.previous_page, page.next_page)
                      if p is not None}
        if not page.meta.get("quick_exit") and (
                pages.norm(page.file) in self.exit_targets or neighbours & self.exit_sources):
            page.meta["quick_exit"] = True
            page.meta["klarinfo_exit_linked"] = True

    @event_priority(-100)  # last: the scripts render with the context as the page gets it
    def _scripts_context(self, context: dict, *, page: Any, config: Any, nav: Any) -> dict:
        self._expect_template_scripts(context, config)
        return context

    on_page_context = CombinedEvent(_quick_exit_context, _scripts_context)

    @event_priority(-100)
    def on_template_context(self, context: dict, *, template_name: str, config: Any) -> dict:
        self._expect_template_scripts(context, config)
        return context

    def _expect_template_scripts(self, context: dict, config: Any) -> None:
        self.page_script_hashes = self.template_scripts.hashes(
            context, list(config.theme.get("features") or []))

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        where = (pages.shown(page, self.context) if page.file.abs_src_path
                 else f"{config.docs_dir}/{page.file.src_uri}")
        source = page.file.content_string if page.file.abs_src_path else ""
        self._check_scripts(output, where, source)  # the whole file: lines as the author sees
        return output

    def on_post_template(self, output: str, *, template_name: str, config: Any) -> str:
        if template_name.endswith(".html"):
            self._check_scripts(output, f"template {template_name}")
        return output

    def _check_scripts(self, output: str, where: str, source: str = "") -> None:
        """Allow the inline scripts our templates wrote; report any other (CSP blocks it),
        at the line of ``source`` (the page file) that holds a ``<script``."""
        used, others = headers.unexpected_scripts(output, self.page_script_hashes)
        self.script_hashes |= used
        for text in others:
            line = source_line(source)
            log.warning(
                f"{where + (f':{line}' if line else '')}: an inline <script> that no theme "
                f"template wrote is in the built page ({text.strip()[:60]!r}); the "
                "Content-Security-Policy blocks it — remove the script from the page, its "
                "front matter or the interface texts (locales/), or escape it", **tag("safety"))

    @event_priority(-112)  # the outer build, after every edition
    def on_post_build(self, *, config: Any) -> None:
        """``_headers`` in the site root (hosts read it there and do not serve it), nginx
        snippets beside the site."""
        if self.context.inner_build:
            return
        self.policy = headers.Policy(
            self.context.partners, tuple(sorted(self.script_hashes)),
            feeds=tuple("/" + partners.feed_path(e.id) for e in self.context.editions))
        try:
            text = headers.headers_file(self.policy)
        except headers.HeadersCapError as exc:
            raise PluginError(str(exc)) from None
        (Path(config.site_dir) / "_headers").write_text(text, encoding="utf-8")
        server = self.config.server_dir
        self.context.beside_site[f"{server}/nginx-http.conf"] = nginx.nginx_http(self.policy)
        self.context.beside_site[f"{server}/nginx-server.conf"] = nginx.nginx_server()
        self.context.beside_site[f"{server}/nginx-feeds.conf"] = nginx.nginx_feeds(self.policy)
