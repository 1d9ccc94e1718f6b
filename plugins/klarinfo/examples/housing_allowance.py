"""Preliminary vs final housing allowance (bostadsbidrag) for a family with children.

Why: almost a third of foreign-born recipients end up owing money back, often
because the income estimate was too low. The example shows how that happens:
the allowance is paid on an estimated income and settled a year later on the
taxed income; a difference of 1 200 kr or more is paid back (or paid out).

A model for examples, not a decision. What it includes, formula by formula, is
on the "how we calculate" page; it leaves out the limits on living space, the
allowance for children who live in the home part of the time, and households
without children.

    python -m klarinfo.examples.housing_allowance HOUSEHOLD.yml [--json] [--year YYYY]
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import asdict, dataclass
from typing import Any, Literal

from klarinfo.base.errors import Finding, InputError
from klarinfo.base.yaml_lines import line
from klarinfo.examples import cli as example_cli
from klarinfo.examples import ranges
from klarinfo.examples.rules import Rules, YearRules

MONTHS = 12
KEYS = {"year", "children", "housing_cost_per_month", "estimated_income", "taxed_income"}


@dataclass(frozen=True)
class Household:
    year: int
    children: int
    housing_cost_per_month: int
    # one income per adult (one: single parent; two: a couple), SEK per year
    estimated_income: tuple[int, ...]
    taxed_income: tuple[int, ...]

    @property
    def couple(self) -> bool:
        return len(self.estimated_income) == 2


@dataclass(frozen=True)
class Outcome:
    housing_cost_part_sek: int
    special_grant_sek: int
    income_limit_sek: int  # per adult
    preliminary_reduction_sek: int  # per month
    preliminary_monthly_sek: int
    preliminary_year_sek: int
    final_reduction_sek: int  # per month
    final_monthly_sek: int
    final_year_sek: int
    difference_sek: int  # final − preliminary: below zero, paid too much
    settlement: Literal["repay", "top_up", "none"]
    settlement_sek: int  # what is paid back or out (0 under the threshold)


# --- rules, formula by formula --------------------------------------------------------

def _by_children(r: YearRules, stem: str, children: int) -> float:
    suffix = {1: "1_child", 2: "2_children"}.get(children, "3_children")
    return getattr(r, f"{stem}_{suffix}")


def housing_cost_part(r: YearRules, children: int, cost: float) -> int:
    """Half the monthly housing cost between the floor and a ceiling set by the number
    of children (SFB 97:18)."""
    ceiling = _by_children(r, "housing_allowance_cost_ceiling", children)
    counted = min(cost, ceiling) - r.housing_allowance_cost_floor
    return max(0, round(r.housing_allowance_cost_share * counted))


def special_grant(r: YearRules, children: int) -> int:
    """The fixed grant for children living at home, by number of children (SFB 97:22)."""
    return int(_by_children(r, "housing_allowance_special_grant", children))


def income_limit(r: YearRules, couple: bool) -> int:
    return int(r.housing_allowance_income_limit_per_spouse if couple
               else r.housing_allowance_income_limit_single)


def yearly_reduction(r: YearRules, incomes: tuple[int, ...]) -> int:
    """20 % of each adult's yearly income above their limit (SFB 97:15)."""
    limit = income_limit(r, len(incomes) == 2)
    above = sum(max(0, income - limit) for income in incomes)
    return round(r.housing_allowance_reduction_rate * above)


def yearly_allowance(r: YearRules, h: Household, incomes: tuple[int, ...]) -> int:
    before = housing_cost_part(r, h.children, h.housing_cost_per_month) + special_grant(
        r, h.children)
    return max(0, MONTHS * before - yearly_reduction(r, incomes))


