"""The source scan and the HTML net of klarinfo.safety.markup, without a build."""

from __future__ import annotations

import markdown
import pytest
from klarinfo.editions.catalogs import markup_of
from klarinfo.editions.theme_strings import escaped
from klarinfo.safety.html_net import ALLOWED
from klarinfo.safety.markup import ESCAPED_CHARS, check_markdown, dangerous_url, sanitize_html
from selectolax.lexbor import LexborHTMLParser


@pytest.mark.parametrize("text", [
    "Ett värde `<script>` i kod.",
    "```html\n<iframe src=x></iframe>\n```",
    "~~~\n<script>x</script>\n~~~",
    "Läs mer på <https://www.forsakringskassan.se/> eller <info@example.org>.",
    "<!-- Svenska: Du har rätt till tolk. -->",
    "<!--\n<b>flera rader</b>\n-->",
    "Om a < b och 3 > 2.",
    "Ett \\*b* som är skyddat, och \\<!-- en kommentar -->.",
    "Ingen bild: \\![x](https://example.org/x.png)",
    "Citat.{ lang=en }",
    "Rubrik {: .viktig #forsta dir=rtl }",
    "![Diagram](bilder/diagram.png)",
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
    # disguises a browser reads as markup (issue #29)
    ("Ett \\<b> som såg skyddat ut.", 1, "raw HTML"),
    ("\\<img srcset=x onerror=alert(1)>", 1, "raw HTML"),
    ("<!--><img src=x onerror=alert(1)>-->", 1, "raw HTML"),
    ("<!---><img src=x onerror=alert(1)>-->", 1, "raw HTML"),
    ("<!-- a --!><img src=x onerror=alert(1)>", 1, "raw HTML"),
    ("Text\n<![CDATA[<img src=x onerror=alert(1)>]]>", 2, "raw HTML"),
    ("Text <img\nsrc=x onerror=alert(1)>", 1, "raw HTML"),
    ("Stycke\n{ #__config }", 2, "the theme or our scripts use"),
    ("Stycke\n{: #klarinfo-calc }", 2, "the theme or our scripts use"),
    ("Bild{: src=\"https://evil.example/x.png\" }", 1, "'src'"),
    ("[länk](tolk.md){: ping=https://evil.example/ }", 1, "'ping'"),
    ("Text{: rel=attachment }", 1, "'rel'"),
    ("Text{ hidden }", 1, "'hidden'"),
    ("Text{: srcset=\"https://evil.example/x.png 2x\" }", 1, "'srcset'"),
    ("Text{: poster=x.png }", 1, "'poster'"),
    ("![spår](https://evil.example/pixel.png)", 1, "another host"),
    ("![spår](//evil.example/pixel.png)", 1, "another host"),
])
def test_refused_constructs_name_the_line_and_become_inert(text, line, word):
    out, findings = check_markdown(text, "docs/so/x.md", first_line=1)
    assert findings and findings[0].line == line and word in findings[0].problem
    assert str(findings[0]).startswith(f"docs/so/x.md:{line}: ")
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "{ onclick" not in out and "](javascript" not in out.lower()
    assert "{ #__" not in out and "{: " not in out and "![spår](" not in out


def test_first_line_shifts_findings_past_front_matter():
    _, findings = check_markdown("x\n<b>y</b>", "docs/sv/x.md", first_line=5)
    assert findings[0].line == 6


def test_dangerous_url_sees_through_spelling():
    assert dangerous_url("java\tscript:alert(1)")
    assert dangerous_url("&#106;avascript:alert(1)")
    assert not dangerous_url("https://example.org/javascript:")
    assert not dangerous_url("../tolk/#javascript")


def _tree(html: str) -> list[tuple[str, dict]]:
    """Elements and attributes as a browser (the WHATWG algorithm, Lexbor) builds them."""
    return [(n.tag, dict(n.attributes)) for n in
            LexborHTMLParser("<body>" + html).body.traverse(include_text=False)
            if n.tag not in ("body", "-comment")]


