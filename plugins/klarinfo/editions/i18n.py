"""Translator tooling for our two gettext domains: extract, update, check.

Domains: ``theme`` (Material's interface strings plus our template strings) and
``klarinfo`` (messages our plugin writes: readability findings, notices, labels).

    python -m klarinfo.editions.i18n extract   # refresh locales/<domain>.pot from the sources
    python -m klarinfo.editions.i18n update    # merge templates into every edition's <domain>.po
    python -m klarinfo.editions.i18n check     # untranslated/fuzzy/broken strings, path:line
    python -m klarinfo.editions.i18n compile   # check, then write the .mo files
"""

from __future__ import annotations

import argparse
import sys
from importlib.util import find_spec
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from klarinfo.base import project
from klarinfo.base.errors import InputError
from klarinfo.editions import catalogs, plural_rules
from klarinfo.editions.theme_strings import template_strings

ROOT = Path.cwd()  # the project folder: make runs us there
LOCALES = ROOT / "locales"
DOMAINS = ("theme", "klarinfo")
KEYWORDS = {"gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "npgettext": ((1, "c"), 2, 3)}


def material_english() -> str:
    # found, not imported: this module stays free of MkDocs and Material code
    path = Path(find_spec("material").origin).parent / "templates/partials/languages/en.html"
    return path.read_text(encoding="utf-8")


def editions() -> dict[str, str]:
    """Edition id → Babel locale of its plural rules, read from mkdocs.yml."""
    settings = project.load(ROOT / "mkdocs.yml").plugin("klarinfo").get("editions", {})
    return {k: v["lang"] for k, v in settings.items()}


def template_path(domain: str) -> Path:
    return LOCALES / f"{domain}.pot"


def extract() -> None:
    for domain in DOMAINS:
        template = Catalog(project="klarinfo", msgid_bugs_address="", fuzzy=False)
        if domain == "theme":
            for key, text in template_strings(material_english()).items():
                template.add(text, context=key)
        else:
            source = ROOT / "plugins" / "klarinfo"
            for filename, lineno, message, comments, context in extract_from_dir(
                source, method_map=[("**.py", "python")], keywords=KEYWORDS,
                comment_tags=["Translators:"], strip_comment_tags=True,
            ):
                where = (f"plugins/klarinfo/{filename}", lineno)
                template.add(message, locations=[where], auto_comments=comments,
                             context=context)
        with template_path(domain).open("wb") as fh:
            write_po(fh, template, width=100, omit_header=False, sort_output=False)
        print(f"{template_path(domain).relative_to(ROOT)}: {len(template)} strings")


def update() -> None:
    for domain in DOMAINS:
        _update(domain)


def _update(domain: str) -> None:
    template = catalogs.load(template_path(domain))
    for edition, lang in editions().items():
        path = LOCALES / edition / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            catalog = catalogs.load(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=lang, project="klarinfo")
            # Babel's default for a new catalog is its legacy gettext table, which orders
            # Arabic's forms unlike CLDR; write CLDR's formula (what `check` compares with).
            catalog.mime_headers = [("Plural-Forms", plural_rules.expected_header(lang))]
        catalog.update(template, update_header_comment=False)
        with path.open("wb") as fh:
            write_po(fh, catalog, width=100, ignore_obsolete=True)
        done, total = catalogs.completeness(catalog, template)
        print(f"{path.relative_to(ROOT)}: {done}/{total} translated")


def check() -> int:
    return sum(_check(domain) for domain in DOMAINS) and 1


def _check(domain: str) -> int:
    try:
        template = catalogs.load(template_path(domain))
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    problems = 0
    for edition in editions():
        path = LOCALES / edition / "LC_MESSAGES" / f"{domain}.po"
        shown = str(path.relative_to(ROOT))
        try:
            findings = catalogs.check(catalogs.load(path, shown), template, shown)
        except InputError as exc:
            findings = exc.findings
        for finding in findings:
            print(finding, file=sys.stderr)
        problems += len(findings)
    print(f"{domain}: {problems} problem(s)")
    return 1 if problems else 0


def compile_all() -> int:
    """Check every catalog, then write its .mo next to it (what gettext tools read;
    the build compiles on its own, so this is for checking and for other tools)."""
    if check():
        return 1
    for domain in DOMAINS:
        for edition in editions():
            path = LOCALES / edition / "LC_MESSAGES" / f"{domain}.po"
            with path.with_suffix(".mo").open("wb") as fh:
                write_mo(fh, catalogs.load(path), use_fuzzy=False)
            print(f"{path.with_suffix('.mo').relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "update", "check", "compile"])
    args = parser.parse_args(argv)
    if args.command == "extract":
        extract()
    elif args.command == "update":
        update()
    elif args.command == "compile":
        return compile_all()
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
