"""Every catalog's Plural-Forms picks the form CLDR names for each number (issue 14, item 7).

gettext evaluates the formula in the PO header; the translator wrote msgstr[i] for a CLDR
category. The test evaluates each formula with Python's own gettext and compares it with
Babel's CLDR rules, independently of klarinfo.editions.plural_rules, which the build uses.
"""

from __future__ import annotations

import gettext
import shutil
from pathlib import Path

import pytest
from babel import Locale
from klarinfo.editions import catalogs, messages

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))
ORDER = ("zero", "one", "two", "few", "many", "other")  # Babel's to_gettext order
OLD_ARABIC = ('"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : '
              'n%100>=3 && n%100<=10 ? 3 : n%100>=0 && n%100<=2 ? 4 : 5);\\n"')


def test_every_domain_and_edition_has_a_catalog():
    assert len(CATALOGS) == 10  # theme + klarinfo for sv, sv-latt, en, ar, so


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_plural_formula_matches_cldr_for_n_0_to_1000(path):
    catalog = catalogs.load(path)
    rule = Locale.parse(str(catalog.locale)).plural_form
    order = [tag for tag in ORDER if tag in set(rule.tags) | {"other"}]
    assert catalog.num_plurals == len(order)
    pick = gettext.c2py(catalog.plural_expr)
    wrong = [(n, pick(n), rule(n)) for n in range(1001) if pick(n) != order.index(rule(n))]
    assert not wrong, f"{path}: first numbers with the wrong form: {wrong[:5]}"


@pytest.mark.parametrize(("n", "text"), [
    (0, "0 يوم"), (1, "يوم واحد"), (2, "يومان"), (5, "5 أيام"), (10, "10 أيام"),
    (11, "11 يوما"), (90, "90 يوما"), (390, "390 يوما"), (100, "100 يوم"), (102, "102 يوم"),
    (103, "103 أيام"), (480, "480 يوما")])
def test_arabic_days_take_their_cldr_form(n, text):
    tr = messages.translator(ROOT / "locales", "ar")
    assert tr.ngettext("{n} day", "{n} days", n).format(n=n) == text


def test_a_wrong_plural_formula_is_reported_at_its_line_with_the_fix(tmp_path):
    source = ROOT / "locales" / "ar" / "LC_MESSAGES" / "klarinfo.po"
    planted = tmp_path / "klarinfo.po"
    shutil.copy(source, planted)
    lines = planted.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith('"Plural-Forms:'))
    end = start + 1
    while not lines[end - 1].endswith('\\n"'):
        end += 1
    lines[start:end] = [OLD_ARABIC]
    planted.write_text("\n".join(lines) + "\n", encoding="utf-8")
    template = catalogs.load(ROOT / "locales" / "klarinfo.pot")
    findings = catalogs.check(catalogs.load(planted), template, "ar/klarinfo.po")
    assert [str(f).split(":")[:2] for f in findings] == [["ar/klarinfo.po", str(start + 1)]]
    text = str(findings[0])
    assert "n=11 takes form 5, but is 'many' (form 4)" in text
    assert "(n % 100) >= 11 && (n % 100) <= 99)) ? 4" in text  # the header to write
    assert "zero, one, two, few, many, other" in text
