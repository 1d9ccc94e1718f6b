"""Issue 22: `make findings` writes SARIF 2.1.0 with one result per planted defect at its
file and line; a built site (`make build`) carries no panel, no finding and no reference."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from maketool import make, project_with_tools, stand_in_venv
from sitebuild import build, copy_project

SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0-rtm.5.json").read_text("utf-8"))
PAGE = "docs/sv/tolk.md"
ANCHOR = "Du kan få tolk på plats, i telefon eller i ett videosamtal.\n"
DEPRECATED = "Ring FK om du undrar.\n"  # FK: a deprecated form of Försäkringskassan (glossary)
LONG = ("Du kan alltid be om en tolk när du ringer eller kommer till ett kontor och du kan "
        "också be om en tolk när du har ett möte på nätet med en handläggare som vill prata "
        "med dig om ditt ärende och dina pengar.\n")  # 44 words; the Swedish limit is 25


def plant(project: Path) -> tuple[int, int]:
    """The two defects under ``ANCHOR``; their line numbers in the page."""
    page = project / PAGE
    text = page.read_text(encoding="utf-8")
    assert ANCHOR in text
    page.write_text(text.replace(ANCHOR, ANCHOR + DEPRECATED + LONG, 1), encoding="utf-8")
    lines = page.read_text(encoding="utf-8").splitlines()
    return lines.index(DEPRECATED.strip()) + 1, lines.index(LONG.strip()) + 1


def test_make_findings_writes_valid_sarif_one_result_per_defect(tmp_path):
    project = project_with_tools(tmp_path / "project")
    term_line, sentence_line = plant(project)
    run = make(stand_in_venv(tmp_path / "venv"), "findings", cwd=project, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    # the log is what it always was: path:line: what — how to fix
    assert f"{PAGE}:{term_line}: ”FK” är inte en godkänd term" in run.stderr
    log = json.loads((project / "reports" / "findings.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    results = [r for r in log["runs"][0]["results"]
               if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == PAGE]
    where = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
             for r in results}
    assert ("glossary.deprecated", term_line) in where
    assert ("readability.sentence", sentence_line) in where
    assert len([r for r in results if r["ruleId"] == "glossary.deprecated"]) == 1
    assert len([r for r in results if r["ruleId"] == "readability.sentence"]) == 1
    rules = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {"glossary.deprecated", "readability.sentence"} <= rules
    assert not (project / ".site.findings").exists()


def test_built_site_has_no_panel_and_no_reference(tmp_path):
    project = copy_project(tmp_path / "project")
    plant(project)
    result = build(project, tmp_path / "site", strict=False, edition="en")
    assert result.returncode == 0, result.output
    assert "FK” är inte en godkänd term" in result.output  # the defects were found
    assert not (result.site / "_findings").exists()
    for path in result.site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".css", ".js", ".json", ".xml", ""}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for marker in ("klarinfo-finding", "_findings", "findings.sarif"):
                assert marker not in text, f"{marker} in {path}"