def test_html_net_removes_what_runs_and_keeps_the_rest():
    html = ('<p onclick="x">Hej <a href="java&#115;cript:1">a</a> <a href="tolk/">b</a>'
            '<script>alert("<b>")</script><svg><animate attributeName="href" values="javascript:1"/>'
            '<rect x="1" y="2"/></svg><iframe srcdoc="<script>1</script>"></iframe></p>')
    out, removed = sanitize_html(html)
    tags = _tree(out)
    assert [t for t, _ in tags] == ["p", "a", "a", "svg", "rect"]
    assert all(not name.startswith("on") and "javascript" not in (value or "")
               for _, attrs in tags for name, value in attrs.items())
    assert '<a href="tolk/">b</a>' in out and ("rect", {"x": "1", "y": "2"}) in tags
    assert {"<script>", "<iframe>", "<animate>"} <= set(removed)


@pytest.mark.parametrize("html,problem", [
    # one comment to Python's HTMLParser, an empty comment and an <img> to a browser
    ('<p><!--><img src=x onerror=alert(1)>--></p>', "onerror="),
    ('<!--><meta http-equiv=refresh content="0;url=https://evil.example/">-->', "<meta>"),
    ('<!---><script src="/x.js"></script>-->', "<script>"),
    ('<p>x</p><body onload=alert(1)>', "onload="),
    ('<html lang=x manifest=/x>', "manifest="),
    ('<p id="__config">x</p>', "'__config'"),
    ('<h2 id="__search">x</h2>', "'__search'"),
    ('<p><img src="https://evil.example/pixel.png" alt=""></p>', "another host"),
    ('<p><img src="//evil.example/pixel.png" alt=""></p>', "another host"),
    ('<p><img src="x.png" srcset="https://evil.example/a.png 2x"></p>', "srcset="),
    ('<p><a href="tolk/" ping="https://evil.example/">x</a></p>', "ping="),
    ('<p><a rel="attachment" href="/proc/self/environ">x</a></p>', "rel="),
    ('<p style="position:fixed">x</p>', "style="),
    ('<title>x</title>', "<title>"),
    ('<svg><foreignObject><p>x</p></foreignObject></svg>', "<foreignObject>"),
    ('<svg><use href="https://evil.example/s.svg#a"/></svg>', "<use>"),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "<math>"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
     "<noscript>"),
    ('<video poster="https://evil.example/p.png"></video>', "<video>"),
])
def test_html_net_reads_as_a_browser_and_names_what_it_removes(html, problem):
    out, removed = sanitize_html(html)
    assert any(problem in r for r in removed), removed
    for tag, attrs in _tree(out):
        assert tag in ALLOWED, out
        assert not {"onerror", "onload", "ping", "rel", "style", "srcset", "manifest",
                    "http-equiv"} & set(attrs), out
        assert not attrs.get("id", "").startswith("__"), out
        assert "evil.example" not in attrs.get("src", ""), out


def test_html_net_keeps_our_own_output_byte_for_byte():
    html = ('<h2 id="kallor">Källor</h2><div class="klarinfo-calc" data-klarinfo-calc="{}" '
            'id="klarinfo-example-6"><svg viewBox="0 0 10 10" role="img" aria-labelledby="t">'
            '<title id="t">x</title><rect x="1" y="2" width="3" height="4" fill="#123"></rect>'
            '</svg><p><img src="../bilder/a.png" alt="A"> <a href="https://www.fk.se/">FK</a>'
            '</p></div><!-- Svenska: stycke -->')
    assert sanitize_html(html) == (html, [])


def test_escapes_are_python_markdowns():
    assert list(ESCAPED_CHARS) == markdown.Markdown().ESCAPED_CHARS


def test_markup_in_catalog_strings_is_found():
    assert markup_of("Sök & hitta") == []
    assert markup_of("<b>x</b> &lt;") == ["<b>", "</b>", "&lt;"]


def test_theme_strings_are_escaped_for_text_and_attributes():
    assert escaped("search.reset", 'Tirtir" onfocus="x') == "Tirtir&quot; onfocus=&quot;x"
    assert escaped("search.result.none", "Inga <b>träffar</b> & \"så\"") == \
        'Inga bträffar/b & "så"'
