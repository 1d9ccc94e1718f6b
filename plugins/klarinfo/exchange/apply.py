"""Write a returned exchange file back into docs/<edition>/.

Every problem is reported as ``file:unit-id: what — how to fix`` before any page is
written: a broken or missing protected code, a unit missing from the file, a Swedish
page or a translation that changed since export. A page is written only when its text
changed or the translator confirmed units that were new or needed review; it then gets
``translation_status: draft`` and, when every unit is confirmed, the ``source_hash`` of
the Swedish version that was exported. A translated title or description goes into the
front matter (``front_fields``) and must pass the page schema, else it is refused at its
unit (``file:page#description``) with the schema's message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from klarinfo.base import text_files
from klarinfo.editions import translation_status as status
from klarinfo.exchange import (
    codes,
    formats,
    front_fields,
    guard,
    model,
    segments,
    target_checks,
)
from klarinfo.exchange.returned import Returned, ReturnedFile


@dataclass(frozen=True)
class Problem:
    where: str  # file:unit-id
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what} — {self.fix}"


def _where(returned: ReturnedFile, shown: str, page: str) -> str:
    """``file:line`` of the PO header naming the page, else ``file:unit-id`` of its first
    body unit (its title and description units come first, but are no part of the body)."""
    if returned.where.get(page):
        return f"{shown}:{returned.where[page]}"
    return f"{shown}:" + next((i for i in returned.order if i.startswith(f"{page}#")
                               and front_fields.key_of(i) is None), f"{page}#1")


def refused(setup: model.Setup, returned: ReturnedFile, shown: str, edition: str
            ) -> list[Problem]:
    """Pages the file may not write at all: not in the file's edition (a ``<file>`` naming
    another edition), or a path that is no page of ``docs/<edition>/`` or whose Swedish
    source is no page of ``docs/<default>/`` (see ``guard.page_problem``). The file comes
    from outside: its paths decide where we write, so they are checked before anything."""
    problems = []
    for page in returned.versions:
        own = returned.editions.get(page, edition)
        if own != edition:
            problems.append(Problem(_where(returned, shown, page), f"this page's <file> is for "
                                    f"the edition '{own}', the file for '{edition}'",
                                    "one edition per file: export each edition separately"))
            continue
        problem = (guard.page_problem(setup.docs, edition, page)
                   or guard.page_problem(setup.docs, setup.default, page))
        if problem:
            problems.append(Problem(_where(returned, shown, page), *problem))
    return problems


@dataclass
class Plan:
    """What an import would do: the new text of every page to write, the pages whose
    Swedish version to record (every unit confirmed: ``make translation-done``'s step),
    what to tell the user, and every problem (nothing is written when there is one)."""

    writes: dict[Path, str] = field(default_factory=dict)
    record: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def plan(setup: model.Setup, returned: ReturnedFile, shown: str, edition: str) -> Plan:
    """Check the whole file against the pages as exported and plan the writes."""
    result = Plan(problems=refused(setup, returned, shown, edition))
    if result.problems:
        return result
    result.problems += _file_problems(setup, returned, shown, edition)
    for page, (source_hash, target_hash) in returned.versions.items():
        _plan_page(setup, returned, shown, edition, page, source_hash, target_hash, result)
    return result


def _file_problems(setup: model.Setup, returned: ReturnedFile, shown: str, edition: str
                   ) -> list[Problem]:
    """Units the export did not write (an id changed or made up, or twice), and pages
    whose language tag names another edition than the file."""
    out = [Problem(f"{shown}:{ident}", f"the unit {ident} appears {count} times in the file",
                   "keep one trans-unit with this id (a copy or merge in the CAT tool "
                   "made the others)") for ident, count in returned.duplicates.items()]
    for page, tag in returned.tags.items():
        out.append(Problem(_where(returned, shown, page), f"target-language '{tag}' names "
                           f"another language than the edition '{returned.editions[page]}' "
                           "this <file> was exported for",
                           f"set target-language back to "
                           f"{formats.language_tag(edition, setup.languages[edition])}, or "
                           "export again for the other edition"))
    return out


def _relabelled(setup: model.Setup, page: str, target_hash: str, edition: str) -> str | None:
    """The edition whose page the file's ``k:target-hash`` is, when it is not ``edition``:
    the file was exported for it and relabelled since."""
    for other in setup.editions:
        path = setup.docs / other / page
        if other != edition and target_hash and path.is_file() and \
                model.file_hash(text_files.read(path)) == target_hash:
            return other
    return None


def _plan_page(setup: model.Setup, returned: ReturnedFile, shown: str, edition: str,
               page: str, source_hash: str, target_hash: str, result: Plan) -> None:
    problems = result.problems
    source_path = setup.docs / setup.default / page
    target_path = setup.docs / edition / page
    first = _where(returned, shown, page)
    if not source_path.exists():
        problems.append(Problem(first, f"the Swedish page {page} is gone",
                                "leave this page out, or export again"))
        return
    source_text = text_files.read(source_path)
    target_text = text_files.read(target_path) if target_path.exists() else None
    if (model.file_hash(target_text) if target_text else "") != target_hash:
        other = _relabelled(setup, page, target_hash, edition)
        if other:
            problems.append(Problem(first, f"this page was exported from docs/{other}/ (its "
                                    f"k:target-hash is that file's), but the file now names "
                                    f"the edition '{edition}'", "set target-language (and "
                                    f"k:edition) back to {other}, or export again for "
                                    f"{edition}"))
        else:
            problems.append(Problem(first, f"{target_path.name} in docs/{edition} changed "
                                    "since export", "export again and carry the agency's "
                                    "translation over (a CAT tool's TM does it)"))
        return
    exported = model.export_page(setup, edition, page, _NoTerms())
    known = {unit.id for unit in exported.units}
    problems += [Problem(f"{shown}:{i}", f"the unit {i} is not one the export of {page} "
                         "wrote (its id was changed, or the unit added)",
                         "keep the ids as exported; export again to get them")
                 for i in dict.fromkeys(returned.order)
                 if i.rpartition("#")[0] == page and i not in known]
    stale = status.source_hash(source_text) != source_hash
    before = len(problems)
    out: list[str] = []
    front: dict[str, str] = {}  # front-matter key → the value to write, when changed
    confirmed = changed = False
    all_done, skipped = True, False
    for unit in exported.units:
        where = f"{shown}:{unit.id}"
        back = returned.units.get(unit.id)
        if back is None:
            problems.append(Problem(where, "the segment is missing from the file",
                                    "put the trans-unit back (export again to get it)"))
            continue
        if unit.id in returned.duplicates:  # reported once for the file
            skipped = True
            continue
        if stale or not target_checks.same_text(back.source, unit.source):
            problems.append(Problem(where, f"the Swedish text of {page} changed since "
                                    "export", "export again; your CAT tool's memory "
                                    "fills in what is unchanged"))
            continue
        target, done = _target(unit, back, where, page, edition, result)
        if target is None:
            continue
        for issue in codes.problems(target, unit.source, unit.target):
            problems.append(Problem(where, f"protected code: {issue}",
                                    "copy the tags/placeholders from the Swedish "
                                    "text unchanged"))
        for what, fix in (target_checks.foreign_elements(back.foreign)
                          + target_checks.markup_problems(target)):
            problems.append(Problem(where, what, fix))
        if not target and target_text is None and any(
                r.target.strip() for i, r in returned.units.items()
                if i.startswith(f"{page}#")):
            problems.append(Problem(where, "no translation for this segment of a new page",
                                    "translate it (every segment of a new page)"))
        changed |= target != unit.target
        confirmed |= done and unit.state != model.TRANSLATED
        all_done &= done and bool(target)
        key = front_fields.key_of(unit.id)
        if key is None:
            out.append(target)
        elif target and (target != unit.target or target_text is None):
            front[key] = target
    if len(problems) > before or skipped or not (changed or confirmed):
        return
    text = _page_text(source_text, target_text, out, front, page, source_hash, all_done)
    ours = {front_fields.key_of(u.id) for u in exported.units} - {None}
    problems += [Problem(f"{shown}:{page}#{key}" if key in ours else f"{f.path}:{f.line or 1}",
                         f.problem, f.fix)
                 for key, f in front_fields.schema_problems(text, f"docs/{edition}/{page}")]
    result.writes[target_path] = text
    if all_done:
        result.record.append(page)


def _target(unit: model.Unit, back: Returned, where: str, page: str, edition: str,
            result: Plan) -> tuple[str | None, bool]:
    """(the text to write for a unit, whether it counts as confirmed); None when refused.

    An empty or missing target never deletes text. A unit whose translation is current
    (state translated) keeps it, and the user is told: a CAT tool's "clear target" or an
    untouched unit it did not write back loses nothing the Swedish still says. A unit
    whose Swedish changed since its translation is refused: keeping the outdated text
    silently would hide the change, deleting it would lose the page's paragraph. A unit
    that had no translation stays empty (a new page insists on every one, below)."""
    if back.target.strip():
        if target_checks.same_text(back.target, unit.target):
            return unit.target, back.done  # whitespace only: the page stays as it is
        return back.target, back.done
    if not unit.target.strip():
        return "", False
    if unit.state == model.TRANSLATED:
        result.notes.append(f"{where}: no translation in the file — kept the current "
                            f"translation in docs/{edition}/{page}")
        return unit.target, True
    result.problems.append(Problem(where, f"unit {unit.id} has no translation, and the "
                                   "Swedish text changed since the current one",
                                   "translate it, or copy the current translation into "
                                   "the target to keep it as it is"))
    return None, False


class _NoTerms:
    """Import needs the units, not their glossary notes."""

    def find(self, text: str) -> list:
        return []


def _page_text(source_text: str, target_text: str | None, targets: list[str],
               front: dict[str, str], page: str, source_hash: str, all_done: bool) -> str:
    """The page to write: the translation's own skeleton (a new page: the Swedish one)
    with the targets, and the translated title and description in its front matter."""
    _, merged, _ = model.cut(source_text, target_text)
    if merged is None:  # a new page: the Swedish skeleton, front matter as translations have
        skeleton = segments.parse(model.body_of(source_text)[1])
        front.setdefault("title", new_page_title(skeleton, targets))
        head = ("---\n" + "".join(f"{k}: {front_fields.scalar(front[k])}\n"
                                  for k in front_fields.KEYS if front.get(k))
                + f"translation_of: {Path(page).name}\nsource_hash: {source_hash}\n"
                "translation_status: draft\n---\n\n")
        return head + skeleton.render(targets).lstrip("\n")
    head, _ = model.body_of(target_text or "")
    text = front_fields.with_values(head + merged.render(targets), front)
    text = status.with_review(text, "draft")
    return status.with_source_hash(text, source_hash) if all_done else text


def new_page_title(skeleton: segments.Page, targets: list[str]) -> str:
    """The title of a page the edition did not have: its translated H1 (the navigation,
    ``<title>`` and search use it; without one MkDocs would show the file name). A
    JSON string is a valid YAML double-quoted scalar, so any title is safe to write."""
    for slot, target in zip(skeleton.slots, targets, strict=True):
        if slot.kind == "h1" and target.strip():
            return " ".join(target.split())
    return ""