def compute(h: Household, rules: Rules) -> Outcome:
    r = rules.at(h.year)
    step = int(r.housing_allowance_preliminary_rounding)
    # Paid monthly, each month rounded down to a whole hundred (SFB 98:4–5) ...
    preliminary = math.floor(yearly_allowance(r, h, h.estimated_income) / MONTHS / step) * step
    # ... and settled for the whole year on the taxed income.
    final_year = yearly_allowance(r, h, h.taxed_income)
    difference = final_year - MONTHS * preliminary
    settlement: Literal["repay", "top_up", "none"] = "none"
    if abs(difference) >= r.housing_allowance_settlement_threshold:
        settlement = "repay" if difference < 0 else "top_up"
    return Outcome(
        housing_cost_part_sek=housing_cost_part(r, h.children, h.housing_cost_per_month),
        special_grant_sek=special_grant(r, h.children),
        income_limit_sek=income_limit(r, h.couple),
        preliminary_reduction_sek=round(yearly_reduction(r, h.estimated_income) / MONTHS),
        preliminary_monthly_sek=preliminary,
        preliminary_year_sek=MONTHS * preliminary,
        final_reduction_sek=round(yearly_reduction(r, h.taxed_income) / MONTHS),
        final_monthly_sek=round(final_year / MONTHS),
        final_year_sek=final_year,
        difference_sek=difference,
        settlement=settlement,
        settlement_sek=abs(difference) if settlement != "none" else 0,
    )


# --- reading a household from YAML, with the line of every mistake ---------------------

def household_from(data: Any, path: str, default_year: int | None = None) -> Household:
    findings: list[Finding] = []

    def bad(where: Any, key: str | None, problem: str, fix: str) -> None:
        at = line(where, key) if isinstance(where, dict) and key else None
        findings.append(Finding(path, at or line(data, None) or 1, problem, fix))

    def shown(key: str, value: Any) -> str:
        """'children 0' for a wrong value; 'children is missing' for no value at all,
        never 'children None'."""
        if key not in data:
            return f"{key} is missing; it"
        return f"{key} has no value; it" if value is None else f"{key} {value!r}"

    if not isinstance(data, dict):
        raise InputError(Finding(path, 1, "a housing-allowance example must be a mapping",
                                 "write children:, housing_cost_per_month:, "
                                 "estimated_income: and taxed_income:"))
    for key in data:
        if key not in KEYS:
            bad(data, key, f"unknown key '{key}'", f"use one of {', '.join(sorted(KEYS))}")
    year = data.get("year", default_year)
    if not isinstance(year, int) or isinstance(year, bool):
        bad(data, "year", "no rule year" if year is None else f"year {year!r} is not a year",
            "write year: 2026")
    children = data.get("children")
    if not isinstance(children, int) or isinstance(children, bool) or not 1 <= children <= 20:
        bad(data, "children", f"{shown('children', children)} must be a whole number from 1",
            "this calculator covers families with children: write children: 2")
    cost = data.get("housing_cost_per_month")
    if not isinstance(cost, int) or isinstance(cost, bool) or cost < 0:
        bad(data, "housing_cost_per_month",
            f"{shown('housing_cost_per_month', cost)} must be an amount" if cost is None
            else f"housing_cost_per_month {cost!r} is not an amount",
            "write the monthly rent in kronor as a whole number, e.g. 7500")
    incomes: dict[str, tuple[int, ...]] = {}
    for key in ("estimated_income", "taxed_income"):
        raw = data.get(key)
        values = raw if isinstance(raw, list) else [raw]
        if not (1 <= len(values) <= 2 and all(
                isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values)):
            bad(data, key, f"{shown(key, raw)} must be kronor per year for one or two adults",
                f"write {key}: 180000 (single parent) or [120000, 90000] (a couple)")
            continue
        incomes[key] = tuple(values)
    if len(incomes) == 2 and len(incomes["estimated_income"]) != len(incomes["taxed_income"]):
        bad(data, "taxed_income", "estimated_income and taxed_income name different numbers "
            "of adults", "give both one income (single parent) or both two (a couple)")
    if not findings:  # the types are right: now whether each figure is plausible
        findings = ranges.check(ranges.Household, data, path)
    if findings:
        raise InputError(findings)
    return Household(int(year), int(children), int(cost), incomes["estimated_income"],
                     incomes["taxed_income"])


def main(argv: list[str] | None = None) -> int:
    return example_cli.run(
        argv, "Compute a housing-allowance example.", "household",
        lambda data, path, rules: compute(household_from(data, path), rules),
        lambda o: json.dumps(asdict(o), ensure_ascii=False, indent=1),
        lambda o: "\n".join(f"{key}: {value}" for key, value in asdict(o).items()))


if __name__ == "__main__":
    sys.exit(main())
