"""Terminology checks on pages: deprecated variants, and consistency with the Swedish source.

Findings are in the language of the page (gettext), each starting with path:line.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from klarinfo.base import prose
from klarinfo.glossary.matching import Hit, Matcher
from klarinfo.glossary.termbase import Termbase


@dataclass(frozen=True)
class Use:
    """A term found on a page, with its source line."""

    hit: Hit
    line: int


#: Front-matter keys whose text readers see (menus, search results, link previews, feeds).
SHOWN_KEYS = ("title:", "description:")


def _front_matter_uses(markdown: str, matcher: Matcher) -> list[Use]:
    """Terms in the title and description: readers see them as much as the page (the
    deprecated Arabic and Somali "temporary" for housing allowance got through there)."""
    lines = markdown.split("\n")
    if not lines or lines[0].strip() != "---":
        return []
    uses = []
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            break
        if line.startswith(SHOWN_KEYS):
            uses += [Use(hit, number) for hit in matcher.find(line.split(":", 1)[1])]
    return uses


def scan(markdown: str, matcher: Matcher) -> list[Use]:
    """Every term use in a page's prose (tables and headings included; code, URLs and
    link targets never) and in its front-matter title and description."""
    uses = _front_matter_uses(markdown, matcher)
    for block in prose.extract(markdown, tables=True):
        for hit in matcher.find(block.text):
            uses.append(Use(hit, block.line + block.text[:hit.start].count("\n")))
    return uses


def deprecated(uses: Iterable[Use], path: str, tr: gettext.NullTranslations) -> list[str]:
    lines = []
    for use in uses:
        if use.hit.status == "deprecated":
            lines.append(
                f"{path}:{use.line}: "
                + tr.gettext("“{found}” is not an approved term ({term_id})").format(
                    found=use.hit.text, term_id=use.hit.term_id)
                + " — " + tr.gettext("write “{approved}” instead").format(
                    approved=use.hit.replacement or use.hit.term_id)
            )
    return lines


def used_ids(uses: Iterable[Use], approved_only: bool = False) -> dict[str, int]:
    """term id → first line where it is used."""
    out: dict[str, int] = {}
    for use in uses:
        if approved_only and use.hit.status == "deprecated":
            continue
        out.setdefault(use.hit.term_id, use.line)
    return out


def consistency(
    source_uses: Mapping[str, int], source_path: str, uses: Iterable[Use], path: str,
    edition: str, termbase: Termbase, tr: gettext.NullTranslations, first_line: int = 1,
) -> list[str]:
    """Terms the Swedish page uses whose approved form this translation never uses."""
    have = used_ids(uses, approved_only=True)
    terms = termbase.by_id()
    lines = []
    for term_id, source_line in source_uses.items():
        term = terms.get(term_id)
        if term is None or edition in term.not_used or term_id in have:
            continue
        entry = term.entries.get(edition)
        if entry is None:
            continue
        lines.append(
            f"{path}:{first_line}: "
            + tr.gettext("the Swedish page uses “{source}” ({where}), but this page never "
                         "uses its approved term “{approved}”").format(
                source=terms[term_id].entries["sv"].term if "sv" in term.entries else term_id,
                where=f"{source_path}:{source_line}", approved=entry.term)
            + " — " + tr.gettext("use the approved term where the Swedish text has it")
        )
    return lines

