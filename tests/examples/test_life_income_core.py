"""Issue 5: the life-income model against hand calculations and as properties (hypothesis)."""

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
from klarinfo.examples import life_income as li
from klarinfo.examples import rules as rules_module

ROOT = Path(__file__).resolve().parents[2]
RULES = rules_module.load(ROOT / "data" / "rules.yml")
R2025 = RULES.at(2025)
SHARE = li.entitlement(R2025, "birth")


# --- hand calculations --------------------------------------------------------------------

def test_daily_benefit_by_hand():
    # 30 000 kr/month = 360 000 kr/year: 0.8 × 0.97 × 360 000 / 365 = 279 360 / 365 = 765.4 → 765
    assert li.daily_benefit(R2025, 360_000) == 765
    # at the ceiling, 10 × 58 800 = 588 000: 0.776 × 588 000 / 365 = 1 250.1 → 1 250
    assert li.daily_benefit(R2025, 1_000_000) == 1250
    # no qualifying income: the basic level
    assert li.daily_benefit(R2025, 0) == 250
    assert li.daily_benefit(R2025, 360_000, qualifies=False) == 250
    # low income: 0.776 × 60 000 / 365 = 127.6 → raised to the basic level 250
    assert li.daily_benefit(R2025, 60_000) == 250
    # 2026: ceiling 10 × 59 200 = 592 000: 0.776 × 592 000 / 365 = 1 258.6 → 1 259
    assert li.daily_benefit(RULES.at(2026), 2_000_000) == 1259


def test_pension_by_hand():
    # 360 000 × 0.93 = 334 800; × 0.185 = 61 938
    assert li.pension_qualifying_income(R2025, 360_000) == 334_800
    assert li.pension_credit(R2025, 334_800) == 61_938
    # ceiling 7.5 × 80 600 = 604 500
    assert li.pension_qualifying_income(R2025, 2_000_000) == 604_500
    # floor 0.423 × 58 800 = 24 872.4: below it, no pension base at all
    assert li.pension_qualifying_income(R2025, 24_000) == 0
    assert li.pension_qualifying_income(R2025, 25_000) == 23_250


def test_monthly_pension_estimate_by_hand():
    # 198 000 kr of credits / 16.5 (delningstal, an assumption) / 12 = 1 000 kr a month
    assert R2025.pension_annuity_divisor == 16.5
    assert li.monthly_pension(R2025, 198_000) == 1000
    assert li.monthly_pension(R2025, 0) == 0


def test_entitlement_and_arrival_rule():
    assert li.Entitlement(income_level=195, minimum_level=45, reserved=90) == SHARE
    assert li.entitlement(R2025, "after_first_birthday").total * 2 == 200
    assert li.entitlement(R2025, "after_second_birthday").total * 2 == 100


def test_mother_without_income_takes_most_days_by_hand():
    scenario = li.Scenario(2025, (li.Parent("Mamma", 0), li.Parent("Pappa", 30_000)),
                           (li.Split("most", (390, 90)),))
    mother, father = li.compute(scenario, RULES)[0].parents
    # Mamma: own 195 + 45 days, then Pappa's 105 movable income-level + 45 minimum-level days
    assert (mother.income_level_days, mother.minimum_level_days) == (300, 90)
    assert mother.benefit_paid_sek == 300 * 250 + 90 * 180 == 91_200
    # year 1 is 365 of her days: 300 × 250 + 65 × 180 = 86 700
    assert mother.leave_year_income_sek == 86_700
    # PGI 86 700 × 0.93 = 80 631; barnår: one ibb, 80 600; rights 0.185 × 161 231 = 29 828
    assert mother.pension_qualifying_income_sek == 80_631
    assert mother.child_year_credit_sek == round(0.185 * 80_600)
    assert mother.pension_credit_sek == 29_828
    assert (father.income_level_days, father.daily_benefit_sek) == (90, 765)


def test_reserved_days_cannot_be_transferred():
    with pytest.raises(li.SplitError, match="reserved days cannot be transferred: at most 390"):
        li.allocate((391, 0), SHARE)
    with pytest.raises(li.SplitError, match="child gives 480 days"):
        li.allocate((300, 200), SHARE)
    assert li.allocate((390, 0), SHARE)[1].forfeited_days == 90


# --- properties ---------------------------------------------------------------------------

days = st.integers(min_value=0, max_value=390)


@settings(max_examples=300, deadline=None)
@given(days, days)
def test_days_are_conserved_and_reserved_days_never_move(a, b):
    try:
        first, second = li.allocate((a, b), SHARE)
    except li.SplitError:
        # only impossible splits are refused
        assert a + b > 480 or max(a, b) > 390
        return
    assert (first.days, second.days) == (a, b)
    assert first.income_level_days + second.income_level_days <= 390
    assert first.minimum_level_days + second.minimum_level_days <= 90
    # days a parent receives never include the other's reserved days
    for use, own, other_days in ((first, a, b), (second, b, a)):
        assert use.transferred_days <= 240 - SHARE.reserved
        assert use.forfeited_days == max(0, SHARE.reserved - min(own, SHARE.income_level))
        assert own + other_days <= 480


incomes = st.integers(min_value=0, max_value=120_000)


