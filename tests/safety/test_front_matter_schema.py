"""One schema for page front matter (issue #29 item 3): keys the theme would print are
refused at their line, and never reach the theme even in a preview that only warns."""

from __future__ import annotations

import pytest
from klarinfo.base import page_checks
from klarinfo.base.front_matter_schema import KEYS, known_keys_only

GOOD = ("---\ntitle: Tolk\ndescription: Du kan få tolk.\nreviewed: 2026-11-29\n"
        "translation_status: draft\ntranslation_of: tolk.md\nsource_hash: 885b42205bb5\n"
        "quick_exit: true\nsearch: {exclude: true}\n"
        "readability: {lix: 45, reason: citat}\n---\n\n# Tolk\n\nText.\n")


def test_every_key_we_use_passes():
    assert page_checks.schema(GOOD, "docs/so/tolk.md") == []


@pytest.mark.parametrize("line,problem,fix", [
    ("status: 'x\"><img src=x onerror=alert(1)>'", "'status' is not one", "the keys are"),
    ("icon: material/alert", "'icon' is not one", "the keys are"),
    ("subtitle: <b>x</b>", "'subtitle' is not one", "the keys are"),
    ("template: ../../main.html", "'template' is not one", "the keys are"),
    ("hide: [navigation]", "'hide' is not one", "the keys are"),
    ("descripton: Ett stavfel.", "'descripton' is not one", "did you mean 'description'"),
    ("quick_exit: nej", "quick_exit: nej", "true or false"),
    ("quick_exit: \"false\"", "quick_exit: false", "true or false"),
    ("reviewed: igår", "reviewed: igår", "YYYY-MM-DD"),
    ("translation_status: klar", "translation_status", "one of the values"),
    ("source_hash: ../../x", "source_hash", "make translation-done"),
    ("search: {exclude: ja}", "search.exclude", "true or false"),
])
def test_unknown_keys_and_wrong_types_fail_at_their_line(line, problem, fix):
    text = f"---\ntitle: Tolk\n{line}\ndescription: Du kan få tolk.\n---\n\nText.\n"
    findings = page_checks.schema(text, "docs/sv/tolk.md")
    assert len(findings) == 1, findings
    assert str(findings[0]).startswith("docs/sv/tolk.md:3: ")
    assert problem in findings[0].problem and fix in findings[0].fix


def test_source_reports_schema_findings_with_the_page():
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "tolk.md"
        page.write_text("---\ntitle: Tolk\nstatus: new\ndescription: Om tolk.\n---\n\nText.\n",
                        encoding="utf-8")
        drop, findings = page_checks.source(page, "docs/sv/tolk.md", "sv", "sv", "tolk.md")
    assert not drop and [f.line for f in findings] == [3]


@pytest.mark.parametrize("front,line,problem,fix", [
    ("title: Tolk", 2, "has no 'description'", "at most 155 characters"),
    ("title: Tolk\ndescription: " + "Lång text. " * 15, 3, "description", "shorten it"),
    ("title: Tolk\ndescription: Du får 40 procent.", 3, "has a figure", "say it in words"),
    ("description: Om tolk.", 1, "the page has no title", "'# Title'"),
])
def test_a_page_describes_and_names_itself(front, line, problem, fix):
    findings = page_checks.schema(f"---\n{front}\n---\n\nText utan rubrik.\n",
                                  "docs/sv/tolk.md")
    assert [(f.line, problem in f.problem, fix in f.fix) for f in findings] == \
        [(line, True, True)], findings


def test_a_heading_names_a_page_without_title():
    assert page_checks.schema("---\ndescription: Om tolk.\n---\n\n# Tolk\n\nText.\n",
                              "docs/sv/tolk.md") == []


def test_the_theme_gets_only_known_keys():
    meta = {"title": "T", "status": "x\"><img>", "icon": "x", "template": "x.html",
            "klarinfo_outdated": True, "quick_exit": True}
    known_keys_only(meta)
    assert meta == {"title": "T", "klarinfo_outdated": True, "quick_exit": True}
    assert {"title", "description", "quick_exit"} <= KEYS


def test_an_empty_description_is_a_missing_one():
    (finding,) = page_checks.schema("---\ntitle: Tolk\ndescription:\n---\n\nText.\n", "x.md")
    assert "has no 'description'" in finding.problem
