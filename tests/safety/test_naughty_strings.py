"""Property: whatever text a communicator or an agency writes, the published site holds
no element or attribute that our templates and Markdown did not write (issue #29).

The Big List of Naughty Strings (blns, npm) and HTML fragments of known parser
differentials go through page text, titles, descriptions, a glossary definition and
catalog strings (theme.po, klarinfo.po). Hypothesis picks which string lands where; each
example is one real build that publishes despite findings (the preview's way), read as
a browser reads it (Lexbor, a WHATWG parser): every page, embed view, feed item and
oEmbed ``html``. What may appear is what a build of the untouched site writes plus the
Markdown vocabulary of the HTML net; every planted page line that is raw HTML to a
browser fails the strict build at that line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from klarinfo.safety.html_net import ALLOWED, GLOBAL_ATTRIBUTES
from selectolax.lexbor import LexborHTMLParser
from sitebuild import ROOT, build, copy_project

BLNS = ROOT / "node_modules" / "blns" / "resources" / "blns.json"
FRAGMENTS = [
    "<!--><img src=x onerror=alert(1)>-->",
    "<!---><meta http-equiv=refresh content=0;url=https://evil.example/>-->",
    "\\<img srcset=https://evil.example/a.png onerror=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></p></noscript>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "\"><img src=x onerror=alert(1)>",
    "'--><script src=/x.js></script>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<img\nsrc=x onerror=alert(1)>",
    "x{ #__config }",
    "x{: onclick=alert(1) }",
    "![p](https://evil.example/p.png)",
    "{{ config.extra }} {% include 'main.html' %}",
    "{n.__class__.__mro__}",
    "<base href=https://evil.example/>",
    "<form action=https://evil.example/><button>x</button></form>",
]
STRINGS = [s for s in json.loads(BLNS.read_text(encoding="utf-8")) if s.strip()] + FRAGMENTS
SLOTS = ("title", "title", "description", "description", "glossary", "theme.po",
         "klarinfo.po")


def _pairs(site: Path) -> set[tuple[str, str]]:
    """(element, attribute) pairs a browser builds from every page of ``site``, and from
    the HTML inside its feeds and oEmbed responses ("" for an element's own entry)."""
    documents = [p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html")]
    for feed in (site / "feed").glob("*.json"):  # JSON Feeds (and their schema)
        items = json.loads(feed.read_text(encoding="utf-8")).get("items", [])
        documents += [item.get("content_html", "") for item in items]
    for oembed in site.rglob("oembed.json"):
        documents.append(json.loads(oembed.read_text(encoding="utf-8")).get("html", ""))
    pairs: set[tuple[str, str]] = set()
    for html in documents:
        for node in LexborHTMLParser(html).root.traverse(include_text=False):
            if node.tag.startswith("-"):
                continue  # a comment is not an element
            pairs.add((node.tag, ""))
            pairs |= {(node.tag, name) for name in node.attributes}
    return pairs


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> set[tuple[str, str]]:
    """What our templates and Markdown write: the untouched site, and the net's
    vocabulary (no event handler, style or source attribute in it)."""
    project = copy_project(tmp_path_factory.mktemp("clean"))
    result = build(project, project / "site", strict=False, edition="so")
    assert result.returncode == 0, result.output[-3000:]
    allowed = {(tag, "") for tag in ALLOWED} | {
        (tag, name) for tag, names in ALLOWED.items() for name in names | GLOBAL_ATTRIBUTES}
    return _pairs(project / "site") | allowed


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("pristine"))


def _po(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found — the test needs updating"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _plant(project: Path, chosen: list[str]) -> None:
    """Every string on a line of new pages, the chosen ones in the other slots."""
    docs = project / "docs" / "sv"
    # the fragments on a page of their own: a BLNS line that opens a comment or a code
    # fence makes the rest of its page text (to Markdown and to the browser alike)
    for name, strings in (("prov", STRINGS), ("fragment", FRAGMENTS)):
        lines = ["---", f"title: {name}", "description: En provsida.", "reviewed: 2026-12-08",
                 "---", "", f"# {name}", ""]
        for text in strings:
            lines += [text.replace("\n", " "), ""]
        (docs / f"{name}.md").write_text("\n".join(lines), encoding="utf-8")
    for index, (slot, text) in enumerate(zip(SLOTS, chosen, strict=True)):
        page = docs / ("tolk.md", "vald.md", "om.md", "bostadsbidrag.md")[index % 4]
        if slot in ("title", "description"):
            body = page.read_text(encoding="utf-8")
            head, rest = body.split("\n---\n", 1)
            kept = [row for row in head.split("\n") if not row.startswith(f"{slot}:")]
            page.write_text("\n".join(kept) + f"\n{slot}: {json.dumps(text)}\n---\n" + rest,
                            encoding="utf-8")
        elif slot == "glossary":
            glossary = project / "glossary" / "allmant.yml"
            rows = glossary.read_text(encoding="utf-8").split("\n")
            at = next(i for i, row in enumerate(rows)
                      if row.strip().startswith("definition: Den myndighet som betalar ut"))
            rows[at] = rows[at].split("definition:")[0] + f"definition: {json.dumps(text)}"
            glossary.write_text("\n".join(rows), encoding="utf-8")
        else:
            po = project / "locales" / "so" / "LC_MESSAGES" / slot
            old = 'msgstr "Tirtir"' if slot == "theme.po" else 'msgstr "Qaamuuska erayada"'
            _replace(po, old, f'msgstr "{_po(text)}"')


@settings(max_examples=3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=st.lists(st.sampled_from(STRINGS), min_size=len(SLOTS), max_size=len(SLOTS)))
def test_no_naughty_string_becomes_markup(baseline, pristine, tmp_path_factory, chosen):
    project = tmp_path_factory.mktemp("naughty")
    for name in ("docs", "locales", "glossary", "data"):
        shutil.copytree(pristine / name, project / name)
    shutil.copy(pristine / "mkdocs.yml", project / "mkdocs.yml")
    _plant(project, chosen)
    # Swedish and Somali (the catalogs planted are Somali's): half the build's time
    result = build(project, project / "site", strict=False, edition="so")
    if result.returncode != 0:  # refused outright: it must say where
        assert ".po:" in result.output or ".yml:" in result.output or ".md:" in result.output, \
            result.output[-3000:]
        return
    extra = _pairs(project / "site") - baseline
    assert not extra, f"elements or attributes no template wrote: {sorted(extra)[:20]}"


def test_raw_html_lines_fail_the_strict_build_at_their_line(pristine, tmp_path):
    project = tmp_path / "p"
    for name in ("docs", "locales", "glossary", "data"):
        shutil.copytree(pristine / name, project / name)
    shutil.copy(pristine / "mkdocs.yml", project / "mkdocs.yml")
    _plant(project, ["x"] * len(SLOTS))
    text = (project / "docs" / "sv" / "fragment.md").read_text(encoding="utf-8").split("\n")
    result = build(project, project / "site", edition="so")
    assert result.returncode != 0
    for fragment in FRAGMENTS:
        if fragment.startswith(("{{", "{n.")):
            continue  # text, not markup: shown as written
        line = text.index(fragment.replace("\n", " ")) + 1
        assert f"docs/sv/fragment.md:{line}:" in result.output, (fragment, result.output[-2000:])
