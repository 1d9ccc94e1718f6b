"""Plausible ranges for every figure a rule, a preset or an example block gives, checked by
pydantic.

Why: a monthly income of 10⁹ kr, a rent with an extra zero or a rule value typed in the
wrong unit passed every check and printed an absurd worked example. Each range below is
wide enough for any real family or rule year and says why it ends where it does; a
figure outside is reported at its line, with the range, as a likely typo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError

from klarinfo.base import yaml_lines
from klarinfo.base.errors import Finding


@dataclass(frozen=True)
class Range:
    low: float
    high: float
    unit: str  # how the figure is written, for the message
    why: str  # where the limit comes from, for the writer who hits it
    grouped: bool = True  # 200 000 kr, but the year 2026


#: Inputs of ```life-income``` and ```housing-allowance``` blocks and of
#: data/life_income_presets.yml, by key.
INPUTS = {
    # Ten times a typical full-time wage; the benefit ceiling (10 prisbasbelopp, about
    # 49 000 kr a month) is far below, so more changes nothing in an example: a typo.
    "monthly_income": Range(0, 200_000, "kr a month before tax",
                            "more than ten times a full-time wage is almost surely a typo"),
    "after_leave_monthly_income": Range(0, 200_000, "kr a month before tax",
                                        "more than ten times a full-time wage is almost "
                                        "surely a typo"),
    # SFI and the introduction programme last up to about two years; four is the most
    # a plan before a first job could take.
    "delay_months": Range(0, 48, "months", "SFI and introduction last up to about two years"),
    # A child gives at most 480 days (data/rules.yml parental_days_total).
    "days": Range(0, 480, "days per parent", "a child gives at most 480 days"),
    # The years after the leave the example counts: at most a working life.
    "years_after": Range(0, 50, "years", "a working life is at most about 50 years"),
    # data/rules.yml keys its values by four-digit years in this span.
    "year": Range(2000, 2100, "", "rule years are written as four-digit years", False),
    # The special grant steps end at three or more children; 15 is beyond any family the
    # example is for.
    "children": Range(1, 15, "children", "the example is for families with 1 to 15 children"),
    # The highest rent counted is the ceiling for three children (about 8 600 kr).
    "housing_cost_per_month": Range(0, 50_000, "kr a month",
                                    "a rent above 50 000 kr a month is almost surely a typo"),
    # The monthly limit above, for a year.
    "estimated_income": Range(0, 2_400_000, "kr a year per adult",
                              "more than 200 000 kr a month is almost surely a typo"),
    "taxed_income": Range(0, 2_400_000, "kr a year per adult",
                          "more than 200 000 kr a month is almost surely a typo"),
}

#: data/rules.yml values, by unit.
RULE_VALUES = {
    # The largest yearly rule amount, the average pension base, is about 400 000 kr.
    "SEK/year": Range(0, 1_000_000, "kr a year", "no yearly rule amount comes near a million"),
    # Housing-allowance ceilings and grants are a few thousand kronor a month.
    "SEK/month": Range(0, 100_000, "kr a month", "monthly rule amounts are a few thousand"),
    # The highest parental benefit is about 1 300 kr a day.
    "SEK/day": Range(0, 5_000, "kr a day", "the highest daily benefit is about 1 300 kr"),
    # Roundings and thresholds: a few hundred or thousand kronor.
    "SEK": Range(0, 100_000, "kr", "roundings and thresholds are hundreds or thousands"),
    "days": Range(0, 480, "days", "a child gives at most 480 days"),
    "share": Range(0, 1, "(a share: 0.8 is 80 %)", "a share is between 0 and 1"),
    "percent": Range(0, 100, "percent", "a percentage is between 0 and 100"),
    "years": Range(0, 50, "years", "a working life is at most about 50 years"),
    # The law's ceilings are 7.5 income base amounts and 10 price base amounts.
    "prisbasbelopp": Range(0, 20, "price base amounts", "the law's ceilings are 10 or less"),
    "inkomstbasbelopp": Range(0, 20, "income base amounts", "the law's ceilings are 7.5 or less"),
    # The pension divisor (delningstal) at 65 is about 16–20.
    "divisor": Range(1, 40, "", "the pension divisor at 65 is about 16 to 20"),
}


def _field(key: str) -> Any:
    return Field(ge=INPUTS[key].low, le=INPUTS[key].high)


class _Lax(BaseModel):
    """Only the ranges: types, names and other keys are checked where they are read."""

    model_config = ConfigDict(extra="ignore")


class _Entry(_Lax):
    after_leave_monthly_income: Annotated[float, _field("after_leave_monthly_income")] = 0
    delay_months: Annotated[int, _field("delay_months")] = 0


class _Parent(_Lax):
    monthly_income: Annotated[float, _field("monthly_income")] = 0
    entry: _Entry | None = None


class _Split(_Lax):
    days: list[Annotated[int, _field("days")]]


class Scenario(_Lax):
    """A ```life-income``` block or a preset of data/life_income_presets.yml."""

    year: Annotated[int, _field("year")] | None = None
    years_after: Annotated[int, _field("years_after")] = 10
    parents: list[_Parent] = []
    splits: list[_Split] = []


def _as_list(value: Any) -> Any:
    """One adult's income may be written alone: ``estimated_income: 180000``."""
    return value if isinstance(value, list) else [value]


