"""The page's title and description travel as units of their own (``page#title``,
``page#description``, first in each page): exported with the translation's current
values, needs review when the Swedish value changed, written back into the front matter
in place, and refused at file:unit when the page schema would refuse them."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from klarinfo.editions import translation_status as status
from klarinfo.exchange import cli, front_fields
from lxml import etree
from sitebuild import copy_project
from translate.storage import po

XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
PAGE, EDITION = "tolk.md", "so"


def _export(project: Path, fmt: str = "xliff", page: str = PAGE) -> Path:
    out = project / "out"
    assert cli.main(["--root", str(project), "export", "--edition", EDITION, "--pages", page,
                     "--format", fmt, "-o", str(out)]) == 0
    return out / f"klarinfo-{EDITION}.{'po' if fmt == 'po' else 'xlf'}"


def _units(path: Path) -> dict[str, etree._Element]:
    return {u.get("id"): u for u in etree.parse(str(path)).iter(f"{XLIFF}trans-unit")}


def _set_target(path: Path, ident: str, text: str, state: str = "translated") -> None:
    """What a translator does in a CAT tool: a new target for one unit."""
    if path.suffix == ".po":
        store = po.pofile.parsestring(path.read_bytes())
        unit = next(u for u in store.units if u.getcontext() == ident)
        unit.target = text
        unit.markfuzzy(state != "translated")
        path.write_bytes(bytes(store))
        return
    tree = etree.parse(str(path))
    unit = next(u for u in tree.iter(f"{XLIFF}trans-unit") if u.get("id") == ident)
    target = unit.find(f"{XLIFF}target")
    for child in list(target):
        target.remove(child)
    target.text = text
    target.set("state", state)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def _import(project: Path, path: Path, capsys) -> tuple[int, str]:
    code = cli.main(["--root", str(project), "import", str(path)])
    return code, capsys.readouterr().err


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*.md"))}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_title_and_description_come_first_with_the_current_translation(project: Path) -> None:
    units = _units(_export(project))
    ids = list(units)
    assert ids[:3] == [f"{PAGE}#title", f"{PAGE}#description", f"{PAGE}#1"]
    meta = status.front_matter((project / "docs/so" / PAGE).read_text("utf-8"), PAGE)
    description = units[f"{PAGE}#description"]
    assert description.find(f"{XLIFF}target").text == meta["description"]
    assert description.find(f"{XLIFF}target").get("state") == "translated"
    notes = [n.text for n in description.iter(f"{XLIFF}note")]
    assert "front matter: one plain sentence, at most 155 characters, no figures" in notes
    assert units[f"{PAGE}#title"].find(f"{XLIFF}target").text == meta["title"]
    store = po.pofile.parsestring(_export(project, "po").read_bytes())
    by_id = {u.getcontext(): u for u in store.units if not u.isheader()}
    assert by_id[f"{PAGE}#description"].target == meta["description"]
    assert not by_id[f"{PAGE}#description"].isfuzzy()


@pytest.mark.parametrize("fmt", ["xliff", "po"])
def test_changed_swedish_description_needs_review(project: Path, fmt: str) -> None:
    sv = project / "docs/sv" / PAGE
    sv.write_text(sv.read_text("utf-8").replace("Så får du en tolk.", "Så beställer du en tolk."),
                  encoding="utf-8")
    path = _export(project, fmt)
    if fmt == "po":
        by_id = {u.getcontext(): u for u in po.pofile.parsestring(path.read_bytes()).units}
        assert by_id[f"{PAGE}#description"].isfuzzy()
        assert not by_id[f"{PAGE}#title"].isfuzzy() and not by_id[f"{PAGE}#1"].isfuzzy()
        return
    states = {i: u.find(f"{XLIFF}target").get("state") for i, u in _units(path).items()}
    assert states[f"{PAGE}#description"] == "needs-review-translation"
    assert states[f"{PAGE}#title"] == states[f"{PAGE}#1"] == "translated"


def test_confirmed_description_is_written_in_place_and_recorded(project: Path,
                                                                capsys) -> None:
    """A new description replaces that value only: every other byte of the page stays."""
    sv = project / "docs/sv" / PAGE
    sv.write_text(sv.read_text("utf-8").replace("Så får du en tolk.", "Så beställer du en tolk."),
                  encoding="utf-8")
    page = project / "docs/so" / PAGE
    before = page.read_text("utf-8")
    old = status.front_matter(before, PAGE)["description"]
    path = _export(project)
    new = 'Xaqaaga turjubaan: "sida" loo dalbado.'
    _set_target(path, f"{PAGE}#description", new)
    code, err = _import(project, path, capsys)
    assert code == 0, err
    after = page.read_text("utf-8")
    assert after == before.replace(f'description: "{old}"',
                                   'description: "Xaqaaga turjubaan: \\"sida\\" loo dalbado."')
    assert status.front_matter(after, PAGE)["description"] == new
    again = _units(_export(project))[f"{PAGE}#description"].find(f"{XLIFF}target")
    assert (again.text, again.get("state")) == (new, "translated")  # the change is recorded


@pytest.mark.parametrize("fmt", ["xliff", "po"])
@pytest.mark.parametrize("bad, message", [
    ("Waxaad xaq u leedahay turjubaan. " * 6, r"at most 155 characters"),
    ("Waxaad xaq u leedahay 2 turjubaan.", r"has a figure"),
])
def test_description_the_schema_refuses_is_reported_at_its_unit(
        project: Path, capsys, fmt: str, bad: str, message: str) -> None:
    path = _export(project, fmt)
    _set_target(path, f"{PAGE}#description", bad)
    before = _digest(project / "docs")
    code, err = _import(project, path, capsys)
    assert code == 2, err
    assert re.search(rf"^{re.escape(str(path))}:{re.escape(PAGE)}#description: "
                     rf"front-matter 'description: .*{message}.* — ", err, re.M), err
    assert _digest(project / "docs") == before


def test_new_page_gets_the_translated_title_and_description(project: Path, capsys) -> None:
    (project / "docs/so" / PAGE).unlink()
    path = _export(project, "po")
    reference = _export(copy_project(project.parent / "reference"), "po")
    done = {u.getcontext(): u.target for u in po.pofile.parsestring(
        reference.read_bytes()).units if not u.isheader()}
    store = po.pofile.parsestring(path.read_bytes())
    for unit in store.units:
        if not unit.isheader():
            unit.target = done[unit.getcontext()]
    path.write_bytes(bytes(store))
    _set_target(path, f"{PAGE}#title", "Turjubaan: xaqaaga")
    _set_target(path, f"{PAGE}#description", "Sida aad u heli karto turjubaan.")
    code, err = _import(project, path, capsys)
    assert code == 0, err
    text = (project / "docs/so" / PAGE).read_text("utf-8")
    assert text.startswith('---\ntitle: "Turjubaan: xaqaaga"\n'
                           'description: "Sida aad u heli karto turjubaan."\n')
    assert "\n# Xaqaaga turjubaan\n" in text  # the heading is its own unit


def test_a_dropped_placeholder_in_a_description_is_refused(project: Path, capsys) -> None:
    """Locked codes are locked in a description as in any unit: exported as <ph>, and a
    target that drops one the current translation has is refused at the unit."""
    for edition, old in (("sv", "Så får du en tolk."), ("so", "heli karto.")):
        page = project / "docs" / edition / PAGE
        page.write_text(page.read_text("utf-8").replace(old, f"{old[:-1]} {{{{ site_name }}}}."),
                        encoding="utf-8")
    path = _export(project)
    assert re.search(r'<source>[^<]*<ph id="1">\{\{ site_name \}\}</ph>', path.read_text("utf-8"))
    _set_target(path, f"{PAGE}#description", "Sida aad turjubaan u heli karto.")
    code, err = _import(project, path, capsys)
    assert code == 2
    assert f"{path}:{PAGE}#description: protected code: '{{{{ site_name }}}}' is missing" \
        in err, err


def test_with_values_touches_only_the_keys_given() -> None:
    text = ("---\ntitle: Old\nreviewed: 2026-11-23\ndescription: >\n  two\n  lines\n\n"
            "source_hash: 30b675e64f33\n---\n\n# H\n")
    assert front_fields.with_values(text, {"description": 'a "b": c'}) == (
        '---\ntitle: Old\nreviewed: 2026-11-23\ndescription: "a \\"b\\": c"\n\n'
        "source_hash: 30b675e64f33\n---\n\n# H\n")
    missing = "---\ntitle: T\nsource_hash: 30b675e64f33\n---\nBody\n"
    assert front_fields.with_values(missing, {"description": "D"}) == (
        '---\ntitle: T\ndescription: "D"\nsource_hash: 30b675e64f33\n---\nBody\n')
    assert front_fields.with_values("Body\n", {"title": "T\u2028x\x7f"}) == (
        '---\ntitle: "T x\\u007f"\n---\n\nBody\n')
    assert front_fields.with_values(missing, {}) is missing
