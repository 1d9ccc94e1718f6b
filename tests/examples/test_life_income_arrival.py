"""Issue 14 items 2–3: arrival rules (SFB 12 kap. 12 §), barnår only in Sweden, barnår
method (b) and unknown figures — hand calculations, arithmetic in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from klarinfo.base.errors import InputError
from klarinfo.examples import life_income as li
from klarinfo.examples import placeholders
from klarinfo.examples import rules as rules_module

ROOT = Path(__file__).resolve().parents[2]
RULES_TEXT = (ROOT / "data" / "rules.yml").read_text(encoding="utf-8")
RULES = rules_module.parse(RULES_TEXT, "data/rules.yml")
R2025 = RULES.at(2025)
UNKNOWN_AVERAGE = "  values: {2025: null, 2026: null}"


def _rules_with_average(amount: int) -> rules_module.Rules:
    """data/rules.yml with a test figure for the average PGI (not an official value)."""
    assert RULES_TEXT.count(UNKNOWN_AVERAGE) == 1
    return rules_module.parse(RULES_TEXT.replace(
        UNKNOWN_AVERAGE, f"  values: {{2025: {amount}, 2026: {amount}}}"), "rules.yml")


# --- item 2: the arrival rules ------------------------------------------------------------

def test_arrival_entitlements_follow_rules_yml():
    # after the first birthday: 200 days, 100 per parent, none at the lowest level, 90 reserved
    assert li.entitlement(R2025, "after_first_birthday") == li.Entitlement(100, 0, 90)
    # after the second birthday: 100 days, 50 per parent, all 50 reserved (fewer than 90)
    assert li.entitlement(R2025, "after_second_birthday") == li.Entitlement(50, 0, 50)
    # a child from birth is unchanged: 195 + 45, 90 reserved
    assert li.entitlement(R2025, "birth") == li.Entitlement(195, 45, 90)


def test_arrival_limits_what_one_parent_can_take():
    share = li.entitlement(R2025, "after_first_birthday")
    # the other parent's 90 reserved days never move: 100 + 10 = 110 at most
    mother, father = li.allocate((110, 90), share)
    assert (mother.income_level_days, mother.transferred_days) == (110, 10)
    with pytest.raises(li.SplitError, match="at most 110"):
        li.allocate((111, 89), share)
    with pytest.raises(li.SplitError, match="child gives 200 days"):
        li.allocate((110, 91), share)
    # after the second birthday nothing can be transferred
    with pytest.raises(li.SplitError, match="at most 50"):
        li.allocate((51, 0), li.entitlement(R2025, "after_second_birthday"))


def test_arrival_preset_days_agree_with_its_label():
    presets = li.yaml_lines.load((ROOT / "data" / "life_income_presets.yml").read_text(
        encoding="utf-8"), "presets")
    preset = presets["arrived-after-first-birthday"]
    assert preset["arrival"] == "after_first_birthday"
    assert "first birthday" in preset["description"]
    for split in preset["splits"]:
        assert sum(split["days"]) == R2025.parental_days_arrival_after_first_birthday == 200


def _arrived(splits, arrival="after_first_birthday"):
    scenario = li.Scenario(2025, (li.Parent("Mamma", 0, role="mother"),
                                  li.Parent("Pappa", 25_000, role="father")),
                           tuple(li.Split(f"{a}/{b}", (a, b)) for a, b in splits), arrival)
    return li.compute(scenario, RULES)


def test_arrived_after_first_birthday_by_hand():
    most, equal = _arrived([(110, 90), (100, 100)])
    mother, father = most.parents
    # Mamma: no income, so the basic level: 110 days × 250 = 27 500 kr, all in year 1
    assert mother.benefit_paid_sek == 27_500 == mother.leave_year_income_sek
    # PGI: 27 500 is above 0.423 × 58 800 = 24 872.4, so 0.93 × 27 500 = 25 575
    assert mother.pension_qualifying_income_sek == 25_575
    # barnår: she has the lower PGI; (a) 0 − 25 575 < (c) one ibb 80 600 → 80 600
    assert mother.child_year_credit_sek == round(0.185 * 80_600) == 14_911
    # year 1: 0.185 × (25 575 + 80 600) = 0.185 × 106 175 = 19 642.4 → 19 642
    assert mother.pension_credit_sek == 19_642
    # barnår for 4 − 1 = 3 years (the child arrived aged one): years 2 and 3 add
    # 14 911 each, year 4 nothing: 19 642 + 2 × 14 911 = 49 464
    assert [y["child_year_sek"] for y in mother.years[:5]] == [80_600] * 3 + [0, 0]
    assert mother.pension_credits_over_years_sek == 49_464
    # Pappa: 0.776 × 300 000 / 365 = 637.8 → 638 kr a day; 90 days = 57 420 kr;
    # year 1: 300 000 × 275 / 365 = 226 027.4 + 57 420 = 283 447.4 → 283 447
    assert (father.daily_benefit_sek, father.benefit_paid_sek) == (638, 57_420)
    assert father.leave_year_income_sek == 283_447
    # equal split: 100 × 250 = 25 000; PGI 23 250; 0.185 × (23 250 + 80 600) = 19 212.25
    mother_equal = equal.parents[0]
    assert mother_equal.benefit_paid_sek == 25_000
    assert mother_equal.pension_credits_over_years_sek == 19_212 + 2 * 14_911


def test_barnar_only_for_the_years_in_sweden():
    # the same family from birth gets four barnår, after the second birthday two
    assert li.child_year_count(R2025, "birth") == 4
    assert li.child_year_count(R2025, "after_first_birthday") == 3
    assert li.child_year_count(R2025, "after_second_birthday") == 2
    (late,) = _arrived([(50, 50)], "after_second_birthday")
    assert [y["child_year_sek"] for y in late.parents[0].years[:3]] == [80_600, 80_600, 0]


# --- item 3: barnår method (b) and figures we do not know -----------------------------------

def test_child_year_base_without_the_average_is_a_and_c_only():
    # the average PGI is unknown in data/rules.yml: (b) is left out
    assert R2025.optional("pension_child_year_average_pgi") is None
    assert li.child_year_base(R2025, 0, 0) == 80_600  # (c) one ibb
    assert li.child_year_base(R2025, 400_000, 100_000) == 300_000  # (a) 400 000 − 100 000


def test_child_year_base_method_b_by_hand():
    r = _rules_with_average(400_000).at(2025)  # a test figure, not the official average
    # no income: (a) 0, (b) 0.75 × 400 000 − 0 = 300 000, (c) 80 600 → (b) 300 000
    assert li.child_year_base(r, 0, 0) == 300_000
    # PGI 250 000: (b) 300 000 − 250 000 = 50 000 < (c) 80 600 → (c)
    assert li.child_year_base(r, 0, 250_000) == 80_600
    # PGI before 500 000, now 100 000: (a) 400 000 > (b) 200 000 > (c) → (a)
    assert li.child_year_base(r, 500_000, 100_000) == 400_000
    # the ceiling: PGI 550 000, before 700 000: (a) 150 000, but only
    # 7.5 × 80 600 − 550 000 = 54 500 fits under 604 500
    assert li.child_year_base(r, 700_000, 550_000) == 54_500


def test_method_b_raises_the_credit_of_a_mother_without_income():
    scenario = li.Scenario(2025, (li.Parent("Mamma", 0), li.Parent("Pappa", 30_000)),
                           (li.Split("most", (390, 90)),))
    without = li.compute(scenario, RULES)[0].parents[0]
    with_b = li.compute(scenario, _rules_with_average(400_000))[0].parents[0]
    # year 1: her PGI is 80 631 (test_life_income_core); (b) 300 000 − 80 631 = 219 369
    assert without.child_year_credit_sek == round(0.185 * 80_600)
    assert with_b.child_year_credit_sek == round(0.185 * 219_369) == 40_583


def test_unknown_figure_is_never_shown_or_used_as_a_number():
    with pytest.raises(KeyError, match="unknown for 2025"):
        RULES.value("pension_child_year_average_pgi", 2025)
    text, findings = placeholders.expand("{{ rules.pension_child_year_average_pgi }}",
                                         "docs/sv/x.md", RULES, "sv")
    assert "{{" in text and findings and findings[0].line == 1


def test_null_is_refused_for_a_verified_parameter():
    broken = RULES_TEXT.replace("values: {2025: 58800, 2026: 59200}",
                                "values: {2025: null, 2026: 59200}")
    with pytest.raises(InputError, match=r"rules.yml:\d+: parameter 'prisbasbelopp' has None"):
        rules_module.parse(broken, "rules.yml")


# --- item 3: what the reader sees, in every edition ---------------------------------------

EDITIONS = {"sv": ("sv", "från de här åren", "Barnår"), "sv-latt": ("sv", "från de här åren",
            "Barnår"), "en": ("en", "from these years only", "Child-rearing years"),
            "ar": ("ar", "من هذه السنوات فقط", "barnår"), "so": ("so", "sannadahan oo keliya",
                                                                "barnår")}


@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_pension_is_labelled_as_from_these_years_and_the_condition_is_stated(edition):
    from klarinfo.editions import messages
    from klarinfo.examples import life_income_render

    locale, label, condition = EDITIONS[edition]
    tr = messages.translator(ROOT / "locales", edition)
    scenario_results = _arrived([(110, 90), (100, 100)])
    scenario = li.Scenario(2025, (li.Parent("Mamma", 0, role="mother"),
                                  li.Parent("Pappa", 25_000, role="father")),
                           (li.Split("a", (110, 90)), li.Split("b", (100, 100))),
                           "after_first_birthday")
    html = life_income_render.render(scenario, scenario_results, locale, edition == "ar", tr,
                                     "x", None, (2, 5))
    assert label in html  # the table header says the monthly figure is from these years
    note = html[html.index('class="klarinfo-example__note"'):]
    # the years come from the rules; the age limit is named by its rule (the riktålder,
    # SFB 62 kap. 38 § since 2026), not as "the year they turn 70" (the wording before 2026)
    age = "åldern för pension" if edition == "sv-latt" else "riktålder"  # easy-read: no jargon
    assert condition in note and "5" in note and age in note and "70" not in note
    # without the condition (e.g. a caller that has no rules) there is no note about it
    bare = life_income_render.render(scenario, scenario_results, locale, edition == "ar", tr,
                                     "x")
    assert condition not in bare[bare.index('class="klarinfo-example__note"'):]
