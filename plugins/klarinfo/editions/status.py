"""What translators have to do: every Swedish page in every edition, and the PO catalogs.

    python -m klarinfo.editions.status                  # table + to-do list
    python -m klarinfo.editions.status --json           # for dashboards
    python -m klarinfo.editions.status --diff tolk.md so    # what changed in Swedish
    python -m klarinfo.editions.status --done tolk.md so    # "my translation is up to date"
    python -m klarinfo.editions.status --done tolk.md so --reviewed  # ... and checked
    python -m klarinfo.editions.status --done-all       # record every translation as current
    python -m klarinfo.editions.status --migrate-hashes # after a change of source_hash()

Statuses: missing (readers see the Swedish page with a notice), outdated (the Swedish
page changed after the version the translation records), draft (not yet checked by a
qualified translator), reviewed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from klarinfo.base import project, text_files
from klarinfo.base.errors import InputError
from klarinfo.editions import catalogs
from klarinfo.editions import translation_status as ts

ROOT = Path.cwd()  # the project folder: make runs us there
DOMAINS = ("theme", "klarinfo")


def catalog_counts(locales: Path, editions: list[str]) -> dict[str, dict[str, tuple[int, int]]]:
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for domain in DOMAINS:
        template = catalogs.load(locales / f"{domain}.pot")
        for edition in editions:
            path = locales / edition / "LC_MESSAGES" / f"{domain}.po"
            try:
                counts = catalogs.completeness(catalogs.load(path), template)
            except (InputError, FileNotFoundError):
                counts = (0, len(catalogs.entries(template)))
            out.setdefault(edition, {})[domain] = counts
    return out


def table(entries: list[ts.Translation], editions: list[str]) -> list[str]:
    pages = sorted({e.page for e in entries})
    width = max([len(p) for p in pages] + [4]) + 2
    by = {(e.page, e.edition): e.status for e in entries}
    head = "page".ljust(width) + "".join(ed.ljust(11) for ed in editions)
    lines = [head, "-" * len(head.rstrip())]
    for page in pages:
        lines.append(page.ljust(width) + "".join(by[(page, ed)].ljust(11) for ed in editions))
    return [ln.rstrip() for ln in lines]


def todo(entries: list[ts.Translation]) -> list[str]:
    out = []
    for e in entries:
        if e.stub:
            out.append(f"{e.path}: not translated yet (only headings and the Swedish "
                       f"paragraphs as comments) — readers of this edition see the Swedish "
                       f"page; translate each paragraph under its comment, then delete the "
                       f"comments")
        elif e.status == "missing":
            out.append(f"{e.path}: missing — readers of this edition see the Swedish page with "
                       f"a notice; start it with: make new-translation PAGE={e.page} "
                       f"EDITION={e.edition}")
        elif e.status == "outdated":
            out.append(f"{e.path}:1: outdated — {e.source_path} changed after the version this "
                       f"translation records; see what changed: make translation-diff "
                       f"PAGE={e.page} EDITION={e.edition}")
    return out


def report(project_: project.Project, as_json: bool) -> str:
    default, editions = project_.default_edition(), project_.editions()
    entries = ts.collect(project_.docs_dir, default, editions, project_.root)
    counts = catalog_counts(project_.locales_dir, editions)
    if as_json:
        return json.dumps(ts.as_json(entries, counts), ensure_ascii=False, indent=1)
    others = [e for e in editions if e != default]
    totals: dict[str, int] = {}
    for e in entries:
        totals[e.status] = totals.get(e.status, 0) + 1
    lines = [f"Translations of {project_.docs_dir.relative_to(project_.root)}/{default} "
             f"({len({e.page for e in entries})} pages × {len(others)} editions)", ""]
    lines += table(entries, others)
    lines += ["", "Totals: " + ", ".join(f"{totals.get(s, 0)} {s}" for s in
                                         ("missing", "outdated", "draft", "reviewed")), ""]
    lines += ["Interface strings (locales/, translated of total)",
              ("edition".ljust(10) + "".join(d.ljust(10) for d in DOMAINS)).rstrip()]
    for edition in editions:
        lines.append((edition.ljust(10) + "".join(
            f"{counts[edition][d][0]}/{counts[edition][d][1]}".ljust(10) for d in DOMAINS))
            .rstrip())
    to_do = todo(entries) + [
        f"{project_.locales_dir.relative_to(project_.root) / edition / 'LC_MESSAGES'}/"
        f"{domain}.po: {total - done} of {total} strings untranslated — "
        "make i18n-check shows each one with its line"
        for edition in editions for domain in DOMAINS
        for done, total in [counts[edition][domain]] if done < total]
    lines += ["", "To do" if to_do else "Nothing to do: every translation is up to date."]
    return "\n".join(lines + to_do)


def diff(project_: project.Project, page: str, edition: str) -> tuple[int, str]:
    check_request(project_, page, edition, "translation-diff")
    default = project_.default_edition()
    source = project_.docs_dir / default / page
    translation = project_.docs_dir / edition / page
    shown = source.relative_to(project_.root).as_posix()
    new = text_files.read(source, shown)
    if not translation.exists():
        return 0, (f"{translation.relative_to(project_.root)}: missing — the whole Swedish page "
                   "is new to this edition")
    own = translation.relative_to(project_.root).as_posix()
    recorded = ts.front_matter(text_files.read(translation, own), own).get("source_hash")
    if recorded == ts.source_hash(new):
        return 0, f"{shown}: unchanged since the version the translation records ({recorded})"
    snapshot = ts.snapshot_path(project_.locales_dir / "sources", page, str(recorded))
    if not recorded or not snapshot.exists():
        return 1, (f"{shown}: the Swedish text of version {recorded} is not kept in "
                   f"locales/sources — compare the whole page, then run make translation-done")
    lines = ts.paragraph_diff(text_files.read(snapshot), new, shown)
    return 0, "\n".join([f"{shown}: changed since version {recorded} "
                         f"(now {ts.source_hash(new)})"] + lines)


class Refused(Exception):
    """A request this script cannot carry out; the message says what to do instead."""


def check_request(project_: project.Project, page: str, edition: str,
                  command: str = "translation-done") -> None:
    """Page and edition name a translation that exists (for translation-diff: a Swedish
    page and an edition), or Refused says how to name one."""
    default = project_.default_edition()
    others = [e for e in project_.editions() if e != default]
    usage = f"make {command} PAGE=tolk.md EDITION=so"
    if not page or not edition:
        raise Refused(f"say which page and edition: {usage} (make translation-status lists "
                      "them)")
    if edition not in others:
        raise Refused(f"EDITION={edition}: not a translated edition — use one of "
                      f"{', '.join(others)}")
    source = project_.docs_dir / default / page
    inside = source.resolve().is_relative_to((project_.docs_dir / default).resolve())
    if not (inside and page.endswith(".md") and source.is_file()):
        raise Refused(f"PAGE={page}: {source.relative_to(project_.root).as_posix()} does not "
                      "exist — use a page name from make translation-status, e.g. tolk.md")
    translation = project_.docs_dir / edition / page
    if command == "translation-done" and not translation.is_file():
        raise Refused(f"{translation.relative_to(project_.root).as_posix()}: not translated yet "
                      f"— start it with: make new-translation PAGE={page} EDITION={edition}")


def done(project_: project.Project, page: str, edition: str, reviewed: bool = False) -> str:
    """Record that the translation matches the current Swedish page. A page marked
    `reviewed` whose Swedish changed since goes back to `draft`: its new parts have not
    been checked, unless the translator says a qualified translator checked them."""
    check_request(project_, page, edition)
    default = project_.default_edition()
    source = project_.docs_dir / default / page
    translation = project_.docs_dir / edition / page
    shown = translation.relative_to(project_.root).as_posix()
    text = text_files.read(source, source.relative_to(project_.root).as_posix())
    digest = ts.source_hash(text)
    ts.save_snapshot(project_.locales_dir / "sources", page, text)
    own = text_files.read(translation, shown)
    meta = ts.front_matter(own, shown)
    before, recorded = meta.get("translation_status"), meta.get("source_hash")
    review = before
    if reviewed:
        review = "reviewed"
    elif before == "reviewed" and recorded != digest:
        review = "draft"
    own = ts.with_source_hash(own, digest)
    if review != before:
        own = ts.with_review(own, review)
    translation.write_text(own, encoding="utf-8")
    kept = {e.recorded_hash for e in ts.collect(project_.docs_dir, default,
                                                 project_.editions(), project_.root)
            if e.page == page and e.recorded_hash}
    ts.prune_snapshots(project_.locales_dir / "sources", page, kept)
    said = [f"{shown}: now records Swedish version {digest}"
            + ("" if recorded != digest else " (unchanged)")]
    if review != before and review == "draft":
        said.append(f"{shown}: translation_status reviewed → draft — the Swedish page changed "
                    "since it was reviewed; once a qualified translator has checked the new "
                    f"parts, run: make translation-done PAGE={page} EDITION={edition} "
                    "REVIEWED=1")
    elif review != before:
        said.append(f"{shown}: translation_status {before} → {review}")
    return "\n".join(said)


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except InputError as exc:  # a file that cannot be read, e.g. not UTF-8: path:line
        print(exc, file=sys.stderr)
        return 1


def _main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--diff", nargs=2, metavar=("PAGE", "EDITION"))
    parser.add_argument("--done", nargs=2, metavar=("PAGE", "EDITION"))
    parser.add_argument("--reviewed", action="store_true",
                        help="with --done: a qualified translator checked this version")
    parser.add_argument("--done-all", action="store_true")
    parser.add_argument("--migrate-hashes", action="store_true",
                        help="re-key recorded Swedish versions after the hash function changed")
    args = parser.parse_args(argv)
    project_ = project.load(args.config)
    try:
        return run(project_, args)
    except Refused as exc:
        print(f"translation-{'diff' if args.diff else 'done'}: {exc}", file=sys.stderr)
        return 2
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 2


def run(project_: project.Project, args: argparse.Namespace) -> int:
    if args.diff:
        code, text = diff(project_, *args.diff)
        print(text)
        return code
    if args.done:
        print(done(project_, *args.done, reviewed=args.reviewed))
        return 0
    if args.migrate_hashes:
        default = project_.default_edition()
        changed = ts.migrate_hashes(project_.docs_dir, default, project_.editions(),
                                    project_.locales_dir / "sources", project_.root)
        print("\n".join(changed) or "Nothing to migrate: every recorded version is current.")
        return 0
    if args.done_all:
        default = project_.default_edition()
        for entry in ts.collect(project_.docs_dir, default, project_.editions(), project_.root):
            if entry.status != "missing":
                print(done(project_, entry.page, entry.edition))
        return 0
    print(report(project_, args.json))
    return 0


if __name__ == "__main__":
    sys.exit(main())
