"""What translators have to do: every Swedish page in every edition, and the PO catalogs.

    python scripts/translation_status.py                  # table + to-do list
    python scripts/translation_status.py --json           # for dashboards
    python scripts/translation_status.py --diff tolk.md so    # what changed in Swedish
    python scripts/translation_status.py --done tolk.md so    # "my translation is up to date"
    python scripts/translation_status.py --done-all       # record every translation as current

Statuses: missing (readers see the Swedish page with a notice), outdated (the Swedish
page changed after the version the translation records), draft (not yet checked by a
qualified translator), reviewed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from klarinfo import catalogs, project
from klarinfo import translation_status as ts
from klarinfo.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
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
        if e.status == "missing":
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
    default = project_.default_edition()
    source = project_.docs_dir / default / page
    translation = project_.docs_dir / edition / page
    shown = source.relative_to(project_.root).as_posix()
    if not source.exists():
        return 2, f"{shown}: no such Swedish page — use a path from make translation-status"
    new = source.read_text(encoding="utf-8")
    if not translation.exists():
        return 0, (f"{translation.relative_to(project_.root)}: missing — the whole Swedish page "
                   "is new to this edition")
    recorded = ts.front_matter(translation.read_text(encoding="utf-8"),
                               str(translation)).get("source_hash")
    if recorded == ts.source_hash(new):
        return 0, f"{shown}: unchanged since the version the translation records ({recorded})"
    snapshot = ts.snapshot_path(project_.locales_dir / "sources", page, str(recorded))
    if not recorded or not snapshot.exists():
        return 1, (f"{shown}: the Swedish text of version {recorded} is not kept in "
                   f"locales/sources — compare the whole page, then run make translation-done")
    lines = ts.paragraph_diff(snapshot.read_text(encoding="utf-8"), new, shown)
    return 0, "\n".join([f"{shown}: changed since version {recorded} "
                         f"(now {ts.source_hash(new)})"] + lines)


def done(project_: project.Project, page: str, edition: str) -> str:
    default = project_.default_edition()
    source = project_.docs_dir / default / page
    translation = project_.docs_dir / edition / page
    text = source.read_text(encoding="utf-8")
    digest = ts.source_hash(text)
    ts.save_snapshot(project_.locales_dir / "sources", page, text)
    translation.write_text(ts.with_source_hash(translation.read_text(encoding="utf-8"), digest),
                           encoding="utf-8")
    recorded = {e.recorded_hash for e in ts.collect(project_.docs_dir, default,
                                                     project_.editions(), project_.root)
                if e.page == page and e.recorded_hash}
    ts.prune_snapshots(project_.locales_dir / "sources", page, recorded)
    return f"{translation.relative_to(project_.root)}: now records Swedish version {digest}"


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
    parser.add_argument("--done-all", action="store_true")
    args = parser.parse_args(argv)
    project_ = project.load(args.config)
    if args.diff:
        code, text = diff(project_, *args.diff)
        print(text)
        return code
    if args.done:
        print(done(project_, *args.done))
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
