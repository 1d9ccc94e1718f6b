"""Write a returned exchange file back into docs/<edition>/.

Every problem is reported as ``file:unit-id: what — how to fix`` before any page is
written: a broken or missing protected code, a unit missing from the file, a Swedish
page or a translation that changed since export. A page is written only when its text
changed or the translator confirmed units that were new or needed review; it then gets
``translation_status: draft`` and, when every unit is confirmed, the ``source_hash`` of
the Swedish version that was exported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from klarinfo.base import text_files
from klarinfo.editions import translation_status as status
from klarinfo.exchange import codes, guard, model, segments
from klarinfo.exchange.formats import ReturnedFile


@dataclass(frozen=True)
class Problem:
    where: str  # file:unit-id
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what} — {self.fix}"


def _where(returned: ReturnedFile, shown: str, page: str) -> str:
    """``file:line`` of the PO header naming the page, else ``file:unit-id``."""
    if returned.where.get(page):
        return f"{shown}:{returned.where[page]}"
    return f"{shown}:" + next((i for i in returned.order if i.startswith(f"{page}#")),
                              f"{page}#1")


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


def plan(setup: model.Setup, returned: ReturnedFile, shown: str, edition: str
         ) -> tuple[dict[Path, str], list[Problem]]:
    """The new text of every page to write, and every problem (nothing is written
    when there is one)."""
    writes: dict[Path, str] = {}
    problems: list[Problem] = refused(setup, returned, shown, edition)
    if problems:
        return writes, problems
    for page, (source_hash, target_hash) in returned.versions.items():
        source_path = setup.docs / setup.default / page
        target_path = setup.docs / edition / page
        first = _where(returned, shown, page).removeprefix(f"{shown}:")
        if not source_path.exists():
            problems.append(Problem(f"{shown}:{first}", f"the Swedish page {page} is gone",
                                    "leave this page out, or export again"))
            continue
        source_text = text_files.read(source_path)
        target_text = text_files.read(target_path) if target_path.exists() else None
        if (model.file_hash(target_text) if target_text else "") != target_hash:
            problems.append(Problem(f"{shown}:{first}", f"{target_path.name} in docs/{edition} "
                                    "changed since export", "export again and carry the "
                                    "agency's translation over (a CAT tool's TM does it)"))
            continue
        exported = model.export_page(setup, edition, page, _NoTerms())
        stale = status.source_hash(source_text) != source_hash
        out: list[str] = []
        confirmed = changed = False
        all_done = True
        for unit in exported.units:
            where = f"{shown}:{unit.id}"
            back = returned.units.get(unit.id)
            if back is None:
                problems.append(Problem(where, "the segment is missing from the file",
                                        "put the trans-unit back (export again to get it)"))
                continue
            if stale or back.source != unit.source:
                problems.append(Problem(where, f"the Swedish text of {page} changed since "
                                        "export", "export again; your CAT tool's memory "
                                        "fills in what is unchanged"))
                continue
            target = back.target if back.target.strip() else ""
            for issue in codes.problems(target, unit.source, unit.target):
                problems.append(Problem(where, f"protected code: {issue}",
                                        "copy the tags/placeholders from the Swedish "
                                        "text unchanged"))
            if not target and target_text is None and any(
                    r.target.strip() for i, r in returned.units.items()
                    if i.startswith(f"{page}#")):
                problems.append(Problem(where, "no translation for this segment of a new page",
                                        "translate it (every segment of a new page)"))
            changed |= target != unit.target
            confirmed |= back.done and unit.state != model.TRANSLATED
            all_done &= back.done and bool(target)
            out.append(target)
        if problems or not (changed or confirmed):
            continue
        writes[target_path] = _page_text(source_text, target_text, out, page, source_hash,
                                         all_done)
    return writes, problems


class _NoTerms:
    """Import needs the units, not their glossary notes."""

    def find(self, text: str) -> list:
        return []


def _page_text(source_text: str, target_text: str | None, targets: list[str], page: str,
               source_hash: str, all_done: bool) -> str:
    _, merged, _ = model.cut(source_text, target_text)
    if merged is None:  # a new page: the Swedish skeleton, front matter as translations have
        skeleton = segments.parse(model.body_of(source_text)[1])
        title = new_page_title(skeleton, targets)
        head = ("---\n" + (f"title: {json.dumps(title, ensure_ascii=False)}\n" if title else "")
                + f"translation_of: {Path(page).name}\nsource_hash: {source_hash}\n"
                "translation_status: draft\n---\n\n")
        return head + skeleton.render(targets).lstrip("\n")
    head, _ = model.body_of(target_text or "")
    text = head + merged.render(targets)
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
