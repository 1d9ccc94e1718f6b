"""Publish data, not code (issue 29, item 2).

Every file in docs/ was copied into the site: docs/sv/x.js was served as /x.js, an
x.svg beside it with ``<script src="x.js">`` ran it when opened, and ``script-src 'self'``
allowed that. Now docs/ publishes only Markdown pages, raster images and PDF.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from klarinfo.publishing.published_files import refusal
from sitebuild import build, copy_project

FIX = "remove it; pages are Markdown, images PNG/JPEG/WebP/GIF, documents PDF"
PLANTED = {  # docs/… → (content, what the finding must say)
    "sv/x.js": (b"alert(document.domain)\n",
                f"docs/sv/x.js:1: a .js file in docs/ would be published and could run as "
                f"this site's script — {FIX}"),
    "so/x.html": (b"<!doctype html><script src='/x.js'></script>\n",
                  "docs/so/x.html:1: a .html file in docs/ would be published and could run "
                  "scripts as a page of this site"),
    "sv/x.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script href="x.js"/></svg>\n',
                 "docs/sv/x.svg:1: an SVG image in docs/ would be published and can carry "
                 "scripts that run as this site's (docs/ has no SVG so far) — convert it to "
                 "PNG or ask us"),
    "en/.htaccess": (b"Options +Indexes\n",
                     "docs/en/.htaccess:1: '.htaccess' is hidden"),
}


def _png() -> bytes:
    """A valid 1×1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def _plant(project: Path) -> None:
    for name, (content, _) in PLANTED.items():
        (project / "docs" / name).write_bytes(content)
    (project / "docs/sv/bild.png").write_bytes(_png())


def test_code_in_docs_fails_the_strict_build_and_is_never_published(tmp_path):
    project = copy_project(tmp_path / "project")
    _plant(project)

    strict = build(project, tmp_path / "strict")
    assert strict.returncode != 0
    for _, message in PLANTED.values():
        assert message in strict.output, message
    assert strict.output.count("docs/sv/x.js:1:") == 1, "reported once, not per edition"
    assert not (tmp_path / "strict").exists()

    preview = build(project, tmp_path / "preview", strict=False)  # warnings allowed
    assert preview.returncode == 0, preview.output
    published = {p.relative_to(preview.site).as_posix()
                 for p in preview.site.rglob("*") if p.is_file()}
    leaked = {p for p in published if p.rpartition("/")[2] in ("x.js", "x.html", "x.svg",
                                                                 ".htaccess")}
    assert not leaked, leaked
    assert (preview.site / "bild.png").read_bytes() == _png()
    assert "assets/klarinfo.css" in published, "the theme's own assets are unaffected"
    assert any(p.endswith(".js") for p in published), "the theme's scripts are unaffected"


def test_only_data_types_pass():
    def check(name: str, head: bytes = b"") -> str | None:
        finding = refusal(Path(name), head, f"docs/{name}")
        return None if finding is None else str(finding)

    assert check("sv/om.md") is None
    assert check("sv/bild.PNG", _png()[:16]) is None
    assert check("sv/foto.jpg", b"\xff\xd8\xff\xe0") is None
    assert check("sv/blankett.pdf", b"%PDF-1.7\n") is None
    assert check("sv/bild.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ") is None
    for name in ("sv/x.mjs", "sv/x.htm", "sv/x.css", "sv/x.xml", "sv/x.json", "sv/x.wasm",
                 "sv/Makefile", "sv/.hidden.png", "sv/.dir/om.md"):
        assert check(name, _png()[:16]), name
    renamed = check("sv/bild.png", b"<svg xmlns=")
    assert renamed and "this .png file is not a PNG image" in renamed


def test_finders_ds_store_is_left_alone():
    assert refusal(Path("sv/.DS_Store"), b"\x00\x00\x00\x01Bud1", "docs/sv/.DS_Store") is None
    assert refusal(Path("sv/.hidden"), b"", "docs/sv/.hidden") is not None
