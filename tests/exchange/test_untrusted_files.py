"""#29 item 6: an exchange file from an agency writes only pages of its own edition.

The attack files are made the way an attacker would: the project's own export code with
a page path of their choosing (the CLI refuses such paths now, so the core functions),
one segment changed, so that without the checks the import really writes the target.
Every refusal is one ``file:unit`` (XLIFF) or ``file:line`` (PO, XML) line, exit 2, and
nothing outside ``docs/<edition>/`` (nor inside) changes."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from klarinfo.exchange import cli, formats, front_fields, model
from sitebuild import copy_project

ROOT = Path(__file__).resolve().parents[2]
THEME = "plugins/klarinfo/theme/main.html"


class _NoTerms:
    def find(self, text: str) -> list:
        return []


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "out" not in p.parts}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy with a planted theme template: Markdown the crafted file can match (so the
    import would really write it), where a build reads Jinja."""
    root = copy_project(tmp_path / "project")
    target = root / THEME
    target.parent.mkdir(parents=True)
    shutil.copy(root / "docs/so/tolk.md", target)
    return root


def _crafted(project: Path, page: str, fmt: str = "xliff", edition: str = "so") -> Path:
    """An exchange file for ``page`` whose first body segment was edited by the agency."""
    setup = model.Setup.load(project)
    exported = model.export_page(setup, edition, page, _NoTerms())
    next(u for u in exported.units if front_fields.key_of(u.id) is None).target += " planted"
    if fmt == "po":
        data, name = formats.write_po([exported], setup.default, edition), "evil.po"
    else:
        data, name = formats.write_xliff([exported], setup.default, edition,
                                         setup.languages[edition]), "evil.xlf"
    path = project / "out" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def _import(project: Path, path: Path, capsys) -> tuple[int, str]:
    code = cli.main(["--root", str(project), "import", str(path)])
    return code, capsys.readouterr().err


def test_original_naming_a_theme_template_is_refused(project: Path, capsys) -> None:
    before = _digest(project)
    path = _crafted(project, f"../../{THEME}")
    code, err = _import(project, path, capsys)
    assert code == 2, err
    assert re.search(rf"^{re.escape(str(path))}:\.\./\.\./{re.escape(THEME)}#1: the page path "
                     rf"'\.\./\.\./{re.escape(THEME)}' leaves docs/so/ \('\.\.'\) — name the "
                     "page as it is in docs/so/", err, re.M), err
    assert _digest(project) == before


def test_absolute_original_is_refused(project: Path, tmp_path: Path, capsys) -> None:
    outside = tmp_path / "outside.md"
    shutil.copy(project / "docs/so/tolk.md", outside)
    before, kept = _digest(project), outside.read_bytes()
    path = _crafted(project, str(outside))
    code, err = _import(project, path, capsys)
    assert code == 2, err
    assert f"{path}:{outside}#1: the page path '{outside}' is absolute — " in err, err
    assert outside.read_bytes() == kept and _digest(project) == before


def test_original_through_a_symlink_out_of_the_edition_is_refused(
        project: Path, tmp_path: Path, capsys) -> None:
    outside = tmp_path / "elsewhere" / "evil.md"
    outside.parent.mkdir()
    shutil.copy(project / "docs/so/tolk.md", outside)
    shutil.copy(project / "docs/sv/tolk.md", project / "docs/sv/evil.md")
    (project / "docs/so/evil.md").symlink_to(outside)
    before, kept = _digest(project), outside.read_bytes()
    path = _crafted(project, "evil.md")
    code, err = _import(project, path, capsys)
    assert code == 2, err
    assert f"{path}:evil.md#1: the page path 'evil.md' leads to {outside} through a " \
           "symbolic link, outside docs/so/ or to no .md file — " in err, err
    assert outside.read_bytes() == kept and _digest(project) == before


def test_po_header_path_escaping_is_refused_at_its_line(project: Path, capsys) -> None:
    before = _digest(project)
    path = _crafted(project, f"../../{THEME}", fmt="po")
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if f"../../{THEME}" in text)
    code, err = _import(project, path, capsys)
    assert code == 2, err
    assert f"{path}:{line}: the page path '../../{THEME}' leaves docs/so/ ('..') — " in err, err
    assert _digest(project) == before


