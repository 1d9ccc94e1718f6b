"""``python -m klarinfo.examples.rules_diff --from 2026 --to 2027`` (``make rules-diff``):
which sentences and example figures change on every page of every edition when the
rule year changes (issue 31).

A communicator updating data/rules.yml in December must know which pages say something
new in January — a sentence whose amount moved, a worked example whose table changed —
before readers do. Each page is rendered twice with the build's own code (placeholders,
then the example blocks, with the edition's language, direction, catalog and easy-read
setting), once per year; lines that differ are printed as
``docs/<edition>/<page>.md:<line>: <old> → <new>`` (a block's rows at its fence line).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from klarinfo.base import project as project_module
from klarinfo.base import text_files, yaml_lines
from klarinfo.base.errors import InputError, shown_path
from klarinfo.editions import translator
from klarinfo.examples import blocks, placeholders
from klarinfo.examples import rules as rules_module

#: The fenced blocks ``blocks.expand`` replaces (its own pattern, kept in step by the test).
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*(?:life-income-calculator|"
                    r"life-income|housing-allowance-calculator|housing-allowance|"
                    r"unverified-rules)[ \t]*$")
_ROW_TAGS = {"p", "li", "tr", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd",
             "figcaption", "summary", "option", "legend", "label", "div", "table", "br"}
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


class _Rows(HTMLParser):
    """A rendered example as the rows of text a reader sees: one per paragraph, list item,
    caption or table row (cells joined with ' | ')."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[str] = []
        self.current: list[str] = []
        self.skip = 0

    def _end_row(self) -> None:
        text = " ".join(" ".join(self.current).split())
        if text:
            self.rows.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _ROW_TAGS:
            self._end_row()
        elif tag in ("td", "th") and self.current:
            self.current.append("|")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in _ROW_TAGS:
            self._end_row()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)


def rows(html: str) -> list[str]:
    parser = _Rows()
    parser.feed(html)
    parser.close()
    parser._end_row()
    return parser.rows


def segments(text: str) -> Iterator[tuple[int, list[str], bool]]:
    """(first line, lines, is a block) of a page: example blocks whole, other lines one by one."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if not match:
            yield index + 1, [lines[index]], False
            index += 1
            continue
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith(match["fence"]):
            end += 1
        yield index + 1, lines[index:end + 1], True
        index = end + 1


def _pairs(old: list[str], new: list[str]) -> Iterator[tuple[str, str]]:
    """What changed between two lists of rows or sentences, as (old, new) pairs."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        before, after = old[a1:a2], new[b1:b2]
        for i in range(max(len(before), len(after))):
            yield (before[i] if i < len(before) else "(none)",
                   after[i] if i < len(after) else "(none)")


class Edition:
    """What rendering a page of one edition needs, read from mkdocs.yml without MkDocs."""

    def __init__(self, project: project_module.Project, edition: str) -> None:
        klarinfo = project.plugin("klarinfo")
        settings = (klarinfo.get("editions") or {}).get(edition) or {}
        self.id = edition
        self.lang = str(settings.get("lang", edition))
        self.rtl = settings.get("dir", "ltr") == "rtl"
        self.easy = edition in (klarinfo.get("easy_read") or [])
        self.tr = translator(project.locales_dir, edition, project.root)
        self.explain = f"../{klarinfo.get('explain_page', 'sa-raknar-vi')}/"


def page_changes(text: str, shown: str, edition: Edition, years: tuple[int, int],
                 rules: rules_module.Rules, presets: Any, site: dict[str, Any]
                 ) -> list[str]:
    """The lines ``shown:<line>: old → new`` of one page between the two rule years."""
    rendered = []
    # Blocks see both years (one naming ``year:`` renders alike in both); only the default
    # year, which placeholders and blocks without ``year:`` use, differs.
    both = rules.as_of(max(years))
    for year in years:
        expanded, _ = placeholders.expand(text, shown, rules.as_of(year), edition.lang,
                                          site=site)
        context = blocks.Context(both, presets, edition.lang, edition.rtl, edition.tr, year,
                                 edition.explain, easy=edition.easy)
        parts = []
        for line, lines, is_block in segments(expanded):
            if is_block:
                html, _ = blocks.expand("\n".join(lines), shown, context)
                parts.append((line, rows(html)))
            else:
                parts.append((line, lines))
        rendered.append(parts)
    out = []
    for (line, old), (_, new) in zip(*rendered, strict=True):
        if old == new:
            continue
        out.extend(f"{shown}:{line}: {a} → {b}" for a, b in _sentences(old, new))
    return list(dict.fromkeys(out))  # an example repeats a sentence (summary, table note)


def _sentences(old: list[str], new: list[str]) -> Iterator[tuple[str, str]]:
    """Changed rows or lines, narrowed to the sentences that moved where both have as many
    sentences: a communicator reads the changed amount, not the whole paragraph again."""
    for a, b in _pairs([r.strip() for r in old], [r.strip() for r in new]):
        left, right = _SENTENCE_END.split(a), _SENTENCE_END.split(b)
        if len(left) == len(right) > 1:
            yield from ((x, y) for x, y in zip(left, right, strict=True) if x != y)
        else:
            yield a, b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="What changes on every page when the rule "
                                     "year changes (data/rules.yml).")
    parser.add_argument("--from", dest="old", type=int, required=True, help="rule year now")
    parser.add_argument("--to", dest="new", type=int, required=True, help="the next rule year")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="the project's mkdocs.yml (default: ./mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        project = project_module.load(args.config)
        klarinfo = project.plugin("klarinfo")
        rules_file = str(klarinfo.get("rules_file", "data/rules.yml"))
        presets_file = str(klarinfo.get("presets_file", "data/life_income_presets.yml"))
        rules = rules_module.load(project.root / rules_file, rules_file)
        presets = yaml_lines.load(text_files.read(project.root / presets_file, presets_file),
                                  presets_file) or {}
    except (InputError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    for year in (args.old, args.new):
        if year not in rules.file_years:
            missing = rules.missing(year)
            where = f"{rules_file}:{missing[0].line}" if missing else rules_file
            print(f"{where}: no values for {year} ({len(missing)} parameters without one, "
                  f"e.g. {', '.join(p.name for p in missing[:3])}) — add {year}: to their "
                  f"values: first; the file has {rules.file_years}", file=sys.stderr)
            return 2
    site = {**dict(project.config.get("extra") or {}),
            "site_url": project.config.get("site_url") or ""}
    changed = pages = 0
    for edition_id in project.editions():
        edition = Edition(project, edition_id)
        for path in sorted((project.docs_dir / edition_id).rglob("*.md")):
            shown = shown_path(path, project.root)
            text = text_files.read(path, shown)
            lines = page_changes(text, shown, edition, (args.old, args.new), rules, presets,
                                 site)
            pages += bool(lines)
            changed += len(lines)
            for line in lines:
                print(line)
    print(f"{changed} change(s) on {pages} page(s) from {args.old} to {args.new}"
          if changed else f"nothing on the pages changes from {args.old} to {args.new}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
