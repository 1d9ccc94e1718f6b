"""Command line: ``python -m klarinfo.exchange.cli export|import`` (``make
translation-export EDITION=so [PAGES=a.md,b.md] [FORMAT=po]`` and ``make
translation-import FILE=…``).

Export writes ``<dir>/klarinfo-<edition>.xlf`` (or ``.po``); import checks the whole
file first and writes nothing when there is a problem (exit 2, one ``file:unit`` or
``file:line`` line per problem): a file or page path refused outright (see ``guard``:
unreadable, too big, not well-formed, a DTD, XLIFF 2.0, a page outside the edition's
folder) or a unit refused (``apply``). After writing, a page whose every unit is
confirmed records the Swedish version as ``make translation-done`` does, so its text is
kept in ``locales/sources/`` for the next ``make translation-diff``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from klarinfo import editions
from klarinfo.base import project
from klarinfo.base.errors import InputError
from klarinfo.exchange import apply, formats, guard, model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m klarinfo.exchange.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    out = sub.add_parser("export", help="write an XLIFF or PO file for an agency")
    out.add_argument("--edition", required=True)
    out.add_argument("--pages", default="", help="comma-separated, e.g. tolk.md,vald.md")
    out.add_argument("--format", choices=("xliff", "po"), default="xliff")
    out.add_argument("-o", "--output", default="reports/translation")
    back = sub.add_parser("import", help="write a returned file into docs/<edition>/")
    back.add_argument("file")
    parser.add_argument("--root", default=".", help="the project (where mkdocs.yml is)")
    args = parser.parse_args(argv)
    try:
        setup = model.Setup.load(Path(args.root).resolve())
    except InputError as exc:  # mkdocs.yml or the glossary: path:line, never a traceback
        print(exc, file=sys.stderr)
        return 2
    if args.command == "export":
        return _export(setup, args)
    return _import(setup, args.file)


def _export(setup: model.Setup, args: argparse.Namespace) -> int:
    if args.edition not in setup.editions or args.edition == setup.default:
        others = ", ".join(e for e in setup.editions if e != setup.default)
        print(f"error: no edition '{args.edition}' to translate into — use one of {others}",
              file=sys.stderr)
        return 2
    pages = [p.strip() for p in args.pages.split(",") if p.strip()]
    outside = [(p, problem) for p in pages
               if (problem := guard.page_problem(setup.docs, setup.default, p))]
    for page, (what, fix) in outside:
        print(f"error: --pages {page}: {what} — {fix}",
              file=sys.stderr)
    if outside:
        return 2
    missing = [p for p in pages if not (setup.docs / setup.default / p).exists()]
    if missing:
        print(f"error: no Swedish page {', '.join(missing)} in docs/{setup.default} — "
              "name pages as in that folder, e.g. tolk.md", file=sys.stderr)
        return 2
    exported = model.export(setup, args.edition, pages or None)
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    if args.format == "po":
        path, data = folder / f"klarinfo-{args.edition}.po", formats.write_po(
            exported, setup.default, args.edition)
    else:
        path, data = folder / f"klarinfo-{args.edition}.xlf", formats.write_xliff(
            exported, setup.default, args.edition, setup.languages[args.edition])
    path.write_bytes(data)
    units = sum(len(p.units) for p in exported)
    print(f"{path}: {len(exported)} pages, {units} segments ({args.edition})")
    return 0


def _import(setup: model.Setup, name: str) -> int:
    if not name.strip():  # make passes FILE= as an empty argument
        print("make translation-import needs FILE=path/to/file.xlf — give the file the "
              "agency sent back, e.g. make translation-import "
              "FILE=reports/translation/klarinfo-so.xlf", file=sys.stderr)
        return 2
    path = Path(name)
    try:
        data = guard.read(path)
        returned = (formats.read_po(data, str(path)) if path.suffix == ".po"
                    else formats.read_xliff(data, str(path)))
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 2
    if returned.edition not in setup.editions or returned.edition == setup.default:
        print(f"{path}:1: the file names no edition we translate into ('{returned.edition}') "
              "— use a file made by make translation-export", file=sys.stderr)
        return 2
    named = re.fullmatch(r"klarinfo-(.+)\.(?:xlf|xliff|po)", path.name)
    if named and named.group(1) in setup.editions and named.group(1) != returned.edition:
        print(f"{path}:1: the file was exported for '{named.group(1)}' (its name), but its "
              f"language now says '{returned.edition}' — set target-language (PO: Language) "
              f"back to {named.group(1)}, or export again for {returned.edition}",
              file=sys.stderr)
        return 2
    refused = apply.refused(setup, returned, str(path), returned.edition)
    for problem in refused:
        print(problem, file=sys.stderr)
    if refused:
        print(f"{len(refused)} page paths refused; no page written", file=sys.stderr)
        return 2
    planned = apply.plan(setup, returned, str(path), returned.edition)
    for problem in planned.problems:
        print(problem, file=sys.stderr)
    if planned.problems:
        print(f"{len(planned.problems)} problems; no page written", file=sys.stderr)
        return 2
    for note in planned.notes:
        print(note)
    for target, text in planned.writes.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(setup.root)}")
    if planned.record:  # as make translation-done does: keep the Swedish text recorded
        proj = project.load(setup.root / "mkdocs.yml")
        for page in planned.record:
            print(editions.translation_done(proj, page, returned.edition))
    if not planned.writes:
        print(f"{path}: nothing changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
