"""Rule parameters (data/rules.yml): one value per rule year, each with its unit and source.

Pages and worked examples read every amount, day count and limit from here, so a
page never holds a hand-typed figure that goes stale, and next year's update is
one file.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from klarinfo.base import text_files, yaml_lines
from klarinfo.base.errors import Finding, InputError
from klarinfo.base.yaml_lines import line
from klarinfo.examples import ranges

UNITS = {"SEK/year", "SEK/month", "SEK/day", "SEK", "days", "share", "years", "prisbasbelopp",
         "inkomstbasbelopp", "percent", "divisor"}


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Parameter:
    name: str
    unit: str
    source: Source
    values: Mapping[int, float]
    path: str
    line: int
    # False when no official text could be checked when the value was entered: the
    # value is then an assumption, listed by ``python -m klarinfo.examples.rules --unverified``.
    verified: bool = True
    note: str = ""
    # Rule years whose value is unknown (``null`` in the file, allowed only when the
    # parameter is unverified): a figure we could not check is left out rather than
    # guessed. ``Rules.value`` refuses them; ``YearRules.optional`` gives None.
    unknown_years: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Rules:
    parameters: Mapping[str, Parameter]
    #: The newest rule year in force for this build (``as_of``; ``rule_year`` picks it from
    #: the build date). None: every year of the file. Later years stay readable by name
    #: (``{{ rules.x year=2027 }}``), but are never the default a page shows as current.
    until: int | None = None

    @property
    def years(self) -> list[int]:
        """Rule years every parameter has a value for, up to ``until``."""
        return [y for y in self.file_years if self.until is None or y <= self.until]

    @property
    def file_years(self) -> list[int]:
        """Rule years every parameter has a value for, whatever the build date."""
        sets = [set(p.values) | p.unknown_years for p in self.parameters.values()]
        return sorted(set.intersection(*sets)) if sets else []

    def as_of(self, year: int) -> Rules:
        """The same rules with ``year`` as the newest in force: the pages' default year."""
        return replace(self, until=year)

    def missing(self, year: int) -> list[Parameter]:
        """Parameters with no value (not even a flagged unknown) for ``year``, file order."""
        return [p for p in self.parameters.values()
                if year not in p.values and year not in p.unknown_years]

    def value(self, name: str, year: int) -> float:
        parameter = self.parameters.get(name)
        if parameter is None:
            raise KeyError(f"no rule parameter '{name}' in data/rules.yml")
        if year in parameter.unknown_years:
            raise KeyError(f"rule parameter '{name}' is unknown for {year} (unverified: "
                           f"{parameter.note})")
        if year not in parameter.values:
            raise KeyError(f"rule parameter '{name}' has no value for {year} "
                           f"(it has {sorted(parameter.values)})")
        return parameter.values[year]

    def at(self, year: int) -> YearRules:
        if year not in self.years:
            later = f" (rules after {self.until} are not in force on the build's rules date)" \
                if self.until is not None and year > self.until else ""
            raise KeyError(f"no rules for {year}; data/rules.yml covers {self.years}{later}")
        return YearRules(self, year)


@dataclass(frozen=True)
class YearRules:
    """The parameters of one rule year, by attribute: ``r.prisbasbelopp``."""

    rules: Rules
    year: int

    def optional(self, name: str) -> float | None:
        """The value, or None when data/rules.yml marks it unknown for this year."""
        parameter = self.rules.parameters.get(name)
        if parameter is not None and self.year in parameter.unknown_years:
            return None
        return self.rules.value(name, self.year)

    def __getattr__(self, name: str) -> float:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.rules.value(name, self.year)


