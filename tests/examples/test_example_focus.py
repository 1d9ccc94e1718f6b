"""#14 follow-ups: whom the example sentences follow, and easy-read amounts a reader
compares (reviewers' items a and b). Real presets, rules and catalogs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from klarinfo.editions import messages
from klarinfo.examples import life_income, life_income_render, rules
from klarinfo.examples.money import kronor, kronor_rounded, rounded, rounded_pair

ROOT = Path(__file__).resolve().parents[2]
RULES = rules.load(ROOT / "data" / "rules.yml")
PRESETS = yaml.safe_load((ROOT / "data" / "life_income_presets.yml").read_text("utf-8"))
LOCALE = {"sv": "sv", "sv-latt": "sv", "en": "en", "ar": "ar", "so": "so"}


def example(preset: str, edition: str) -> tuple[list[str], list[str], object]:
    data = life_income.with_preset({"preset": preset}, PRESETS, "t.md")
    scenario = life_income.scenario_from(data, "t.md", 2026)
    results = life_income.compute(scenario, RULES)
    tr = messages.translator(ROOT / "locales", edition)
    names = [life_income_render.parent_name(p, scenario.parents[i].role, i, tr)
             for i, p in enumerate(results[0].parents)]
    money = kronor_rounded if edition == "sv-latt" else kronor
    said = life_income_render.sentences(scenario, results, names, LOCALE[edition], tr, money)
    return said, names, tr




def assumption(role: str, tr, edition: str) -> str:
    money = kronor_rounded if edition == "sv-latt" else kronor
    return life_income_render.entry_sentence(role, tr).format(
        name="", months=tr.ngettext("{n} month", "{n} months", 6).format(n=6),
        income=money(24_000, LOCALE[edition]))


@pytest.mark.parametrize("edition", list(LOCALE))
def test_a_tie_follows_the_parent_far_from_work(edition):
    # father-far-from-work: 390/90 → 240/240, both parents' days change by 150; the
    # example is about the father (the one with an entry plan), not the first parent
    said, _, tr = example("father-far-from-work", edition)
    father = life_income_render.income_sentence("father", 12, tr).split("{")[0]
    assert said[0] == assumption("father", tr, edition)
    assert said[1].startswith(father), said[1]
    assert assumption("mother", tr, edition) not in said
    # his days come after hers: he starts work on the same day with both splits, so the
    # "starts work … earlier" reason is not claimed
    sooner = life_income_render.sooner_sentence("father", tr).split("{")[0]
    assert not any(s.startswith(sooner) for s in said)


@pytest.mark.parametrize("edition", list(LOCALE))
def test_every_parent_with_an_entry_plan_has_the_assumption_stated(edition):
    said, _, tr = example("both-without-work", edition)
    # a tie between two parents with plans stays with the first (the mother) ...
    mother = life_income_render.income_sentence("mother", 12, tr).split("{")[0]
    assert said[2].startswith(mother), said[2]
    # ... and both assumptions come first, hers before his
    assert said[:2] == [assumption("mother", tr, edition), assumption("father", tr, edition)]


def test_the_focus_by_hand():
    def focus(preset: str) -> int:
        data = life_income.with_preset({"preset": preset}, PRESETS, "t.md")
        scenario = life_income.scenario_from(data, "t.md", 2026)
        return life_income_render.focus_parent(scenario, life_income.compute(scenario, RULES))
    # both-employed: tie (150 days each), no plans → the first parent
    # newly-arrived-mother-sfi: the mother has the plan → 0; father-far-from-work → 1
    assert [focus(p) for p in ("both-employed", "newly-arrived-mother-sfi",
                               "father-far-from-work", "both-without-work")] == [0, 0, 1, 0]


def test_compared_amounts_round_apart_when_they_differ():
    # the reviewers' case: 3 392 and 3 440 kr both round to 3 400 kr; 10 kr steps tell
    # them apart (339.2 → 339, 344.0 → 344)
    assert (rounded(3_392), rounded(3_440)) == (3_400, 3_400)
    assert rounded_pair(3_392, 3_440) == (3_390, 3_440)
    # father-far-from-work in 2026: 2 882 and 2 912 kr → 2 900 twice at 100 kr steps
    assert rounded_pair(2_882, 2_912) == (2_880, 2_910)
    # amounts that round apart keep the plain rounding; equal amounts stay equal
    assert rounded_pair(2_847, 2_920) == (2_800, 2_900)
    assert rounded_pair(3_003, 3_003) == (3_000, 3_000)
    # the coarser step of the two: 9 449 (step 100) next to 10 600 (step 1 000)
    assert rounded_pair(9_449, 10_600) == (9_000, 11_000)
    # 1 kr apart: down to whole kronor
    assert rounded_pair(3_391, 3_392) == (3_391, 3_392)


def test_the_easy_read_pension_sentence_shows_the_difference():
    said, _, _ = example("father-far-from-work", "sv-latt")
    monthly = [s for s in said if "varje månad" in s]
    assert len(monthly) == 1 and "2\xa0880\xa0kr och 2\xa0910\xa0kr" in monthly[0], monthly
