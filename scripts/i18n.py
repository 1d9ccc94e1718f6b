"""Translator tooling for the theme catalogs: extract, update, check.

    python scripts/i18n.py extract   # refresh locales/theme.pot from Material + our strings
    python scripts/i18n.py update    # merge the template into every edition's theme.po
    python scripts/i18n.py check     # list untranslated/fuzzy/broken strings as path:line
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import material
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from klarinfo import catalogs
from klarinfo.errors import InputError
from klarinfo.theme_strings import template_strings

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
TEMPLATE = LOCALES / "theme.pot"


def material_english() -> str:
    path = Path(material.__file__).parent / "templates/partials/languages/en.html"
    return path.read_text(encoding="utf-8")


def editions() -> dict[str, str]:
    """Edition id → Babel locale of its plural rules, read from mkdocs.yml."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "klarinfo" in plugin:
            return {k: v["lang"] for k, v in plugin["klarinfo"]["editions"].items()}
    raise SystemExit("mkdocs.yml: no klarinfo plugin configured")


def extract() -> None:
    template = Catalog(project="klarinfo", msgid_bugs_address="", fuzzy=False)
    for key, text in template_strings(material_english()).items():
        template.add(text, context=key)
    with TEMPLATE.open("wb") as fh:
        write_po(fh, template, width=100, omit_header=False)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(template)} strings")


def update() -> None:
    template = catalogs.load(TEMPLATE)
    for edition, lang in editions().items():
        path = LOCALES / edition / "LC_MESSAGES" / "theme.po"
        if path.exists():
            catalog = catalogs.load(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=lang, project="klarinfo")
        catalog.update(template, update_header_comment=False)
        with path.open("wb") as fh:
            write_po(fh, catalog, width=100, ignore_obsolete=True)
        done, total = catalogs.completeness(catalog, template)
        print(f"{path.relative_to(ROOT)}: {done}/{total} translated")


def check() -> int:
    try:
        template = catalogs.load(TEMPLATE)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    problems = 0
    for edition in editions():
        path = LOCALES / edition / "LC_MESSAGES" / "theme.po"
        shown = str(path.relative_to(ROOT))
        try:
            findings = catalogs.check(catalogs.load(path, shown), template, shown)
        except InputError as exc:
            findings = exc.findings
        for finding in findings:
            print(finding, file=sys.stderr)
        problems += len(findings)
    print(f"{problems} problem(s)")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "update", "check"])
    args = parser.parse_args(argv)
    if args.command == "extract":
        extract()
    elif args.command == "update":
        update()
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
