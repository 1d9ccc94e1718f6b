"""Readability report for every page of every edition, without building the site.

    python -m klarinfo.readability.report             # page × edition × score × limit × verdict
    python -m klarinfo.readability.report --json      # the same as JSON (as the build writes)
    python -m klarinfo.readability.report --findings  # what to fix, as path:line lines
    python -m klarinfo.readability.report docs/so/x.md  # only these pages

Exit status 1 when a page fails, so it can gate a commit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from klarinfo.base import project, text_files
from klarinfo.base.errors import InputError
from klarinfo.editions import translator
from klarinfo.readability import findings as readability_text
from klarinfo.readability import score as readability

ROOT = Path.cwd()  # the project folder: make runs us there


def pages(proj: project.Project, only: list[str]) -> list[tuple[str, Path]]:
    chosen = {Path(p).resolve() for p in only}
    out = []
    for edition in proj.editions():
        for path in sorted((proj.docs_dir / edition).rglob("*.md")):
            if not chosen or path.resolve() in chosen:
                out.append((edition, path))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="Markdown pages (default: all)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--findings", action="store_true", help="print path:line findings")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    args = parser.parse_args(argv)

    proj = project.load(Path(args.config))
    settings = proj.plugin("klarinfo")
    profiles, problems = readability.build_profiles(settings.get("readability"))
    for problem in problems:
        print(problem, file=sys.stderr)
    langs = {k: v.get("lang", k) for k, v in settings.get("editions", {}).items()}
    reports = []
    unreadable = 0
    for edition, path in pages(proj, args.paths):
        shown = str(path.relative_to(proj.root))
        try:
            text = text_files.read(path, shown)
        except InputError as exc:  # not UTF-8: path:line, and on to the next page
            print(exc, file=sys.stderr)
            unreadable += 1
            continue
        report = readability.analyse(text, shown, profiles[edition])
        reports.append(report)
        if args.findings:
            tr = translator(proj.locales_dir, edition, proj.root)
            for line in readability_text.findings(report, langs.get(edition, "en"), tr,
                                                  profiles[edition].long_word_letters):
                print(line)
    failing = sum(not r.passed for r in reports)
    if args.json:
        print(json.dumps({"pages": [r.as_dict() for r in reports], "failing": failing},
                         ensure_ascii=False, indent=1))
    elif not args.findings:
        print(readability_text.table(reports))
        print(f"\n{len(reports)} pages, {failing} failing")
    return 1 if failing or problems or unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
