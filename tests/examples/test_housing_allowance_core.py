"""Issue 5: the housing-allowance calculator against hand calculations and as properties."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from klarinfo.base import yaml_lines
from klarinfo.base.errors import InputError
from klarinfo.examples import housing_allowance as ha
from klarinfo.examples import rules as rules_module

ROOT = Path(__file__).resolve().parents[2]
RULES = rules_module.load(ROOT / "data" / "rules.yml")
R2026 = RULES.at(2026)
R2025 = RULES.at(2025)


def household(estimated, taxed, children=2, cost=7000, year=2026):
    return ha.Household(year, children, cost, tuple(estimated), tuple(taxed))


def test_parts_by_hand():
    # 50 % of the rent between 1 400 and the ceiling for the number of children;
    # 2026 ceilings 6 800 / 7 900 / 8 600 (raised 1 January 2026), 2025 still 5 300 / 5 900 / 6 600
    assert ha.housing_cost_part(R2026, 1, 7000) == 0.5 * (6800 - 1400) == 2700
    assert ha.housing_cost_part(R2026, 2, 4400) == 0.5 * (4400 - 1400) == 1500
    assert ha.housing_cost_part(R2026, 2, 9000) == 0.5 * (7900 - 1400) == 3250
    assert ha.housing_cost_part(R2026, 4, 9000) == 0.5 * (8600 - 1400) == 3600
    assert ha.housing_cost_part(R2026, 2, 1000) == 0  # rent under the floor gives nothing
    assert ha.housing_cost_part(R2025, 1, 7000) == 0.5 * (5300 - 1400) == 1950
    assert ha.housing_cost_part(R2025, 3, 9000) == 0.5 * (6600 - 1400) == 2600
    assert [ha.special_grant(R2026, n) for n in (1, 2, 3, 5)] == [1500, 2000, 2650, 2650]
    # 20 % of each adult's income over the limit: single 135 000, couple 67 500 each
    assert ha.yearly_reduction(R2026, (180_000,)) == 0.2 * (180_000 - 135_000) == 9000
    assert ha.yearly_reduction(R2026, (100_000, 50_000)) == 0.2 * (100_000 - 67_500) == 6500
    assert ha.yearly_reduction(R2026, (130_000,)) == 0
    assert ha.yearly_reduction(R2026, (140_000,)) == 0.2 * 5_000 == 1000  # was 0 with 150 000


def test_estimate_too_low_means_repayment_by_hand():
    # 2 children, rent 7 000 (under the 7 900 ceiling): 0.5 × (7 000 − 1 400) = 2 800,
    # + 2 000 special grant = 4 800 a month, 57 600 a year before the income test.
    # Estimated 180 000: 57 600 − 0.2 × 45 000 = 48 600 → 4 050 a month → paid 4 000
    # (rounded down to hundreds) = 48 000 a year.
    # Taxed 230 000: 57 600 − 0.2 × 95 000 = 57 600 − 19 000 = 38 600 → 48 000 − 38 600 = 9 400 back.
    o = ha.compute(household([180_000], [230_000]), RULES)
    assert (o.housing_cost_part_sek, o.special_grant_sek, o.income_limit_sek) == (2800, 2000, 135_000)
    assert (o.preliminary_monthly_sek, o.preliminary_year_sek) == (4000, 48_000)
    assert o.final_year_sek == 38_600
    assert (o.settlement, o.settlement_sek, o.difference_sek) == ("repay", 9400, -9400)


def test_small_differences_are_neither_reclaimed_nor_paid_out():
    # 48 000 paid (above); final on 185 000: 57 600 − 0.2 × 50 000 = 47 600 → −400, under 1 200.
    o = ha.compute(household([180_000], [185_000]), RULES)
    assert o.difference_sek == -400 and o.settlement == "none" and o.settlement_sek == 0
    # exactly at the threshold it is settled: final on 177 000: 57 600 − 0.2 × 42 000 = 49 200,
    # 49 200 − 48 000 = +1 200 → paid out
    o = ha.compute(household([180_000], [177_000]), RULES)
    assert o.difference_sek == 1200 and o.settlement == "top_up" and o.settlement_sek == 1200


def test_couple_is_tested_per_adult():
    # each 67 500 limit: estimated 80 000 + 60 000 → 0.2 × 12 500 = 2 500 a year less;
    # 57 600 − 2 500 = 55 100 → 4 591.67 a month → 4 500 paid (54 000).
    # taxed 120 000 + 60 000 → 0.2 × 52 500 = 10 500 less; final 57 600 − 10 500 = 47 100;
    # 54 000 − 47 100 = 6 900 back.
    o = ha.compute(household([80_000, 60_000], [120_000, 60_000]), RULES)
    assert o.income_limit_sek == 67_500
    assert (o.preliminary_monthly_sek, o.final_year_sek, o.settlement_sek) == (4500, 47_100, 6900)


amounts = st.integers(min_value=0, max_value=600_000)


@settings(max_examples=200, deadline=None)
@given(est=amounts, taxed=amounts, children=st.integers(1, 6),
       cost=st.integers(0, 15_000))
def test_properties(est, taxed, children, cost):
    o = ha.compute(household([est], [taxed], children, cost), RULES)
    assert min(o.preliminary_monthly_sek, o.final_year_sek, o.settlement_sek) >= 0
    assert o.preliminary_monthly_sek % 100 == 0
    assert (o.settlement == "none") == (abs(o.difference_sek) < 1200)
    higher = ha.compute(household([est], [taxed + 10_000], children, cost), RULES)
    assert higher.final_year_sek <= o.final_year_sek  # more income never raises the allowance
    if taxed > est:
        assert o.settlement != "top_up"  # a too-low estimate never pays out more


def test_invalid_household_names_lines(tmp_path):
    text = ("year: 2026\nchildren: 0\nhousing_cost_per_month: 7000\n"
            "estimated_income: [100000, 50000]\ntaxed_income: 90000\nrent: 5\n")
    with pytest.raises(InputError) as caught:
        ha.household_from(yaml_lines.load(text, "x.md"), "x.md")
    shown = str(caught.value)
    assert "x.md:2: children 0 must be a whole number from 1" in shown
    assert "x.md:5: estimated_income and taxed_income name different numbers of adults" in shown
    assert "x.md:6: unknown key 'rent'" in shown


def test_cli_json(tmp_path):
    path = tmp_path / "h.yml"
    path.write_text("children: 2\nhousing_cost_per_month: 7000\nestimated_income: 180000\n"
                    "taxed_income: 230000\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "klarinfo.examples.housing_allowance", str(path),
                          "--json", "--year", "2026"], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout)["settlement_sek"] == 9400
    run = subprocess.run([sys.executable, "-m", "klarinfo.examples.housing_allowance", str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 2 and "no rule year" in run.stderr


def test_unverified_parameters_are_listed_and_must_say_why(tmp_path):
    names = {p.name for p in rules_module.unverified(RULES)}
    assert "housing_allowance_cost_ceiling_2_children" in names  # 2026 figure from the press only
    assert "housing_allowance_income_limit_single" not in names  # Försäkringskassan, 1 March 2018
    assert "prisbasbelopp" not in names
    bad = tmp_path / "rules.yml"
    bad.write_text("x:\n  unit: SEK\n  source: {title: t, url: 'https://a.se'}\n"
                   "  verified: false\n  values: {2026: 1}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        rules_module.load(bad, "rules.yml")
    assert "rules.yml:4: parameter 'x' is unverified but says not why" in str(caught.value)
    run = subprocess.run([sys.executable, "-m", "klarinfo.examples.rules", "--unverified"],
                         capture_output=True, text=True)
    assert run.returncode == 1 and "housing_allowance_reduction_rate" in run.stdout


def test_a_missing_field_is_named_never_shown_as_none():
    text = ("year: 2026\nhousing_cost_per_month: 7000\nestimated_income: 180000\n"
            "taxed_income:\n")
    with pytest.raises(InputError) as caught:
        ha.household_from(yaml_lines.load(text, "x.md"), "x.md")
    shown = str(caught.value)
    assert "None" not in shown
    assert "x.md:1: children is missing; it must be a whole number from 1" in shown
    assert "x.md:4: taxed_income has no value; it must be kronor per year" in shown
