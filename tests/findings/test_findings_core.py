"""Issue 22: findings as data — parsed from the lines we log, as SARIF, in the preview."""

from __future__ import annotations

import json
import logging
from importlib import metadata
from pathlib import Path

import jsonschema
from klarinfo.editions import translator
from klarinfo.findings import Collector, Item, collect, panel, preview, sarif, tag

SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0-rtm.5.json").read_text("utf-8"))
EDITIONS = ("sv", "en", "ar")


def test_parse_path_line_what_fix():
    item = collect.parse("klarinfo: docs/sv/tolk.md:19: “FK” is not approved — write “X”",
                         "warning", "glossary.deprecated", "FK", EDITIONS)
    assert item == Item("glossary.deprecated", "warning", "sv", "docs/sv/tolk.md", 19,
                        "“FK” is not approved", "write “X”", "FK")
    whole = collect.parse("glossary/allmant.yml: bad — fix it", editions=EDITIONS)
    assert (whole.path, whole.line, whole.edition, whole.kind) == (
        "glossary/allmant.yml", None, None, "other")
    assert collect.parse("readability: 1 of 18 pages fail: docs/sv/tolk.md") is None
    assert collect.parse("previewing the en edition only (and the Swedish source)") is None


def test_collector_keeps_log_output_and_reads_tags(caplog):
    logger = logging.getLogger("mkdocs.plugins.klarinfo-test")
    collector = Collector(lambda: EDITIONS)
    logger.addHandler(collector)
    try:
        with caplog.at_level(logging.INFO, logger=logger.name):
            logger.warning("docs/en/a.md:3: too long — split it", **tag("readability.sentence",
                                                                         "A long one."))
            logger.warning("docs/en/a.md:3: too long — split it")  # the same finding again
            logger.info("docs/ar/b.md:1: outdated — see the diff")
            logger.warning("a summary that names no file")
    finally:
        logger.removeHandler(collector)
    assert [r.getMessage() for r in caplog.records][0] == "docs/en/a.md:3: too long — split it"
    assert [(i.kind, i.level, i.edition, i.line, i.span) for i in collector.items] == [
        ("readability.sentence", "warning", "en", 3, "A long one."),
        ("other", "note", "ar", 1, None)]
    assert collector.for_page("docs/ar/b.md") == collector.items[1:]


def test_sarif_is_schema_valid_with_a_rule_per_kind():
    items = [Item("glossary.deprecated", "warning", "sv", "docs/sv/a.md", 4, "bad", "fix", "FK"),
             Item("glossary.termbase", "warning", None, "glossary/x.yml", None, "bad", "", None),
             Item("readability.sentence", "note", "sv", "docs/sv/a.md", 9, "long", "split")]
    log = sarif.to_sarif(items)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [
        "readability.sentence", "glossary.deprecated", "glossary.termbase"]
    first = run["results"][0]
    assert first["ruleId"] == "glossary.deprecated" and first["level"] == "warning"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "docs/sv/a.md"}, "region": {"startLine": 4}}
    # a finding about a whole file is shown at its first line (every result has a line)
    assert run["results"][1]["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert run["tool"]["driver"]["version"] == metadata.version("klarinfo")
    assert run["results"][2]["level"] == "note"


def test_a_broken_sarif_fails_the_schema():
    """The schema check can fail: a result without a message is refused."""
    log = sarif.to_sarif([Item("other", "warning", None, "a.md", 1, "x", "")])
    del log["runs"][0]["results"][0]["message"]
    assert not jsonschema.Draft4Validator(SCHEMA).is_valid(log)


def test_highlight_crosses_inline_tags_and_skips_code():
    html = ("<p>Ring <code>FK</code> eller <strong>FK</strong> om du undrar &amp; vill.</p>")
    out, found = panel.highlight(html, [(0, "FK"), (1, "om du undrar & vill."), (2, "saknas")])
    assert found == {0, 1}
    assert "<code>FK</code>" in out  # never inside code
    assert '<strong><mark class="klarinfo-finding" id="klarinfo-findings-0">FK</mark></strong>' \
        in out
    assert '<mark class="klarinfo-finding" id="klarinfo-findings-1">om du undrar &amp; vill.' \
        in out


def test_panel_in_the_page_language_under_the_title():
    items = [Item("glossary.deprecated", "warning", "sv", "docs/sv/a.md", 2, "<b>”FK”</b>",
                  "skriv ”Försäkringskassan”", "FK")]
    root = Path(__file__).resolve().parents[2]
    tr = translator(root / "locales", "sv", root)
    out = preview.page("<h1>Titel</h1><p>Ring FK.</p>", items, tr, "../_findings/")
    assert out.startswith("<h1>Titel</h1><section id=\"klarinfo-findings\"")
    assert 'aria-labelledby="klarinfo-findings-title"' in out
    assert "Rad 2" in out and "Så rättar du: skriv ”Försäkringskassan”" in out
    assert "&lt;b&gt;" in out  # the message is text, never markup
    assert '<a href="#klarinfo-findings-0">' in out
    empty = preview.page("<h1>T</h1>", [], tr, "../_findings/")
    assert "Inga anmärkningar på den här sidan." in empty and "<ol>" not in empty


def test_index_and_notes_in_the_catalogs_language():
    """`/_findings/` in the default edition's language: headings and each kind by a name
    (the ids are for tools); every kind SARIF knows has a label in every catalog, and the
    editions plugin's translation notes come from the catalogs too."""
    from klarinfo.editions.messages import missing_note, outdated_note
    from klarinfo.findings.index_page import kind_labels, render

    root = Path(__file__).resolve().parents[2]
    items = [Item("glossary.deprecated", "warning", "sv", "docs/sv/a.md", 2, "m", "f", "FK"),
             Item("readability.sentence", "warning", "sv", "docs/sv/a.md", 3, "m", "f")]
    out = render(items, {"docs/sv/a.md": "../a/"}, [], "sv", "ltr",
                 translator(root / "locales", "sv", root))
    for text in ("Sida och rad", "Utgåva", "Typ", "Per typ", "2 anmärkningar",
                 "Term som inte är godkänd", "Lång mening"):
        assert text in out, text
    assert "glossary.deprecated" not in out and "Page and line" not in out
    for edition in ("sv", "sv-latt", "ar", "so"):
        tr = translator(root / "locales", edition, root)
        labels = kind_labels(tr)
        assert set(labels) == set(sarif.RULES)
        english = kind_labels(translator(root / "locales", "en", root))
        assert all(labels[k] != english[k] for k in labels), edition
    ar = translator(root / "locales", "ar", root)
    assert outdated_note(ar, "docs/ar/a.md", "a.md", "ar").startswith(
        "docs/ar/a.md:1: قديمة: ")
    assert missing_note(ar, "a.md", "ar").endswith(
        "ابدأ ترجمتها بالأمر: make new-translation PAGE=a.md EDITION=ar")
