"""Content never becomes code (issue #29): the vectors a hostile agency or a careless
communicator found beyond #13's list, planted in a copy of the real site.

The strict build must fail at each vector's line; a build that publishes anyway (the
preview's way) must hold none of them, read as a browser reads it: Lexbor (a WHATWG
parser) over the page, its embed view and its feed item, and Chromium where behaviour
matters (a refresh that leaves the page, a script that runs, a request to another host).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import serve
from selectolax.lexbor import LexborHTMLParser
from sitebuild import build, copy_project

#: (planted Markdown, a word of the finding) — each goes on a line of its own.
VECTORS = {
    "comment-img": ("<!--><img src=x onerror=alert('comment-img')>-->", "raw HTML"),
    "comment-refresh": ('<!--><meta http-equiv=refresh content="0;url=https://evil.example/">-->',
                        "raw HTML"),
    "comment-script": ('<!---><script src="/x.js"></script>-->', "raw HTML"),
    "backslash": ("\\<img srcset=\"https://evil.example/a.png 2x\" src=x "
                  "onerror=alert('backslash')>", "raw HTML"),
    "attachment": ("\\<a rel=attachment href=/proc/self/environ>miljö</a>", "raw HTML"),
    "config-id": ("Ett stycke om tolk.\n{ #__config }", "the theme or our scripts use"),
    "attr-src": ('Tolk{: src="https://evil.example/x.png" }', "'src'"),
    "attr-ping": ("[Läs mer](om.md){: ping=https://evil.example/ping }", "'ping'"),
    "foreign-image": ("![Tolk](https://evil.example/pixel.png)", "another host"),
}
STATUS = "x\"><img src=x onerror=alert('status')>"


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    project = copy_project(tmp_path_factory.mktemp("vectors"))
    page = project / "docs" / "sv" / "tolk.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    where: dict[str, int] = {}
    for name, (markdown, _) in VECTORS.items():
        lines += ["", *markdown.split("\n")]
        where[name] = len(lines)  # the vector's last line: where the construct is
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    other = project / "docs" / "sv" / "om.md"
    other.write_text(other.read_text(encoding="utf-8").replace(
        "---\n", "---\nstatus: '" + STATUS.replace("'", "''") + "'\n", 1), encoding="utf-8")
    return project, where


def test_each_vector_fails_the_strict_build_at_its_line(planted, tmp_path):
    project, where = planted
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    for name, line in where.items():
        findings = [row for row in result.output.splitlines()
                    if f"docs/sv/tolk.md:{line}:" in row]
        assert findings, f"{name}: nothing at docs/sv/tolk.md:{line}\n{result.output[-3000:]}"
        assert any(VECTORS[name][1] in row for row in findings), (name, findings)
    assert "docs/sv/om.md:2: front-matter key 'status'" in result.output
    assert not (tmp_path / "site").exists()


@pytest.fixture(scope="module")
def published(planted, tmp_path_factory) -> Path:
    project, _ = planted
    site = tmp_path_factory.mktemp("published") / "site"
    result = build(project, site, strict=False)
    assert result.returncode == 0, result.output[-3000:]
    return site


def _bodies(site: Path) -> dict[str, str]:
    """The page, its embed view and its feed item: what browsers, partners and feed
    readers parse."""
    feed = json.loads((site / "feed" / "sv.json").read_text(encoding="utf-8"))
    item = next(i for i in feed["items"] if i["url"].endswith("/tolk/"))
    return {"page": (site / "tolk" / "index.html").read_text(encoding="utf-8"),
            "embed": (site / "embed" / "tolk" / "index.html").read_text(encoding="utf-8"),
            "feed": item["content_html"]}


def test_what_is_published_holds_no_vector_as_a_browser_parses_it(published):
    for where, html in _bodies(published).items():
        tree = LexborHTMLParser(html)
        assert tree.css("img[onerror], [onerror], [ping], [srcset], [rel~=attachment]") == [], \
            where
        assert tree.css("meta[http-equiv]") == [], where
        assert tree.css('script[src="/x.js"]') == [], where
        assert len(tree.css("#__config")) <= 1, where  # the theme's own, on the page only
        loads = [n.attributes.get("src") or "" for n in tree.css("[src]")]
        assert not [src for src in loads if "evil.example" in src], (where, loads)
    om = (published / "om" / "index.html").read_text(encoding="utf-8")
    assert "md-status--" not in om and "onerror=alert('status')" not in om


@pytest.mark.browser
@pytest.mark.parametrize("path", ["tolk/", "embed/tolk/"])
def test_nothing_runs_redirects_or_calls_another_host_in_chromium(published, browser, path):
    (published / "x.js").write_text("alert('x.js')", encoding="utf-8")  # a same-origin script
    context = browser.new_context()
    requested: list[str] = []
    context.route("**/*", lambda route: (requested.append(route.request.url),
                                         route.continue_() if route.request.url.startswith(
                                             "http://127.0.0.1") else route.abort()))
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(published) as base:
        page.goto(base + path, wait_until="load")
        page.wait_for_timeout(1500)  # a refresh of 0 s would have left by now
        assert page.url == base + path
        assert dialogs == []
        assert not [url for url in requested if "evil.example" in url or url.endswith("/x.js")]
    context.close()
