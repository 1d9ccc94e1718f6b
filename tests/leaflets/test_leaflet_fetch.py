"""Issue 29, item 7: a leaflet reads only the built site, and no PDF carries a file of the
build machine.

Found by an attacker: ``<a rel=attachment href=/proc/self/environ>`` in a page put the
build machine's environment into a public PDF (``pdfdetach -list``). Three layers hold it
each on its own, and each is tested alone: the article refuses ``rel=attachment`` (read
by an HTML parser, in any quoting), the render refuses a document WeasyPrint would give
an attachment, and the fetcher serves only files inside the site and ``data:`` images.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from conftest import SITE_URL
from klarinfo.leaflets import article, compose
from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject
from sitebuild import ROOT

#: a 1×1 transparent PNG
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                       "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
#: what the attacker wrote, and its relatives: every way WeasyPrint reads a file
HOSTILE = ("<p><a rel=attachment href=/proc/self/environ>x</a> "
           "<a rel='attachment' href='/etc/passwd'>y</a></p>"
           "<link rel=attachment href=file:///etc/passwd>"
           "<img src=file:///etc/passwd alt=''>")


def environ() -> list[bytes]:
    """What ``/proc/self/environ`` gives this process: the environment it started with
    (a later ``setenv`` does not show there, so in-process tests look for these)."""
    return [e for e in Path("/proc/self/environ").read_bytes().split(b"\0") if len(e) >= 20]


@pytest.fixture
def canary(monkeypatch) -> str:
    """A value only the environment of a process started from here holds: found in a
    PDF that process made = its environ leaked."""
    value = f"klarinfo-canary-{uuid.uuid4().hex}"
    monkeypatch.setenv("KLARINFO_CANARY", value)
    return value


@pytest.fixture
def site(tmp_path) -> Path:
    """A built site in miniature, a secret beside it and a symlink out of it."""
    root = tmp_path / "site"
    (root / "tolk").mkdir(parents=True)
    (root / "assets").mkdir()  # the staff page's stylesheet goes there
    (root / "tolk" / "bild.png").write_bytes(PNG)
    (root / "tolk" / "ut.png").symlink_to("/etc/passwd")
    (root / "tolk" / "granne").symlink_to(tmp_path / "secret")
    (tmp_path / "secret").write_text("secret next to the site", encoding="utf-8")
    return root


def fetcher_of(site: Path):
    from klarinfo.leaflets.fetcher import SiteFetcher
    return SiteFetcher(site)


def everything_in(pdf: Path) -> bytes:
    """The PDF's bytes and every stream in it decompressed: an embedded file is a
    compressed stream, so searching the file alone would miss it."""
    reader = PdfReader(pdf)
    out = [pdf.read_bytes()]
    numbers = {(n, g) for g, table in reader.xref.items() for n in table}
    numbers |= {(n, 0) for n in reader.xref_objStm}
    for number, generation in numbers:
        obj = reader.get_object(IndirectObject(number, generation, reader))
        if isinstance(obj, StreamObject):
            out.append(obj.get_data())
    return b"\n".join(out)


def detached(pdf: Path) -> str:
    return subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True,
                          text=True, check=True).stdout


def hostile_document(body: str = HOSTILE) -> str:
    """A leaflet composed around ``body`` as if it had reached compose unchecked."""
    leaflet = compose.Leaflet(lang="sv", dir="ltr", url=SITE_URL + "tolk/", title="Tolk",
                              article=f"<h1>Tolk</h1>{body}", reviewed=None)
    return compose.html(leaflet, {}, "Klarinfo")


def test_fetcher_serves_files_of_the_site_and_inline_images(site):
    fetcher = fetcher_of(site)
    png = fetcher((site / "tolk" / "bild.png").as_uri() + "?v=1#x")
    assert png.read() == PNG and png.content_type == "image/png"
    png = fetcher((site / "tolk" / ".." / "tolk" / "bild.png").as_uri())
    assert png.read() == PNG
    data = fetcher("data:image/png;base64," + base64.b64encode(PNG).decode())
    assert data.read() == PNG
    qr = fetcher(compose.qr_svg(SITE_URL))  # the leaflet's own QR code
    assert b"<svg" in qr.read() and qr.content_type == "image/svg+xml"
    assert fetcher.refused == []


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "file:///proc/self/environ",
    "file://localhost/etc/passwd",
    "file://evil.example/etc/passwd",
    "{site}/../secret",
    "{site}/tolk/%2e%2e/%2e%2e/secret",
    "{site}/tolk/ut.png",  # a symlink inside the site, out of it
    "{site}/tolk/granne",
    "{site}x/tolk/bild.png",  # a sibling folder whose name starts like the site's
    "http://127.0.0.1/x.png",
    "https://example.org/x.png",
    "ftp://example.org/x.png",
    "data:text/html,<a rel=attachment href=/etc/passwd>x</a>",
    "data:,plain",
    "data:application/octet-stream;base64,AAAA",
])
def test_fetcher_refuses_everything_else_as_a_failed_fetch(site, url):
    from weasyprint.urls import URLFetchingError, fetch

    url = url.replace("{site}", site.as_uri())
    fetcher = fetcher_of(site)
    with pytest.raises(URLFetchingError), fetch(fetcher, url):  # what WeasyPrint sees
        pass
    assert len(fetcher.refused) == 1 and fetcher.refused[0].startswith(url[:60])
    assert fetcher.clear() and fetcher.refused == []


def test_a_missing_file_of_the_site_fails_as_before_without_a_refusal(site):
    fetcher = fetcher_of(site)
    with pytest.raises(FileNotFoundError):
        fetcher((site / "tolk" / "saknas.png").as_uri())
    assert fetcher.refused == []


@pytest.mark.parametrize("markup", [
    "<a rel=attachment href=/proc/self/environ>x</a>",
    "<a rel='attachment' href='/etc/passwd'>y</a>",
    "<a href=/etc/passwd REL='nofollow ATTACHMENT'>y</a>",
    "<link rel=attachment href=file:///etc/passwd>",
])
def test_article_refuses_attachments_in_any_quoting(markup):
    page = f'<article class="md-content__inner md-typeset"><h1>T</h1>{markup}</article>'
    with pytest.raises(article.Refused, match="rel=attachment"):
        article.article(page, SITE_URL + "tolk/")


def test_printable_finds_an_attachment_wherever_the_parser_puts_it():
    for body in ("<link rel=attachment href=file:///etc/passwd><h1>T</h1>",
                 "<h1>T</h1></body></html><link rel=attachment href=file:///etc/passwd>",
                 "<svg><a rel=attachment href=/etc/passwd><text>x</text></a></svg>"):
        with pytest.raises(article.Refused):
            article.printable(body, SITE_URL)


def test_article_makes_every_href_absolute_in_any_quoting():
    page = ('<article class="md-content__inner md-typeset"><h1>T</h1><p>'
            "<a href=../vald/>a</a> <a href='../om/'>b</a> <a href=\"#del\">c</a> "
            "<template><a href=../x/>hidden</a></template>"
            '<code>href="../kod/"</code></p></article>')
    out = article.article(page, SITE_URL + "so/tolk/")
    shown = '<span class="leaflet-address" dir="ltr">(klarinfo.example.org/so/{})</span>'
    assert out == (f'<h1>T</h1><p><a href="{SITE_URL}so/vald/">a</a> {shown.format("vald/")} '
                   f'<a href="{SITE_URL}so/om/">b</a> {shown.format("om/")} '
                   f'<a href="{SITE_URL}so/tolk/#del">c</a> '
                   '<code>href="../kod/"</code></p>')  # text is text, not an attribute


def test_the_probe_sees_the_leak_when_nothing_guards(tmp_path):
    """The attack as reported, with WeasyPrint's own fetcher and no check: the environ
    and /etc/passwd end up attached, and ``pdfdetach`` and ``everything_in`` see them (so
    the tests below cannot pass for want of looking)."""
    from weasyprint import HTML

    pdf = tmp_path / "leak.pdf"
    HTML(string=hostile_document(), base_url=str(tmp_path)).render().write_pdf(pdf)
    listing = detached(pdf)
    assert "environ" in listing and "passwd" in listing, listing
    data = everything_in(pdf)
    assert environ() and all(entry in data for entry in environ())
    assert b"root:x:0:0" in data


def test_the_fetcher_alone_keeps_the_machine_out_of_the_pdf(site, tmp_path):
    """The article check and the render check bypassed: WeasyPrint itself asks for every
    planted file, and the PDF it writes embeds none of them."""
    from weasyprint import HTML

    fetcher = fetcher_of(site)
    nested = ("<img alt='' src=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' "
              "xmlns:xlink='http://www.w3.org/1999/xlink'><image width='9' height='9' "
              "xlink:href='file:///etc/hostname'/></svg>\">"
              "<p style='background: url(file:///etc/os-release)'>z</p>"
              "<style>@import url(file:///etc/hosts);</style>")
    source = HTML(string=hostile_document(HOSTILE + nested), base_url=str(site / "tolk"),
                  url_fetcher=fetcher)
    pdf = tmp_path / "tolk-sv.pdf"
    source.render().write_pdf(pdf)
    assert "0 embedded files" in detached(pdf), detached(pdf)
    data = everything_in(pdf)
    assert not [entry for entry in environ() if entry in data]
    assert b"root:x:0:0" not in data and b"/EmbeddedFile" not in data
    refused = "\n".join(fetcher.refused)
    assert "file:///proc/self/environ: a file outside the built site" in refused
    assert "file:///etc/passwd: a file outside the built site" in refused
    for name in ("hostname", "os-release", "hosts"):  # inside an SVG image, CSS, @import
        assert f"file:///etc/{name}: a file outside the built site" in refused, refused


def test_the_render_check_alone_refuses_a_document_with_attachments(tmp_path):
    """WeasyPrint's own fetcher (reads any file) and no article check: the render check
    finds the attachments in WeasyPrint's own reading of the HTML and writes nothing."""
    from klarinfo.leaflets.build import Refused, write_pdf
    from weasyprint import HTML

    pdf = tmp_path / "tolk-sv.pdf"
    with pytest.raises(Refused) as err:
        write_pdf(HTML(string=hostile_document(), base_url=str(tmp_path)), pdf)
    assert not pdf.exists()
    what = "\n".join(err.value.what)
    assert "(<a rel=attachment>) of file:///proc/self/environ" in what
    assert "(<a rel=attachment>) of file:///etc/passwd" in what
    assert "(<link rel=attachment>)" in what


