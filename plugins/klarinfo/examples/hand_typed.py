"""Figures typed by hand that data/rules.yml holds: each should come from there.

Why: a page that writes "480 dagar" instead of ``{{ rules.parental_days_total }}`` is
right until the rule changes, then wrong in one edition and not another, and the year
change (``make rules-diff``) cannot show it. So a number with a unit (days, kronor) whose
value a rule of that unit has is a finding that names the placeholder to use.
Citations (a source line with a date or a statute number) keep their figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from klarinfo.base import prose
from klarinfo.base.errors import Finding
from klarinfo.examples.rules import Rules

#: Rule units → the words that follow such a figure in each language.
_UNIT_WORDS = {
    "days": r"dag(?:ar|arna|en)?|days?|maalmood|maalmo|maalin|يوما|يومًا|أيام|يوم",
    "SEK": r"kr|kronor|SEK|karoon|كرونة|كرونات|كرون",
}
_UNIT_OF = {"days": "days", "SEK": "SEK", "SEK/year": "SEK", "SEK/month": "SEK",
            "SEK/day": "SEK"}
# 480 · 1 200 · 1 200 (no-break or thin spaces) · 1,200 · 58.800 — then the unit word.
_FIGURE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d+)[ \u00a0\u202f]?"
    rf"(?P<unit>{_UNIT_WORDS['days']}|{_UNIT_WORDS['SEK']})(?!\w)")
_CITATION = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{4}(?:/\d{2})?:\d+|\(\d{4}\)")


def _kind(unit_word: str) -> str:
    return "days" if re.fullmatch(_UNIT_WORDS["days"], unit_word) else "SEK"


def rule_values(rules: Rules, year: int) -> dict[tuple[str, int], list[str]]:
    """(unit kind, value) → the rules with that value in ``year``."""
    out: dict[tuple[str, int], list[str]] = {}
    for name, parameter in rules.parameters.items():
        kind = _UNIT_OF.get(parameter.unit)
        value = parameter.values.get(year)
        if kind and value is not None and float(value).is_integer():
            out.setdefault((kind, int(value)), []).append(name)
    return out


#: A hand-typed figure this close to a rule value of its unit (but not equal) is most
#: likely that rule, typed wrong or left from another year.
NEAR = 0.1


def findings(markdown: str, path: str, rules: Rules, year: int,
             first_line: int = 1) -> list[Finding]:
    """A finding for each hand-typed figure whose value a rule of its unit has in
    ``year``, had in another year, or nearly has (within ``NEAR``)."""
    known = rule_values(rules, year)
    others = {key: names for other in rules.file_years if other != year
              for key, names in rule_values(rules, other).items()}
    out = []
    for block in _blocks(markdown):
        for match in _FIGURE.finditer(block.text):
            kind, value = _kind(match.group("unit")), int(re.sub(r"\D", "", match.group(1)))
            line = first_line - 1 + block.line + block.text[:match.start()].count("\n")
            problem = _problem(kind, value, known, others)
            if problem is not None:
                what, names = problem
                out.append(Finding(
                    path, line, f"'{match.group(0)}' is typed by hand{what}",
                    " or ".join(f"write {{{{ rules.{name} }}}}" for name in names[:3])
                    + f" {match.group('unit')}"))
    return out


def _problem(kind: str, value: int, known: dict[tuple[str, int], list[str]],
             others: dict[tuple[str, int], list[str]]) -> tuple[str, list[str]] | None:
    if (kind, value) in known:
        return (", but data/rules.yml holds it, so it would not follow the next rule "
                "change", known[(kind, value)])
    if (kind, value) in others:
        return (", and it is another year's value of a rule (a figure gone stale)",
                others[(kind, value)])
    near = sorted((abs(rule - value) / rule, names) for (unit, rule), names in known.items()
                  if unit == kind and rule and abs(rule - value) <= NEAR * rule)
    if near:
        return (", and it differs from a rule's value by less than a tenth (typed wrong?)",
                near[0][1])
    return None


def _blocks(markdown: str) -> Iterable[prose.Block]:
    for block in prose.extract(markdown, tables=True):
        if not (block.kind == "item" and _CITATION.search(block.text)):
            yield block
