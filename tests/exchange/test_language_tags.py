"""XLIFF ``target-language`` is a well-formed BCP 47 tag for every edition (``sv-latt``
is not one: ``sv-x-latt`` is), and the file still goes back into the right edition,
even when a CAT tool drops our ``k:edition`` attribute."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from babel import Locale
from klarinfo.exchange import cli, formats, model
from sitebuild import ROOT, copy_project
from translate.storage import xliff

#: ISO 15924 script codes as CLDR knows them (Latn, Arab, …).
SCRIPTS = Locale("en").scripts


def _valid(tag: str) -> bool:
    """RFC 5646 validity for the tags we make: a registered language, then only a
    private-use part. A tag that parses some other way is reported with what it means."""
    match = re.fullmatch(r"([a-z]{2,3})(-x(-[a-z0-9]{1,8})+)?", tag)
    return bool(match) and match.group(1) in Locale("en").languages


def test_sv_latt_is_no_valid_tag_but_sv_x_latt_is() -> None:
    # sv-latt is well-formed as language + script, but "Latt" is no script (Latn is).
    assert "Latn" in SCRIPTS and "Latt" not in SCRIPTS
    assert not _valid("sv-latt") and _valid("sv-x-latt")


def test_every_edition_has_a_well_formed_tag_that_maps_back() -> None:
    setup = model.Setup.load(ROOT)
    for edition in setup.editions:
        tag = formats.language_tag(edition, setup.languages[edition])
        assert _valid(tag), (edition, tag)
        assert tag.split("-")[0] == setup.languages[edition]
        assert formats.edition_of(tag) == edition
    assert formats.language_tag("sv-latt", "sv") == "sv-x-latt"
    assert formats.language_tag("so", "so") == "so"
    with pytest.raises(ValueError, match="no BCP 47 private-use tag"):
        formats.language_tag("sv-lättläst", "sv")


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*.md"))}


def test_sv_latt_file_is_tagged_sv_x_latt_and_round_trips(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "out"
    assert cli.main(["--root", str(project), "export", "--edition", "sv-latt",
                     "-o", str(out)]) == 0
    path = out / "klarinfo-sv-latt.xlf"
    store = xliff.xlifffile.parsestring(path.read_bytes())
    files = list(store.document.getroot().iterchildren(store.namespaced("file")))
    assert len(files) > 1
    assert {f.get("target-language") for f in files} == {"sv-x-latt"}
    assert {f.get("source-language") for f in files} == {"sv"}
    # A CAT tool that keeps only standard attributes: the tag alone names the edition.
    text = re.sub(r' ns\d+:edition="sv-latt"', "", path.read_text(encoding="utf-8"))
    assert "sv-latt\"" not in text
    path.write_text(text, encoding="utf-8")
    before = _digest(project / "docs")
    assert cli.main(["--root", str(project), "import", str(path)]) == 0
    assert _digest(project / "docs") == before
    assert formats.read_xliff(path.read_bytes()).edition == "sv-latt"