class Household(_Lax):
    """A ```housing-allowance``` block (incomes as lists: one or two adults)."""

    year: Annotated[int, _field("year")] | None = None
    children: Annotated[int, _field("children")]
    housing_cost_per_month: Annotated[int, _field("housing_cost_per_month")]
    estimated_income: Annotated[list[Annotated[int, _field("estimated_income")]],
                                BeforeValidator(_as_list)]
    taxed_income: Annotated[list[Annotated[int, _field("taxed_income")]],
                            BeforeValidator(_as_list)]


def check(model: type[BaseModel], data: Any, path: str) -> list[Finding]:
    """A finding at the line of each figure of ``data`` outside its range."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [_finding(error, data, path) for error in exc.errors()]
    return []


def _finding(error: Any, data: Any, path: str) -> Finding:
    loc = list(error["loc"])
    key = next(str(part) for part in reversed(loc) if isinstance(part, str))
    owner = data  # the innermost mapping holding ``key``, for its line
    for part in loc[:loc.index(key)]:
        owner = owner[part]
    return _out_of(INPUTS.get(key), key, error.get("input"), path,
                   yaml_lines.line(owner, key) or yaml_lines.line(data) or 1)


def _out_of(limits: Range | None, key: str, value: Any, path: str, line: int) -> Finding:
    if limits is None:  # a type the reader checks itself; say it plainly
        return Finding(path, line, f"{key} {value!r} is not a number", "write a number")
    span = (f"{_number(limits.low)}–{_number(limits.high)} {limits.unit}".rstrip()
            if limits.grouped else f"{limits.low:g}–{limits.high:g}")
    return Finding(path, line, f"{key} {value!r} is outside {span}",
                   f"check the figure (an extra zero?): {limits.why}")


def _number(value: float) -> str:
    return f"{value:,g}".replace(",", " ") if value < 1e6 else f"{int(value):,}".replace(",", " ")


_RULE_ADAPTERS = {unit: TypeAdapter(Annotated[float, Field(ge=r.low, le=r.high)])
                  for unit, r in RULE_VALUES.items()}


def rule_value(name: str, unit: str, year: int, value: float, path: str, line: int
               ) -> Finding | None:
    """A finding when a data/rules.yml value is outside its unit's range, else None."""
    adapter = _RULE_ADAPTERS.get(unit)
    if adapter is None:
        return None  # an unknown unit is reported by the rules parser
    try:
        adapter.validate_python(value)
    except ValidationError:
        limits = RULE_VALUES[unit]
        return _out_of(limits, f"parameter '{name}' for {year}:", value, path, line)
    return None
