"""klarinfo/readability: every page of every edition measured against its edition's
readability profile, and each paragraph checked to be in the edition's language."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from klarinfo.adapter import pages, parallel
from klarinfo.adapter.base import CapabilityPlugin, log
from klarinfo.base import config_checks
from klarinfo.base.errors import shown_path
from klarinfo.editions import by_id
from klarinfo.findings import tag
from klarinfo.glossary import Termbase
from klarinfo.readability import ahead, findings, language, score

from .config import ReadabilityConfig


class ReadabilityPlugin(CapabilityPlugin[ReadabilityConfig]):
    worker: ahead.Ahead | None = None
    parallel_gathered = ("reports",)

    def parallel_child(self) -> None:
        """The worker pool belongs to the first process: keep only its finished results."""
        super().parallel_child()
        if self.worker is not None:
            self.worker.forked()

    def parallel_parent(self, theirs: list[str]) -> None:
        """Their pages are read in the other process: no use computing them here too."""
        if self.worker is not None:
            self.worker.drop({e.id: e for e in self.context.editions}, theirs)

    @event_priority(-112)  # after klarinfo/editions and klarinfo/glossary
    def on_config(self, config: Any) -> Any:
        if self.begin(config):
            self._start(config)
        return config

    def _start(self, config: Any) -> None:
        self._close()
        # what reports/readability.json says of each page; not the reports themselves,
        # whose sentences hold every word (they would grow with the whole site)
        self.reports: list[dict[str, Any]] = []
        self.profiles, problems = score.build_profiles(self.config.readability)
        for finding in config_checks.unknown_editions(
                "readability", self.config.readability, [e.id for e in self.context.editions],
                Path(config.config_file_path).read_text(encoding="utf-8")):
            log.warning(str(finding), **tag("readability"))
        if problems:
            raise PluginError("\n".join(str(p) for p in problems))
        profiles = self.profiles if self.config.readability_mode != "off" else {}
        jobs = self._language_jobs() if self.config.language_check != "off" else {}
        if profiles or jobs:
            self.worker = ahead.Ahead(self._own_pages(config), profiles, jobs,
                                      self.context.termbase or Termbase(()))

    def _own_pages(self, config: Any) -> list[tuple[str, str, str]]:
        """(edition, file, shown path) of every page written for a built edition, in the
        order the editions' results are needed when the build splits in two."""
        docs = Path(config.docs_dir)
        i18n = self.context.i18n
        first = i18n.default_language  # built first, alone
        locales = [first] + [locale for locale in i18n.build_languages if locale != first]
        out = []
        for locale in parallel.order_of_need(locales):
            for path in sorted((docs / locale).rglob("*.md")):
                out.append((locale, str(path), shown_path(path, self.context.root)))
        return out

    def _language_jobs(self) -> dict[str, ahead.LanguageJob]:
        """Per edition: its language, the glossary terms to leave out (its own and, for
        translations, the Swedish ones translators gloss), the languages to choose from."""
        editions = self.context.editions
        default = self.context.default
        candidates = tuple(sorted({e.lang.split("-")[0] for e in editions}))
        jobs = {}
        for e in editions:
            terms = ((e.id, e.lang),) + (() if e.default else ((default.id, default.lang),))
            jobs[e.id] = ahead.LanguageJob(e.lang, terms, candidates)
        return jobs

    @event_priority(30)  # a check: before the page's examples are expanded
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        if pages.is_own(page, self.context) and not page.file.generated_by:
            if self.config.readability_mode != "off":
                self._check_readability(page)
            if self.config.language_check != "off":
                self._check_language(page)
        return markdown

    def _check_readability(self, page: Any) -> None:
        edition = self.context.edition
        profile = self.profiles.get(edition.id)
        if profile is None:
            return
        shown = pages.shown(page, self.context)
        report = self.worker.report(shown) if self.worker is not None else None
        if report is None:
            text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
            report = score.analyse(text, shown, profile)
        self.reports.append(report.as_dict())
        tr = self.context.translator(edition)
        for line, kind, span in findings.tagged(report, edition.lang, tr,
                                                profile.long_word_letters):
            if report.passed:
                log.info(line, **tag(kind, span))  # overrides in force: shown, not a failure
            else:
                log.warning(line, **tag(kind, span))

    def _check_language(self, page: Any) -> None:
        """Paragraphs in another language than the edition's (a Swedish paragraph left
        in a reviewed Somali page), judged on the file as written, glossary terms of this
        edition and of Swedish left out; usually computed ahead on the second core."""
        context = self.context
        shown = pages.shown(page, context)
        found = self.worker.readings(shown) if self.worker is not None else None
        if found is None:
            job = self._language_jobs()[context.edition.id]
            editions = by_id(context.editions)
            matchers = [context.matchers[editions[e].id] for e, _ in job.term_editions
                        if editions[e].id in context.matchers]
            found = language.readings(page.file.content_string, job.language, matchers,
                                      candidates=job.candidates)
        for finding in language.findings(found, shown, context.edition.lang,
                                         context.translator(context.edition)):
            log.warning(str(finding), **tag("language"))

    @event_priority(-112)  # the outer build, after every edition
    def on_post_build(self, *, config: Any) -> None:
        if self.context.inner_build or self.config.readability_mode == "off":
            return
        failing = [r for r in self.reports if not r["passed"]]
        self.context.beside_site[f"{self.config.reports_dir}/readability.json"] = json.dumps(
            {"pages": self.reports, "failing": len(failing)},
            ensure_ascii=False, indent=1)
        if failing:
            log.warning(
                f"readability: {len(failing)} of {len(self.reports)} pages fail: "
                + ", ".join(f"{r['path']}" for r in failing)
            )

    def on_shutdown(self) -> None:
        self._close()

    def _close(self) -> None:
        """Stop the worker on the second core (also when a build fails half-way)."""
        if self.worker is not None:
            self.worker.close()
            self.worker = None
