"""Core checks behind the strict build's source findings (issue #13, section 3)."""

from __future__ import annotations

import pytest
from klarinfo.base import page_checks, text_files, yaml_lines
from klarinfo.base.errors import InputError
from klarinfo.examples import placeholders
from klarinfo.publishing import anchor_links

# --- placeholders nobody filled in ------------------------------------------------------


def test_every_spelling_of_an_unfilled_placeholder_is_found_outside_code():
    markdown = ("Intro.\n"
                "A {{ rules.NAMN }} b {{rules.x}} c {{ RULES.x }}\n"
                "`{{ shown as code }}` and {{ x }}\n"
                "```\n{{ in a fence }}\n```\n"
                "{{ rules.foo-bar }} and {{ site.x }}\n"
                "an opening {{ without its end\n")
    found = [(f.line, f.problem.split("'")[1]) for f in
             placeholders.unfilled(markdown, "docs/sv/x.md", first_line=5)]
    # {{rules.x}} and {{ site.x }} are well-formed: expand() reports their unknown names
    assert found == [(6, "{{ rules.NAMN }}"), (6, "{{ RULES.x }}"), (7, "{{ x }}"),
                     (11, "{{ rules.foo-bar }}"), (12, "{{ without its end")]


def test_code_is_not_prose_for_placeholders():
    assert placeholders.unfilled("`{{ a }}` ``{{ b ` }}``\n~~~\n{{ c }}\n~~~\n", "x") == []


def test_unfilled_braces_in_html_text_but_not_in_code():
    html = ('<h1>{{ t }}</h1><p>a <code>{{ c }}</code></p><pre>{{ p }}</pre>'
            '<img alt="{{ alt }}" src="x.png"><script>var a = "{{ s }}";</script>')
    assert placeholders.unfilled_in_html(html) == ["{{ t }}", "{{ alt }}"]


# --- front matter and empty pages -------------------------------------------------------

def test_front_matter_yaml_error_at_its_own_line():
    text = "---\ntitle: Tolk\ndescription: [oops\nreviewed: 2026-01-01\n---\n\n# Tolk\n"
    (finding,) = page_checks.front_matter(text, "docs/sv/tolk.md")
    assert finding.line == 3 and "YAML syntax error" in finding.problem
    text = "---\ntitle: Tolk\n  bad: indent\n---\n\nText.\n"
    assert page_checks.front_matter(text, "x.md")[0].line == 3


def test_front_matter_not_closed_or_not_a_mapping():
    assert "not closed" in page_checks.front_matter("---\ntitle: x\n\nText.\n", "x")[0].problem
    (finding,) = page_checks.front_matter("---\n- a\n- b\n---\n\nText.\n", "x")
    assert finding.line == 2 and "not key: value" in finding.problem
    assert page_checks.front_matter("---\ntitle: x\n---\n\nText.\n", "x") == []
    assert page_checks.front_matter("# No front matter\n", "x") == []


def test_a_translation_stub_and_an_empty_page_are_scaffolds():
    stub = ("---\ntitle: \ntranslation_of: tolk.md\n---\n\n"
            "<!-- sv (line 6):\n# Din rätt till tolk\n-->\n\n<!-- sv (line 8):\nDu har rätt.\n-->\n")
    assert page_checks.is_scaffold(stub)
    assert page_checks.is_scaffold(stub + "\n# Tolk\n\n## Källor\n")
    assert page_checks.is_scaffold("")
    assert not page_checks.is_scaffold(stub + "\nWaxaad xaq u leedahay.\n")
    assert not page_checks.is_scaffold("| a | b |\n|---|---|\n| 1 | 2 |\n")
    found = page_checks.empty_page(stub, "docs/so/tolk.md", False, "tolk.md", "so")
    assert found.line == 6 and "make new-translation PAGE=tolk.md EDITION=so" in found.fix
    found = page_checks.empty_page("---\ntitle: x\n---\n", "docs/sv/x.md", True, "x.md", "sv")
    assert found.line == 4 and "the page is empty" in found.problem


# --- links to missing anchors --------------------------------------------------------------

def test_mkdocs_anchor_message_gets_the_line_of_the_link():
    message = ("Doc file 'sv/x.md' contains a link 'tolk.md#nope', but the doc 'sv/tolk.md' "
               "does not contain an anchor '#nope'.")
    missing = anchor_links.parse(message)
    text = "---\ntitle: x\n---\n\nSee [tolk](tolk.md#nope).\n\n[again](tolk.md#nope)\n"
    finding = anchor_links.finding(missing, text, "docs/sv/x.md", "docs/sv/tolk.md")
    assert str(finding).startswith("docs/sv/x.md:5: the link 'tolk.md#nope' leads to "
                                   "docs/sv/tolk.md, which has no heading or element with the "
                                   "id 'nope' (also on line 7) — ")
    same = anchor_links.parse("Doc file 'so/x.md' contains a link '#nope', but there is no "
                              "such anchor on this page.")
    assert same.target is None and same.anchor == "nope"
    assert anchor_links.parse("Doc file 'x.md' contains a link 'y.md', but the target") is None


# --- files that are not UTF-8, YAML marks -----------------------------------------------------

def test_not_utf8_names_line_and_column_of_the_first_bad_byte():
    data = "rad ett\nrad två\n".encode() + "tredje är fel".encode("cp1252") + b"\n"
    with pytest.raises(InputError) as caught:
        text_files.decode(data, "glossary/x.yml")
    assert str(caught.value).startswith("glossary/x.yml:3: not UTF-8 text: byte 0xe4 in "
                                        "column 8 cannot be read — save the file as UTF-8")
    assert text_files.decode("\ufeffå".encode(), "x") == "å"  # a byte-order mark is fine


def test_yaml_error_inside_a_file_is_shifted_to_the_file_line():
    with pytest.raises(InputError) as caught:
        yaml_lines.load("a: 1\nb: 'open\n", "x.md", first_line=10)
    assert str(caught.value).startswith("x.md:11: YAML syntax error")


def test_windows_line_ends_are_read_as_mkdocs_reads_them():
    stub = b"---\r\ntitle: \r\n---\r\n\r\n<!-- sv (line 5):\r\nHej.\r\n-->\r\n"
    assert page_checks.is_scaffold(text_files.decode(stub, "x"))


def test_translation_front_matter_names_a_missing_key_never_none():
    from klarinfo.editions.translation_status import check_translation

    text = "---\ntitle: Tolk\nsource_hash: 7f6bd1d9577d\ntranslation_status:\n---\n\nText.\n"
    shown = [str(f) for f in check_translation(text, "docs/so/tolk.md", "tolk.md", "so")]
    assert shown[0].startswith("docs/so/tolk.md:2: translation_of is missing — write "
                               "translation_of: tolk.md")
    assert shown[1].startswith("docs/so/tolk.md:4: translation_status has no value — ")
