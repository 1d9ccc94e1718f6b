"""#29 item 9: a msgstr's ``{name}`` fields are names only. Our code fills them with
``str.format``, which would evaluate ``{n.__class__.__mro__}`` from an agency's PO file;
the catalog check (strict build, ``make i18n-check``) refuses any field that is not a
bare name its English msgid carries, at the PO line, with the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from klarinfo.base import project as project_file
from klarinfo.editions import catalogs, i18n
from klarinfo.editions.edition import build_editions
from klarinfo.editions.theme_strings import compile_catalogs
from sitebuild import copy_project

TEMPLATE = ('msgid ""\nmsgstr ""\n\n'
            'msgid "Parent {n}"\nmsgstr ""\n\n'
            'msgid "Income over {n} year"\nmsgid_plural "Income over {n} years"\n'
            'msgstr[0] ""\nmsgstr[1] ""\n')
HEADER = ('msgid ""\nmsgstr ""\n"Language: so\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')


def _check(tmp_path: Path, parent: str, one: str = "{n} sano", many: str = "{n} sano"
           ) -> list[str]:
    (tmp_path / "klarinfo.pot").write_text(TEMPLATE, encoding="utf-8")
    po = tmp_path / "klarinfo.po"
    po.write_text(HEADER + f'msgid "Parent {{n}}"\nmsgstr "{parent}"\n\n'
                  'msgid "Income over {n} year"\nmsgid_plural "Income over {n} years"\n'
                  f'msgstr[0] "{one}"\nmsgstr[1] "{many}"\n', encoding="utf-8")
    template = catalogs.load(tmp_path / "klarinfo.pot")
    return [str(f) for f in catalogs.check(catalogs.load(po), template,
                                           "locales/so/LC_MESSAGES/klarinfo.po")]


def test_plain_names_from_the_msgid_pass(tmp_path: Path) -> None:
    assert _check(tmp_path, "Waalidka {n}") == []
    assert _check(tmp_path, "Waalidka {{n}} {n}") == []  # a literal brace is no field


@pytest.mark.parametrize(("msgstr", "shown", "what"), [
    ("Waalidka {n.__class__.__mro__}", "{n.__class__.__mro__}", "is more than a name"),
    ("Waalidka {n[0]}", "{n[0]}", "is more than a name"),
    ("Waalidka {n!r}", "{n!r}", "is more than a name"),
    ("Waalidka {n:>99}", "{n:>99}", "is more than a name"),
    ("Waalidka {n} {secret}", "{secret}", "is not in the English msgid"),
    ("Waalidka {0}", "{0}", "is more than a name"),
])
def test_more_than_a_name_or_a_foreign_name_is_refused_at_its_line(
        tmp_path: Path, msgstr: str, shown: str, what: str) -> None:
    found = _check(tmp_path, msgstr)
    fix = ("use only {n} as in the English msgid" if shown in ("{secret}", "{0}")
           else "write {n} exactly as in the English msgid")
    assert found == [f"locales/so/LC_MESSAGES/klarinfo.po:6: string 'Parent {{n}}': "
                     f"placeholder {shown} {what}"
                     + (" (no '.', '[', '!' or ':' in a placeholder)"
                        if what == "is more than a name" else "") + f" — {fix}"], found


def test_every_plural_form_is_checked(tmp_path: Path) -> None:
    found = _check(tmp_path, "Waalidka {n}", many="{n.__init__.__globals__} sano")
    assert len(found) == 1 and found[0].startswith(
        "locales/so/LC_MESSAGES/klarinfo.po:9: string 'Income over {n} year': "
        "placeholder {n.__init__.__globals__} is more than a name"), found


def test_an_unbalanced_brace_is_refused(tmp_path: Path) -> None:
    found = _check(tmp_path, "Waalidka {n")
    assert len(found) == 1 and "is no valid placeholder text" in found[0], found
    assert "write {{ and }} for a literal brace" in found[0]


@pytest.fixture
def planted(tmp_path: Path) -> tuple[Path, int]:
    """A copy of the project whose Somali catalog reads an attribute in 'Parent {n}'."""
    project = copy_project(tmp_path / "project")
    po = project / "locales/so/LC_MESSAGES/klarinfo.po"
    text = po.read_text(encoding="utf-8")
    assert 'msgstr "Waalidka {n}"' in text
    po.write_text(text.replace('msgstr "Waalidka {n}"', 'msgstr "Waalidka {n.__class__}"'),
                  encoding="utf-8")
    lines = text.splitlines()
    return project, lines.index('msgid "Parent {n}"') + 1


def test_make_i18n_check_fails_on_it(planted: tuple[Path, int], monkeypatch, capsys) -> None:
    project, line = planted
    monkeypatch.setattr(i18n, "ROOT", project)
    monkeypatch.setattr(i18n, "LOCALES", project / "locales")
    assert i18n.check() == 1
    err = capsys.readouterr().err
    assert (f"locales/so/LC_MESSAGES/klarinfo.po:{line}: string 'Parent {{n}}': placeholder "
            "{n.__class__} is more than a name (no '.', '[', '!' or ':' in a placeholder) — "
            "write {n} exactly as in the English msgid") in err, err


def test_the_build_reports_it_as_a_catalog_finding(planted: tuple[Path, int],
                                                   tmp_path: Path) -> None:
    """What the editions plugin logs as a warning in on_config (so --strict fails)."""
    project, line = planted
    config = project_file.load(project / "mkdocs.yml")
    editions = build_editions(config.plugin("klarinfo")["editions"],
                              config.plugin("i18n")["languages"])
    _, findings = compile_catalogs(project / "locales", editions, Path("locales"),
                                   tmp_path / "theme")
    assert any(re.fullmatch(rf"locales/so/LC_MESSAGES/klarinfo\.po:{line}: string 'Parent "
                            r"\{n\}': placeholder \{n\.__class__\} .* — write \{n\} exactly "
                            r"as in the English msgid", str(f)) for f in findings), findings


def test_a_build_that_only_warns_never_formats_an_unsafe_field(tmp_path: Path) -> None:
    """The finding fails a strict build; a preview still renders, with the English text
    in place of the msgstr, so str.format never reads an attribute of our objects."""
    from klarinfo.editions import messages

    locales = tmp_path / "locales" / "so" / "LC_MESSAGES"
    locales.mkdir(parents=True)
    (locales / "klarinfo.po").write_text(
        HEADER + 'msgid "Parent {n}"\nmsgstr "Waalid {n.__class__.__mro__}"\n\n'
        'msgid "Income over {n} year"\nmsgid_plural "Income over {n} years"\n'
        'msgstr[0] "{n} sano"\nmsgstr[1] "{n[0]} sano"\n', encoding="utf-8")
    tr = messages.translator(tmp_path / "locales", "so")
    assert tr.gettext("Parent {n}").format(n=1) == "Parent 1"
    assert tr.ngettext("Income over {n} year", "Income over {n} years", 3).format(n=3) == \
        "Income over 3 years"
