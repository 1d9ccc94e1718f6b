"""#30 "Agency imports must never lose text": files made by the project's own export,
then edited the way an agency, a CAT tool or an attacker would. Every refusal is one
``file:unit`` (or ``file:line``) line, exit 2, no traceback and no page written; an
empty target keeps the current translation only where that translation is current."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from xml.dom import minidom

import pytest
from klarinfo.base import project as project_file
from klarinfo.editions import status, translation_status
from klarinfo.exchange import cli
from sitebuild import copy_project
from translate.storage import po

EDITIONS = ("en", "ar", "so", "sv-latt")
TITLE = '<target state="translated">Xaqaaga turjubaan</target>'


def _digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("docs", "locales") for p in sorted((root / folder).rglob("*"))
            if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _export(root: Path, edition: str = "so", pages: str = "tolk.md", fmt: str = "xliff"
            ) -> Path:
    out = root / "out"
    assert cli.main(["--root", str(root), "export", "--edition", edition, "--format", fmt,
                     "-o", str(out), *(["--pages", pages] if pages else [])]) == 0
    return out / f"klarinfo-{edition}.{'po' if fmt == 'po' else 'xlf'}"


def _import(root: Path, path: Path | str, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(["--root", str(root), "import", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def _unit(text: str, ident: str) -> str:
    found = re.search(rf'<trans-unit[^>]*id="{re.escape(ident)}".*?</trans-unit>', text, re.S)
    assert found, ident
    return found.group(0)


def _set_target(path: Path, ident: str, target: str | None) -> None:
    """Replace a unit's <target> (raw XML), or remove it (None)."""
    text = path.read_text(encoding="utf-8")
    unit = _unit(text, ident)
    new = re.sub(r"<target[^>]*>.*?</target>|<target[^>]*/>",
                 "" if target is None else f'<target state="translated">{target}</target>',
                 unit, count=1, flags=re.S)
    path.write_text(text.replace(unit, new), encoding="utf-8")


def _refused(project: Path, path: Path, capsys, pattern: str) -> None:
    before = _digest(project)
    code, out, err = _import(project, path, capsys)
    assert code == 2, (out, err)
    assert re.search(pattern, err, re.M), err
    assert _digest(project) == before


@pytest.mark.parametrize("target", ["", None], ids=["empty", "missing"])
def test_empty_target_of_a_current_unit_keeps_its_translation(
        project: Path, capsys, target: str | None) -> None:
    path = _export(project)
    _set_target(path, "tolk.md#3", target)
    before = _digest(project)
    code, out, err = _import(project, path, capsys)
    assert code == 0, err
    assert f"{path}:tolk.md#3: no translation in the file — kept the current translation " \
           "in docs/so/tolk.md" in out
    assert _digest(project) == before


def test_empty_msgstr_keeps_the_current_translation(project: Path, capsys) -> None:
    path = _export(project, fmt="po")
    store = po.pofile.parsestring(path.read_bytes())
    unit = next(u for u in store.units if u.getcontext() == "tolk.md#3")
    assert unit.target
    unit.target = ""
    path.write_bytes(bytes(store))
    before = _digest(project)
    code, out, err = _import(project, path, capsys)
    assert code == 0 and "tolk.md#3: no translation in the file — kept" in out, err
    assert _digest(project) == before


def test_empty_target_of_a_unit_whose_swedish_changed_is_refused(project: Path, capsys) -> None:
    page = project / "docs/sv/tolk.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Tolken kostar ingenting för dig.",
                                 "Tolken är gratis för dig."), encoding="utf-8")
    path = _export(project)
    unit = _unit(path.read_text(encoding="utf-8"), "tolk.md#4")
    assert 'state="needs-review-translation"' in unit
    _set_target(path, "tolk.md#4", "")
    _refused(project, path, capsys, rf"^{re.escape(str(path))}:tolk\.md#4: unit tolk\.md#4 "
             "has no translation, and the Swedish text changed since the current one — "
             "translate it, or copy the current translation")


@pytest.mark.parametrize(("target", "said"), [
    ("Xaqaaga <script>alert(1)</script> turjubaan", "the XML element <script>"),
    ("Xaqaaga &lt;script&gt;alert(1)&lt;/script&gt; turjubaan", r"raw HTML <script>"),
    ("Xaqaaga &lt;img src=x onerror=alert(1)&gt;", r"raw HTML <img src=x onerror"),
    ("Xaqaaga &lt;javascript:alert(1)&gt;", r"link target 'javascript:alert\(1\)' runs script"),
    ("Xaqaaga", r"x"),  # a harmless edit goes through (the planted file itself works)
], ids=["xml-script", "escaped-script", "img-onerror", "javascript-link", "control"])
def test_markup_in_a_target_is_refused(project: Path, capsys, target: str, said: str) -> None:
    path = _export(project)
    _set_target(path, "tolk.md#1", target)
    if target == "Xaqaaga":
        code, _, err = _import(project, path, capsys)
        assert code == 0, err
        assert "\n# Xaqaaga\n" in (project / "docs/so/tolk.md").read_text(encoding="utf-8")
        return
    _refused(project, path, capsys, rf"^{re.escape(str(path))}:tolk\.md#1: .*{said}.* — ")


