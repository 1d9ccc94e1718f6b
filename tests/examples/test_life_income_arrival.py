"""Issue 14 items 2–3: arrival rules (SFB 12 kap. 12 §), barnår only in Sweden, barnår
method (b) and unknown figures — hand calculations, arithmetic in the comments."""

from __future__ import annotations

from datetime import date
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
    # no barnår in year 1, the arrival year: she and the child were not resident in Sweden
    # the whole year (SFB 60 kap. 30 §); year 1 is 0.185 × 25 575 = 4 731.4 → 4 731
    assert mother.child_year_credit_sek == 0
    assert mother.pension_credit_sek == 4_731
    # barnår (#31): born in the first half of a year (assumed), arrived just after the first
    # birthday: 60 kap. 34 § gives the birth year up to the year the child turns three;
    # whole years in Sweden are years 2 and 3 of the model only. Her PGI there is 0, so the
    # base is (c) one ibb 80 600 (> (a) 0 − 0): 0.185 × 80 600 = 14 911 each.
    assert [y["child_year_sek"] for y in mother.years[:5]] == [0, 80_600, 80_600, 0, 0]
    assert mother.pension_credits_over_years_sek == 4_731 + 2 * 14_911 == 34_553
    # Pappa: 0.776 × 300 000 / 365 = 637.8 → 638 kr a day; 90 days = 57 420 kr;
    # year 1: 300 000 × 275 / 365 = 226 027.4 + 57 420 = 283 447.4 → 283 447
    assert (father.daily_benefit_sek, father.benefit_paid_sek) == (638, 57_420)
    assert father.leave_year_income_sek == 283_447
    # equal split: 100 × 250 = 25 000; PGI 23 250; 0.185 × 23 250 = 4 301.25 → 4 301
    mother_equal = equal.parents[0]
    assert mother_equal.benefit_paid_sek == 25_000
    assert mother_equal.pension_credits_over_years_sek == 4_301 + 2 * 14_911


def test_barnar_only_for_the_years_in_sweden():
    # from birth four barnår; after the first birthday two (not three: the arrival year is
    # not a whole year in Sweden), after the second birthday one
    counts = [li.child_year_count(R2025, li.Scenario(2025, (), (), arrival))
              for arrival in ("birth", "after_first_birthday", "after_second_birthday")]
    assert counts == [4, 2, 1]
    (late,) = _arrived([(50, 50)], "after_second_birthday")
    assert [y["child_year_sek"] for y in late.parents[0].years[:3]] == [0, 80_600, 0]


# --- #31: barnår by the dates of birth and arrival (SFB 60 kap. 30 and 34 §§) ------------

def test_barnar_years_by_hand_from_the_dates():
    cal = li.child_year_calendar
    # born 2022-03-15 (January–June): 34 § 1 gives 2022 up to 2025, the year it turns
    # three. Arrived 2024-05-01: 2024 is not a whole year in Sweden (30 § 1–2), so
    # only 2025 — one barnår (the old count, 4 − 2 = 2, was one too many)
    assert cal(date(2022, 3, 15), date(2024, 5, 1), 4) == [2025]
    # born 2022-09-10 (July–December): 34 § 2 gives 2023 (turns one) up to 2026 (turns
    # four); arrived 2024-10-01 → 2025 and 2026
    assert cal(date(2022, 9, 10), date(2024, 10, 1), 4) == [2025, 2026]
    # arriving on 1 January makes that year a whole year in Sweden
    assert cal(date(2022, 3, 15), date(2025, 1, 1), 4) == [2025]
    assert cal(date(2022, 9, 10), date(2024, 1, 1), 4) == [2024, 2025, 2026]
    # born in Sweden: the birth year counts (the part of the year the child lived)
    assert cal(date(2024, 2, 1), None, 4) == [2024, 2025, 2026, 2027]
    assert cal(date(2024, 11, 20), None, 4) == [2025, 2026, 2027, 2028]


