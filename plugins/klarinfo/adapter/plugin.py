"""MkDocs adapter: wires MkDocs and mkdocs-static-i18n events to the klarinfo core.

mkdocs-static-i18n builds the default edition, then re-runs the whole MkDocs build
once per other edition from inside its ``on_post_build``. So every event here
fires once per edition, and ``on_config`` must run after i18n's (priority -100)
to know which edition is being built.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from html import escape, unescape
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from klarinfo import (
    anchor_links,
    catalogs,
    embed,
    examples,
    framing,
    glossary_check,
    glossary_page,
    language_check,
    markup_safety,
    messages,
    page_checks,
    placeholders,
    publish,
    quick_exit_pages,
    readability,
    readability_ahead,
    readability_text,
    security_headers,
    sitemap,
    termbase,
    text_files,
    translation_status,
    yaml_lines,
)
from klarinfo import rules as rules_module
from klarinfo.alternates import Alternate, hreflang_links
from klarinfo.editions import Edition, build_editions, by_id
from klarinfo.errors import Finding, InputError
from klarinfo.glossary_markup import Definition, mark_first_uses
from klarinfo.html_root import drop_checkbox_autocomplete, set_root_attributes
from klarinfo.prose import front_matter_end
from klarinfo.term_matching import Matcher
from klarinfo.theme_strings import write_partials

from . import material_bundle
from .config import KlarinfoConfig
from .security import TemplateScripts, serve_with_headers, source_line

log = get_plugin_logger("klarinfo")

#: Material overrides (templates, CSS, fonts) that ship with the package.
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"

# Templates every edition build would write to the site root; only the default
# edition may write them, or the last edition built wins (a Somali 404 page).
_ROOT_TEMPLATES = ("404.html", "sitemap.xml")
#: gettext domains: Material's interface strings, and the messages our plugin writes.
DOMAINS = ("theme", "klarinfo")


def _title(markdown: str, path: str) -> str:
    """A page's title from front matter or its first heading, for glossary links."""
    for line in markdown.splitlines()[:40]:
        if line.startswith("title:"):
            return line.split(":", 1)[1].strip().strip("'\"")
        if line.startswith("# "):
            return line[2:].strip()
    return path


def _first_content_line(markdown: str) -> int:
    return front_matter_end(markdown.split("\n")) + 1


def _body_offset(markdown: str, page: Any) -> int:
    """Lines MkDocs removed above the body (front matter and the blank lines after it),
    so findings in ``markdown`` point into the file."""
    raw = page.file.content_string
    head = markdown.lstrip("\n")[:200]
    return raw[:max(0, raw.find(head))].count("\n") - (len(markdown) - len(
        markdown.lstrip("\n")))


def _line_of(text: str, problem: str) -> int:
    """The first line that mentions what the HTML net removed (a tag or attribute name),
    or 1: the net catches what the source scan could not place."""
    word = problem.strip("<>").split("=")[0].split()[0].lower()
    for number, line in enumerate(text.split("\n"), start=1):
        if word in line.lower():
            return number
    return 1


def _escape_meta(page: Any) -> None:
    """Front-matter text that templates print: escaped once, here.

    MkDocs renders Material's templates without autoescaping, so a ``title`` or
    ``description`` lands raw in the menu, ``<title>`` and ``<meta content="…">``.
    After this, ``page.title`` is HTML text like a title MkDocs takes from a heading
    (entities, no tags); code that needs plain text unescapes it.
    """
    for key in ("title", "description", "subtitle"):
        value = page.meta.get(key)
        if value is not None and not getattr(page, "_klarinfo_escaped", False):
            page.meta[key] = escape(str(value), quote=True)
    page._klarinfo_escaped = True


def _in_folder(page: Any, folder: str) -> bool:
    return Path(page.file.src_uri).parts[:1] == (folder,)


class _LogWatch(logging.Filter):
    """What the build logs, watched for the whole build (every edition).

    Counts warnings, so a build without --strict can refuse to publish a site with
    findings; and gives MkDocs' missing-anchor warnings the line of the link in the
    Markdown file (``anchor_links``), once, not once per edition showing the page.
    """

    def __init__(self, docs_dir: Path, root: Path) -> None:
        super().__init__()
        self.docs_dir, self.root = docs_dir, root
        self.warnings = 0
        self.seen: set[str] = set()
        self.counter = logging.Handler(logging.WARNING)
        self.counter.emit = self._count  # type: ignore[method-assign]

    def start(self) -> None:
        logging.getLogger("mkdocs.structure.pages").addFilter(self)
        logging.getLogger("mkdocs").addHandler(self.counter)

    def stop(self) -> None:
        logging.getLogger("mkdocs.structure.pages").removeFilter(self)
        logging.getLogger("mkdocs").removeHandler(self.counter)

    def _count(self, record: logging.LogRecord) -> None:
        self.warnings += 1

    def filter(self, record: logging.LogRecord) -> bool:
        missing = anchor_links.parse(record.getMessage())
        if missing is None:
            return True
        source = self.docs_dir / missing.source
        text = source.read_bytes().decode("utf-8", errors="replace") if source.is_file() else ""
        target = missing.target
        edition = target.split("/")[0] if target and target.split("/")[0] != \
            missing.source.split("/")[0] else None
        shown = _relative(source, self.root)
        finding = anchor_links.finding(missing, text, shown, target and _relative(
            self.docs_dir / target, self.root), edition)
        if str(finding) in self.seen:
            return False  # the same Swedish page, shown again in another edition
        self.seen.add(str(finding))
        record.msg, record.args = str(finding), ()
        return True


