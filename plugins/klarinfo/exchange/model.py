"""What goes into an exchange file: per page, units pairing Swedish segments with the
edition's translation, each with its state and the glossary terms in it.

A unit's id is ``page#n`` (``page#n-m`` for a merged unit: Swedish segments n to m);
the front matter's title and description come first as ``page#title`` and
``page#description`` (``front_fields``).
The skeleton of the translated page is not stored in the file: import cuts the page
as it is on disk again, and refuses if it changed since export (``target_hash``), so
the same cut gives the same units and an unchanged import writes the page unchanged.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from klarinfo.base import project as project_file
from klarinfo.base import text_files
from klarinfo.editions import translation_status as status
from klarinfo.exchange import align, front_fields, segments
from klarinfo.glossary import Matcher, Termbase, load_termbase

TRANSLATED, NEEDS_REVIEW, NEW = "translated", "needs-review", "new"
JOIN = "\n\n"  # between the Swedish segments of a merged unit


@dataclass
class Unit:
    id: str
    source: str
    target: str
    state: str
    notes: list[str] = field(default_factory=list)


@dataclass
class PageExport:
    page: str
    source_hash: str  # the Swedish version exported
    target_hash: str  # the translation file as exported ("" when there was none)
    units: list[Unit]


@dataclass(frozen=True)
class Setup:
    """Where things are and what the termbase says, read once per command."""

    root: Path
    docs: Path
    default: str
    editions: tuple[str, ...]
    languages: dict[str, str]
    termbase: Termbase

    @classmethod
    def load(cls, root: Path) -> Setup:
        proj = project_file.load(root / "mkdocs.yml")
        editions = tuple(proj.editions())
        table = proj.plugin("klarinfo").get("editions") or {}
        languages = {e: str((table.get(e) or {}).get("lang") or e.split("-")[0])
                     for e in editions}
        termbase, _ = load_termbase(root / "glossary", editions, root)
        return cls(root, proj.docs_dir, proj.default_edition(), editions, languages, termbase)


def file_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:status.HASH_LENGTH]


def body_of(text: str) -> tuple[str, str]:
    """(head: front matter with its lines, body) with head + body == text."""
    _, body, _ = status.split(text)
    return text[:len(text) - len(body)], body


def cut(source_text: str, target_text: str | None
        ) -> tuple[list[segments.Slot], segments.Page | None, list[align.Group]]:
    """Swedish segments, the translation's page with merged segments, and the groups."""
    source = segments.parse(body_of(source_text)[1]).slots
    if target_text is None:
        return source, None, align.groups(source, [])
    page = segments.parse(body_of(target_text)[1])
    found = align.groups(source, page.slots)
    return source, align.merge(page, [g.target for g in found]), found


def unit_id(page: str, group: align.Group) -> str:
    first, last = group.source[0] + 1, group.source[1]
    return f"{page}#{first}" if first == last else f"{page}#{first}-{last}"


def _unchanged(source: list[segments.Slot], old_text: str | None) -> set[int]:
    """Indices of Swedish segments that are the same in the version the translation
    records (kept in locales/sources/); none when that version is not kept."""
    if old_text is None:
        return set()
    old = [s.text for s in segments.parse(body_of(old_text)[1]).slots]
    matcher = difflib.SequenceMatcher(a=old, b=[s.text for s in source], autojunk=False)
    return {j for op, _, _, j1, j2 in matcher.get_opcodes() if op == "equal"
            for j in range(j1, j2)}