def test_a_scenario_with_dates_by_hand():
    # born 2022-03-15, arrived 2024-05-01 (aged two: 100 days, 12 kap. 12 §). Model year 0
    # is 2024, the arrival year; the one barnår, 2025, is model year 1.
    data = {"year": 2025, "born": date(2022, 3, 15), "arrived": date(2024, 5, 1),
            "parents": [{"role": "mother", "monthly_income": 0},
                        {"role": "father", "monthly_income": 25_000}],
            "splits": [{"days": [50, 50]}]}
    scenario = li.scenario_from(data, "t.yml")
    assert scenario.arrival == "after_second_birthday"  # from the dates
    assert li.child_year_indices(R2025, scenario) == [1]
    (result,) = li.compute(scenario, RULES)
    assert [y["child_year_sek"] for y in result.parents[0].years[:4]] == [0, 80_600, 0, 0]
    # born 2022-09-10, arrived 2024-10-01: 2025 and 2026, model years 1 and 2
    later = li.scenario_from({**data, "born": date(2022, 9, 10),
                              "arrived": date(2024, 10, 1)}, "t.yml")
    assert li.child_year_indices(R2025, later) == [1, 2]


def test_dates_that_contradict_or_lack_are_refused_at_their_line():
    text = ("year: 2025\narrival: after_first_birthday\nborn: 2022-03-15\n"
            "arrived: 2024-05-01\nparents:\n  - {role: mother, monthly_income: 0}\n"
            "  - {role: father, monthly_income: 25000}\nsplits:\n  - {days: [50, 50]}\n")
    data = li.yaml_lines.load(text, "t.yml")
    with pytest.raises(InputError, match=r"t.yml:2: arrival 'after_first_birthday' does "
                                         r"not match the dates"):
        li.scenario_from(data, "t.yml")
    data = li.yaml_lines.load(text.replace("born: 2022-03-15\n", ""), "t.yml")
    with pytest.raises(InputError, match=r"t.yml:3: arrived needs the child's birth date"):
        li.scenario_from(data, "t.yml")


def test_every_preset_parent_without_income_has_an_entry_plan():
    """#31 item 2: a parent without income kept at no income for every later year is the
    false story (27 500 kr over 11 years); every preset gives them SFI, then work."""
    presets = li.yaml_lines.load((ROOT / "data" / "life_income_presets.yml").read_text(
        encoding="utf-8"), "presets")
    missing = [(name, p.get("role")) for name, preset in presets.items()
               for p in preset["parents"] if p["monthly_income"] == 0 and "entry" not in p]
    assert missing == []


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


# --- #31 item 2: the arrival example says what it assumes, in every edition ------------------

@pytest.mark.parametrize("edition", sorted(EDITIONS))
def test_arrival_example_states_the_entry_assumption(edition):
    from klarinfo.editions import messages
    from klarinfo.examples import life_income_render as lr
    from klarinfo.examples.money import kronor, kronor_rounded

    presets = li.yaml_lines.load((ROOT / "data" / "life_income_presets.yml").read_text(
        encoding="utf-8"), "presets")
    scenario = li.scenario_from(li.with_preset({"preset": "arrived-after-first-birthday"},
                                               presets, "t.md"), "t.md", 2026)
    results = li.compute(scenario, RULES)
    tr = messages.translator(ROOT / "locales", edition)
    locale = EDITIONS[edition][0]
    money = kronor_rounded if edition == "sv-latt" else kronor
    names = [lr.parent_name(p, scenario.parents[i].role, i, tr)
             for i, p in enumerate(results[0].parents)]
    said = lr.sentences(scenario, results, names, locale, tr, money)
    # the mother's SFI months and example wage come first, before any figure
    assert said[0] == lr.entry_sentence("mother", tr).format(
        name=names[0], months=tr.ngettext("{n} month", "{n} months", 6).format(n=6),
        income=money(24_000, locale))
    # her days end on day 110 or 100, so work starts on day 110 + 180 = 290 or 280: ten days
    # sooner, said in days — rounded to months it read "0 months earlier"
    a, b = (r.parents[0] for r in results)
    assert (a.work_start_day, b.work_start_day) == (290, 280)
    sooner = lr.sooner_sentence("mother", tr).format(
        name=names[0], sooner=tr.ngettext("{n} day", "{n} days", 10).format(n=10),
        days_b=tr.ngettext("{n} day", "{n} days", 100).format(n=100))
    assert said[2] == sooner
    zero = tr.ngettext("{n} month", "{n} months", 0).format(n=0)
    assert not any(zero in s for s in said)
