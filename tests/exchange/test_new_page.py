"""A page an edition does not have yet, end to end: export marks its segments new
(XLIFF ``state="new"``, PO empty ``msgstr``), its title and description too; the agency
fills them; import creates the page with the front matter other translations have, the
translated description included, and the edition builds strictly."""

from __future__ import annotations

import copy
import re
from html import escape as html_escape
from pathlib import Path

from klarinfo.editions import translation_status as status
from klarinfo.exchange import cli
from lxml import etree
from sitebuild import ROOT, build, copy_project
from translate.storage import po

XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
PAGE, EDITION = "tolk.md", "so"


def _export(root: Path, out: Path, fmt: str) -> Path:
    assert cli.main(["--root", str(root), "export", "--edition", EDITION, "--pages", PAGE,
                     "--format", fmt, "-o", str(out)]) == 0
    return out / f"klarinfo-{EDITION}.{'po' if fmt == 'po' else 'xlf'}"


def _units(path: Path) -> dict[str, etree._Element]:
    tree = etree.parse(str(path))
    return {u.get("id"): u for u in tree.iter(f"{XLIFF}trans-unit")}


def _fill_xliff(empty: Path, filled_from: Path) -> None:
    """What a CAT tool returns: every target filled (the agency's Somali is the real
    page's, so the strict build's language and readability checks see real Somali)."""
    tree = etree.parse(str(empty))
    done = _units(filled_from)
    for unit in tree.iter(f"{XLIFF}trans-unit"):
        target = unit.find(f"{XLIFF}target")
        assert target.get("state") == "new" and not "".join(target.itertext())
        filled = copy.deepcopy(done[unit.get("id")].find(f"{XLIFF}target"))
        filled.set("state", "translated")
        unit.replace(target, filled)
    tree.write(str(empty), xml_declaration=True, encoding="UTF-8")


def _fill_po(empty: Path, filled_from: Path) -> None:
    store = po.pofile.parsestring(empty.read_bytes())
    done = {u.getcontext(): u.target for u in po.pofile.parsestring(
        filled_from.read_bytes()).units if not u.isheader()}
    for unit in store.units:
        if not unit.isheader():
            assert unit.target == ""
            unit.target = done[unit.getcontext()]
    empty.write_bytes(bytes(store))


def test_missing_page_is_created_with_front_matter_and_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / EDITION / PAGE).unlink()
    pages = {}
    for fmt, fill in (("xliff", _fill_xliff), ("po", _fill_po)):
        reference = _export(ROOT, tmp_path / "reference", fmt)
        path = _export(project, tmp_path / fmt, fmt)
        fill(path, reference)
        assert cli.main(["--root", str(project), "import", str(path)]) == 0
        pages[fmt] = (project / "docs" / EDITION / PAGE).read_text(encoding="utf-8")
        (project / "docs" / EDITION / PAGE).unlink()
    assert pages["xliff"] == pages["po"]
    page = pages["xliff"]
    (project / "docs" / EDITION / PAGE).write_text(page, encoding="utf-8")

    source = (project / "docs/sv" / PAGE).read_text(encoding="utf-8")
    original = (ROOT / "docs" / EDITION / PAGE).read_text(encoding="utf-8")
    description = status.front_matter(original, PAGE)["description"]  # the agency's
    meta = status.front_matter(page, PAGE)
    assert meta == {"title": "Xaqaaga turjubaan", "description": description,
                    "translation_of": PAGE, "source_hash": status.source_hash(source),
                    "translation_status": "draft"}, meta
    assert status.split(page)[1] == status.split(original)[1]  # the body, exactly

    result = build(project, tmp_path / "site", edition=EDITION)
    assert result.returncode == 0, result.output
    html = (tmp_path / "site" / EDITION / "tolk" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Xaqaaga turjubaan\b", html)
    assert re.search(r"<h1[^>]*>Xaqaaga turjubaan", html)  # the Somali page, not Swedish
    assert f'<meta name="description" content="{html_escape(description)}"' in html