def term_notes(text: str, edition: str, setup: Setup, matcher: Matcher) -> list[str]:
    """One note per glossary term in the Swedish text, with its approved translation."""
    terms = setup.termbase.by_id()
    notes, seen = [], set()
    for hit in matcher.find(text):
        if hit.term_id in seen or hit.term_id not in terms:
            continue
        seen.add(hit.term_id)
        term = terms[hit.term_id]
        entry, sv = term.entries.get(edition), term.entries.get(setup.default)
        name = sv.term if sv else hit.text
        if entry is None:
            notes.append(f"Term: {name} — not used in {edition}: "
                         f"{term.not_used.get(edition, '')}")
            continue
        extra = f" (also: {', '.join(entry.admitted)})" if entry.admitted else ""
        avoid = f"; avoid: {', '.join(d.text for d in entry.deprecated)}" \
            if entry.deprecated else ""
        notes.append(f"Term: {name} → {entry.term}{extra}{avoid}")
    return notes


def export_page(setup: Setup, edition: str, page: str, matcher: Matcher) -> PageExport:
    source_path = setup.docs / setup.default / page
    target_path = setup.docs / edition / page
    source_text = text_files.read(source_path)
    target_text = text_files.read(target_path) if target_path.exists() else None
    current = status.source_hash(source_text)
    source, merged, found = cut(source_text, target_text)
    recorded = None
    if target_text is not None:
        recorded = status.front_matter(target_text, str(target_path)).get("source_hash")
    old_path = status.snapshot_path(setup.root / "locales" / "sources", page, str(recorded))
    old_text = current_text = None
    if recorded == current:
        old_text = current_text = source_text
    elif old_path.exists():
        old_text = old_path.read_text(encoding="utf-8")
    same = _unchanged(source, old_text if current_text is None else source_text)
    targets = iter(merged.slots if merged else [])  # one (merged) segment per group
    units = front_units(setup, edition, page, (source_text, target_text),
                        None if recorded is None else str(recorded), matcher)
    for group in found:
        text = JOIN.join(s.text for s in source[group.source[0]:group.source[1]])
        target = next(targets).text if group.target[1] > group.target[0] else ""
        if not target.strip():
            state = NEW
        elif all(i in same for i in range(*group.source)):
            state = TRANSLATED
        else:
            state = NEEDS_REVIEW
        notes = term_notes(text, edition, setup, matcher)
        if group.source[1] - group.source[0] != 1 or group.target[1] - group.target[0] > 1:
            notes.insert(0, "Merged: the translation's structure differs here; the target "
                            "is the page's Markdown for all these segments.")
        units.append(Unit(unit_id(page, group), text, target, state, notes))
    return PageExport(page, current, file_hash(target_text) if target_text else "", units)


def front_units(setup: Setup, edition: str, page: str, texts: tuple[str, str | None],
                recorded: str | None, matcher: Matcher) -> list[Unit]:
    """The page's title and description as units (``front_fields``), from ``texts``
    (the Swedish page, the translation or None): translated when the Swedish value is the
    one the translation was made from (``recorded``: its ``source_hash``), else needs
    review; new when the translation has no value."""
    source_text, target_text = texts
    source = front_fields.values(source_text, page)
    target = front_fields.values(target_text, f"docs/{edition}/{page}")
    old = front_fields.recorded_values(setup.root / "locales" / "sources", page, recorded,
                                       status.source_hash(source_text), source_text)
    units = []
    for key in (k for k in front_fields.KEYS if k in source):
        text, current = source[key], target.get(key, "")
        state = NEW if not current else TRANSLATED if old and old.get(key) == text \
            else NEEDS_REVIEW
        notes = [front_fields.NOTES[key], *term_notes(text, edition, setup, matcher)]
        units.append(Unit(f"{page}#{key}", text, current, state, notes))
    return units


def export(setup: Setup, edition: str, pages: list[str] | None = None) -> list[PageExport]:
    """Every Swedish page (or the ones named) with the edition's translation."""
    source_dir = setup.docs / setup.default
    names = pages or sorted(p.relative_to(source_dir).as_posix()
                            for p in source_dir.rglob("*.md"))
    matcher = Matcher(setup.termbase, setup.default, setup.languages[setup.default])
    return [export_page(setup, edition, name, matcher) for name in names]