def test_xliff_2_and_no_file_are_refused_with_a_message(project: Path, capsys) -> None:
    path = _export(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('version="1.2"', 'version="2.0"')
                    .replace("document:1.2", "document:2.0"), encoding="utf-8")
    _refused(project, path, capsys, rf"^{re.escape(str(path))}:2: XLIFF 2\.0 is not "
             "supported — export as XLIFF 1.2 from your CAT tool$")
    code, _, err = _import(project, "", capsys)
    assert code == 2 and err.startswith("make translation-import needs FILE=path/to/file.xlf "
                                        "— "), err


@pytest.mark.parametrize("edition", EDITIONS)
def test_pretty_printed_file_round_trips_unchanged(project: Path, capsys, edition: str) -> None:
    path = _export(project, edition, pages="")
    path.write_text(minidom.parse(str(path)).toprettyxml(indent="  "), encoding="utf-8")
    assert "<source>\n" in path.read_text(encoding="utf-8")  # really re-indented
    before = _digest(project)
    code, out, err = _import(project, path, capsys)
    assert code == 0 and out.endswith("nothing changed\n"), err
    assert _digest(project) == before


def test_pretty_printed_edit_lands_without_indentation(project: Path, capsys) -> None:
    path = _export(project, "en", pages="foraldrapenning.md")
    text = path.read_text(encoding="utf-8")
    unit = next(u for u in re.findall(r"<trans-unit.*?</trans-unit>", text, re.S)
                if re.search(r"<target[^>]*>You get <ph", u))
    path.write_text(text.replace(unit, unit.replace(">You get <ph", ">Each of you gets <ph")),
                    encoding="utf-8")
    path.write_text(minidom.parse(str(path)).toprettyxml(indent="  "), encoding="utf-8")
    original = (project / "docs/en/foraldrapenning.md").read_text(encoding="utf-8")
    code, _, err = _import(project, path, capsys)
    assert code == 0, err
    page = (project / "docs/en/foraldrapenning.md").read_text(encoding="utf-8")
    assert status_body(page) == status_body(original).replace("You get {{", "Each of you gets {{")


def status_body(text: str) -> str:
    return translation_status.split(text)[1]


def test_import_keeps_the_swedish_version_for_translation_diff(project: Path, capsys) -> None:
    page = project / "docs/sv/tolk.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Tolken kostar ingenting för dig.", "Tolken är gratis för dig."), encoding="utf-8")
    path = _export(project)
    _set_target(path, "tolk.md#4", "Turjubaanku waa lacag la'aan.")  # the needs-review unit
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'state="(new|needs-review-translation)"', 'state="translated"', text),
                    encoding="utf-8")
    code, out, err = _import(project, path, capsys)
    assert code == 0, err
    assert "docs/so/tolk.md: now records Swedish version" in out
    current = translation_status.source_hash(page.read_text(encoding="utf-8"))
    assert (project / "locales/sources/tolk" / f"{current}.md").is_file()
    page.write_text(page.read_text(encoding="utf-8").replace(
        "Tolken är gratis för dig.", "Tolken betalas av myndigheten."), encoding="utf-8")
    code, said = status.diff(project_file.load(project / "mkdocs.yml"), "tolk.md", "so")
    assert code == 0 and f"changed since version {current}" in said, said


def test_unknown_and_duplicate_ids_say_what_happened(project: Path, capsys) -> None:
    path = _export(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('id="tolk.md#3"', 'id="tolk.md#99"'), encoding="utf-8")
    _refused(project, path, capsys, rf"^{re.escape(str(path))}:tolk\.md#99: the unit "
             r"tolk\.md#99 is not one the export of tolk\.md wrote")
    unit = _unit(text, "tolk.md#3")
    path.write_text(text.replace(unit, unit + unit.replace("Waxaad", "Adiga")), encoding="utf-8")
    _refused(project, path, capsys, rf"^{re.escape(str(path))}:tolk\.md#3: the unit "
             r"tolk\.md#3 appears 2 times in the file — keep one")


def test_relabelled_edition_says_so(project: Path, capsys) -> None:
    path = _export(project)
    text = path.read_text(encoding="utf-8")
    relabelled = re.sub(r'(ns\d+:edition)="so"', r'\1="en"',
                        text.replace('target-language="so"', 'target-language="en"'))
    path.write_text(relabelled, encoding="utf-8")
    _refused(project, path, capsys, rf"^{re.escape(str(path))}:1: the file was exported for "
             "'so' \\(its name\\), but its language now says 'en'")
    renamed = path.with_name("from-agency.xlf")
    renamed.write_text(relabelled, encoding="utf-8")
    _refused(project, renamed, capsys, rf"^{re.escape(str(renamed))}:tolk\.md#1: this page "
             "was exported from docs/so/ .* but the file now names the edition 'en'")
    path.write_text(text.replace('target-language="so"', 'target-language="en"'),
                    encoding="utf-8")
    _refused(project, path, capsys, rf"^{re.escape(str(path))}:tolk\.md#1: target-language "
             "'en' names another language than the edition 'so'")


def test_imported_page_front_matter_passes_the_page_schema(project: Path, capsys) -> None:
    page = project / "docs/so/tolk.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "reviewed: 2026-11-23\n", "reviewed: 2026-11-23\nstatus: new\n"), encoding="utf-8")
    path = _export(project)
    _set_target(path, "tolk.md#1", "Xaqaaga")
    _refused(project, path, capsys, r"^docs/so/tolk\.md:5: front-matter key 'status' is not "
             "one a page may have")
