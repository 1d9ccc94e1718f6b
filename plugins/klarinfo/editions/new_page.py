"""Start a page: a Swedish source page, or a translation of one.

    python -m klarinfo.editions.new_page ny-sida --title "Ny sida"     # docs/sv/ny-sida.md
    python -m klarinfo.editions.new_page --translate tolk.md so        # docs/so/tolk.md

A new Swedish page has the front matter the build requires and a sources section;
translation status then lists it as missing in every other edition (readers there
see the Swedish page with a notice until it is translated). A new translation
records which Swedish version it translates and starts as a draft; it holds the
Swedish paragraphs as comments to translate one by one, so no Swedish text is ever
shown to readers as if it were another language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

from klarinfo.base import front_matter_schema, page_checks, project, yaml_lines
from klarinfo.base.errors import InputError
from klarinfo.editions import translation_status as ts

ROOT = Path.cwd()  # the project folder: make runs us there
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


#: What a new page's comment says about figures, in words: a ``{{ … }}`` example, even in
#: an HTML comment, is a placeholder the build cannot fill, so the page would fail.
_FIGURES = ("belopp, dagar och gränser skriver du inte själv: de hämtas ur data/rules.yml "
            "(se WRITING.md, om siffror)")
#: The empty description's comment: the build refuses a page without a description,
#: so a new page fails until its writer says in one sentence what it is for.
_DESCRIBE = "# En mening om vad sidan hjälper med, utan siffror, högst 155 tecken"


def _head(title: str, today: dt.date, description_hint: str, *rest: str) -> str:
    """Front matter with the title quoted as YAML needs it (a title such as "Stöd: så
    gör du" is not plain YAML) and an empty ``description:`` for the writer to fill."""
    quoted = yaml.safe_dump({"title": title}, allow_unicode=True, width=1000).strip() \
        if title else "title: "
    return "\n".join(["---", quoted, f"reviewed: {today.isoformat()}",
                      f"description:  {description_hint}".rstrip(), *rest, "---", ""])


def checked(text: str, shown: str) -> str:
    """``text`` when its front matter passes the schema every tool shares
    (:mod:`klarinfo.base.front_matter_schema`) once its description is written; the
    empty description is the writer's to fill and the build reports it until then."""
    data = yaml_lines.load(page_checks.split(text)[0] or "", shown, first_line=2)
    data["description"] = data.get("description") or "Sidan beskriver något."
    findings = front_matter_schema.check(data, shown)
    if findings:
        raise InputError(findings)
    return text


def swedish_page(title: str, today: dt.date) -> str:
    return (_head(title, today, _DESCRIBE) + f"\n# {title}\n\n"
            f"<!-- Skriv här. En tanke per mening; {_FIGURES}. -->\n\n## Källor\n\n"
            f"<!-- - Lag, myndighetens sida eller rapport. Läst {today.isoformat()}. -->\n")


def translation(source_text: str, page: str, today: dt.date) -> str:
    source = page_checks.split(source_text)[0]
    described = (yaml_lines.load(source, page) or {}).get("description") if source else None
    hint = f"# sv: {' '.join(str(described).split())}" if described else _DESCRIBE
    head = _head("", today, hint, f"translation_of: {Path(page).name}",
                 f"source_hash: {ts.source_hash(source_text)}", "translation_status: draft")
    blocks = [f"<!-- sv (line {number}):\n{text.replace('--', '- -')}\n-->\n"
              for number, text in ts.paragraphs(source_text)]
    return head + "\n" + "\n".join(blocks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("slug", nargs="?", help="URL name of a new Swedish page, e.g. ny-sida")
    parser.add_argument("--title", help="the new page's title")
    parser.add_argument("--translate", nargs=2, metavar=("PAGE", "EDITION"))
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    project_ = project.load(args.config)
    default, today = project_.default_edition(), dt.date.today()
    if args.translate:
        page, edition = args.translate
        if edition not in project_.editions() or edition == default:
            print(f"{edition}: not a translated edition — use one of "
                  f"{', '.join(e for e in project_.editions() if e != default)}", file=sys.stderr)
            return 2
        source = project_.docs_dir / default / page
        target = project_.docs_dir / edition / page
        if not source.exists():
            print(f"{source.relative_to(project_.root)}: no such Swedish page — see "
                  "make translation-status for the page names", file=sys.stderr)
            return 2
        if target.exists():
            print(f"{target.relative_to(project_.root)}: already exists — to update it, see "
                  f"make translation-diff PAGE={page} EDITION={edition}", file=sys.stderr)
            return 2
        text = source.read_text(encoding="utf-8")
        try:
            written = checked(translation(text, page, today), str(target.relative_to(
                project_.root)))
        except InputError as exc:
            print(exc, file=sys.stderr)
            return 2
        ts.save_snapshot(project_.locales_dir / "sources", page, text)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(written, encoding="utf-8")
        print(f"{target.relative_to(project_.root)}: created — write the title and translate "
              "each Swedish paragraph below its comment, then delete the comments")
        return 0
    if not args.slug or not SLUG.match(args.slug) or not args.title:
        print("give a URL name in lower case with dashes and a title: "
              'make new-page NAME=ny-sida TITLE="Ny sida"', file=sys.stderr)
        return 2
    target = project_.docs_dir / default / f"{args.slug}.md"
    if target.exists():
        print(f"{target.relative_to(project_.root)}: already exists", file=sys.stderr)
        return 2
    try:
        written = checked(swedish_page(args.title, today), str(target.relative_to(
            project_.root)))
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 2
    target.write_text(written, encoding="utf-8")
    print(f"{target.relative_to(project_.root)}: created; it is missing in "
          f"{', '.join(e for e in project_.editions() if e != default)} until translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
