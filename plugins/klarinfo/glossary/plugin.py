"""klarinfo/glossary: the termbase, terms checked on every page, popovers at a term's
first use, and the generated glossary page of each edition."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from klarinfo.adapter import pages
from klarinfo.adapter.base import CapabilityPlugin, log
from klarinfo.base.errors import InputError
from klarinfo.editions import by_id
from klarinfo.findings import tag
from klarinfo.glossary import check, termbase
from klarinfo.glossary import page as glossary_page
from klarinfo.glossary.catalog_terms import deprecated_in_catalogs
from klarinfo.glossary.markup import Definition, mark_first_uses
from klarinfo.glossary.matching import Matcher

from .config import GlossaryConfig


class GlossaryPlugin(CapabilityPlugin[GlossaryConfig]):

    @event_priority(-111)  # after klarinfo/editions knows the editions
    def on_config(self, config: Any) -> Any:
        if self.begin(config):
            self._load()
        return config

    def _load(self) -> None:
        context = self.context
        folder = context.root / self.config.glossary_dir
        try:
            context.termbase, findings = termbase.load(
                folder, [e.id for e in context.editions], context.root)
        except InputError as exc:
            raise PluginError(str(exc)) from None
        for finding in findings:
            log.warning(str(finding), **tag("glossary.termbase"))
        context.matchers = {e.id: Matcher(context.termbase, e.id, e.lang)
                            for e in context.editions}
        self.term_uses: dict[tuple[str, str], list[check.Use]] = {}
        for line in deprecated_in_catalogs(context.locales, context.locales.name,
                                           context.matchers, context.matchers,
                                           lambda edition: context.translator(by_id(
                                               context.editions)[edition])):
            log.warning(line, **tag("glossary.deprecated"))

    def watch_paths(self, root: Path) -> tuple[Path, ...]:
        return (root / self.config.glossary_dir,)

    @event_priority(-110)  # after i18n chose this edition's files
    def on_files(self, files: Any, *, config: Any) -> Any:
        """Scan this edition's pages for terms once; add its glossary page."""
        edition = self.context.edition
        matcher = self.context.matchers[edition.id]
        # a translation is checked against the Swedish uses only: another edition's
        # uses are done with once it is built (they would grow with the whole site)
        self.term_uses = {key: uses for key, uses in self.term_uses.items()
                          if key[0] == self.context.default.id}
        self.own_pages: list[tuple[str, str]] = []  # (norm, title), in the build's order
        for file in files.documentation_pages():
            if getattr(file, "locale", edition.id) != edition.id or file.generated_by:
                continue
            text = file.content_string
            norm = pages.norm(file)
            self.term_uses[(edition.id, norm)] = check.scan(text, matcher)
            self.own_pages.append((norm, pages.title(text, norm)))
        self.glossary_file = self._glossary_file(config)
        self.docs_dir, self.glossary_stale = Path(config.docs_dir), False
        files.append(self.glossary_file)
        return files

    def _glossary_content(self) -> str:
        """The glossary page: each term with the pages that use it (approved forms)."""
        context, edition = self.context, self.context.edition
        used_on: dict[str, list[tuple[str, str]]] = {}
        for norm, title in self.own_pages:
            for term_id in check.used_ids(self.term_uses[(edition.id, norm)],
                                          approved_only=True):
                used_on.setdefault(term_id, []).append((title, norm))
        return glossary_page.render(context.termbase, edition.id, edition.lang, used_on,
                                    context.translator(edition))

    def _glossary_file(self, config: Any) -> File:
        context = self.context
        edition = context.edition
        src = f"{edition.id}/{glossary_page.SLUG}.md"
        file = File.generated(config, src, content=self._glossary_content())
        file.dest_uri = f"{edition.url_prefix}{glossary_page.SLUG}/index.html"
        # the attributes mkdocs-static-i18n gives the files it creates
        file.locale = file.localization = file.locale_alternate_of = edition.id
        file.norm_src_uri = f"{glossary_page.SLUG}.md"
        file.alternates = {
            e.id: SimpleNamespace(url=f"{e.url_prefix}{glossary_page.SLUG}/", locale=e.id)
            for e in context.editions
        }
        return file

    def preview_prepare(self, file: Any) -> str | None:
        """In a preview process (make site), before a page is re-rendered alone: its terms
        anew, and a translation's Swedish source's too (the consistency check reads them).
        If the page's approved terms changed, its edition's glossary page (which lists
        where each term is used) is re-rendered after it (``preview_also``)."""
        context, edition = self.context, self.context.edition
        norm = pages.norm(file)
        source = pages.swedish_source(self.docs_dir, context, norm)
        if not edition.default and source.is_file():
            self.term_uses[(context.default.id, norm)] = check.scan(
                source.read_text(encoding="utf-8"), context.matchers[context.default.id])
        if getattr(file, "locale", edition.id) != edition.id:
            return None
        key = (edition.id, norm)
        uses = check.scan(file.content_string, context.matchers[edition.id])
        old = self.term_uses.get(key, [])
        if set(check.used_ids(old, True)) != set(check.used_ids(uses, True)):
            self.glossary_stale = True
        self.term_uses[key] = uses
        return None

    def preview_also(self) -> list[Any]:
        """The glossary page, when a page re-rendered in this preview process moved terms."""
        if not self.glossary_stale:
            return []
        self.glossary_stale = False
        self.glossary_file.content_string = self._glossary_content()
        return [self.glossary_file]

    @event_priority(30)  # after klarinfo/editions marked outdated translations
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        if pages.is_own(page, self.context) and not page.file.generated_by:
            self._check_terms(page)
        return markdown

    def _check_terms(self, page: Any) -> None:
        context = self.context
        edition = context.edition
        norm = pages.norm(page.file)
        uses = self.term_uses.get((edition.id, norm), [])
        shown, tr = pages.shown(page, context), context.translator(edition)
        wrong = [use for use in uses if use.hit.status == "deprecated"]
        for use, line in zip(wrong, check.deprecated(wrong, shown, tr), strict=True):
            log.warning(line, **tag("glossary.deprecated", use.hit.text))
        lines: list[str] = []
        if not edition.default:
            default = context.default
            source = self.term_uses.get((default.id, norm))
            if source is not None:
                source_path = f"{Path(shown).parts[0]}/{default.id}/{norm}"
                lines += check.consistency(
                    check.used_ids(source, approved_only=True), source_path, uses,
                    shown, edition.id, context.termbase, tr,
                    first_line=pages.first_content_line(page.file.content_string))
        # An outdated translation cannot follow the newer Swedish terms yet: the reader
        # sees the outdated notice, and the translator gets these as hints, not failures.
        report = log.info if page.meta.get("klarinfo_outdated") else log.warning
        for line in lines:
            report(line, **tag("glossary.consistency"))

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        """The first use of each term: a button with its definition (after the safety net)."""
        if page.file.generated_by:
            return html
        context = self.context
        edition = pages.source_edition(page, context)
        target = get_relative_url(f"{edition.url_prefix}{glossary_page.SLUG}/", page.url)
        definitions = {}
        for term in context.termbase.terms:
            entry = term.entries.get(edition.id)
            if entry is not None:
                definitions[term.id] = Definition(entry.term, entry.definition,
                                                  f"{target}#{term.id}")
        more = context.translator(edition).gettext("More in the glossary")
        marked, _ = mark_first_uses(html, context.matchers[edition.id], definitions, more)
        return marked

