"""The termbase in glossary/*.yml: load, validate with line numbers, and look up terms.

Modelled on TBX term status: per edition one *preferred* term (``term``),
*admitted* synonyms, and *deprecated* variants with the approved replacement.
An edition may say explicitly that it does not use a term (``not_used``), so
"missing" and "deliberately absent" are never confused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from klarinfo.base import text_files, yaml_lines
from klarinfo.base.errors import Finding, InputError
from klarinfo.base.yaml_lines import line as _line

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TERM_KEYS = {"id", "source", "note", "topic"}
ENTRY_KEYS = {"term", "definition", "admitted", "deprecated", "forms", "not_used", "reason"}


@dataclass(frozen=True)
class Deprecated:
    text: str
    use: str  # id of the term whose approved form replaces it


@dataclass(frozen=True)
class Entry:
    """One term in one edition."""

    term: str
    definition: str
    admitted: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()  # irregular inflected forms (förälder → föräldrar)
    deprecated: tuple[Deprecated, ...] = ()


@dataclass(frozen=True)
class Term:
    id: str
    path: str
    line: int
    entries: Mapping[str, Entry]  # edition → entry; editions marked not_used are absent
    not_used: Mapping[str, str] = field(default_factory=dict)  # edition → reason
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Termbase:
    terms: tuple[Term, ...]

    def by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}


# --- validation -------------------------------------------------------------------------

def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _entry(raw: Any, term_id: str, edition: str, path: str, findings: list[Finding]
           ) -> Entry | str | None:
    """An Entry, the not_used reason (str), or None when invalid (findings added)."""
    where = f"term '{term_id}', edition '{edition}'"
    if not isinstance(raw, dict):
        findings.append(Finding(path, _line(raw), f"{where} is not a mapping",
                                "write term:, definition:, admitted:, deprecated:"))
        return None
    for key in sorted(set(raw) - ENTRY_KEYS):
        findings.append(Finding(path, _line(raw, key), f"{where}: unknown key '{key}'",
                                f"use one of {', '.join(sorted(ENTRY_KEYS))}"))
    if raw.get("not_used"):
        reason = str(raw.get("reason") or "").strip()
        if not reason:
            findings.append(Finding(path, _line(raw, "not_used"),
                                    f"{where} is marked not_used without a reason",
                                    "add reason: saying why this edition has no term"))
        return reason or "not used"
    ok = True
    for key in ("term", "definition"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            findings.append(Finding(path, _line(raw, key) or _line(raw), f"{where} has no {key}",
                                    f"fill in {key}:, or write not_used: true with a reason"))
            ok = False
    definition = str(raw.get("definition") or "").strip()
    if definition and (not definition.endswith((".", "۔")) or
                       re.search(r"[.!?؟]\s+\S", definition[:-1])):
        findings.append(Finding(path, _line(raw, "definition"),
                                f"{where}: the definition must be one sentence ending "
                                "in a full stop",
                                "write one plain sentence"))
        ok = False
    for key in ("admitted", "forms"):
        if key in raw and raw[key] is not None and not _strings(raw[key]):
            findings.append(Finding(path, _line(raw, key), f"{where}: {key} must be a list of "
                                    "terms", f"write {key}: [term one, term two] or {key}: []"))
            ok = False
    deprecated: list[Deprecated] = []
    for item in raw.get("deprecated") or []:
        if isinstance(item, str) and item.strip():
            deprecated.append(Deprecated(item.strip(), term_id))
        elif isinstance(item, dict) and isinstance(item.get("text"), str) and \
                isinstance(item.get("use"), str):
            deprecated.append(Deprecated(item["text"].strip(), item["use"].strip()))
        else:
            findings.append(Finding(path, _line(raw, "deprecated"),
                                    f"{where}: deprecated variant {item!r} is malformed",
                                    "write a string, or {text: variant, use: term-id}"))
            ok = False
    if not ok:
        return None
    return Entry(
        term=raw["term"].strip(),
        definition=definition,
        admitted=tuple(s.strip() for s in raw.get("admitted") or []),
        forms=tuple(s.strip() for s in raw.get("forms") or []),
        deprecated=tuple(deprecated),
    )


def parse(text: str, path: str, editions: Iterable[str]) -> tuple[list[Term], list[Finding]]:
    """Terms of one YAML file; every problem is a Finding with its line."""
    editions = list(editions)
    findings: list[Finding] = []
    data = yaml_lines.load(text, path)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise InputError(Finding(path, 1, "a glossary file must have a 'terms:' list",
                                 "start the file with 'terms:' and one '- id: …' per term"))
    terms: list[Term] = []
    for raw in data["terms"]:
        term_id = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(term_id, str) or not ID.match(term_id):
            findings.append(Finding(path, _line(raw), f"term id {term_id!r} is missing or invalid",
                                    "use lowercase a-z, digits and hyphens, e.g. 'bostadsbidrag'"))
            continue
        for key in sorted(set(raw) - TERM_KEYS - set(editions)):
            findings.append(Finding(path, _line(raw, key), f"term '{term_id}': unknown key "
                                    f"'{key}'", f"use {', '.join(sorted(TERM_KEYS))} or an "
                                    f"edition: {', '.join(editions)}"))
        entries: dict[str, Entry] = {}
        not_used: dict[str, str] = {}
        for edition in editions:
            if edition not in raw:
                findings.append(Finding(path, _line(raw), f"term '{term_id}' has no '{edition}' "
                                        "entry", f"add '{edition}:' with term and definition, or "
                                        "not_used: true and a reason"))
                continue
            entry = _entry(raw[edition], term_id, edition, path, findings)
            if isinstance(entry, Entry):
                entries[edition] = entry
            elif isinstance(entry, str):
                not_used[edition] = entry
        terms.append(Term(term_id, path, _line(raw) or 0, entries, not_used,
                          raw.get("source"), raw.get("note")))
    return terms, findings


def _cross_checks(terms: list[Term], editions: list[str]) -> list[Finding]:
    findings: list[Finding] = []
    seen: dict[str, Term] = {}
    for term in terms:
        if term.id in seen:
            findings.append(Finding(term.path, term.line, f"term id '{term.id}' is used twice "
                                    f"(also {seen[term.id].path}:{seen[term.id].line})",
                                    "give each term its own id"))
        seen[term.id] = term
    for edition in editions:
        owner: dict[str, str] = {}
        for term in terms:
            entry = term.entries.get(edition)
            if entry is None:
                continue
            surfaces = [entry.term, *entry.admitted, *entry.forms,
                        *(d.text for d in entry.deprecated)]
            for surface in surfaces:
                key = " ".join(surface.lower().split())
                if key in owner and owner[key] != term.id:
                    findings.append(Finding(
                        term.path, term.line,
                        f"'{surface}' ({edition}) belongs to both '{owner[key]}' and '{term.id}'",
                        "a form may belong to one term only; remove it from one of them"))
                owner[key] = term.id
            for dep in entry.deprecated:
                if dep.use not in seen:
                    findings.append(Finding(term.path, term.line,
                                            f"deprecated '{dep.text}' points to unknown term "
                                            f"'{dep.use}'", "use the id of an existing term"))
    return findings


def load(folder: Path, editions: Iterable[str], root: Path | None = None
         ) -> tuple[Termbase, list[Finding]]:
    """All glossary/*.yml files. Syntax errors raise; content problems are returned."""
    editions = list(editions)
    terms: list[Term] = []
    findings: list[Finding] = []
    for path in sorted(folder.glob("*.yml")):
        shown = str(path.relative_to(root)) if root else str(path)
        found, problems = parse(text_files.read(path, shown), shown, editions)
        terms.extend(found)
        findings.extend(problems)
    findings.extend(_cross_checks(terms, editions))
    return Termbase(tuple(terms)), findings
