"""No hand-typed figures in prose (issue #31): a day count or an amount that
data/rules.yml holds, typed by hand in any edition, fails the strict build at its line
with the placeholder to use; a citation keeps its figures."""

from __future__ import annotations

from pathlib import Path

from klarinfo.examples import hand_typed
from klarinfo.examples.rules import load
from sitebuild import ROOT, append_lines, build, copy_project

RULES = load(ROOT / "data" / "rules.yml", "data/rules.yml")
YEAR = RULES.years[-1]


def test_a_hand_typed_rule_figure_names_its_placeholder():
    md = ("---\ntitle: X\n---\n\nDu kan få 480 dagar.\n\nYou get 1 200 kr back.\n\n"
          "Det är 12 procent.\n\n- Försäkringskassan, 2026-11-23: 480 dagar.\n")
    found = hand_typed.findings(md, "docs/sv/x.md", RULES, YEAR)
    assert [(f.line, f.fix.split(" ")[1]) for f in found] == [
        (5, "{{"), (7, "{{")], found
    assert "{{ rules.parental_days_total }}" in found[0].fix
    assert "{{ rules.housing_allowance_settlement_threshold }}" in found[1].fix


def test_a_stale_or_mistyped_rule_figure_names_its_placeholder():
    md = "# X\n\nNi har 470 dagar tillsammans.\n\nPrisbasbeloppet är 58 800 kr.\n\nEn månad är 30 dagar.\n"
    found = hand_typed.findings(md, "docs/sv/x.md", RULES, YEAR)
    assert [(f.line, "differs" in f.problem or "another year" in f.problem) for f in found] == \
        [(3, True), (5, True)], found
    assert "{{ rules.parental_days_total }}" in found[0].fix
    assert "{{ rules.prisbasbelopp }}" in found[1].fix


def test_the_real_site_types_no_rule_figure_by_hand():
    pages = sorted((ROOT / "docs").glob("*/*.md"))
    assert pages
    assert [str(f) for p in pages for f in hand_typed.findings(
        p.read_text(encoding="utf-8"), str(p), RULES, YEAR)] == []


def test_strict_build_fails_at_the_line_in_every_edition(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    sv = append_lines(project / "docs" / "sv" / "om.md", "", "Ni har 480 dagar tillsammans.")
    ar = append_lines(project / "docs" / "ar" / "om.md", "", "لديكما 480 يوما معا.")
    differs = append_lines(project / "docs" / "en" / "om.md", "", "You have 470 days together.")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/sv/om.md:{sv}: '480 dagar' is typed by hand" in result.output
    assert f"docs/ar/om.md:{ar}: '480 يوما' is typed by hand" in result.output
    assert "write {{ rules.parental_days_total }}" in result.output
    assert f"docs/en/om.md:{differs}: '470 days' is typed by hand, and it differs" in result.output
