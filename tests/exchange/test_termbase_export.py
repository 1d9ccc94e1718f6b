"""TBX, CSV and Vale exports hold every term form of every edition, deprecated marked;
the TBX is read back with translate-toolkit's reader (no TBX schema ships in any
installed package) and checked for its TBX-Basic structure."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from klarinfo.exchange import formats, termbase_export
from klarinfo.exchange.model import Setup
from lxml import etree
from sitebuild import copy_project
from test_language_tags import _valid
from translate.storage import tbx

ROOT = Path(__file__).resolve().parents[2]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_tbx_csv_and_vale_hold_every_term(tmp_path: Path) -> None:
    assert termbase_export.main(["--root", str(ROOT), "-o", str(tmp_path)]) == 0
    setup = Setup.load(ROOT)
    rows = termbase_export.rows(setup)
    deprecated = [r for r in rows if r[3] == "deprecated"]
    assert deprecated and len({r[0] for r in rows}) == len(setup.termbase.terms)
    data = (tmp_path / "klarinfo.tbx").read_bytes()
    store = tbx.tbxfile.parsestring(data)
    assert {u.getid() for u in store.units} == {t.id for t in setup.termbase.terms}
    root = etree.fromstring(data)
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    found = {(e.get("id"), formats.edition_of(ls.get(XML_LANG)),
              tig.findtext("term"), tig.findtext("termNote[@type='administrativeStatus']"))
             for e in root.iter("termEntry") for ls in e.iter("langSet")
             for tig in ls.iter("tig")}
    assert found == {(i, e, t, termbase_export.STATUS[s]) for i, e, t, s in rows}
    csv_lines = (tmp_path / "klarinfo.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_lines) == len(rows) + 1
    for term_id, edition, text, status in rows:
        vocab = tmp_path / "vale/config/vocabularies" / f"klarinfo-{edition}"
        listed = (vocab / ("reject.txt" if status == "deprecated" else "accept.txt")
                  ).read_text(encoding="utf-8").splitlines()
        assert termbase_export._regex(text) in listed, (term_id, edition, text)
    assert not (tmp_path / "vale/Vocab").exists()  # Vale 3 no longer reads it
    assert "Social Insurance Office" in (tmp_path / "vale/config/vocabularies/klarinfo-en/"
                                         "reject.txt"
                                         ).read_text(encoding="utf-8")


FORMULAS = ["=HYPERLINK(\"http://evil.example\")", "+1+2", "-2+3", "@SUM(A1)"]


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    """#29 item 8: a term starting with = + - @ tab or CR is a formula in Excel and
    LibreOffice; the CSV gives it a leading ' so it stays text (OWASP CSV injection)."""
    project = copy_project(tmp_path / "project")
    path = project / "glossary" / "allmant.yml"
    text = path.read_text(encoding="utf-8")
    listed = "".join(f"\n        - {json.dumps(f)}" for f in FORMULAS)
    old = "      deprecated:\n        - Social Insurance Office"
    assert old in text
    path.write_text(text.replace(old, old + listed, 1), encoding="utf-8")
    out = tmp_path / "out"
    assert termbase_export.main(["--root", str(project), "-o", str(out)]) == 0
    with (out / "klarinfo.csv").open(encoding="utf-8", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    for formula in FORMULAS:
        assert f"'{formula}" in cells, formula
        assert formula not in cells, formula
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "Social Insurance Office" in cells  # ordinary text is left alone


def test_tab_and_cr_cells_are_neutralised_too() -> None:
    """The termbase strips terms, so a leading tab or CR cannot come from glossary/ today;
    the CSV writer does not rely on that."""
    assert termbase_export.inert("\tcmd") == "'\tcmd"
    assert termbase_export.inert("\r=cmd") == "'\r=cmd"
    assert termbase_export.inert("Tolk") == "Tolk"


def test_tbx_has_definitions_and_bcp47_language_tags(tmp_path: Path) -> None:
    """#30: each language's definition is in its langSet (TBX-Basic descrip, before the
    terms), and xml:lang is a valid BCP 47 tag: sv-x-latt, never the edition id sv-latt
    (checked against CLDR's registered languages, as tests/exchange/test_language_tags.py
    does; no TBX-Basic schema is available from the registries we can reach)."""
    assert termbase_export.main(["--root", str(ROOT), "-o", str(tmp_path)]) == 0
    setup = Setup.load(ROOT)
    root = etree.fromstring((tmp_path / "klarinfo.tbx").read_bytes())
    tags = {ls.get(XML_LANG) for ls in root.iter("langSet")}
    assert "sv-x-latt" in tags and "sv-latt" not in tags
    assert all(_valid(tag) for tag in tags), tags
    for term in setup.termbase.terms:
        entry = root.find(f".//termEntry[@id='{term.id}']")
        for edition, form in term.entries.items():
            tag = formats.language_tag(edition, setup.languages[edition])
            lang_set = entry.find(f"langSet[@{{{XML_LANG[1:].split('}')[0]}}}lang='{tag}']")
            assert lang_set is not None, (term.id, edition)
            assert lang_set[0].tag == "descrip" and lang_set[0].get("type") == "definition"
            assert lang_set[0].text == form.definition, (term.id, edition)