def test_a_page_of_another_edition_in_the_same_file_is_refused(project: Path, capsys) -> None:
    """Each XLIFF <file> names its edition; one naming another edition than the file's
    (the last <file>'s) would be written into the wrong folder."""
    before = _digest(project)
    tolk = _crafted(project, "tolk.md").read_text(encoding="utf-8")
    path = _crafted(project, "vald.md")
    vald = path.read_text(encoding="utf-8")
    tolk_file = re.search(r"<file .*?</file>", tolk, re.S)
    assert tolk_file and 'ns0:edition="so"' in tolk_file.group()
    planted = tolk_file.group().replace('ns0:edition="so"', 'ns0:edition="en"')
    path.write_text(vald.replace("<file ", planted + "\n  <file ", 1), encoding="utf-8")
    code, err = _import(project, path, capsys)
    assert code == 2, err
    assert f"{path}:tolk.md#1: this page's <file> is for the edition 'en', the file for " \
           "'so' — one edition per file" in err, err
    assert _digest(project) == before


@pytest.mark.parametrize("pages", ["../../x.md", "/etc/passwd", "tolk.md,../sv-latt/tolk.md",
                                   "link.md"])
def test_export_refuses_pages_outside_the_swedish_folder(project: Path, pages: str,
                                                         capsys) -> None:
    (project / "x.md").write_text("# Hemligt\n\nInte en sida.\n", encoding="utf-8")
    (project / "docs/sv/link.md").symlink_to(project / "x.md")
    out = project / "out"
    code = cli.main(["--root", str(project), "export", "--edition", "so", "--pages", pages,
                     "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert re.search(r"^error: --pages \S+: the page path .* — ", err, re.M), err
    assert not out.exists()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="tolk.md" datatype="plaintext"><body><trans-unit id="tolk.md#1">
<source>&lol9;</source><target>&lol9;</target></trans-unit></body></file></xliff>
"""


def _truncated(project: Path) -> bytes:
    data = _crafted(project, "tolk.md").read_bytes()
    return data[:len(data) * 2 // 3]


@pytest.mark.parametrize(("name", "make", "line", "what"), [
    ("lolz.xlf", lambda p: BILLION_LAUGHS, 2, "the file declares a DOCTYPE"),
    ("big.xlf", lambda p: b"<xliff>" + b" " * (30 * 1024 * 1024) + b"</xliff>", 1,
     "more than the 20 MB an exchange file may have"),
    ("cut.xlf", _truncated, None, "not well-formed XML"),
    ("notxml.xlf", lambda p: b"msgid \"\"\nmsgstr \"\"\n", 1, "not well-formed XML"),
    ("empty.xlf", lambda p: b"", 1, "not"),
    ("other.xlf", lambda p: b"<html><body/></html>", 1, "not an XLIFF file"),
])
def test_bad_xml_is_one_line_and_exit_2(project: Path, capsys, name, make, line,
                                        what) -> None:
    path = project / "out" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(make(project))
    before = _digest(project)
    code, err = _import(project, path, capsys)
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    prefix = f"{path}:{line if line else ''}"
    assert err.startswith(prefix) and re.match(rf"{re.escape(str(path))}:\d+: .*{what}.* — ",
                                               err), err
    assert _digest(project) == before


def test_missing_file_is_one_line_and_exit_2(project: Path, capsys) -> None:
    path = project / "out" / "nothing.xlf"
    code, err = _import(project, path, capsys)
    assert code == 2 and err == f"{path}: no such file — give the path of the file the " \
        "agency sent back, e.g. make translation-import " \
        "FILE=reports/translation/klarinfo-so.xlf\n", err


def test_a_file_that_is_fine_still_imports(project: Path, capsys) -> None:
    """The checks let the ordinary round trip through (a control for the tests above)."""
    path = _crafted(project, "tolk.md")
    code, err = _import(project, path, capsys)
    assert code == 0, err
    assert "# Xaqaaga turjubaan planted\n" in (project / "docs/so/tolk.md").read_text("utf-8")
