"""Issue #30 item 2: every figure of data/rules.yml, data/life_income_presets.yml and the
example blocks has a plausible range (klarinfo/examples/ranges.py, pydantic). A monthly
income of 10⁹ kr passed; a bad preset was reported at the page that names it, once per
edition, instead of once at its own line in the preset file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from klarinfo.base import yaml_lines
from klarinfo.base.errors import InputError
from klarinfo.examples import housing_allowance, life_income
from klarinfo.examples import rules as rules_module
from sitebuild import append_lines, build, copy_project

ROOT = Path(__file__).resolve().parents[2]
RULES = rules_module.load(ROOT / "data" / "rules.yml")
SCENARIO = """\
year: 2026
years_after: 10
parents:
  - {role: mother, monthly_income: 28000, entry: {after_leave_monthly_income: 24000, delay_months: 6}}
  - {role: father, monthly_income: 36000}
splits:
  - {days: [390, 90]}
"""
HOUSEHOLD = """\
year: 2026
children: 2
housing_cost_per_month: 7500
estimated_income: [120000, 90000]
taxed_income: 180000
"""


def problems(reader, text: str, old: str, new: str) -> list[str]:
    with pytest.raises(InputError) as caught:
        reader(yaml_lines.load(text.replace(old, new, 1), "x.yml"), "x.yml")
    return [str(f) for f in caught.value.findings]


def test_the_figures_in_range_still_read():
    life_income.scenario_from(yaml_lines.load(SCENARIO, "x.yml"), "x.yml")
    housing_allowance.household_from(yaml_lines.load(HOUSEHOLD.replace(
        "taxed_income: 180000", "taxed_income: [100000, 80000]"), "x.yml"), "x.yml")


@pytest.mark.parametrize(("old", "new", "line", "said"), [
    ("monthly_income: 36000", "monthly_income: 1000000000", 5,
     "monthly_income 1000000000 is outside 0–200 000 kr a month before tax"),
    ("after_leave_monthly_income: 24000", "after_leave_monthly_income: 900000", 4,
     "after_leave_monthly_income 900000 is outside 0–200 000 kr a month before tax"),
    ("delay_months: 6", "delay_months: 600", 4, "delay_months 600 is outside 0–48 months"),
    ("[390, 90]", "[390, 4800]", 7, "days 4800 is outside 0–480 days per parent"),
    ("years_after: 10", "years_after: 500", 2, "years_after 500 is outside 0–50 years"),
    ("year: 2026", "year: 20260", 1, "year 20260 is outside 2000–2100"),
])
def test_each_life_income_figure_out_of_range_is_a_finding_at_its_line(old, new, line, said):
    shown = problems(life_income.scenario_from, SCENARIO, old, new)
    assert len(shown) == 1 and shown[0].startswith(f"x.yml:{line}: {said} — check the figure")


@pytest.mark.parametrize(("old", "new", "line", "said"), [
    ("children: 2", "children: 16", 2, "children 16 is outside 1–15 children"),
    ("7500", "750000", 3, "housing_cost_per_month 750000 is outside 0–50 000 kr a month"),
    ("[120000, 90000]", "[120000, 90000000]", 4,
     "estimated_income 90000000 is outside 0–2 400 000 kr a year per adult"),
    ("taxed_income: 180000", "taxed_income: 18000000", 5,
     "taxed_income 18000000 is outside 0–2 400 000 kr a year per adult"),
])
def test_each_housing_figure_out_of_range_is_a_finding_at_its_line(old, new, line, said):
    text = HOUSEHOLD.replace("taxed_income: 180000", "taxed_income: [180000, 1]") \
        if "estimated" in said else HOUSEHOLD.replace("[120000, 90000]", "120000")
    shown = problems(housing_allowance.household_from, text, old, new)
    assert len(shown) == 1 and shown[0].startswith(f"x.yml:{line}: {said} — ")


@pytest.mark.parametrize(("name", "value", "said"), [
    ("prisbasbelopp", 5920000, "0–1 000 000 kr a year"),
    ("parental_days_total", 4800, "0–480 days"),
    ("parental_income_share", 80, "0–1 (a share: 0.8 is 80 %)"),
    ("pension_annuity_divisor", 0, "1–40"),
])
def test_a_rule_value_out_of_its_units_range_is_a_finding_at_its_line(name, value, said):
    text = (ROOT / "data" / "rules.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    year = max(data[name]["values"])
    lines = text.split("\n")
    at = next(i for i, row in enumerate(lines) if row == f"{name}:")
    values = next(i for i in range(at, len(lines)) if lines[i].startswith("  values:"))
    lines[values] = re.sub(rf"{year}: [^,}}]+", f"{year}: {value}", lines[values])
    with pytest.raises(InputError) as caught:
        rules_module.parse("\n".join(lines), "data/rules.yml")
    assert [str(f).split(" — ")[0] for f in caught.value.findings] == [
        f"data/rules.yml:{values + 1}: parameter '{name}' for {year}: {value} is outside {said}"]


def test_a_bad_preset_fails_the_build_once_at_the_preset_files_line(tmp_path):
    project = copy_project(tmp_path / "p")
    presets = project / "data" / "life_income_presets.yml"
    lines = presets.read_text(encoding="utf-8").split("\n")
    assert lines[6] == "    - {role: mother, monthly_income: 28000}"
    lines[6] = "    - {role: mother, monthly_income: 1000000000}"
    presets.write_text("\n".join(lines), encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "last-good.html").write_text("kept", encoding="utf-8")
    result = build(project, site)
    assert result.returncode != 0
    said = "monthly_income 1000000000 is outside 0–200 000 kr a month before tax"
    assert f"data/life_income_presets.yml:7: {said}" in result.output, result.output[-2000:]
    assert result.output.count(said) == 1 and "foraldrapenning.md" not in result.output
    assert (site / "last-good.html").read_text(encoding="utf-8") == "kept"


def test_an_example_block_out_of_range_fails_the_build_at_the_page_line(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "sv" / "foraldrapenning.md"
    last = append_lines(page, "", "```life-income", "preset: both-employed", "parents:",
                        "  - {role: mother, monthly_income: 1000000000}",
                        "  - {role: father, monthly_income: 36000}", "```")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    said = "monthly_income 1000000000 is outside 0–200 000 kr a month before tax"
    assert f"docs/sv/foraldrapenning.md:{last - 2}: {said}" in result.output
    assert result.output.count(said) == 1
