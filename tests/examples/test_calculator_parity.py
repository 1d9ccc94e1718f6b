"""Issue 20: the on-device calculator (theme/assets/calculator-model.js) gives the same
integers as the Python model for every output field, over ≥ 1 000 generated scenarios.

Hypothesis generates the scenarios; all of them go through Node in one process (one
Node start per scenario would dominate the run), then each is compared field by field.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from klarinfo.examples import calculator_rules
from klarinfo.examples import housing_allowance as ha
from klarinfo.examples import life_income as li
from klarinfo.examples import rules as rules_module

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "plugins" / "klarinfo" / "theme" / "assets" / "calculator-model.js"
RULES = rules_module.load(ROOT / "data" / "rules.yml")
EXAMPLES = 1200

# Reads {rules, life, housing} on stdin; prints the model's results, or the error code
# where the model refuses (a split the rules do not allow).
RUNNER = """
const m = require(process.argv[1]);
let input = "";
process.stdin.on("data", c => input += c).on("end", () => {
  const {rules, life, housing} = JSON.parse(input);
  const run = (f, x) => { try { return f(rules, x); }
                          catch (e) { if (e instanceof m.SplitError) return {error: e.code};
                                      throw e; } };
  process.stdout.write(JSON.stringify({
    life: life.map(s => run(m.lifeIncome, s)),
    housing: housing.map(h => run(m.housingAllowance, h))}));
});
"""

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")

_amount = st.one_of(st.just(0), st.integers(1, 6000), st.integers(6000, 120_000),
                    st.floats(0, 80_000, allow_nan=False).map(lambda x: round(x, 2)),
                    st.integers(0, 8000).map(lambda x: x + 0.5))
_entry = st.one_of(st.none(), st.fixed_dictionaries(
    {"monthly_income": st.integers(0, 60_000), "delay_months": st.integers(0, 36)}))
_parent = st.fixed_dictionaries({"monthly_income": _amount, "qualifies": st.booleans(),
                                 "employed": st.booleans(), "entry": _entry})


@st.composite
def _scenario(draw: Any) -> dict[str, Any]:
    # every arrival the calculator offers: barnår only for whole years in Sweden after an
    # arrival (#31, life_income.child_year_indices), never the arrival year
    arrival = draw(st.sampled_from(sorted(li.ARRIVAL_AGE)))
    year = draw(st.sampled_from(RULES.years))
    share = li.entitlement(RULES.at(year), arrival)
    family, most = 2 * share.total, 2 * share.total - share.reserved
    # Mostly splits the rules allow (no one takes the other's reserved days), sometimes
    # any days at all (the model must refuse the same splits the Python refuses).
    first = draw(st.one_of(st.integers(0, most), st.integers(0, family + 20)))
    second = draw(st.one_of(st.integers(0, max(0, min(most, family - first))),
                            st.integers(0, family + 20)))
    return {"year": year, "arrival": arrival,
            "years_after": draw(st.integers(0, 12)),
            "parents": [draw(_parent), draw(_parent)], "splits": [[first, second]]}


@st.composite
def _household(draw: Any) -> dict[str, Any]:
    adults = draw(st.integers(1, 2))
    income = st.lists(st.integers(0, 400_000), min_size=adults, max_size=adults)
    return {"year": draw(st.sampled_from(RULES.years)), "children": draw(st.integers(1, 6)),
            "housing_cost_per_month": draw(st.integers(0, 15_000)),
            "estimated_income": draw(income), "taxed_income": draw(income)}


def _python_life(s: dict[str, Any]) -> Any:
    parents = tuple(li.Parent(str(i), p["monthly_income"], p["qualifies"], p["employed"],
                              entry=li.Entry(p["entry"]["monthly_income"],
                                             p["entry"]["delay_months"]) if p["entry"] else None)
                    for i, p in enumerate(s["parents"]))
    scenario = li.Scenario(s["year"], (parents[0], parents[1]),
                           (li.Split("x", tuple(s["splits"][0])),), s["arrival"],
                           s["years_after"])
    try:
        result = li.compute(scenario, RULES)[0]
    except li.SplitError:
        return {"error": True}
    return {"parents": [{k: v for k, v in asdict(p).items() if k != "name"}
                        for p in result.parents]}


def _python_housing(h: dict[str, Any]) -> Any:
    household = ha.Household(h["year"], h["children"], h["housing_cost_per_month"],
                             tuple(h["estimated_income"]), tuple(h["taxed_income"]))
    return asdict(ha.compute(household, RULES))


def _collect(strategy: Any) -> list[Any]:
    seen: list[Any] = []

    @settings(max_examples=EXAMPLES, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def gather(value: Any) -> None:
        seen.append(value)

    gather()
    return seen


def _node(life: list[Any], housing: list[Any], model: Path = MODEL) -> dict[str, Any]:
    payload = json.dumps({"rules": calculator_rules.rules_data(RULES), "life": life,
                          "housing": housing})
    done = subprocess.run(["node", "-e", RUNNER, str(model)], input=payload, text=True,
                          capture_output=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _js_life(result: Any) -> Any:
    return {"error": True} if isinstance(result, dict) else result[0]


def test_js_model_matches_python_for_generated_scenarios():
    life, housing = _collect(_scenario()), _collect(_household())
    assert len(life) >= 1000 and len(housing) >= 1000
    js = _node(life, housing)
    refused = 0
    for scenario, result in zip(life, js["life"], strict=True):
        expected = _python_life(scenario)
        refused += "error" in expected
        assert _js_life(result) == expected, json.dumps(scenario)
    for household, result in zip(housing, js["housing"], strict=True):
        assert result == _python_housing(household), json.dumps(household)
    # Both kinds of scenario were generated: allowed splits and refused ones.
    assert 0 < refused < len(life) // 2
    # and every arrival, so the barnår after an arrival are compared too (#31)
    assert {s["arrival"] for s in life} == set(li.ARRIVAL_AGE)


def test_js_rounds_halves_like_python():
    """Python's round() goes half to even; Math.round would not (2.5 → 3, -2.5 → -2)."""
    values = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 1234.5, 0.49999999999999994, 2.675 * 100]
    script = ("const m = require(process.argv[1]);"
              f"process.stdout.write(JSON.stringify({json.dumps(values)}.map(m.pyRound)))")
    done = subprocess.run(["node", "-e", script, str(MODEL)], capture_output=True, text=True,
                          check=True)
    assert json.loads(done.stdout) == [round(v) for v in values]


def test_a_planted_rounding_difference_is_caught(tmp_path):
    """The parity check fails when the JS rounds half up (Math.round's rule): some
    generated scenario then differs from the Python model."""
    broken = tmp_path / "model.js"
    broken.write_text(MODEL.read_text(encoding="utf-8").replace(
        "return f % 2 === 0 ? f : f + 1;", "return f + 1;"), encoding="utf-8")
    life, housing = _collect(_scenario()), _collect(_household())
    js = _node(life, housing, broken)
    differs = [s for s, result in zip(life, js["life"], strict=True)
               if _js_life(result) != _python_life(s)]
    differs += [h for h, result in zip(housing, js["housing"], strict=True)
                if result != _python_housing(h)]
    assert differs