def test_planted_pages_get_no_leaflet_and_fail_the_build_naming_them(site, canary):
    """End to end through the CLI, as `make leaflets` runs it, on a site whose pages
    carry the attack (as if the HTML net had let it through): each planted page is named
    with what it asked for and how to fix it, gets no PDF (one from an earlier run goes
    too), and the clean page still
    gets its leaflet, with nothing attached."""
    page = ('<!doctype html><html lang="sv"><body><article class="md-content__inner '
            'md-typeset"><h1>{title}</h1><p>Text.</p>{body}</article></body></html>')
    planted = {"tolk": "<a rel=attachment href=/proc/self/environ>x</a>",
               "vald": "<a rel='attachment' href='/etc/passwd'>y</a>",
               "bostadsbidrag": "<link rel=attachment href=file:///etc/passwd>",
               "foraldrapenning": "<img src=file:///etc/passwd alt=''>"}
    for name, body in planted.items():
        (site / name).mkdir(exist_ok=True)
        (site / name / "index.html").write_text(page.format(title=name, body=body), "utf-8")
    (site / "tolk" / "tolk-sv.pdf").write_bytes(b"%PDF- from an earlier run")
    (site / "en" / "tolk").mkdir(parents=True)
    (site / "en" / "tolk" / "index.html").write_text(
        page.format(title="Interpreter", body='<p><img src="../../tolk/bild.png" alt=""></p>'),
        "utf-8")
    proc = subprocess.run([sys.executable, "-m", "klarinfo.leaflets.build", str(site),
                           "--config", str(ROOT / "mkdocs.yml")], cwd=ROOT, capture_output=True,
                          text=True, timeout=300,
                          env={**os.environ, "KLARINFO_SITE_URL": SITE_URL})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    for name in planted:
        assert f"{site / name / 'index.html'}: no leaflet: " in proc.stderr, proc.stderr
        assert not (site / name / f"{name}-sv.pdf").exists()
    lines = proc.stderr.splitlines()
    assert all(" — a leaflet takes only the page's text and the site's own files" in line
               for line in lines), proc.stderr
    assert any("tolk/index.html: no leaflet: the article has <a rel=attachment> of "
               "'/proc/self/environ'" in line for line in lines)
    assert any("foraldrapenning/index.html: no leaflet: it asks for file:///etc/passwd: a "
               "file outside the built site" in line for line in lines)
    made = site / "en" / "tolk" / "tolk-en.pdf"
    assert made.exists(), proc.stdout + proc.stderr
    assert "0 embedded files" in detached(made)
    for pdf in site.rglob("*.pdf"):
        assert canary.encode() not in everything_in(pdf)
