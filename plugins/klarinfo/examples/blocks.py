"""Worked-example blocks in Markdown (```life-income```, ```housing-allowance```) →
computed HTML, per edition.

Communicators write a fenced block with YAML naming a preset or giving incomes
and splits; the build replaces it with the computed example. A broken block is
a Finding at the line of the YAML that is wrong.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from klarinfo.base import yaml_lines
from klarinfo.base.errors import Finding, InputError
from klarinfo.examples import (
    calculator_form,
    housing_allowance,
    housing_allowance_render,
    housing_form,
    life_income,
    life_income_render,
)
from klarinfo.examples import (
    unverified as unverified_rules,
)
from klarinfo.examples.rules import Rules

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*"
                    r"(?P<kind>life-income-calculator|life-income|housing-allowance-calculator|"
                    r"housing-allowance|"
                    r"unverified-rules)[ \t]*$")


@dataclass(frozen=True)
class Context:
    rules: Rules
    presets: Mapping[str, Any]
    locale: str
    rtl: bool
    tr: gettext.NullTranslations
    default_year: int
    explain_href: str | None = None  # the edition's "how we calculate" page, from this page
    #: An easy-read edition (mkdocs.yml ``easy_read``): a table of at most three columns
    #: and rounded amounts, so the example is simpler than the standard one.
    easy: bool = False


def expand(markdown: str, path: str, context: Context) -> tuple[str, list[Finding]]:
    """The page with every example block replaced by its computed example."""
    lines = markdown.split("\n")
    out: list[str] = []
    findings: list[Finding] = []
    index = 0
    count = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if not match:
            out.append(lines[index])
            index += 1
            continue
        fence, indent = match.group("fence"), match.group("indent")
        start = index
        index += 1
        body: list[str] = []
        while index < len(lines) and not lines[index].strip().startswith(fence):
            body.append(lines[index][len(indent):] if lines[index].startswith(indent) else
                        lines[index])
            index += 1
        index += 1  # the closing fence
        count += 1
        try:
            build = {"life-income": _example, "housing-allowance": _housing,
                     "unverified-rules": _unverified,
                     "life-income-calculator": _calculator,
                     "housing-allowance-calculator": _housing_calculator}[match.group("kind")]
            html = build(body, path, start + 1, context, f"klarinfo-example-{count}")
        except InputError as exc:
            findings.extend(exc.findings)
            html = (f'<p class="klarinfo-example-error">{escape(exc.findings[0].problem)}</p>')
        out.append(indent + html)
        out.append("")
    return "\n".join(out), findings


def _example(body: list[str], path: str, fence_line: int, context: Context, ident: str) -> str:
    # YAML lines are numbered within the block; shift them to the page's lines.
    try:
        data = yaml_lines.load("\n".join(body), path)
    except InputError as exc:
        raise InputError([shifted(f, fence_line) for f in exc.findings]) from None
    try:
        data = life_income.with_preset(data, dict(context.presets), path)
        scenario = life_income.scenario_from(data, path, context.default_year)
        results = life_income.compute(scenario, context.rules)
    except InputError as exc:
        raise InputError([shifted(f, fence_line) for f in exc.findings]) from None
    except life_income.SplitError as exc:
        raise InputError(Finding(path, fence_line, f"life-income example: {exc}",
                                 "change the days so the split follows the rules")) from None
    except KeyError as exc:
        raise InputError(Finding(path, fence_line, f"life-income example: {exc.args[0]}",
                                 "use a year that data/rules.yml covers")) from None
    r = context.rules.at(scenario.year)
    condition = (int(r.pension_child_year_earnings_condition_ibb),
                 int(r.pension_child_year_earnings_condition_years))
    return life_income_render.render(scenario, results, context.locale, context.rtl,
                                     context.tr, ident, context.explain_href, condition,
                                     easy=context.easy)


def _housing(body: list[str], path: str, fence_line: int, context: Context,
             ident: str) -> str:
    try:
        data = yaml_lines.load("\n".join(body), path)
        household = housing_allowance.household_from(data, path, context.default_year)
        outcome = housing_allowance.compute(household, context.rules)
    except InputError as exc:
        raise InputError([shifted(f, fence_line) for f in exc.findings]) from None
    except KeyError as exc:
        raise InputError(Finding(path, fence_line, f"housing-allowance example: {exc.args[0]}",
                                 "use a year that data/rules.yml covers")) from None
    threshold = int(context.rules.value("housing_allowance_settlement_threshold",
                                        household.year))
    return housing_allowance_render.render(household, outcome, threshold, context.locale,
                                           context.tr, ident, context.explain_href,
                                           easy=context.easy)


def _calculator(body: list[str], path: str, fence_line: int, context: Context,
                ident: str) -> str:
    """```life-income-calculator``` (empty body): the private calculator, after the examples."""
    if any(line.strip() for line in body):
        raise InputError(Finding(path, fence_line + 1, "a life-income-calculator block takes "
                                 "no settings", "leave the block empty"))
    return calculator_form.render(context.rules, context.locale, context.tr, ident,
                                  easy=context.easy, rtl=context.rtl)


def _housing_calculator(body: list[str], path: str, fence_line: int, context: Context,
                        ident: str) -> str:
    """```housing-allowance-calculator``` (empty body): after the housing example."""
    if any(line.strip() for line in body):
        raise InputError(Finding(path, fence_line + 1, "a housing-allowance-calculator block "
                                 "takes no settings", "leave the block empty"))
    return housing_form.render(context.rules, context.locale, context.tr, ident,
                               easy=context.easy)


def _unverified(body: list[str], path: str, fence_line: int, context: Context,
                ident: str) -> str:
    """The rule values still unverified, with labels in the page's language."""
    labels = unverified_rules.labels_from("\n".join(body), path, context.rules, fence_line)
    return unverified_rules.render(context.rules, context.locale, labels, context.tr)


def check_presets(presets: Any, path: str, rules: Rules) -> list[Finding]:
    """Every preset of data/life_income_presets.yml read and computed once, when the file
    is loaded: a bad preset is reported at its own line in that file, once, not at each
    page (and edition) that names it."""
    if not isinstance(presets, dict):
        return [Finding(path, 1, "the presets file must be a mapping of preset names",
                        "write 'name:' with parents: and splits: under it")]
    findings: list[Finding] = []
    for name, raw in presets.items():
        try:
            scenario = life_income.scenario_from(raw, path, rules.years[-1])
            life_income.compute(scenario, rules)
        except InputError as exc:
            findings.extend(exc.findings)
        except life_income.SplitError as exc:
            findings.append(Finding(path, yaml_lines.line(raw) or yaml_lines.line(presets, name),
                                    f"preset '{name}': {exc}",
                                    "change the days so the split follows the rules"))
        except KeyError as exc:
            findings.append(Finding(path, yaml_lines.line(raw, "year") or
                                    yaml_lines.line(presets, name), f"preset '{name}': "
                                    f"{exc.args[0]}", "use a year that data/rules.yml covers"))
    return findings


def shifted(finding: Finding, lines: int) -> Finding:
    """The same finding ``lines`` further down: YAML lines inside a block, or front
    matter MkDocs removed. A finding without a line lands on line ``lines``."""
    return Finding(finding.path, (finding.line or 0) + lines or None, finding.problem,
                   finding.fix)


