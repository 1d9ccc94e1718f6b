"""Worked examples: how splitting parental benefit days changes each parent's income and pension.

A model for examples, not a decision: gross amounts before tax, general pension only
(no occupational pension, no guarantee pension), incomes constant in today's
money. Every rule figure comes from data/rules.yml for the chosen rule year.
Formulas, one per function, are explained on the "how we calculate" page.

    python -m klarinfo.examples.life_income SCENARIO.yml [--json] [--year 2026]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from klarinfo.base import yaml_lines
from klarinfo.base.errors import Finding, InputError
from klarinfo.examples import cli as example_cli
from klarinfo.examples import ranges
from klarinfo.examples.rules import Rules, YearRules

Arrival = Literal["birth", "after_first_birthday", "after_second_birthday"]
DAYS_PER_YEAR = 365
DAYS_PER_MONTH = 30  # Försäkringskassan counts a month of full-time benefit as 30 days
ROLES = ("mother", "father", "parent")


@dataclass(frozen=True)
class Entry:
    """A plan for when the parent's own leave days end: ``delay_months`` in SFI or an
    introduction programme (no earned income), then work at ``monthly_income`` for the
    rest of the modelled years. The figures are the scenario's assumptions, not rules."""

    monthly_income: float  # SEK per month before tax once the parent works
    delay_months: int = 0  # months of SFI / introduction between the leave and the job


@dataclass(frozen=True)
class Parent:
    name: str
    monthly_income: float  # SEK per month before the birth; 0 = no income
    qualifies: bool = True  # met the 240-day rule; if not, income-level days pay the basic level
    employed: bool = True  # had a job before the birth
    role: str | None = None  # mother / father / parent: named in the reader's language
    entry: Entry | None = None  # work (after studies) once the leave ends; None: as before


@dataclass(frozen=True)
class Split:
    label: str
    days: tuple[int, int]


@dataclass(frozen=True)
class Scenario:
    year: int
    parents: tuple[Parent, Parent]
    splits: tuple[Split, ...]
    arrival: Arrival = "birth"
    years_after: int = 10  # later years counted in "income over the years"
    # The child's birth and arrival in Sweden, when the example names them: they decide
    # which years give barnår (``child_year_calendar``). None: the dates ARRIVAL_AGE assumes.
    born: date | None = None
    arrived: date | None = None


@dataclass(frozen=True)
class Entitlement:
    """Days the family has, per parent, by level (the reserved days are income-level days)."""

    income_level: int
    minimum_level: int
    reserved: int

    @property
    def total(self) -> int:
        return self.income_level + self.minimum_level


@dataclass(frozen=True)
class Use:
    """Days one parent takes, by level and by whose share they come from."""

    income_level_days: int
    minimum_level_days: int
    transferred_days: int  # from the other parent's share
    forfeited_days: int  # own reserved days not taken: lost, never transferred

    @property
    def days(self) -> int:
        return self.income_level_days + self.minimum_level_days