def parse(text: str, path: str) -> Rules:
    data = yaml_lines.load(text, path)
    findings: list[Finding] = []
    if not isinstance(data, dict):
        raise InputError(Finding(path, 1, "the rules file must be a mapping of parameters",
                                 "write 'name:' with unit, source and values under it"))
    parameters: dict[str, Parameter] = {}
    for name, raw in data.items():
        at = line(data, name)
        if not isinstance(raw, dict):
            findings.append(Finding(path, at, f"parameter '{name}' is not a mapping",
                                    "give it unit:, source: and values:"))
            continue
        unit = raw.get("unit")
        if unit not in UNITS:
            findings.append(Finding(path, line(raw, "unit") or at,
                                    f"parameter '{name}' has unit {unit!r}",
                                    f"use one of {', '.join(sorted(UNITS))}"))
        source = raw.get("source")
        if not (isinstance(source, dict) and str(source.get("title") or "").strip()
                and str(source.get("url") or "").startswith("https://")):
            findings.append(Finding(path, line(raw, "source") or at,
                                    f"parameter '{name}' has no usable source",
                                    "add source: with title: and an https url:"))
            source = {"title": "", "url": ""}
        values = raw.get("values")
        if not isinstance(values, dict) or not values:
            findings.append(Finding(path, line(raw, "values") or at,
                                    f"parameter '{name}' has no values",
                                    "write values: {2026: …}, one value per rule year"))
            continue
        clean: dict[int, float] = {}
        unknown: set[int] = set()
        for year, value in values.items():
            if not isinstance(year, int) or not 2000 <= year <= 2100:
                findings.append(Finding(path, line(raw, "values"),
                                        f"parameter '{name}': {year!r} is not a rule year",
                                        "use a four-digit year as the key"))
            elif value is None and raw.get("verified") is False:
                unknown.add(year)
            elif isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                findings.append(Finding(path, line(raw, "values"),
                                        f"parameter '{name}' has {value!r} for {year}",
                                        "write a number (no spaces or units in the value)"))
            else:
                clean[year] = value
                out_of_range = ranges.rule_value(name, str(unit), year, value, path,
                                                 line(raw, "values") or at or 1)
                if out_of_range:
                    findings.append(out_of_range)
        verified = raw.get("verified", True)
        if not isinstance(verified, bool):
            findings.append(Finding(path, line(raw, "verified") or at,
                                    f"parameter '{name}' has verified: {verified!r}",
                                    "write verified: false (and a note:) or leave it out"))
            verified = False
        if verified is False and not str(raw.get("note") or "").strip():
            findings.append(Finding(path, line(raw, "verified") or at,
                                    f"parameter '{name}' is unverified but says not why",
                                    "add note: what could not be checked, and what to check"))
        parameters[name] = Parameter(name, str(unit), Source(str(source["title"]),
                                     str(source["url"])), clean, path, at or 0,
                                     verified, str(raw.get("note") or ""),
                                     frozenset(unknown))
    if findings:
        raise InputError(findings)
    return Rules(parameters)


def load(path: Path, shown: str | None = None) -> Rules:
    return parse(text_files.read(path, shown), shown or str(path))


def unverified(rules: Rules) -> list[Parameter]:
    """Parameters entered without an official text to check them against."""
    return [p for p in rules.parameters.values() if not p.verified]


def main(argv: list[str] | None = None) -> int:
    """``python -m klarinfo.examples.rules [--unverified]``: every parameter, or those to check."""
    import argparse

    parser = argparse.ArgumentParser(description="List rule parameters (data/rules.yml).")
    parser.add_argument("--unverified", action="store_true",
                        help="only parameters not checked against an official text")
    parser.add_argument("--rules", type=Path,
                        default=Path(__file__).resolve().parents[3] / "data" / "rules.yml")
    args = parser.parse_args(argv)
    try:
        rules = load(args.rules)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 2
    shown = unverified(rules) if args.unverified else list(rules.parameters.values())
    for p in shown:
        values = ", ".join([f"{y}: {v:g}" for y, v in sorted(p.values.items())]
                           + [f"{y}: unknown" for y in sorted(p.unknown_years)])
        flag = "" if p.verified else f"  UNVERIFIED — {p.note}"
        print(f"{p.path}:{p.line}: {p.name} ({p.unit}) {values}{flag}")
    return 1 if args.unverified and shown else 0


if __name__ == "__main__":
    sys.exit(main())
