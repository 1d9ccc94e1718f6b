"""Script from content or catalogs never runs on our origin (issue #13, section 1).

Each vector gets a payload that would open a dialog named after it. Vectors that are
ordinary text (a title, a glossary definition, a parent's name in an example, a quote
in a catalog string) must come out escaped and the strict build must pass; vectors
that are markup where none belongs (raw HTML, event-handler attributes, script links,
markup in a msgstr, a bad example value) must fail the strict build naming the file
and line, and still be inert in the `make site` preview. Both are checked in Chromium.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser import serve
from sitebuild import build, copy_project

ALERT = "<img src=x onerror=alert('{name}')>"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found — the fixture needs updating"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# -- text that must come out escaped ---------------------------------------------------

@pytest.fixture(scope="module")
def escaped(tmp_path_factory) -> tuple[Path, Path, object]:
    project = copy_project(tmp_path_factory.mktemp("escaped"))
    docs = project / "docs"
    # front-matter title and description (menu, <title>, <meta content>, oEmbed link)
    _replace(docs / "sv" / "tolk.md", "title: Din rätt till tolk",
             'title: "Tolk ' + ALERT.format(name="title") + '"\n'
             "description: 'Beskrivning\" onmouseover=\"alert(1)\" x=\"" +
             ALERT.format(name="description").replace("'", "''") + "'")
    # a title taken from the first heading: entities that striptags would decode
    (docs / "sv" / "prov.md").write_text(
        "---\nreviewed: 2026-11-29\ndescription: En kort provsida.\n---\n\n"
        "# Prov &lt;/title&gt;&lt;script&gt;alert('heading')&lt;/script&gt;\n\n"
        "Det här är en kort sida. Den finns bara för ett test.\n", encoding="utf-8")
    # a glossary definition and an admitted name (glossary page, popovers, embed view)
    _replace(project / "glossary" / "allmant.yml",
             "definition: Den myndighet som betalar ut pengar",
             "definition: " + ALERT.format(name="glossary").replace("'", "") +
             " Den myndighet som betalar ut pengar")
    # a quote in a catalog string printed inside an attribute (title="…", aria-label="…")
    _replace(project / "locales" / "so" / "LC_MESSAGES" / "theme.po",
             'msgstr "Tirtir"',
             'msgstr "Tirtir\\" onfocus=\\"alert(\'po-attribute\')\\" x=\\""')
    # a parent's name in a worked example
    _replace(docs / "sv" / "foraldrapenning.md", "```life-income\npreset: both-employed\n```",
             "```life-income\npreset: both-employed\nparents:\n"
             "  - {name: \"" + ALERT.format(name="label") + "\", monthly_income: 28000}\n"
             "  - {name: Kim, monthly_income: 36000}\n```")
    site = project / "site"
    result = build(project, site)
    return project, site, result


def test_escaped_text_keeps_the_strict_build_green(escaped):
    _, site, result = escaped
    assert result.returncode == 0, result.output[-3000:]
    html = (site / "tolk" / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(&#x27;title&#x27;)&gt;" in html
    assert 'onmouseover="alert' not in html
    prov = (site / "prov" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert('heading')" not in prov
    so = (site / "so" / "tolk" / "index.html").read_text(encoding="utf-8")
    assert 'autofocus onfocus="alert' not in so


@pytest.mark.browser
@pytest.mark.parametrize("path,visible", [
    ("tolk/", "onerror=alert('title')"),
    ("embed/tolk/", "onerror=alert('title')"),
    ("prov/", "alert('heading')"),
    ("embed/prov/", "alert('heading')"),
    ("ordlista/", "onerror=alert(glossary)"),
    ("embed/ordlista/", "onerror=alert(glossary)"),
    ("so/tolk/", None),
    ("foraldrapenning/", "onerror=alert('label')"),
    ("embed/foraldrapenning/", "onerror=alert('label')"),
])
def test_escaped_payloads_do_not_run_in_chromium(escaped, chromium_page, path, visible):
    _, site, result = escaped
    assert result.returncode == 0, result.output[-3000:]
    with serve(site) as base:
        _assert_inert(chromium_page, base + path, visible)


def test_popover_definition_is_escaped(escaped):
    _, site, _ = escaped
    html = (site / "tolk" / "index.html").read_text(encoding="utf-8")
    assert "klarinfo-term__definition" in html
    assert "<img src=x onerror=alert(glossary)>" not in html


# -- markup that must be refused -------------------------------------------------------

@pytest.fixture(scope="module")
def refused(tmp_path_factory) -> tuple[Path, dict[str, int], object]:
    project = copy_project(tmp_path_factory.mktemp("refused"))
    docs, where = project / "docs", {}
    # raw HTML in a translated page (main page and embed view)
    # (sv-latt: the strict build stops after the first edition with findings)
    raw_page = docs / "sv-latt" / "om.md"
    _replace(raw_page, "\n## ", "\nQoraal " + ALERT.format(name="raw-html") +
             " <script>alert('raw-script')</script>\n\n## ")
    where["docs/sv-latt/om.md"] = _line_of(raw_page, "raw-html")
    # an event handler through an attribute list, and a script link
    latt_page = docs / "sv-latt" / "tolk.md"
    _replace(latt_page, "\n## ", "\nClick here.{ onclick=\"alert('attr-list')\" }\n\n"
             "[Read more](javascript:alert('link')) and [more](java&#115;cript:alert('ent'))"
             "\n\n## ")
    where["docs/sv-latt/tolk.md"] = _line_of(latt_page, "attr-list")
    where["docs/sv-latt/tolk.md#link"] = _line_of(latt_page, "javascript:")
    # markup in catalog strings: Material's interface (theme) and our own (klarinfo)
    theme_po = project / "locales" / "so" / "LC_MESSAGES" / "theme.po"
    _replace(theme_po, 'msgstr "Ku saabsan boggan"',
             'msgstr "' + ALERT.format(name="po-theme") + '"')
    where["locales/so/LC_MESSAGES/theme.po"] = _line_of(theme_po, "po-theme") - 1
    klarinfo_po = project / "locales" / "so" / "LC_MESSAGES" / "klarinfo.po"
    _replace(klarinfo_po, 'msgstr "Qaamuuska erayada"',
             'msgstr "Qaamuus ' + ALERT.format(name="po-klarinfo") + '"')
    where["locales/so/LC_MESSAGES/klarinfo.po"] = _line_of(klarinfo_po, "po-klarinfo") - 1
    # a bad value in a worked example: its error text is shown on the page
    sv_page = docs / "sv" / "bostadsbidrag.md"
    _replace(sv_page, "taxed_income: 230000",
             "taxed_income: \"" + ALERT.format(name="example-error") + "\"")
    where["docs/sv/bostadsbidrag.md"] = _line_of(sv_page, "example-error")
    return project, where, build(project, project / "site")


def test_refused_markup_fails_the_strict_build_with_file_and_line(refused):
    _, where, result = refused
    assert result.returncode != 0
    for path, line in where.items():
        shown = f"{path.split('#')[0]}:{line}:"
        assert shown in result.output, f"no finding at {shown}\n{result.output[-4000:]}"
    assert not (refused[0] / "site").exists(), "a failed build must not publish a site"


@contextmanager
def _mkdocs_serve(project: Path) -> Iterator[str]:
    """`make site` as communicators run it: warnings, not failures, and a live site."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
         "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
             "KLARINFO_SITE_URL": "https://klarinfo.example.org/",
             **{k: v for k, v in __import__("os").environ.items()
                if k in ("PYTHONPATH", "HOME", "LANG")}})
    lines: list[str] = []
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                raise AssertionError("mkdocs serve ended:\n" + "".join(lines[-40:]))
            lines.append(line)
            if "Serving on" in line:
                break
        else:
            raise AssertionError("mkdocs serve did not start:\n" + "".join(lines[-40:]))
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.browser
def test_refused_markup_is_inert_in_the_preview(refused, chromium_page):
    project, _, _ = refused
    with _mkdocs_serve(project) as base:
        for path, visible in [("sv-latt/om/", "onerror=alert('raw-html')"),
                              ("embed/sv-latt/om/", "onerror=alert('raw-html')"),
                              ("sv-latt/tolk/", None), ("embed/sv-latt/tolk/", None),
                              ("so/", None), ("so/ordlista/", None),
                              ("bostadsbidrag/", None)]:
            _assert_inert(chromium_page, base + path, visible)
        links = chromium_page.evaluate(
            "() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
        assert links  # the last page was read
        chromium_page.goto(base + "sv-latt/tolk/")
        hrefs = chromium_page.evaluate(
            "() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href') || '')")
        assert not [h for h in hrefs if re.match(r"\s*(java|vb)", h, re.I)], hrefs
        assert chromium_page.evaluate("() => document.querySelectorAll('[onclick]').length") == 0


@pytest.fixture
def chromium_page(browser):
    """A fresh Chromium tab that records every dialog a script opens."""
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith("http://127.0.0.1") else route.abort())
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


def _assert_inert(page, url: str, visible: str | None) -> None:
    dialogs = page.dialogs
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.mouse.move(200, 200)
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    assert dialogs == [], f"{url}: script ran: {dialogs}"
    injected = page.evaluate(
        "() => document.querySelectorAll('img[src=\"x\"], [onerror], [onfocus], [onmouseover],"
        " [onclick]').length")
    assert injected == 0, url
    if visible:
        text = page.evaluate("() => document.documentElement.textContent")
        assert visible in text, f"{url}: the payload should show as text"
