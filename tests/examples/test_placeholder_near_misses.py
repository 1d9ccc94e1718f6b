"""Issue #30 item 1: a placeholder written with the wrong braces (``{rules.x}``,
``{ { rules.x } }``, ``{{rules.x}``, ``{{ rules.x }``) published raw braces without a word;
each is now a finding at its line with the right spelling, and a misspelt name suggests
the closest existing name, not the alphabetically first ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from klarinfo.examples import placeholders
from klarinfo.examples import rules as rules_module
from sitebuild import append_lines, build, copy_project

ROOT = Path(__file__).resolve().parents[2]
RULES = rules_module.load(ROOT / "data" / "rules.yml")
NAMES = {"rules": [*RULES.parameters, "year"], "site": ["contact_email"]}
NEAR_MISSES = ["{rules.prisbasbelopp}", "{ { rules.prisbasbelopp } }",
               "{{rules.prisbasbelopp}", "{{ rules.prisbasbelopp }",
               "{ rules.prisbasbelopp year=2025 }}"]


def findings(text: str) -> list[str]:
    expanded, found = placeholders.expand(text, "p.md", RULES, "sv")
    return [str(f) for f in found + placeholders.unfilled(expanded, "p.md", names=NAMES)]


@pytest.mark.parametrize("written", NEAR_MISSES)
def test_each_near_miss_is_a_finding_at_its_line_with_the_right_spelling(written):
    shown = findings(f"# Rubrik\n\nBeloppet är {written} i år.\n")
    right = "{{ rules.prisbasbelopp year=2025 }}" if "year" in written \
        else "{{ rules.prisbasbelopp }}"
    assert shown == [f"p.md:3: {written!r} is not a placeholder: its braces are wrong, so "
                     f"readers would see them — write {right}"]


def test_a_near_miss_with_a_typo_suggests_the_closest_name_and_code_is_left_alone():
    assert findings("Se {site.contact_emial}.\n")[0].endswith("write {{ site.contact_email }}")
    assert findings("Om {rules.prisbasbelop}.\n")[0].endswith(
        "write {{ rules.prisbasbelopp }}")
    assert findings("Skriv `{rules.prisbasbelopp}` så.\n\n```\n{{rules.x}\n```\n") == []


def test_a_misspelt_name_suggests_the_closest_existing_name():
    assert findings("Taket är {{ rules.parental_income_celing_pbb }}.\n") == [
        "p.md:1: unknown rule parameter 'parental_income_celing_pbb' — write "
        "{{ rules.parental_income_ceiling_pbb }} (the closest name)"]
    # nothing close: no arbitrary names, only where the names are
    assert findings("{{ rules.zzz }}")[0].endswith("— use a name from data/rules.yml")


def test_the_strict_build_fails_on_each_near_miss_at_its_page_line(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "sv" / "om.md"
    last = append_lines(page, "", *[f"Rad med {w} här." for w in NEAR_MISSES])
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    first = last - len(NEAR_MISSES) + 1
    for offset, written in enumerate(NEAR_MISSES):
        assert f"docs/sv/om.md:{first + offset}: {written!r} is not a placeholder" \
            in result.output, result.output[-3000:]
        # reported once, though every edition without its own om.md shows the Swedish page
        assert result.output.count(f"{written!r} is not a placeholder") == 1
