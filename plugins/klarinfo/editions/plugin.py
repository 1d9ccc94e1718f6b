"""klarinfo/editions: which edition is being built, its interface language and
direction, links between editions, and translations that are missing or outdated.

mkdocs-static-i18n builds the default edition, then re-runs the whole MkDocs build
once per other edition from inside its ``on_post_build``; every event here fires once
per edition, and ``on_config`` runs after i18n's (priority -100) to know which.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from klarinfo.adapter import pages
from klarinfo.adapter.base import CapabilityPlugin, log
from klarinfo.base import page_checks
from klarinfo.base.errors import InputError, shown_path
from klarinfo.editions import sitemap, translation_status
from klarinfo.editions.alternates import hreflang_links
from klarinfo.editions.edition import build_editions, build_only, by_id
from klarinfo.editions.html_root import drop_checkbox_autocomplete, set_root_attributes
from klarinfo.editions.messages import missing_note, outdated_note
from klarinfo.editions.theme_strings import compile_catalogs
from klarinfo.findings import tag

from .config import EditionsConfig

#: Material overrides (templates, CSS, fonts) that ship with the package.
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
# Templates every edition build would write to the site root; only the default
# edition may write them, or the last edition built wins (a Somali 404 page).
_ROOT_TEMPLATES = ("404.html", "sitemap.xml")


class EditionsPlugin(CapabilityPlugin[EditionsConfig]):
    parallel_gathered = ("pages",)  # sitemap entries
    theme_dir: Path | None = None

    @event_priority(-110)  # after i18n has picked the edition for this build
    def on_config(self, config: Any) -> Any:
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise PluginError("klarinfo needs the i18n plugin (mkdocs-static-i18n) before it")
        if self.begin(config):
            self._start(config, i18n)
        context = self.context
        context.edition = by_id(context.editions)[i18n.current_language]
        config.theme["direction"] = context.edition.dir
        static = config.theme.static_templates
        if context.edition.default:
            static.update(self.root_templates)
        else:
            static.difference_update(_ROOT_TEMPLATES)
        # Our overrides ship inside the package; the compiled language partials go first.
        for folder in (str(THEME_DIR), str(self.theme_dir)):
            if folder in config.theme.dirs:
                config.theme.dirs.remove(folder)
            config.theme.dirs.insert(0, folder)
        return config

    def _start(self, config: Any, i18n: Any) -> None:
        self._cleanup()
        context = self.context
        context.i18n = i18n
        context.locales = context.root / self.config.locales_dir
        languages = [dict(lang) for lang in i18n.config.languages]
        try:
            context.editions = build_editions(self.config.editions, languages, "mkdocs.yml")
            if self.config.only_edition:
                build_only(i18n.config.languages, self.config.only_edition, context.editions)
        except InputError as exc:
            raise PluginError(str(exc)) from None
        if self.config.only_edition:
            log.info(f"previewing the {self.config.only_edition} edition only (and the Swedish "
                     "source)")
        self.pages: list[sitemap.SitemapPage] = []
        self.theme_dir = Path(tempfile.mkdtemp(prefix="klarinfo-theme-"))
        self._compile_theme_strings()
        # sitemap.xml is written by us (see on_post_build); 404.html only by the default edition.
        config.theme.static_templates.discard("sitemap.xml")
        self.root_templates = {"404.html"} & set(config.theme.static_templates)

    def _compile_theme_strings(self) -> None:
        """Check every catalog (problems as path:line warnings); theme PO → language partials."""
        context = self.context
        try:
            context.theme_texts, findings = compile_catalogs(
                context.locales, context.editions, Path(self.config.locales_dir), self.theme_dir)
        except InputError as exc:
            raise PluginError(str(exc)) from None
        for finding in findings:
            log.warning(str(finding), **tag("catalog"))

    def watch_paths(self, root: Path) -> tuple[Path, ...]:
        return root / self.config.locales_dir, THEME_DIR  # catalogs and our theme

    @event_priority(-110)  # after i18n chose this edition's files
    def on_files(self, files: Any, *, config: Any) -> Any:
        """This edition's page titles (the partner page's snippets, placeholder checks);
        two pages of one edition with one title are a finding (menus, search)."""
        edition, root = self.context.edition, self.context.root
        own = [file for file in files.documentation_pages()
               if getattr(file, "locale", edition.id) == edition.id and not file.generated_by]
        self.context.titles = [(pages.title(f.content_string, pages.norm(f)), f.url) for f in own]
        for finding in page_checks.duplicate_titles([(t, shown_path(Path(f.abs_src_path), root), (
                f.content_string)) for (t, _), f in zip(self.context.titles, own, strict=True)]):
            log.warning(str(finding), **tag("source"))
        return files

    @event_priority(-90)  # just before i18n flattens the language sections (-100)
    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        """Let i18n recognise the section of an edition id with a dash: it flattens the
        section titled ``locale.capitalize()`` ("Sv-latt"), but MkDocs titles the folder
        "Sv latt" (a stray section, or pages gone from the menu beside a fallback)."""
        folder = self.context.edition.id
        for item in nav.items:
            if item.is_section and item.children and all(
                Path(page.file.src_uri).parts[:1] == (folder,)
                for page in item.children if page.is_page
            ) and any(page.is_page for page in item.children):
                item.title = folder.capitalize()
        return nav

    @event_priority(40)  # before the checks that read klarinfo_outdated
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        if page.file.generated_by:
            return markdown
        if not pages.is_own(page, self.context):
            self._mark_fallback(page)
        elif not self.context.edition.default:
            self._check_translation(page, config)
        return markdown

    def _check_translation(self, page: Any, config: Any) -> None:
        """Front matter of a translation; outdated if the Swedish page changed since."""
        context = self.context
        shown, norm = pages.shown(page, context), page.file.norm_src_uri
        source = pages.swedish_source(config.docs_dir, context, norm)
        findings, outdated = translation_status.check_page(
            page.file.content_string, shown, norm, context.edition.id, source,
            page.meta.get("source_hash"))
        for finding in findings:
            log.warning(str(finding), **tag("translation"))
        if outdated:
            page.meta["klarinfo_outdated"] = True
            log.info(outdated_note(context.translator(context.edition), shown, norm,
                                   context.edition.id), **tag("translation"))

    def _mark_fallback(self, page: Any) -> None:
        """The Swedish page shown in an edition that has no translation of it: say so,
        keep it out of search (and, in on_page_context, of hreflang and the sitemap)."""
        edition = self.context.edition
        page.meta["klarinfo_fallback"] = True
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        log.info(missing_note(self.context.translator(edition), page.file.norm_src_uri,
                              edition.id), **tag("translation"))

    def on_page_context(self, context: dict, *, page: Any, config: Any, nav: Any) -> dict:
        edition = self.context.edition
        alternates = pages.alternates(page, self.context)
        context["klarinfo_hreflang"] = hreflang_links(config.site_url or "", alternates, edition)
        context["klarinfo_switcher"] = [
            {"name": a.edition.name, "lang": a.edition.lang, "url": a.url, "id": a.edition.id,
             "current": a.edition == edition}
            for a in alternates
        ]
        if page.file.locale == edition.id or edition.default:
            self.pages.append(sitemap.SitemapPage(
                url=page.url, alternates=tuple(context["klarinfo_hreflang"])))
        return context

    def on_template_context(self, context: dict, *, template_name: str, config: Any) -> dict:
        # Static templates (404.html) are served at any depth: link home by absolute path.
        context["klarinfo_root"] = urlsplit(config.site_url or "/").path or "/"
        return context

    @event_priority(-10)  # after the checks that read the page as the theme wrote it
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        return self._root(output)

    @event_priority(-10)
    def on_post_template(self, output: str, *, template_name: str, config: Any) -> str:
        return self._root(output) if template_name.endswith(".html") else output

    def _root(self, output: str) -> str:
        edition = self.context.edition
        return drop_checkbox_autocomplete(set_root_attributes(output, edition.lang, edition.dir))

    @event_priority(-110)  # after i18n has built every other edition
    def on_post_build(self, *, config: Any) -> None:
        if not self.context.inner_build:
            sitemap.write(Path(config.site_dir), config.site_url or "", self.pages)

    def _cleanup(self) -> None:
        if self.theme_dir is not None:
            shutil.rmtree(self.theme_dir, ignore_errors=True)
            self.theme_dir = None

    on_shutdown = _cleanup
