"""Export → import with the real pages: unchanged files change nothing; an edited
segment changes the page; a broken placeholder, a missing segment and a stale Swedish
source are refused with file:segment errors and no page written."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from klarinfo.editions import translation_status
from klarinfo.exchange import cli, front_fields, model, segments
from sitebuild import copy_project

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = ("en", "ar", "so", "sv-latt")


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*.md"))}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("exchange"))


def _export(project: Path, edition: str, fmt: str = "xliff", pages: str = "") -> Path:
    out = project / "out"
    assert cli.main(["--root", str(project), "export", "--edition", edition, "--format", fmt,
                     "-o", str(out), *(["--pages", pages] if pages else [])]) == 0
    return out / f"klarinfo-{edition}.{'po' if fmt == 'po' else 'xlf'}"


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("fmt", ["xliff", "po"])
def test_unchanged_round_trip_changes_no_page(project: Path, edition: str, fmt: str) -> None:
    before = _digest(project / "docs")
    path = _export(project, edition, fmt)
    assert cli.main(["--root", str(project), "import", str(path)]) == 0
    assert _digest(project / "docs") == before


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_renders_back_exactly_from_its_units(edition: str) -> None:
    """What import writes when it does write: skeleton + exported targets == the page,
    and the front-matter units hold the page's own title and description."""
    setup = model.Setup.load(ROOT)
    for source in sorted((ROOT / "docs" / "sv").glob("*.md")):
        target = ROOT / "docs" / edition / source.name
        text = target.read_text(encoding="utf-8")
        _, merged, _ = model.cut(source.read_text(encoding="utf-8"), text)
        every = model.export_page(setup, edition, source.name, _NoTerms()).units
        units = [u for u in every if front_fields.key_of(u.id) is None]
        front = {front_fields.key_of(u.id): u.target for u in every if u not in units}
        # title and description carry the page's current values (import writes a value
        # only when it differs, so an unchanged file keeps the page byte for byte)
        assert front == front_fields.values(text, target.name) != {}, target
        assert merged is not None and len(merged.slots) == len(units)
        head, _ = model.body_of(text)
        assert head + merged.render([u.target for u in units]) == text, target


class _NoTerms:
    def find(self, text: str) -> list:
        return []


def test_segments_are_headings_paragraphs_items_cells_and_example_labels() -> None:
    page = segments.parse("# Rubrik {#id}\n\nEtt stycke\nmed två rader.\n\n- punkt ett\n"
                          "- punkt två\n\n| a | b |\n|---|---|\n| c | d |\n\n"
                          "```unverified-rules\nkey_one: En etikett\n```\n\n"
                          "```life-income\npreset: both-employed\n```\n")
    kinds = [(s.kind, s.text) for s in page.slots]
    assert kinds == [("h1", "Rubrik"), ("p", "Ett stycke\nmed två rader."),
                     ("li", "punkt ett"), ("li", "punkt två"), ("cell", "a"), ("cell", "b"),
                     ("cell", "c"), ("cell", "d"), ("label", "En etikett")]


def test_xliff_protects_placeholders_and_link_targets(project: Path) -> None:
    text = _export(project, "en", pages="foraldrapenning.md,tolk.md").read_text("utf-8")
    assert 'version="1.2"' in text
    assert re.search(r'<ph id="\d+">\{\{ rules\.parental_days_total \}\}</ph>', text)
    assert re.search(r'<ph id="\d+">\]\(tolk\.md\)</ph>', text)
    assert "Term: föräldrapenning → parental benefit" in text


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_edited_segment_changes_the_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = _export(project, "so", pages="tolk.md")
    _edit(path, 'id="tolk.md#1">\n        <source>Din rätt till tolk</source>\n        '
          '<target state="translated">Xaqaaga turjubaan</target>',
          'id="tolk.md#1">\n        <source>Din rätt till tolk</source>\n        '
          '<target state="translated">Xaqaaga turjubaanka</target>')
    assert cli.main(["--root", str(project), "import", str(path)]) == 0
    page = (project / "docs/so/tolk.md").read_text(encoding="utf-8")
    assert "\n# Xaqaaga turjubaanka\n" in page
    current = translation_status.source_hash(
        (project / "docs/sv/tolk.md").read_text(encoding="utf-8"))  # the Swedish version now
    assert "translation_status: draft" in page and f"source_hash: {current}" in page
    original = (ROOT / "docs/so/tolk.md").read_text(encoding="utf-8")
    assert page == original.replace("# Xaqaaga turjubaan\n", "# Xaqaaga turjubaanka\n")


def test_broken_placeholder_names_file_and_segment(tmp_path: Path, capsys) -> None:
    project = copy_project(tmp_path)
    path = _export(project, "en", fmt="po", pages="foraldrapenning.md")
    _edit(path, '"You get {{ rules.parental_days_total }} days',
          '"You get {{ rules.parental_days_total } days')
    before = _digest(project / "docs")
    assert cli.main(["--root", str(project), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert re.search(rf"{re.escape(str(path))}:foraldrapenning\.md#\d+: protected code: "
                     r"'\{\{ rules\.parental_days_total \}\}' is missing — ", err), err
    assert _digest(project / "docs") == before


def test_missing_segment_and_stale_source_are_refused(tmp_path: Path, capsys) -> None:
    project = copy_project(tmp_path)
    path = _export(project, "so", pages="tolk.md")
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'<trans-unit[^>]*id="tolk\.md#3".*?</trans-unit>', "", text, flags=re.S)
    path.write_text(text, encoding="utf-8")
    _edit(project / "docs/sv/tolk.md", "Tolken kostar ingenting för dig.",
          "Tolken är gratis för dig.")
    assert cli.main(["--root", str(project), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:tolk.md#3: the segment is missing from the file — " in err
    assert f"{path}:tolk.md#4: the Swedish text of tolk.md changed since export — " in err
