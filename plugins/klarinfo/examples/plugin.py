"""klarinfo/examples: figures (``{{ rules.x }}``) and worked examples (```life-income```,
```housing-allowance```, ```unverified-rules```) computed from data/rules.yml, per edition."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from klarinfo.adapter import pages
from klarinfo.adapter.base import CapabilityPlugin, log
from klarinfo.base import bidi, config_checks, yaml_lines
from klarinfo.base.errors import Finding, InputError
from klarinfo.examples import blocks, calculator_rules, hand_typed, placeholders, rule_year, rules
from klarinfo.findings import tag

from .config import ExamplesConfig

_MARKS = ("life-income", "housing-allowance", "unverified-rules", "{{")


class ExamplesPlugin(CapabilityPlugin[ExamplesConfig]):

    def on_config(self, config: Any) -> Any:
        if self.begin(config):
            self._load()
            for finding in config_checks.unknown_editions(
                    "easy_read", self.config.easy_read,
                    [lang.locale for lang in config.plugins["i18n"].config.languages],
                    Path(config.config_file_path).read_text(encoding="utf-8")):
                log.warning(str(finding), **tag("source"))
        return config

    def _load(self) -> None:
        root = self.context.root
        self.reported: set[str] = set()  # findings already logged in this build (all editions)
        self.unfilled_pages: set[str] = set()  # pages whose Markdown had unfilled placeholders
        try:
            loaded = rules.load(root / self.config.rules_file, self.config.rules_file)
            choice = rule_year.choose(loaded, rule_year.rules_date(self.config.rules_date),
                                      self.config.rules_file)
            self.rules = choice.rules  # the date's year is the newest the pages show
            self.year_said = choice  # logged in on_pre_build, once the log watch counts
            presets = root / self.config.presets_file
            self.presets = yaml_lines.load(presets.read_text(encoding="utf-8"),
                                           self.config.presets_file) or {}
            problems = blocks.check_presets(self.presets, self.config.presets_file, self.rules)
            if problems:
                raise InputError(problems)
        except InputError as exc:
            raise PluginError(str(exc)) from None

    @event_priority(-120)
    def on_pre_build(self, *, config: Any) -> None:
        """Say which year's values are missing, once per build: a warning (a strict build
        fails) when the rules date's year has none, a notice from 1 December."""
        said, self.year_said = getattr(self, "year_said", None), None
        if said is not None and said.warning:
            log.warning(str(said.warning), **tag("source"))
        if said is not None and said.notice:
            log.info(said.notice, **tag("source"))

    def watch_paths(self, root: Path) -> tuple[Path, ...]:
        # Files, not data/: a data file next to mkdocs.yml must not make the whole
        # project (site/ too) watched.
        return root / self.config.rules_file, root / self.config.presets_file

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        """Placeholders first (they keep line numbers), then the example blocks."""
        context = self.context
        shown = pages.shown(page, context)
        site = {**dict(config.extra), "site_url": config.site_url or ""}
        names = {"rules": [*self.rules.parameters, "year"], "site": list(site)}
        self._near_misses(page, shown, names)
        if not any(mark in markdown for mark in _MARKS):
            return markdown
        edition = pages.source_edition(page, context)
        offset = pages.body_offset(markdown, page)
        explain = get_relative_url(f"{edition.url_prefix}{self.config.explain_page}/", page.url)
        example = blocks.Context(self.rules, self.presets, edition.lang, edition.dir == "rtl",
                                 context.translator(edition), self.rules.years[-1], explain,
                                 easy=edition.id in self.config.easy_read)
        expanded, findings = placeholders.expand(markdown, shown, self.rules, edition.lang,
                                                 site=site)
        # A generated page (the glossary) quotes titles and terms: reported where written.
        unfilled = [] if page.file.generated_by else placeholders.unfilled(expanded, shown,
                                                                           names=names)
        if unfilled:
            self.unfilled_pages.add(shown)
        expanded, more = blocks.expand(expanded, shown, example)
        for finding in findings + unfilled + more:
            self._warn_once(blocks.shifted(finding, offset))
        return expanded

    def _near_misses(self, page: Any, shown: str, names: dict[str, list[str]]) -> None:
        """``{rules.x}``, ``{{ rules.x }`` …, read from the page's file: klarinfo/safety
        (first) turns a single ``{…}`` into inert text before we see the Markdown."""
        source = "" if page.file.generated_by else page.file.content_string
        for finding in hand_typed.findings(source, shown, self.rules, self.rules.years[-1]):
            self._warn_once(finding)  # a figure rules.yml holds, typed by hand
        if "rules." in source or "site." in source:
            prose = placeholders.without_code(source)
            for finding in placeholders.near_misses(prose, shown, names=names)[1]:
                self.unfilled_pages.add(shown)
                self._warn_once(finding)

    def _warn_once(self, finding: Finding) -> None:
        """A finding about a Swedish page is found again in every edition that shows it
        untranslated; say it once."""
        if str(finding) not in self.reported:
            self.reported.add(str(finding))
            log.warning(str(finding), **tag("placeholder"))

    @event_priority(-20)  # after the net and glossary popovers: numbers keep their order
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        return bidi.isolate(html, self.context.edition.dir)

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """A last net for braces that reached the page's text some other way than its
        Markdown body (front matter title or description, a generated block)."""
        shown = pages.shown(page, self.context)
        if shown in self.unfilled_pages or page.file.generated_by:
            return output  # reported from the Markdown with lines; or quoted where written
        texts = [page.title or "", str(page.meta.get("description") or "")]
        found = placeholders.unfilled_in_html(page.content or "") + [
            snippet for t in texts for snippet in placeholders.unfilled_in_text(t)]
        source = page.file.content_string
        quoted = " ".join(title for title, _ in self.context.titles)  # reported at their pages
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
        return output

    @event_priority(-111)  # the outer build, after every edition
    def on_post_build(self, *, config: Any) -> None:
        """The calculator's rules, from the same data/rules.yml as the examples."""
        if self.context.inner_build:
            return
        target = Path(config.site_dir) / calculator_rules.FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(calculator_rules.rules_json(self.rules), encoding="utf-8")
