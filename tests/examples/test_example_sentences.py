"""Example sentences agree with the parent they describe (issue 14, item 7).

Real model, real rules, real catalogs: a sentence about the mother and one about the
father must come from different, role-specific strings, so Arabic can write "إذا أخذت الأم"
and "إذا أخذ الأب", and Somali "hooyadu … waxay helaysaa" and "aabbuhu … wuxuu helayaa".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from klarinfo.editions import messages
from klarinfo.examples import life_income, life_income_render, rules

ROOT = Path(__file__).resolve().parents[2]
LOCALE = {"sv": "sv", "sv-latt": "sv", "en": "en", "ar": "ar", "so": "so"}


def first_sentences(edition: str, roles: tuple[str, str]) -> list[str]:
    """The example's sentences when the first parent's days change (390 → 240)."""
    data = {"year": 2025,
            "parents": [{"role": roles[0], "monthly_income": 28000},
                        {"role": roles[1], "monthly_income": 36000}],
            "splits": [{"days": [390, 90]}, {"days": [240, 240]}]}
    scenario = life_income.scenario_from(data, "test.md")
    results = life_income.compute(scenario, rules.load(ROOT / "data" / "rules.yml"))
    tr = messages.translator(ROOT / "locales", edition)
    names = [life_income_render.parent_name(p, scenario.parents[i].role, i, tr)
             for i, p in enumerate(results[0].parents)]
    return life_income_render.sentences(scenario, results, names, LOCALE[edition], tr)


@pytest.mark.parametrize(("edition", "mother", "father"), [
    ("ar", ("إذا أخذت الأم 390 يوما", "يكون دخلها"), ("إذا أخذ الأب 390 يوما", "يكون دخله ")),
    ("so", ("Haddii hooyadu qaadato 390 maalmood", "waxay helaysaa"),
           ("Haddii aabbuhu qaato 390 maalmood", "wuxuu helayaa")),
    ("sv", ("Om mamman tar 390 dagar har hon",), ("Om pappan tar 390 dagar har han",)),
    ("sv-latt", ("Om mamman tar 390 dagar får hon",), ("Om pappan tar 390 dagar får han",)),
    ("en", ("If the mother takes 390 days, she has",), ("If the father takes 390 days, he has",)),
])
def test_the_sentence_agrees_with_the_parent_it_describes(edition, mother, father):
    about_mother = first_sentences(edition, ("mother", "father"))[0]
    about_father = first_sentences(edition, ("father", "mother"))[0]
    assert all(part in about_mother for part in mother), about_mother
    assert all(part in about_father for part in father), about_father
    # the other role's forms never leak in
    assert not any(part in about_father for part in mother[1:] or mother)
    assert not any(part in about_mother for part in father[1:] or father)


@pytest.mark.parametrize("edition", ["ar", "so"])
def test_each_role_uses_its_own_string(edition):
    tr = messages.translator(ROOT / "locales", edition)
    strings = {role: (life_income_render.income_sentence(role, 11, tr),
                      life_income_render.career_sentence(role, tr))
               for role in ("mother", "father", "parent", None)}
    assert strings["parent"] == strings[None]
    for kind in (0, 1):
        assert len({strings[r][kind] for r in ("mother", "father", "parent")}) == 3
    # translated, not the English source
    assert not any(s.startswith(("If ", "Research")) for pair in strings.values() for s in pair)


def test_a_parent_without_a_gender_keeps_the_name():
    sentences = first_sentences("ar", ("parent", "parent"))
    assert sentences[0].startswith("إذا أخذ الوالد 1 390 يوما")


HORIZON = {  # edition → the words that name the study's horizon, with 4 from data/rules.yml
    "sv": "fram till 4 år efter att ledigheten började, eftersom studien",
    "sv-latt": "Vi räknar bara med lägre lön i 4 år efter att ledigheten började.",
    "en": "up to 4 years after the leave began, because the study we use measured pay",
    "ar": "حتى 4 سنوات بعد بداية الإجازة، لأن الدراسة",
    "so": "ilaa 4 sano kadib markii fasaxu bilaabmay, sababtoo ah daraasadda",
}


@pytest.mark.parametrize("edition", list(HORIZON))
def test_the_career_range_names_the_horizon_the_study_measured(edition):
    said = first_sentences(edition, ("mother", "father"))
    # the horizon comes right after the range it limits, in the edition's own words
    assert HORIZON[edition] in said[-1], said[-1]
    assert said[-1] != said[-2] and "{" not in said[-1]


def test_the_horizon_in_the_sentence_is_the_one_in_the_rules():
    # Arabic has six plural forms: 1, 2 and 3–10 read differently; the number follows the rules
    tr = messages.translator(ROOT / "locales", "ar")
    assert "حتى سنة واحدة بعد" in life_income_render.horizon_sentence(1, tr)
    assert "حتى سنتين بعد" in life_income_render.horizon_sentence(2, tr)
    assert "حتى 3 سنوات بعد" in life_income_render.horizon_sentence(3, tr)
    r = rules.load(ROOT / "data" / "rules.yml")
    data = {"year": 2026, "parents": [{"role": "mother", "monthly_income": 28000},
                                      {"role": "father", "monthly_income": 36000}],
            "splits": [{"days": [390, 90]}, {"days": [240, 240]}]}
    results = life_income.compute(life_income.scenario_from(data, "t.md"), r)
    assert results[0].parents[0].career_horizon_years == int(
        r.at(2026).career_effect_horizon_years) == 4