@dataclass(frozen=True)
class ParentResult:
    name: str
    daily_benefit_sek: int
    monthly_benefit_sek: int
    income_level_days: int
    minimum_level_days: int
    transferred_days: int
    forfeited_days: int
    benefit_paid_sek: int
    leave_year_income_sek: int
    pension_qualifying_income_sek: int
    pension_credit_sek: int
    child_year_credit_sek: int
    income_over_years_sek: int
    pension_credits_over_years_sek: int
    # what those credits alone add to the monthly pension from 65 (an estimate)
    monthly_pension_estimate_sek: int
    # the same with the research range of the career effect (None: no job before the birth)
    income_over_years_low_sek: int | None
    income_over_years_high_sek: int | None
    # with an entry plan: the day (counted from the birth, day 0) the parent starts work
    work_start_day: int | None = None
    # the last year the career range applies, counted from the year the leave starts
    # (data/rules.yml career_effect_horizon_years): the page names it with the range
    career_horizon_years: int | None = None
    years: list[dict[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class SplitResult:
    label: str
    parents: tuple[ParentResult, ParentResult]


# --- rules, formula by formula --------------------------------------------------------

# The child's age in whole years when it arrives: the model's first year is the first year
# in Sweden. We assume arrival soon after the birthday named (an assumption on the page).
ARRIVAL_AGE = {"birth": 0, "after_first_birthday": 1, "after_second_birthday": 2}


def entitlement(r: YearRules, arrival: Arrival) -> Entitlement:
    """Each parent's half of the days (12 kap. 15–15 a §§), by level, and the reserved days.

    A child who becomes resident after its first or second birthday gives 200 / 100 days
    in total (12 kap. 12 § andra stycket); how they split into levels and reserved days
    is in data/rules.yml, flagged as our reading of the law until checked.
    """
    if arrival == "birth":
        return Entitlement(int(r.parental_days_income_level) // 2,
                           int(r.parental_days_minimum_level) // 2,
                           int(r.parental_days_reserved_per_parent))
    total = int(getattr(r, f"parental_days_arrival_{arrival}"))
    minimum = int(getattr(r, f"parental_days_arrival_{arrival}_minimum_level")) // 2
    reserved = int(getattr(r, f"parental_days_arrival_{arrival}_reserved_per_parent"))
    per_parent = total // 2
    return Entitlement(per_parent - minimum, minimum, min(reserved, per_parent - minimum))


def daily_benefit(r: YearRules, annual_income: float, qualifies: bool = True) -> int:
    """Benefit per income-level day: round(0.8 × 0.97 × min(income, 10 pbb) / 365),
    never below the basic level; the basic level without qualifying income."""
    basic = int(r.parental_basic_level_per_day)
    if not qualifies or annual_income <= 0:
        return basic
    capped = min(annual_income, r.parental_income_ceiling_pbb * r.prisbasbelopp)
    amount = round(r.parental_income_share * r.parental_sgi_factor * capped / DAYS_PER_YEAR)
    return max(basic, int(amount))


def pension_qualifying_income(r: YearRules, income: float) -> int:
    """PGI: income less the 7 % general pension fee, at most 7.5 ibb, none below 42.3 % pbb."""
    if income < r.pension_floor_pbb * r.prisbasbelopp:
        return 0
    return int(round(min((1 - r.pension_general_fee) * income,
                         r.pension_ceiling_ibb * r.inkomstbasbelopp)))


def monthly_pension(r: YearRules, credits: float) -> int:
    """What pension credits add to the pension per month: the balance divided by the
    delningstal, over twelve months. Incomes are in today's money and the balance
    follows the income index, so no growth is added (an estimate, see data/rules.yml)."""
    return int(round(credits / r.pension_annuity_divisor / 12))


def pension_credit(r: YearRules, qualifying: float) -> int:
    """Pension rights earned in a year: 18.5 % of the pension base."""
    return int(round(r.pension_contribution_rate * qualifying))


# --- allocation and validation ----------------------------------------------------------

class SplitError(ValueError):
    """A split the rules do not allow; the message names the rule."""


def allocate(days: Sequence[int], share: Entitlement) -> tuple[Use, Use]:
    """Which days each parent's days are, under the rules.

    Each parent first takes days from their own share, income-level days first.
    Days beyond their share come from the other parent's share, except the other
    parent's reserved days, which can never move: reserved days not taken are lost.
    """
    if len(days) != 2 or any(not isinstance(d, int) or d < 0 for d in days):
        raise SplitError("a split gives each of the two parents a whole number of days ≥ 0")
    family = 2 * share.total
    if sum(days) > family:
        raise SplitError(f"the split uses {sum(days)} days but the child gives {family} days")
    own = [(min(d, share.income_level), 0) for d in days]
    own = [(i, min(d - i, share.minimum_level)) for d, (i, _) in zip(days, own, strict=True)]
    uses = []
    for me in (0, 1):
        other = 1 - me
        extra = days[me] - sum(own[me])
        used_income_other = own[other][0]
        forfeited_other = max(0, share.reserved - used_income_other)
        movable_income = share.income_level - used_income_other - forfeited_other
        movable_minimum = share.minimum_level - own[other][1]
        if extra > movable_income + movable_minimum:
            raise SplitError(
                f"parent {me + 1} takes {days[me]} days, but the other parent's "
                f"{share.reserved} reserved days cannot be transferred: at most "
                f"{sum(own[me]) + movable_income + movable_minimum} days are possible")
        from_income = min(extra, movable_income)
        uses.append(Use(own[me][0] + from_income, own[me][1] + extra - from_income, extra,
                        max(0, share.reserved - own[me][0])))
    return uses[0], uses[1]


# --- the example -------------------------------------------------------------------------

def _calendar(uses: tuple[Use, Use]) -> list[tuple[list[int], list[int]]]:
    """Days per parent per year after the birth: parent 1's leave first, then parent 2's.

    Returns for each year (income-level days, minimum-level days) per parent.
    """
    years: list[tuple[list[int], list[int]]] = []
    cursor = 0
    for index, use in enumerate(uses):
        for level, count in ((0, use.income_level_days), (1, use.minimum_level_days)):
            while count:
                year, offset = divmod(cursor, DAYS_PER_YEAR)
                while len(years) <= year:
                    years.append(([0, 0], [0, 0]))
                take = min(count, DAYS_PER_YEAR - offset)
                years[year][index][level] += take
                cursor += take
                count -= take
    return years or [([0, 0], [0, 0])]


def leave_ends(uses: tuple[Use, Use]) -> tuple[int, int]:
    """The day after each parent's own leave, counted from the birth, in ``_calendar``'s
    order: parent one's days first, then parent two's (one benefit day = one calendar day)."""
    first = uses[0].days
    return first, first + uses[1].days


def work_start(entry: Entry, leave_end: int) -> int:
    """The day the parent starts work: when the own days end, plus the months of SFI or
    introduction, a month counted as 30 days as everywhere in this model. Every day the
    parent takes moves it by one day."""
    return leave_end + entry.delay_months * DAYS_PER_MONTH


def earned_in_year(parent: Parent, year: int, leave_days: int, start: int | None) -> float:
    """Earned income in model year ``year`` (0-based) outside the leave days.

    Without an entry plan: the income before the birth on every day not on leave. With
    one: the income before the birth on the days before the work start that are not
    leave days (0 for a parent without income), then the entry income from the start on.
    """
    annual = parent.monthly_income * 12
    if parent.entry is None or start is None:
        return annual * (DAYS_PER_YEAR - leave_days) / DAYS_PER_YEAR
    year_start = year * DAYS_PER_YEAR
    working = min(DAYS_PER_YEAR, max(0, year_start + DAYS_PER_YEAR - start))
    before = max(0, DAYS_PER_YEAR - working - leave_days)
    return (annual * before + parent.entry.monthly_income * 12 * working) / DAYS_PER_YEAR


def compute(scenario: Scenario, rules: Rules) -> list[SplitResult]:
    r = rules.at(scenario.year)
    share = entitlement(r, scenario.arrival)
    results = []
    for split in scenario.splits:
        try:
            uses = allocate(split.days, share)
        except SplitError as exc:
            raise SplitError(f"split '{split.label}': {exc}") from None
        calendar = _calendar(uses)
        ends = leave_ends(uses)
        starts = [work_start(p.entry, ends[i]) if p.entry is not None else None
                  for i, p in enumerate(scenario.parents)]
        horizon = max(len(calendar), 1) + scenario.years_after
        per_parent: list[list[dict[str, int]]] = [[], []]
        for year in range(horizon):
            days = calendar[year] if year < len(calendar) else ([0, 0], [0, 0])
            for index, parent in enumerate(scenario.parents):
                annual = parent.monthly_income * 12
                income_days, minimum_days = days[index]
                daily = daily_benefit(r, annual, parent.qualifies)
                benefit = income_days * daily + minimum_days * int(
                    r.parental_minimum_level_per_day)
                # SGI: the benefit is paid on the income before the birth (``daily`` above).
                # All leave days come before the work start, so the job's income would only
                # give an SGI for later benefits (sickness, a next child): not modelled.
                earned = earned_in_year(parent, year, income_days + minimum_days,
                                        starts[index])
                income = round(earned + benefit)
                per_parent[index].append({"year": year + 1, "benefit_sek": int(benefit),
                                          "income_sek": int(income),
                                          "pgi_sek": pension_qualifying_income(r, income)})
        _child_years(r, scenario, per_parent)
        parents = []
        for index, parent in enumerate(scenario.parents):
            use, years = uses[index], per_parent[index]
            daily = daily_benefit(r, parent.monthly_income * 12, parent.qualifies)
            benefit = use.income_level_days * daily + use.minimum_level_days * int(
                r.parental_minimum_level_per_day)
            first = years[0]
            credits = sum(pension_credit(r, y["pgi_sek"] + y["child_year_sek"]) for y in years)
            parents.append(ParentResult(
                name=parent.name,
                daily_benefit_sek=daily,
                monthly_benefit_sek=daily * DAYS_PER_MONTH,
                income_level_days=use.income_level_days,
                minimum_level_days=use.minimum_level_days,
                transferred_days=use.transferred_days,
                forfeited_days=use.forfeited_days,
                benefit_paid_sek=int(benefit),
                leave_year_income_sek=first["income_sek"],
                pension_qualifying_income_sek=first["pgi_sek"],
                pension_credit_sek=pension_credit(r, first["pgi_sek"] + first["child_year_sek"]),
                child_year_credit_sek=pension_credit(r, first["child_year_sek"]),
                income_over_years_sek=sum(y["income_sek"] for y in years),
                pension_credits_over_years_sek=credits,
                monthly_pension_estimate_sek=monthly_pension(r, credits),
                income_over_years_low_sek=_with_career_effect(
                    r, parent, use, years, len(calendar), r.career_effect_per_month_high),
                income_over_years_high_sek=_with_career_effect(
                    r, parent, use, years, len(calendar), r.career_effect_per_month_low),
                work_start_day=starts[index],
                career_horizon_years=int(r.career_effect_horizon_years),
                years=years,
            ))
        results.append(SplitResult(split.label, (parents[0], parents[1])))
    return results


def _with_career_effect(r: YearRules, parent: Parent, use: Use, years: list[dict[str, int]],
                        leave_years: int, per_month: float) -> int | None:
    """Income over the years if each month of leave lowers later earnings by ``per_month``.

    A range from research (see data/rules.yml), not a rule; it only applies to a
    parent who had a job before the birth. The study measured earnings four years later
    (``career_effect_horizon_years``), so the effect applies to the years after the leave
    up to that year (year 0 is the year the leave starts) and not beyond: we do not
    extrapolate a short-run estimate over years nobody measured.
    """
    if not parent.employed or parent.monthly_income <= 0:
        return None
    factor = max(0.0, 1 - per_month * use.days / DAYS_PER_MONTH)
    horizon = int(r.career_effect_horizon_years)
    return int(sum(round(y["income_sek"] * factor) if leave_years <= i <= horizon
                   else y["income_sek"] for i, y in enumerate(years)))


def child_year_base(r: YearRules, before: float, pgi: float) -> int:
    """Pension base for one barnår (pensionsgrundande belopp), the most favourable of
    (a) the drop below the PGI of the year before the child, (b) the amount missing up to
    75 % of the average PGI of all insured, and (c) one income base amount — never above
    what fills the parent's PGI up to the ceiling of 7.5 ibb.

    (b) needs the average PGI; while data/rules.yml holds it as unknown, (b) is left out
    and the page says so (it can only make the credit larger).
    """
    average = r.optional("pension_child_year_average_pgi")
    options = [before - pgi, r.inkomstbasbelopp]
    if average is not None:
        options.append(r.pension_child_year_average_share * average - pgi)
    room = r.pension_ceiling_ibb * r.inkomstbasbelopp - pgi
    return int(round(max(0, min(max(options), room))))


def child_year_calendar(born: date, arrived: date | None, years: int) -> list[int]:
    """The calendar years that give barnår, SFB 60 kap. 30 and 34 §§ (lydelse SFS 2022:879).

    34 §: a child born January–June gives the birth year up to the year it turns three;
    born July–December, the year it turns one up to the year it turns four (``years`` = 4
    years either way). 30 § 1–2: only a year the parent *and* the child were resident in
    Sweden the whole year (a child born here counts from its birth, the part of the year
    it lived). So the year a family arrives never counts unless they arrive on 1 January:
    the parent was not resident the whole year. We assume the parent arrives with the child.
    """
    first = born.year + (0 if born.month <= 6 else 1)
    if arrived is None or arrived <= born:
        resident_from = born.year
    else:
        resident_from = arrived.year + (0 if (arrived.month, arrived.day) == (1, 1) else 1)
    return [y for y in range(first, first + years) if y >= resident_from]


def assumed_dates(scenario: Scenario) -> tuple[date, date | None]:
    """Birth and arrival when the example gives none: born in the first half of the year
    (the shorter window of 34 §, so barnår are never overstated) and arriving the day after
    the birthday ``arrival`` names. Only the pattern of years matters, not the year itself."""
    age = ARRIVAL_AGE[scenario.arrival]
    born = date(scenario.year - age, 3, 1)
    return born, (date(scenario.year, 3, 2) if age else None)


def child_year_indices(r: YearRules, scenario: Scenario) -> list[int]:
    """The model years with barnår (0 = the year of the birth, or of the arrival).

    From birth: the first four years. A child who arrives after its first birthday with
    the assumed dates: the years after the arrival year up to the year it turns three —
    two barnår, not three: the arrival year is not a whole year in Sweden (60 kap. 30 §).
    """
    born, arrived = ((scenario.born, scenario.arrived) if scenario.born is not None
                     else assumed_dates(scenario))
    start = (arrived or born).year
    return [y - start for y in child_year_calendar(born, arrived, int(r.pension_child_years))]


def child_year_count(r: YearRules, scenario: Scenario) -> int:
    """How many barnår the example counts (``child_year_indices``)."""
    return len(child_year_indices(r, scenario))


def _child_years(r: YearRules, scenario: Scenario, per_parent: list[list[dict[str, int]]]
                 ) -> None:
    """Barnår go to the parent with the lower PGI each year (the default rule), with the
    base from ``child_year_base``. Barnår only count towards the pension if the parent
    later meets the earnings condition (förvärvsvillkoret, data/rules.yml): the model
    counts them, the page says so."""
    before = [pension_qualifying_income(r, p.monthly_income * 12) for p in scenario.parents]
    years = set(child_year_indices(r, scenario))
    for year in range(len(per_parent[0])):
        for index in (0, 1):
            per_parent[index][year]["child_year_sek"] = 0
        if year not in years:
            continue
        pgi = [per_parent[i][year]["pgi_sek"] for i in (0, 1)]
        lower = 0 if pgi[0] <= pgi[1] else 1
        per_parent[lower][year]["child_year_sek"] = child_year_base(r, before[lower],
                                                                    pgi[lower])


# --- scenarios from YAML ----------------------------------------------------------------

def with_preset(data: Any, presets: dict[str, Any], path: str) -> Any:
    """A block naming ``preset:`` gets the preset's parents and splits; its own keys win."""
    if not isinstance(data, dict) or "preset" not in data:
        return data
    name = data["preset"]
    if name not in presets:
        raise InputError(Finding(path, yaml_lines.line(data, "preset"),
                                 f"unknown preset {name!r}",
                                 f"use one of {', '.join(sorted(presets))} or give parents: "
                                 "and splits:"))
    merged = {k: v for k, v in presets[name].items() if k != "description"}
    merged.update({k: v for k, v in data.items() if k != "preset"})
    return merged


def _entry_from(raw: Any, parent: Any, bad: Any) -> Entry | None:
    """``entry: {after_leave_monthly_income: 24000, delay_months: 6}`` (other keys such as
    ``example:`` and ``note:`` document the figure and are ignored here)."""
    if raw is None:
        return None
    income = raw.get("after_leave_monthly_income") if isinstance(raw, dict) else None
    delay = raw.get("delay_months", 0) if isinstance(raw, dict) else None
    if isinstance(income, bool) or not isinstance(income, (int, float)) or income < 0:
        bad(parent, "entry", f"entry income {income!r} is not an amount",
            "write entry: {after_leave_monthly_income: 24000, delay_months: 6}")
        return None
    if isinstance(delay, bool) or not isinstance(delay, int) or delay < 0:
        bad(parent, "entry", f"entry delay_months {delay!r} is not a whole number ≥ 0",
            "write the months of SFI or introduction before the job, e.g. delay_months: 6")
        return None
    return Entry(float(income), delay)


def arrival_from_dates(born: date, arrived: date) -> Arrival:
    """Which days the child gives (12 kap. 12 §): its age in whole years on arrival."""
    age = arrived.year - born.year - ((arrived.month, arrived.day) < (born.month, born.day))
    return "birth" if age < 1 else "after_first_birthday" if age < 2 else "after_second_birthday"


def _dates_from(data: dict[str, Any], arrival: Any, bad: Any
                ) -> tuple[date | None, date | None]:
    """``born: 2022-03-15`` and ``arrived: 2024-05-01`` (YAML dates): the barnår follow them.
    ``arrived`` needs ``born``; an ``arrival:`` that the dates contradict is refused, since
    the days and the barnår would then tell two different stories."""
    born, arrived = data.get("born"), data.get("arrived")
    for key, value in (("born", born), ("arrived", arrived)):
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            bad(data, key, f"{key} {value!r} is not a date", f"write e.g. '{key}: 2024-05-01'")
            return None, None
    if arrived is not None and born is None:
        bad(data, "arrived", "arrived needs the child's birth date",
            "add born: (the barnår years depend on the month of birth)")
        return None, None
    if born is not None and arrived is not None:
        if arrived < born:
            bad(data, "arrived", f"arrived {arrived} is before born {born}",
                "check the dates")
            return None, None
        derived = arrival_from_dates(born, arrived)
        if "arrival" in data and arrival != derived:
            bad(data, "arrival", f"arrival {arrival!r} does not match the dates "
                f"(born {born}, arrived {arrived}: {derived})",
                f"write arrival: {derived}, or leave arrival: out")
            return None, None
    return born, arrived


def scenario_from(data: Any, path: str, default_year: int | None = None) -> Scenario:
    """A scenario from parsed YAML; every problem is a Finding with its line."""
    findings: list[Finding] = []

    def bad(where: Any, key: str | None, problem: str, fix: str) -> None:
        findings.append(Finding(path, yaml_lines.line(where, key), problem, fix))

    if not isinstance(data, dict):
        raise InputError(Finding(path, 1, "a scenario must be a mapping",
                                 "write year:, parents: and splits:"))
    year = data.get("year", default_year)
    if not isinstance(year, int):
        bad(data, "year", f"year {year!r} is not a rule year", "write e.g. 'year: 2026'")
    arrival = data.get("arrival", "birth")
    if arrival not in ("birth", "after_first_birthday", "after_second_birthday"):
        bad(data, "arrival", f"arrival {arrival!r} is unknown",
            "use birth, after_first_birthday or after_second_birthday")
    born, arrived = _dates_from(data, arrival, bad)
    if born is not None and arrived is not None and "arrival" not in data:
        arrival = arrival_from_dates(born, arrived)
    parents = []
    raw_parents = data.get("parents")
    if not isinstance(raw_parents, list) or len(raw_parents) != 2:
        bad(data, "parents", "a scenario needs exactly two parents",
            "write parents: with two entries (name:, monthly_income:)")
        raw_parents = []
    for raw in raw_parents:
        income = raw.get("monthly_income") if isinstance(raw, dict) else None
        if isinstance(income, bool) or not isinstance(income, (int, float)) or income < 0:
            bad(raw, "monthly_income", f"monthly_income {income!r} is not an amount",
                "write a number of kronor per month before tax, 0 for no income")
            continue
        role = raw.get("role")
        if role is not None and role not in ROLES:
            bad(raw, "role", f"role {role!r} is unknown", f"use one of {', '.join(ROLES)}")
        parents.append(Parent(str(raw.get("name", role or f"{len(parents) + 1}")),
                              float(income), bool(raw.get("qualifies", income > 0)),
                              bool(raw.get("employed", income > 0)), role,
                              _entry_from(raw.get("entry"), raw, bad)))
    splits = []
    for raw in data.get("splits") or []:
        days = raw.get("days") if isinstance(raw, dict) else None
        if not (isinstance(days, list) and len(days) == 2 and all(
                isinstance(d, int) and not isinstance(d, bool) for d in days)):
            bad(raw, "days", f"days {days!r} must be two whole numbers",
                "write days: [parent one, parent two]")
            continue
        splits.append(Split(str(raw.get("label", f"{days[0]}/{days[1]}")), (days[0], days[1])))
    if not splits:
        bad(data, "splits", "a scenario needs at least one split", "add splits: with days:")
    if not findings:  # the types are right: now whether each figure is plausible
        findings = ranges.check(ranges.Scenario, data, path)
    if findings:
        raise InputError(findings)
    return Scenario(year, (parents[0], parents[1]), tuple(splits), arrival,
                    int(data.get("years_after", 10)), born, arrived)


def _text(results: list[SplitResult]) -> str:
    lines = []
    for result in results:
        lines.append(result.label)
        for p in result.parents:
            lines.append(f"  {p.name}: {p.income_level_days} + {p.minimum_level_days} days, "
                         f"{p.daily_benefit_sek} kr/day, benefit {p.benefit_paid_sek} kr, "
                         f"income year 1 {p.leave_year_income_sek} kr, "
                         f"pension rights year 1 {p.pension_credit_sek} kr")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return example_cli.run(
        argv, "Compute a life-income example scenario.", "scenario",
        lambda data, path, rules: compute(scenario_from(data, path), rules),
        lambda results: json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1),
        _text, errors=(SplitError,))


if __name__ == "__main__":
    sys.exit(main())
