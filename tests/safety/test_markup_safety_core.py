"""The source scan and the HTML net of klarinfo.safety.markup, without a build."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from klarinfo.editions.catalogs import markup_of
from klarinfo.editions.theme_strings import escaped
from klarinfo.safety.markup import check_markdown, dangerous_url, sanitize_html


@pytest.mark.parametrize("text", [
    "Ett värde `<script>` i kod.",
    "```html\n<iframe src=x></iframe>\n```",
    "~~~\n<script>x</script>\n~~~",
    "Läs mer på <https://www.forsakringskassan.se/> eller <info@example.org>.",
    "<!-- Svenska: Du har rätt till tolk. -->",
    "<!--\n<b>flera rader</b>\n-->",
    "Om a < b och 3 > 2.",
    "Ett \\<b> som är skyddat.",
    "Rubrik {: .viktig #forsta }",
    "[Tolk](tolk.md#tolk) och [FK](https://www.forsakringskassan.se/)",
    "{{ rules.parental_days_total }} dagar",
])
def test_ordinary_markdown_passes_unchanged(text):
    out, findings = check_markdown(text, "docs/sv/x.md")
    assert findings == [] and out == text


@pytest.mark.parametrize("text,line,word", [
    ("Text\n\nHej <b>du</b>", 3, "raw HTML"),
    ("<img src=x onerror=alert(1)>", 1, "raw HTML"),
    ("- punkt\n    <script>alert(1)</script>", 2, "raw HTML"),
    ("<!DOCTYPE html>", 1, "raw HTML"),
    ("Klicka{ onclick=\"alert(1)\" }", 1, "'onclick'"),
    ("Text {: style=\"position:fixed\" }", 1, "'style'"),
    ("[x](javascript:alert(1))", 1, "link target"),
    ("[x](  JaVaScRiPt:alert(1))", 1, "link target"),
    ("[x](java&#115;cript:alert(1))", 1, "link target"),
    ("[x]: vbscript:msgbox(1)", 1, "link target"),
    ("![bild](data:text/html;base64,PHNjcmlwdD4=)", 1, "link target"),
])
def test_refused_constructs_name_the_line_and_become_inert(text, line, word):
    out, findings = check_markdown(text, "docs/so/x.md", first_line=1)
    assert findings and findings[0].line == line and word in findings[0].problem
    assert str(findings[0]).startswith(f"docs/so/x.md:{line}: ")
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "{ onclick" not in out and "](javascript" not in out.lower()


def test_first_line_shifts_findings_past_front_matter():
    _, findings = check_markdown("x\n<b>y</b>", "docs/sv/x.md", first_line=5)
    assert findings[0].line == 6


def test_dangerous_url_sees_through_spelling():
    assert dangerous_url("java\tscript:alert(1)")
    assert dangerous_url("&#106;avascript:alert(1)")
    assert not dangerous_url("https://example.org/javascript:")
    assert not dangerous_url("../tolk/#javascript")


def test_html_net_removes_what_runs_and_keeps_the_rest():
    html = ('<p onclick="x">Hej <a href="java&#115;cript:1">a</a> <a href="tolk/">b</a>'
            '<script>alert("<b>")</script><svg><animate attributeName="href" values="javascript:1"/>'
            '<rect x="1" y="2"/></svg><iframe srcdoc="<script>1</script>"></iframe></p>')
    out, removed = sanitize_html(html)
    tags: list[tuple[str, list]] = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append((tag, attrs))
    parser.handle_startendtag = parser.handle_starttag
    parser.feed(out)
    assert [t for t, _ in tags] == ["p", "a", "a", "svg", "rect"]
    assert all(not name.startswith("on") and "javascript" not in (value or "")
               for _, attrs in tags for name, value in attrs)
    assert '<a href="tolk/">b</a>' in out and '<rect x="1" y="2"/>' in out
    assert {"<script>", "<iframe>", "<animate>"} <= set(removed)


def test_markup_in_catalog_strings_is_found():
    assert markup_of("Sök & hitta") == []
    assert markup_of("<b>x</b> &lt;") == ["<b>", "</b>", "&lt;"]


def test_theme_strings_are_escaped_for_text_and_attributes():
    assert escaped("search.reset", 'Tirtir" onfocus="x') == "Tirtir&quot; onfocus=&quot;x"
    assert escaped("search.result.none", "Inga <b>träffar</b> & \"så\"") == \
        'Inga bträffar/b & "så"'