@settings(max_examples=150, deadline=None)
@given(incomes, incomes, st.integers(min_value=90, max_value=300), st.integers(1, 60))
def test_moving_days_to_the_lower_earner_never_raises_the_higher_earners_benefit(
        low, high, high_days, moved):
    low, high = sorted((low, high))
    parents = (li.Parent("low", low), li.Parent("high", high))
    before_days = (480 - high_days - 90 if 480 - high_days - 90 >= 0 else 0, high_days)
    after_days = (before_days[0] + min(moved, high_days - 90), high_days - min(moved, high_days - 90))
    try:
        before, after = li.compute(li.Scenario(2025, parents, (
            li.Split("before", before_days), li.Split("after", after_days))), RULES)
    except li.SplitError:
        return
    assert after.parents[1].benefit_paid_sek <= before.parents[1].benefit_paid_sek
    for result in (before, after):
        for parent in result.parents:
            for value in (parent.benefit_paid_sek, parent.leave_year_income_sek,
                          parent.pension_credit_sek, parent.income_over_years_sek,
                          parent.pension_credits_over_years_sek, parent.daily_benefit_sek):
                assert value >= 0


# --- scenarios and the command line ------------------------------------------------------

def test_invalid_scenario_names_lines_and_rules(tmp_path):
    text = "year: 2025\nparents:\n  - {name: A, monthly_income: -5}\n  - {name: B, monthly_income: 100}\nsplits:\n  - {days: [1]}\n"
    with pytest.raises(InputError) as err:
        li.scenario_from(yaml_lines.load(text, "s.yml"), "s.yml")
    message = str(err.value)
    assert "s.yml:3: monthly_income -5 is not an amount — write a number of kronor" in message
    assert "s.yml:6: days [1] must be two whole numbers" in message


def test_cli_prints_the_fields_reviewers_need():
    run = subprocess.run([sys.executable, "-m", "klarinfo.examples.life_income",
                          str(ROOT / "tests/examples/fixtures/scenarios/mother-no-income.yml"), "--json",
                          "--year", "2026"], capture_output=True, text=True, check=True)
    data = json.loads(run.stdout)
    parent = data[0]["parents"][1]
    for key in ("daily_benefit_sek", "income_level_days", "minimum_level_days",
                "benefit_paid_sek", "pension_qualifying_income_sek", "pension_credit_sek",
                "income_over_years_sek", "pension_credits_over_years_sek",
                "monthly_pension_estimate_sek"):
        assert key in parent
    assert parent["daily_benefit_sek"] == round(0.776 * 360_000 / 365)  # same below the 2026 cap
    assert parent["monthly_pension_estimate_sek"] == round(
        parent["pension_credits_over_years_sek"] / 16.5 / 12)


def test_cli_refuses_an_impossible_split(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("year: 2025\nparents:\n  - {name: A, monthly_income: 0}\n  - {name: B, monthly_income: 1}\nsplits:\n  - {label: all, days: [480, 0]}\n")
    run = subprocess.run([sys.executable, "-m", "klarinfo.examples.life_income", str(bad)],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "split 'all': parent 1 takes 480 days, but the other parent's 90 reserved days " \
           "cannot be transferred" in run.stderr


def test_career_effect_is_a_range_up_to_the_measured_horizon_and_off_without_a_job():
    scenario = li.Scenario(2025, (li.Parent("A", 0), li.Parent("B", 30_000)),
                           (li.Split("s", (300, 180)),), years_after=10)
    a, b = li.compute(scenario, RULES)[0].parents
    assert a.income_over_years_low_sek is None and a.income_over_years_high_sek is None
    assert b.income_over_years_low_sek < b.income_over_years_high_sek < b.income_over_years_sek
    # B: 180 days = 6 months, taken on days 300–479 after A's 300: the leave fills years 0
    # and 1. The study measured earnings four years later (career_effect_horizon_years = 4),
    # so only years 2, 3 and 4 lose pay — not years 5 to 11:
    assert [y["income_sek"] for y in b.years[2:5]] == [360_000] * 3
    #   low effect:  6 × 0.1 % = 0.6 % of 360 000 = 2 160 a year × 3 years =   6 480
    #   high effect: 6 × 4.5 % = 27 %  of 360 000 = 97 200 a year × 3 years = 291 600
    assert b.income_over_years_sek - b.income_over_years_high_sek == 6_480
    assert b.income_over_years_sek - b.income_over_years_low_sek == 291_600
    # (applied linearly over all ten later years, the high figure would be 972 000)


def test_placeholders_format_rule_values_per_language():
    from klarinfo.examples import placeholders

    text, findings = placeholders.expand(
        "Basbelopp {{ rules.prisbasbelopp year=2025 }}, {{ rules.parental_days_total }} dagar, "
        "avgift {{ rules.pension_contribution_rate }}.\n{{ rules.no_such }}", "p.md", RULES, "sv")
    assert text.startswith("Basbelopp 58\xa0800\xa0kr, 480 dagar, avgift 18,5\xa0%.")
    assert str(findings[0]).startswith("p.md:2: unknown rule parameter 'no_such' — ")
    english, _ = placeholders.expand("{{ rules.prisbasbelopp year=2026 }}", "p.md", RULES, "en")
    assert english == "SEK\xa059,200"
