"""Issue 14 item 1: entry into work or studies after the leave — hand calculations,
arithmetic in the comments (rules for 2025 from data/rules.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from klarinfo.base import yaml_lines
from klarinfo.base.errors import InputError
from klarinfo.examples import life_income as li
from klarinfo.examples import rules as rules_module

ROOT = Path(__file__).resolve().parents[2]
RULES = rules_module.parse((ROOT / "data" / "rules.yml").read_text(encoding="utf-8"),
                           "data/rules.yml")


def _mother_in_sfi():
    """Mother without income: 6 months of SFI after her days, then 24 000 kr a month."""
    scenario = li.Scenario(2025, (
        li.Parent("Mamma", 0, role="mother", entry=li.Entry(24_000, 6)),
        li.Parent("Pappa", 30_000, role="father")),
        (li.Split("390/90", (390, 90)), li.Split("240/240", (240, 240))))
    return li.compute(scenario, RULES)


def test_the_days_she_takes_move_her_work_start():
    most, equal = (r.parents[0] for r in _mother_in_sfi())
    # her days end on day 390 (or 240); SFI 6 × 30 = 180 days; work from day 570 (or 420):
    # the 150 days fewer at home start her job 150 days earlier
    assert (most.work_start_day, equal.work_start_day) == (570, 420)
    assert li.work_start(li.Entry(24_000, 0), 100) == 100


def test_income_follows_the_work_start_by_hand():
    most, equal = (r.parents[0] for r in _mother_in_sfi())
    # 390/90: she takes 300 income-level days (195 own + 105 of the father's, never his
    # 90 reserved) and 90 lowest-level days; no income before, so 250 kr and 180 kr a day.
    # Year 1 (days 0–364): 300 × 250 + 65 × 180 = 75 000 + 11 700 = 86 700
    # Year 2 (days 365–729): 25 × 180 = 4 500 on leave, SFI days 390–569, work from day
    # 570: 730 − 570 = 160 days × 288 000 / 365 = 126 246.6; 126 246.6 + 4 500 → 130 747
    # Years 3–12: 12 × 24 000 = 288 000 each
    assert [y["income_sek"] for y in most.years[:3]] == [86_700, 130_747, 288_000]
    assert most.income_over_years_sek == 86_700 + 130_747 + 10 * 288_000 == 3_097_447
    # 240/240: 195 × 250 + 45 × 180 = 48 750 + 8 100 = 56 850 in year 1 (SFI from day 240);
    # work from day 420: year 2 has 730 − 420 = 310 days × 288 000 / 365 = 244 602.7 → 244 603
    assert [y["income_sek"] for y in equal.years[:3]] == [56_850, 244_603, 288_000]
    assert equal.income_over_years_sek == 56_850 + 244_603 + 10 * 288_000 == 3_181_453
    # the acceptance of issue 14: with the equal split her income over the years is higher
    assert equal.income_over_years_sek - most.income_over_years_sek == 84_006


def test_pension_follows_the_income_and_barnar_by_hand():
    most, equal = (r.parents[0] for r in _mother_in_sfi())
    # PGI = 0.93 × income (all above 0.423 pbb): 80 631, 121 595, then 267 840 a year.
    assert [y["pgi_sek"] for y in most.years[:3]] == [80_631, 121_595, 267_840]
    # barnår (method c, one ibb 80 600) in years 1–4: she has the lower PGI each year
    assert [y["child_year_sek"] for y in most.years[:5]] == [80_600] * 4 + [0]
    # credits 0.185 × (PGI + barnår): 29 828 + 37 406 + 2 × 64 461 (0.185 × 348 440)
    # + 8 × 49 550 (0.185 × 267 840) = 592 556
    assert most.pension_credits_over_years_sek == 29_828 + 37_406 + 2 * 64_461 + 8 * 49_550
    # 240/240: PGI 52 870 and 227 481; 0.185 × 133 470 → 24 692, 0.185 × 308 081 → 56 995
    assert equal.pension_credits_over_years_sek == 24_692 + 56_995 + 2 * 64_461 + 8 * 49_550
    # barnår make up much of the gap; the rest is the earlier job: 607 009 − 592 556
    assert equal.pension_credits_over_years_sek - most.pension_credits_over_years_sek == 14_453


def test_without_entry_nothing_changes():
    plain = li.Scenario(2025, (li.Parent("Mamma", 0), li.Parent("Pappa", 30_000)),
                        (li.Split("390/90", (390, 90)),))
    (result,) = li.compute(plain, RULES)
    # the old model: no earned income for a parent without income, ever
    assert result.parents[0].work_start_day is None
    assert all(y["income_sek"] == y["benefit_sek"] for y in result.parents[0].years)


def test_entry_is_read_from_yaml_and_bad_values_name_their_line():
    text = ("year: 2025\nparents:\n  - role: mother\n    monthly_income: 0\n"
            "    entry: {after_leave_monthly_income: 24000, delay_months: 6, example: true}\n"
            "  - {role: father, monthly_income: 30000}\nsplits:\n  - {days: [390, 90]}\n")
    scenario = li.scenario_from(yaml_lines.load(text, "x.yml"), "x.yml")
    assert scenario.parents[0].entry == li.Entry(24_000.0, 6)
    bad = text.replace("delay_months: 6", "delay_months: -1")
    with pytest.raises(InputError, match=r"x\.yml:5: entry delay_months -1 .* — write"):
        li.scenario_from(yaml_lines.load(bad, "x.yml"), "x.yml")


# --- item 1: the presets for the report's common situations ---------------------------------

PRESETS = yaml_lines.load((ROOT / "data" / "life_income_presets.yml").read_text(
    encoding="utf-8"), "data/life_income_presets.yml")
ENTRY_PRESETS = ("newly-arrived-mother-sfi", "both-without-work", "father-far-from-work")


def _preset(name):
    data = li.with_preset({"preset": name, "year": 2025}, PRESETS, "x.md")
    scenario = li.scenario_from(data, "x.md")
    return scenario, li.compute(scenario, RULES)


@pytest.mark.parametrize("name", ENTRY_PRESETS)
def test_entry_wages_in_presets_are_labelled_as_examples(name):
    for raw in PRESETS[name]["parents"]:
        if "entry" in raw:
            assert raw["entry"]["example"] is True and "example" in raw["entry"]["note"]
    scenario, _ = _preset(name)
    assert any(p.entry is not None for p in scenario.parents)


def test_newly_arrived_mother_earns_more_with_the_equal_split():
    scenario, (most, equal) = _preset("newly-arrived-mother-sfi")
    assert scenario.parents[0].entry == li.Entry(24_000.0, 6)
    # the same family as test_income_follows_the_work_start_by_hand
    assert (most.parents[0].income_over_years_sek,
            equal.parents[0].income_over_years_sek) == (3_097_447, 3_181_453)
    assert equal.parents[0].income_over_years_sek > most.parents[0].income_over_years_sek


def test_both_without_work_by_hand():
    _, (most, equal) = _preset("both-without-work")
    mother, father = most.parents
    # the mother's days end on day 390 (240), the father's follow hers: day 480 either way
    assert (mother.work_start_day, father.work_start_day) == (570, 660)
    assert (equal.parents[0].work_start_day, equal.parents[1].work_start_day) == (420, 660)
    # father 390/90: 90 income-level days × 250 = 22 500 in year 2 (days 390–479), work
    # from day 660: 730 − 660 = 70 days × 288 000 / 365 = 55 232.9 → 77 733 in year 2
    assert [y["income_sek"] for y in father.years[:2]] == [0, 77_733]


def test_father_far_from_work_by_hand():
    _, (most, equal) = _preset("father-far-from-work")
    # his days come after hers (day 480 either way), so his start is day 660 in both;
    # 240/240 pays him 195 × 250 + 45 × 180 = 56 850 instead of 90 × 250 = 22 500
    # (the model's calendar puts his leave after hers: a limit stated in the report)
    assert most.parents[1].work_start_day == equal.parents[1].work_start_day == 660
    assert most.parents[1].benefit_paid_sek == 22_500
    assert equal.parents[1].benefit_paid_sek == 56_850