def _relative(path: Path, root: Path) -> str:
    """A file as findings name it: relative to ``root`` when it lies below it."""
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


class KlarinfoPlugin(BasePlugin[KlarinfoConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.template_scripts = TemplateScripts()
        # Hashes of inline scripts our templates wrote, site-wide; kept across `make site`
        # rebuilds (a --dirty rebuild renders only some pages; each hash is still ours).
        self.script_hashes: set[str] = set()
        #: The policy of the last finished build; `make site` serves with it.
        self.policy = security_headers.Policy()
        self._reset()

    def _reset(self) -> None:
        self.editions: tuple[Edition, ...] = ()
        self.edition: Edition | None = None
        self.theme_dir: Path | None = None
        self.site_dir: Path | None = None
        self.staging: Path | None = None
        self.failed = False
        self.root_templates: set[str] = set()
        self.pages: list[sitemap.SitemapPage] = []
        self.root = Path.cwd()
        self.profiles: dict[str, readability.Profile] = {}
        self.readability: list[readability.PageReport] = []
        self.termbase = termbase.Termbase(())
        self.matchers: dict[str, Matcher] = {}
        self.term_uses: dict[tuple[str, str], list[glossary_check.Use]] = {}
        self.rules: rules_module.Rules | None = None
        self.presets: dict[str, Any] = {}
        self.theme_texts: dict[str, dict[str, str]] = {}
        self.embeds: list[embed.EmbedPage] = []
        self.titles: list[tuple[str, str]] = []  # (title, url) of this edition's own pages
        self.reported: set[str] = set()  # findings already logged in this build (all editions)
        self.unfilled_pages: set[str] = set()  # pages whose Markdown had unfilled placeholders
        self.source_checks: dict[str, tuple[bool, list[Finding]]] = {}  # abs path → result
        if getattr(self, "log_watch", None) is not None:
            self.log_watch.stop()
        self.log_watch: _LogWatch | None = None
        self.exit_sources: set[str] = set()  # pages with quick_exit: true, in any edition
        self.exit_targets: set[str] = set()  # pages they link to (text and glossary)
        self.page_script_hashes: set[str] = set()  # … rendered for the page being built
        self.beside_site: dict[str, str] = {}  # files written next to the site, not in it
        if getattr(self, "ahead", None) is not None:
            self.ahead.close()
        self.ahead: readability_ahead.Ahead | None = None

    # -- lifecycle -----------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @event_priority(-110)  # after i18n has picked the edition for this build
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError("klarinfo needs the i18n plugin (mkdocs-static-i18n) before it")
        if not i18n.building:  # the outer build: a fresh start, also on every serve rebuild
            self._start_build(config, i18n)
        self.edition = by_id(self.editions)[i18n.current_language]
        config.theme["direction"] = self.edition.dir
        static = config.theme.static_templates
        if self.edition.default:
            static.update(self.root_templates)
        else:
            static.difference_update(_ROOT_TEMPLATES)
        # Our overrides ship inside the package; the compiled language partials go first.
        for folder in (str(THEME_DIR), str(self.theme_dir)):
            if folder in config.theme.dirs:
                config.theme.dirs.remove(folder)
            config.theme.dirs.insert(0, folder)
        return config

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        root = Path(config.config_file_path).parent
        # Everything a build reads besides docs/ and mkdocs.yml (MkDocs watches those):
        # catalogs, termbase, rule figures and presets, our theme. Files, not data/: a
        # data file next to mkdocs.yml must not make the whole project (site/ too) watched.
        for path in (root / self.config.locales_dir, root / self.config.glossary_dir,
                     root / self.config.rules_file, root / self.config.presets_file, THEME_DIR):
            if path.exists():
                server.watch(str(path), recursive=path.is_dir())
        # Serve with the headers we deploy (CSP included), so they are exercised while
        # writing; the live-reload script MkDocs injects is allowed per response.
        from mkdocs import livereload

        template = getattr(livereload, "_SCRIPT_TEMPLATE_STR", None)
        server.set_app(serve_with_headers(server.get_app(), lambda: self.policy, template))
        return server

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Any) -> Any:
        self.template_scripts.load(env, config.theme.dirs)
        return env

    def _expect_template_scripts(self, context: dict[str, Any], config: MkDocsConfig) -> None:
        self.page_script_hashes = self.template_scripts.hashes(
            context, list(config.theme.get("features") or []))

    def _check_scripts(self, output: str, where: str, source: str = "") -> None:
        """Allow the inline scripts our templates wrote; report any other (CSP blocks it),
        at the line of ``source`` (the page file) that holds a ``<script``."""
        used, others = security_headers.unexpected_scripts(output, self.page_script_hashes)
        self.script_hashes |= used
        for text in others:
            line = source_line(source)
            log.warning(
                f"{where + (f':{line}' if line else '')}: an inline <script> that no theme "
                f"template wrote is in the built page ({text.strip()[:60]!r}); the "
                "Content-Security-Policy blocks it — remove the script from the page, its "
                "front matter or the interface texts (locales/), or escape it")

    def _start_build(self, config: MkDocsConfig, i18n: Any) -> None:
        self._cleanup_theme_dir()
        self._reset()
        root = self.root = Path(config.config_file_path).parent
        languages = [dict(lang) for lang in i18n.config.languages]
        try:
            self.editions = build_editions(self.config.editions, languages, "mkdocs.yml")
        except InputError as exc:
            raise PluginError(str(exc)) from None
        if self.config.only_edition:
            self._only(i18n, self.config.only_edition)
        problems = framing.check_partners(self.config.partners)
        if problems:
            raise PluginError("mkdocs.yml: " + "; ".join(problems))
        self.profiles, problems = readability.build_profiles(self.config.readability)
        if problems:
            raise PluginError("\n".join(str(p) for p in problems))
        self._load_termbase(root)
        self._load_rules(root)
        self._find_exit_pages(config, i18n)
        profiles = self.profiles if self.config.readability_mode != "off" else {}
        languages = self._language_jobs() if self.config.language_check != "off" else {}
        if profiles or languages:
            self.ahead = readability_ahead.Ahead(self._own_pages(config, i18n), profiles,
                                                 languages, self.termbase)
        self.theme_dir = Path(tempfile.mkdtemp(prefix="klarinfo-theme-"))
        self._compile_theme_strings(root)
        # sitemap.xml is written by us (see on_post_build); 404.html only by the default edition.
        config.theme.static_templates.discard("sitemap.xml")
        self.root_templates = {"404.html"} & set(config.theme.static_templates)
        self._watch_logs(config)
        if self.command == "build":
            self.site_dir = Path(config.site_dir)
            self.staging = publish.staging_dir(self.site_dir)
            config.site_dir = str(self.staging)

    def _watch_logs(self, config: MkDocsConfig) -> None:
        self.log_watch = _LogWatch(Path(config.docs_dir), self.root)
        self.log_watch.start()

    def _own_pages(self, config: MkDocsConfig, i18n: Any) -> list[tuple[str, str, str]]:
        """(edition, file, shown path) of every page written for a built edition."""
        docs = Path(config.docs_dir)
        out = []
        for lang in i18n.config.languages:
            if not lang.build:
                continue
            for path in sorted((docs / lang.locale).rglob("*.md")):
                out.append((lang.locale, str(path), self._relative(path)))
        return out

    def _find_exit_pages(self, config: MkDocsConfig, i18n: Any) -> None:
        """Violence pages (quick_exit: true) in every edition, and the pages their text
        and glossary terms link to; all of them get the quick exit (on_page_context)."""
        docs = Path(config.docs_dir)
        editions = by_id(self.editions)
        for lang in i18n.config.languages:
            folder = docs / lang.locale
            for path in sorted(folder.rglob("*.md")):
                # undecodable bytes: the build reports that file elsewhere, with its line
                text = path.read_text(encoding="utf-8", errors="replace")
                if not quick_exit_pages.is_quick_exit(text):
                    continue
                norm = path.relative_to(folder).as_posix()
                self.exit_sources.add(norm)
                self.exit_targets |= quick_exit_pages.targets([(norm, text)])
                edition = editions.get(lang.locale)
                if edition is not None and glossary_check.scan(text, self._matcher(edition)):
                    self.exit_targets.add(f"{glossary_page.SLUG}.md")

    def _language_jobs(self) -> dict[str, readability_ahead.LanguageJob]:
        """Per edition: its language, the glossary terms to leave out (its own and, for
        translations, the Swedish ones translators gloss), the languages to choose from."""
        default = next(e for e in self.editions if e.default)
        candidates = tuple(sorted({e.lang.split("-")[0] for e in self.editions}))
        jobs = {}
        for e in self.editions:
            terms = ((e.id, e.lang),) + (() if e.default else ((default.id, default.lang),))
            jobs[e.id] = readability_ahead.LanguageJob(e.lang, terms, candidates)
        return jobs

    def _only(self, i18n: Any, edition_id: str) -> None:
        """Build one edition and the Swedish source only (i18n reads the flags lazily)."""
        if edition_id not in by_id(self.editions):
            raise PluginError(f"mkdocs.yml: only_edition {edition_id!r} is not an edition — "
                              f"use one of {', '.join(e.id for e in self.editions)}")
        for lang in i18n.config.languages:
            lang.build = bool(lang.default) or lang.locale == edition_id
        log.info(f"previewing the {edition_id} edition only (and the Swedish source)")

    def _compile_theme_strings(self, root: Path) -> None:
        """Check every catalog (problems as path:line warnings); theme PO → language partials."""
        ids = [e.id for e in self.editions]
        locales, shown = root / self.config.locales_dir, Path(self.config.locales_dir)
        for domain in DOMAINS:
            try:
                loaded, findings = catalogs.check_domain(locales, domain, ids, shown)
            except InputError as exc:
                raise PluginError(str(exc)) from None
            for finding in findings:
                log.warning(str(finding))
            if domain == "theme":
                self.theme_texts = write_partials(loaded, self.editions, self.theme_dir)

    def _load_termbase(self, root: Path) -> None:
        folder = root / self.config.glossary_dir
        try:
            self.termbase, findings = termbase.load(folder, [e.id for e in self.editions], root)
        except InputError as exc:
            raise PluginError(str(exc)) from None
        for finding in findings:
            log.warning(str(finding))

    def _load_rules(self, root: Path) -> None:
        try:
            self.rules = rules_module.load(root / self.config.rules_file, self.config.rules_file)
            presets = root / self.config.presets_file
            self.presets = yaml_lines.load(presets.read_text(encoding="utf-8"),
                                           self.config.presets_file) or {}
        except InputError as exc:
            raise PluginError(str(exc)) from None

    def _matcher(self, edition: Edition) -> Matcher:
        if edition.id not in self.matchers:
            self.matchers[edition.id] = Matcher(self.termbase, edition.id, edition.lang)
        return self.matchers[edition.id]

    def _tr(self, edition: Edition) -> Any:
        return messages.translator(self.root / self.config.locales_dir, edition.id, self.root)

    # -- files: pages that cannot be published, term index, the glossary page -------

    @event_priority(-50)  # before i18n (-100) picks each page or its Swedish fallback
    def _drop_unpublishable(self, files: Any, *, config: MkDocsConfig) -> Any:
        """Check every page's source; leave out the ones readers must not get.

        A translation with no text yet (the scaffold of make new-translation) and a page
        that is not UTF-8 are removed before i18n sees the files, so i18n serves the
        Swedish page under the missing-translation notice, as for a page never started.
        Every build drops them (the alternates of other editions must agree); only the
        build of the page's own edition reports them, so each is reported once.
        """
        ids = {e.id for e in self.editions}
        for file in list(files.documentation_pages()):
            parts = Path(file.src_uri).parts
            if file.generated_by or file.abs_src_path is None or parts[0] not in ids:
                continue
            if file.abs_src_path not in self.source_checks:  # once per file and build
                self.source_checks[file.abs_src_path] = self._check_source(file, parts)
            drop, problems = self.source_checks[file.abs_src_path]
            if drop:
                files.remove(file)
            for finding in problems if parts[0] == self.edition.id else ():
                log.warning(str(finding))
        return files

    def _check_source(self, file: File, parts: tuple[str, ...]) -> tuple[bool, list[Finding]]:
        """(leave the page out?, findings) for one page's source file."""
        default = next(e.id for e in self.editions if e.default)
        shown = self._relative(Path(file.abs_src_path))
        try:
            text = text_files.read(Path(file.abs_src_path), shown)
        except InputError as exc:
            left_out = ("the page is left out" if parts[0] == default else
                        "readers get the Swedish page")
            return True, [Finding(f.path, f.line, f"{f.problem} ({left_out})", f.fix)
                          for f in exc.findings]
        problems = page_checks.front_matter(text, shown)
        empty = page_checks.empty_page(text, shown, parts[0] == default,
                                       Path(*parts[1:]).as_posix(), parts[0])
        if empty is not None:
            problems.append(empty)
        return empty is not None and parts[0] != default, problems

    @event_priority(-110)  # after i18n chose this edition's files
    def _index_terms(self, files: Any, *, config: MkDocsConfig) -> Any:
        edition = self.edition
        matcher = self._matcher(edition)
        used_on: dict[str, list[tuple[str, str]]] = {}
        self.titles = []
        for file in files.documentation_pages():
            if getattr(file, "locale", edition.id) != edition.id or file.generated_by:
                continue
            text = file.content_string
            uses = glossary_check.scan(text, matcher)
            norm = getattr(file, "norm_src_uri", file.src_uri)
            self.titles.append((_title(text, norm), file.url))
            self.term_uses[(edition.id, norm)] = uses
            for term_id in glossary_check.used_ids(uses, approved_only=True):
                used_on.setdefault(term_id, []).append((_title(text, norm), norm))
        files.append(self._glossary_file(config, used_on))
        return files

    on_files = CombinedEvent(_drop_unpublishable, _index_terms)

    def _glossary_file(self, config: MkDocsConfig, used_on: dict) -> File:
        edition = self.edition
        src = f"{edition.id}/{glossary_page.SLUG}.md"
        content = glossary_page.render(self.termbase, edition.id, edition.lang, used_on,
                                       self._tr(edition))
        file = File.generated(config, src, content=content)
        file.dest_uri = f"{edition.url_prefix}{glossary_page.SLUG}/index.html"
        # the attributes mkdocs-static-i18n gives the files it creates
        file.locale = file.localization = file.locale_alternate_of = edition.id
        file.norm_src_uri = f"{glossary_page.SLUG}.md"
        file.alternates = {
            e.id: SimpleNamespace(url=f"{e.url_prefix}{glossary_page.SLUG}/", locale=e.id)
            for e in self.editions
        }
        return file

    # -- navigation ----------------------------------------------------------------

    @event_priority(-90)  # just before i18n flattens the language sections (-100)
    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Any) -> Any:
        """Let i18n recognise the section of an edition id with a dash.

        i18n flattens the top-level section titled ``locale.capitalize()``
        ("Sv-latt"), but MkDocs titles the folder ``sv-latt`` as "Sv latt", so
        easy-read pages kept a stray "Sv latt" section, or vanished from the
        menu once a Swedish fallback page existed.
        """
        folder = self.edition.id
        for item in nav.items:
            if item.is_section and item.children and all(
                _in_folder(page, folder) for page in item.children if page.is_page
            ) and any(page.is_page for page in item.children):
                item.title = folder.capitalize()
        return nav

    # -- pages ---------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Any) -> str:
        _escape_meta(page)
        if not page.file.generated_by:
            markdown = self._refuse_markup(markdown, page)
        if self._is_own(page) and not page.file.generated_by:
            if not self.edition.default:
                self._check_translation(page, config)
            if self.config.readability_mode != "off":
                self._check_readability(page)
            self._check_terms(page)
            self._check_language(page)
        elif not page.file.generated_by:
            self._mark_fallback(page)
        markdown = self._expand_examples(markdown, page, config)
        if "```embed-snippets" in markdown:  # last: its lines would shift every finding
            markdown = embed.SNIPPETS_BLOCK.sub(
                lambda _: embed.snippets_html(self.titles, config.site_url or ""), markdown)
        return markdown

    def _check_translation(self, page: Page, config: MkDocsConfig) -> None:
        """Front matter of a translation; outdated if the Swedish page changed since."""
        shown, norm = self._shown(page), page.file.norm_src_uri
        text = page.file.content_string
        if not page_checks.front_matter(text, shown):  # else reported by _drop_unpublishable
            for finding in translation_status.check_translation(text, shown, norm,
                                                                self.edition.id):
                log.warning(str(finding))
        default = next(e for e in self.editions if e.default)
        source = Path(config.docs_dir) / default.id / norm
        if source.exists():
            try:
                current = translation_status.source_hash(text_files.read(source))
            except InputError:
                return  # reported in the Swedish build
            if page.meta.get("source_hash") != current:
                page.meta["klarinfo_outdated"] = True
                log.info(f"{shown}:1: outdated — the Swedish page changed; readers see a notice."
                         f" See what changed: make translation-diff PAGE={norm} "
                         f"EDITION={self.edition.id}")

    def _mark_fallback(self, page: Page) -> None:
        """The Swedish page shown in an edition that has no translation of it: say so,
        keep it out of search (and, in on_page_context, of hreflang and the sitemap)."""
        page.meta["klarinfo_fallback"] = True
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        log.info(f"docs/{self.edition.id}/{page.file.norm_src_uri}: missing — readers see the "
                 f"Swedish page with a notice; start it with make new-translation "
                 f"PAGE={page.file.norm_src_uri} EDITION={self.edition.id}")

    def _expand_examples(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        """Figures ({{ rules.x }}) and worked examples (```life-income```,
        ```housing-allowance```) for this page."""
        if self.rules is None or not any(mark in markdown for mark in (
                "life-income", "housing-allowance", "unverified-rules", "{{")):
            return markdown
        edition = self._source_edition(page)
        offset = _body_offset(markdown, page)
        shown = self._shown(page)
        explain = get_relative_url(f"{edition.url_prefix}{self.config.explain_page}/", page.url)
        context = examples.Context(self.rules, self.presets, edition.lang, edition.dir == "rtl",
                                   self._tr(edition), self.rules.years[-1], explain,
                                   easy=edition.id in self.config.easy_read)
        # Placeholders first: they keep line numbers intact for the example blocks.
        expanded, findings = placeholders.expand(
            markdown, shown, self.rules, edition.lang,
            site={**dict(config.extra), "site_url": config.site_url or ""})
        # A generated page (the glossary) quotes titles and terms: reported where written.
        unfilled = [] if page.file.generated_by else placeholders.unfilled(expanded, shown)
        if unfilled:
            self.unfilled_pages.add(shown)
        expanded, more = examples.expand(expanded, shown, context)
        for finding in findings + unfilled + more:
            self._warn_once(examples.shifted(finding, offset))
        return expanded

    def _refuse_markup(self, markdown: str, page: Page) -> str:
        """Raw HTML, unsafe attribute lists and script links: refused where they are
        written (findings for the page's own edition), inert in every edition's output."""
        inert, findings = markup_safety.check_markdown(
            markdown, self._shown(page), _body_offset(markdown, page) + 1)
        if self._is_own(page):
            for finding in findings:
                log.warning(str(finding))
        return inert

    def _warn_once(self, finding: Finding) -> None:
        """A finding about a Swedish page is found again in every edition that shows it
        untranslated; say it once."""
        if str(finding) not in self.reported:
            self.reported.add(str(finding))
            log.warning(str(finding))

    def _check_unfilled_html(self, page: Page) -> None:
        """A last net for braces that reached the page's text some other way than its
        Markdown body (front matter title or description, a generated block)."""
        shown = self._shown(page)
        if shown in self.unfilled_pages or page.file.generated_by:
            return  # reported from the Markdown with lines; or quoted from where it is written
        texts = [page.title or "", str(page.meta.get("description") or "")]
        found = placeholders.unfilled_in_html(page.content or "") + [
            snippet for t in texts for snippet in placeholders.unfilled_in_text(t)]
        source = page.file.content_string
        quoted = " ".join(title for title, _ in self.titles)  # reported at their own pages
        for snippet in found:
            start = source.find(snippet)
            if start < 0 and snippet in quoted:
                continue
            where = "" if start >= 0 else " (not in this file: from a template, a catalog or " \
                "a generated block on this page)"
            line = source.count("\n", 0, start) + 1 if start >= 0 else None
            self._warn_once(Finding(shown, line, f"placeholder {snippet!r} was not filled in"
                                    f"{where}; readers would see the raw braces",
                                    placeholders.LEFTOVER_FIX))

    def _shown(self, page: Page) -> str:
        if page.file.abs_src_path is None:  # generated (the glossary page)
            return page.file.src_uri
        return self._relative(Path(page.file.abs_src_path))

    def _relative(self, path: Path) -> str:
        """A file as findings name it: relative to mkdocs.yml when it lies below it."""
        return _relative(path, self.root)

    def _check_terms(self, page: Page) -> None:
        norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
        uses = self.term_uses.get((self.edition.id, norm), [])
        shown, tr = self._shown(page), self._tr(self.edition)
        for line in glossary_check.deprecated(uses, shown, tr):
            log.warning(line)
        lines: list[str] = []
        if not self.edition.default:
            default = next(e for e in self.editions if e.default)
            source = self.term_uses.get((default.id, norm))
            if source is not None:
                source_path = f"{Path(shown).parts[0]}/{default.id}/{norm}"
                lines += glossary_check.consistency(
                    glossary_check.used_ids(source, approved_only=True), source_path, uses,
                    shown, self.edition.id, self.termbase, tr,
                    first_line=_first_content_line(page.file.content_string))
        # An outdated translation cannot follow the newer Swedish terms yet: the reader
        # sees the outdated notice, and the translator gets these as hints, not failures.
        report = log.info if page.meta.get("klarinfo_outdated") else log.warning
        for line in lines:
            report(line)

    def _check_language(self, page: Page) -> None:
        """Paragraphs in another language than the edition's (a Swedish paragraph left
        in a reviewed Somali page), judged on the file as written, glossary terms of this
        edition and of Swedish left out; usually computed ahead on the second core."""
        if self.config.language_check == "off":
            return
        shown = self._shown(page)
        found = self.ahead.readings(shown) if self.ahead is not None else None
        if found is None:
            job = self._language_jobs()[self.edition.id]
            matchers = [self._matcher(by_id(self.editions)[e]) for e, _ in job.term_editions]
            found = language_check.readings(page.file.content_string, job.language, matchers,
                                            candidates=job.candidates)
        for finding in language_check.findings(found, shown, self.edition.lang,
                                                self._tr(self.edition)):
            log.warning(str(finding))

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Any) -> str:
        html, removed = markup_safety.sanitize_html(html)
        if removed and self._is_own(page):
            line = _line_of(page.file.content_string, removed[0])
            log.warning(f"{self._shown(page)}:{line}: the page's HTML had "
                        f"{', '.join(removed[:3])}, which could run script; removed — "
                        "write the page in plain Markdown")
        if page.file.generated_by:
            return html
        edition = self._source_edition(page)
        definitions = {}
        for term in self.termbase.terms:
            entry = term.entries.get(edition.id)
            if entry is not None:
                target = f"{edition.url_prefix}{glossary_page.SLUG}/"
                definitions[term.id] = Definition(
                    entry.term, entry.definition,
                    f"{get_relative_url(target, page.url)}#{term.id}")
        more = self._tr(edition).gettext("More in the glossary")
        marked, _ = mark_first_uses(html, self._matcher(edition), definitions, more)
        return marked

    def _source_edition(self, page: Page) -> Edition:
        """The edition the page's text is written in (Swedish for a fallback page)."""
        return by_id(self.editions).get(getattr(page.file, "locale", self.edition.id),
                                        self.edition)

    def _is_own(self, page: Page) -> bool:
        """True for a page written for this edition (not a Swedish fallback)."""
        return getattr(page.file, "locale", self.edition.id) == self.edition.id

    def _check_readability(self, page: Page) -> None:
        profile = self.profiles.get(self.edition.id)
        if profile is None:
            return
        source = Path(page.file.abs_src_path)
        shown = self._shown(page)
        report = self.ahead.report(shown) if self.ahead is not None else None
        if report is None:
            report = readability.analyse(source.read_text(encoding="utf-8"), shown, profile)
        self.readability.append(report)
        tr = messages.translator(self.root / self.config.locales_dir, self.edition.id, self.root)
        for line in readability_text.findings(report, self.edition.lang, tr,
                                              profile.long_word_letters):
            if report.passed:
                log.info(line)  # overrides in force: shown, but not a failure
            else:
                log.warning(line)

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        self._mark_quick_exit(page)
        alternates = self._alternates(page)
        site_url = config.site_url or ""
        context["klarinfo_hreflang"] = hreflang_links(site_url, alternates, self.edition)
        context["klarinfo_switcher"] = [
            {"name": a.edition.name, "lang": a.edition.lang, "url": a.url, "id": a.edition.id,
             "current": a.edition == self.edition}
            for a in alternates
        ]
        if page.file.locale == self.edition.id or self.edition.default:
            self.pages.append(
                sitemap.SitemapPage(
                    url=page.url,
                    alternates=tuple(context["klarinfo_hreflang"]),
                )
            )
            context["klarinfo_oembed"] = urljoin(site_url, embed.oembed_url(page.url))
            self.embeds.append(self._embed_page(page, alternates, site_url))
        elif not page.file.generated_by:
            self.embeds.append(self._embed_page(page, alternates, site_url, fallback=True))
        self._expect_template_scripts(context, config)
        return context

    def _mark_quick_exit(self, page: Page) -> None:
        """The quick exit on pages a violence page leads to: linked from its text or its
        glossary popovers, or next to it in the footer (previous/next page)."""
        def norm(item: Any) -> str:
            return getattr(item.file, "norm_src_uri", item.file.src_uri)

        neighbours = {norm(p) for p in (page.previous_page, page.next_page) if p is not None}
        if not page.meta.get("quick_exit") and (
                norm(page) in self.exit_targets or neighbours & self.exit_sources):
            page.meta["quick_exit"] = True
            page.meta["klarinfo_exit_linked"] = True

    def _embed_page(self, page: Page, alternates: list[Alternate], site_url: str,
                    fallback: bool = False) -> embed.EmbedPage:
        original = next((a.url for a in alternates if a.edition.default), None)
        texts = self.theme_texts.get(self.edition.id, {})
        meta = page.meta
        return embed.EmbedPage(
            url=page.url, edition=self.edition.id, lang=self.edition.lang, dir=self.edition.dir,
            title=unescape(page.title or ""), content=page.content or "",
            reviewed=str(meta["reviewed"]) if meta.get("reviewed") else None,
            summary=unescape(str(meta.get("description") or ""))
            or embed.summary_of(page.content or ""),
            # embed views stand alone on a partner's page: no footer or glossary of ours
            # leads there from a violence page, so only the violence page's own view
            quick_exit=bool(meta.get("quick_exit")) and not meta.get("klarinfo_exit_linked"),
            notices=embed.notices(
                texts, urljoin(site_url, original) if original is not None else None,
                draft=meta.get("translation_status") == "draft",
                outdated=bool(meta.get("klarinfo_outdated")), fallback=fallback),
            alternates=tuple((a.edition.id, a.edition.lang, a.url) for a in alternates
                             if a.translated and a.edition != self.edition),
            fallback=fallback,
        )

    def _alternates(self, page: Page) -> list[Alternate]:
        files = getattr(page.file, "alternates", {}) or {}
        out = []
        for edition in self.editions:
            file = files.get(edition.id)
            if file is None:
                continue
            out.append(
                Alternate(edition=edition, url=file.url, translated=file.locale == edition.id)
            )
        return out

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        # Static templates (404.html) are served at any depth: link home by absolute path.
        context["klarinfo_root"] = urlsplit(config.site_url or "/").path or "/"
        self._expect_template_scripts(context, config)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self._check_unfilled_html(page)
        where = (self._shown(page) if page.file.abs_src_path
                 else f"{config.docs_dir}/{page.file.src_uri}")
        source = page.file.content_string if page.file.abs_src_path else ""
        self._check_scripts(output, where, source)  # the whole file: lines as the author sees
        return drop_checkbox_autocomplete(
            set_root_attributes(output, self.edition.lang, self.edition.dir))

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        if template_name.endswith(".html"):
            self._check_scripts(output_content, f"template {template_name}")
            return drop_checkbox_autocomplete(
                set_root_attributes(output_content, self.edition.lang, self.edition.dir))
        return output_content

    # -- end of build --------------------------------------------------------------

    @event_priority(-110)  # after i18n has built every other edition
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        if getattr(i18n, "building", False):
            return  # an inner, per-edition build; the outer one finishes the site
        site = Path(config.site_dir)
        sitemap.write(site, config.site_url or "", self.pages)
        self._write_partner_files(site, config)
        self._write_reports()
        try:
            if not material_bundle.patch_site(site):
                raise PluginError("Material's JavaScript bundle was not found in the built site")
        except material_bundle.BundleChanged as exc:
            raise PluginError(str(exc)) from None
        self._refuse_warnings(config)

    def _refuse_warnings(self, config: MkDocsConfig) -> None:
        """`mkdocs build` without --strict must not publish a site with findings either:
        fail before the staging folder is swapped in, so the last good site stays.
        `mkdocs serve` (make site) only shows them; allow_warnings: true publishes anyway."""
        watch = self.log_watch
        if (self.command != "build" or config.strict or self.config.allow_warnings
                or watch is None or not watch.warnings):
            return
        raise PluginError(
            f"{watch.warnings} warning(s) above: the site was not published "
            f"({self.site_dir} still holds the last good site) — fix them (make site shows "
            "them while you edit), or set KLARINFO_ALLOW_WARNINGS=true to publish anyway")

    def _write_partner_files(self, site: Path, config: MkDocsConfig) -> None:
        """Embed views, oEmbed, feeds, and the security headers: ``_headers`` in the site
        root (hosts read it there and do not serve it), nginx snippets beside the site."""
        site_url = config.site_url or ""
        name = self.config.provider_name or config.site_name
        built = {e.edition for e in self.embeds}
        embed.write(site, self.embeds, site_url, name, self.theme_texts,
                    str(config.extra.get("quick_exit_url") or "https://www.smhi.se/"),
                    [(e.id, e.lang, e.url_prefix) for e in self.editions if e.id in built])
        self.policy = security_headers.Policy(tuple(self.config.partners),
                                              tuple(sorted(self.script_hashes)))
        try:
            text = security_headers.headers_file(self.policy)
        except security_headers.HeadersCapError as exc:
            raise PluginError(str(exc)) from None
        (site / "_headers").write_text(text, encoding="utf-8")
        server = self.config.server_dir
        self.beside_site[f"{server}/nginx-http.conf"] = security_headers.nginx_http(self.policy)
        self.beside_site[f"{server}/nginx-server.conf"] = security_headers.nginx_server()

    def _write_reports(self) -> None:
        if self.config.readability_mode == "off":
            return
        failing = [r for r in self.readability if not r.passed]
        self.beside_site[f"{self.config.reports_dir}/readability.json"] = json.dumps(
            {"pages": [r.as_dict() for r in self.readability], "failing": len(failing)},
            ensure_ascii=False, indent=1)
        if failing:
            log.warning(
                f"readability: {len(failing)} of {len(self.readability)} pages fail: "
                + ", ".join(f"{r.path}" for r in failing)
            )

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True

    def on_shutdown(self) -> None:
        if self.staging is not None and self.site_dir is not None:
            if self.failed or not self.staging.exists():
                publish.discard(self.staging)
                log.error(f"build failed; {self.site_dir} still holds the last good site")
            else:
                publish.promote(self.staging, self.site_dir)
                self._write_beside_site(self.site_dir.parent)
        self._cleanup_theme_dir()
        self._reset()  # also stops the readability worker

    def _write_beside_site(self, folder: Path) -> None:
        """Server config and internal reports go next to the site folder, never into it:
        everything in the site folder is published."""
        for name, text in self.beside_site.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def _cleanup_theme_dir(self) -> None:
        if self.theme_dir is not None:
            shutil.rmtree(self.theme_dir, ignore_errors=True)
