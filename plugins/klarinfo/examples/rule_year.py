"""Which rule year the pages show: the year of the build date (issue 31).

Taking the newest year in data/rules.yml made a build on 2 January 2027 present 2026's
amounts as current without a word. The year now follows the *rules date* (today, or
``KLARINFO_RULES_DATE`` / the ``rules_date`` option for previews and tests):

* its year has values: the pages show them; from 1 December a *notice* (logged at INFO,
  so a strict build still passes) says when next year's values are still missing;
* its year has none: a *warning* at the parameter's line in data/rules.yml (a strict
  build fails); the pages fall back to the newest earlier year so the preview still works.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from klarinfo.base.errors import Finding, InputError
from klarinfo.examples.rules import Rules

#: The environment variable that sets the rules date when mkdocs.yml does not.
ENV = "KLARINFO_RULES_DATE"
#: The month from which a missing next year is announced (December: the government
#: decides the base amounts in the autumn, so by then they should be in the file).
NOTICE_MONTH = 12


@dataclass(frozen=True)
class Choice:
    """The rule year of a build, the rules with it as the newest in force, and what to say."""

    year: int
    rules: Rules
    warning: Finding | None = None  # the date's year has no values: fails a strict build
    notice: str | None = None  # next year's values are missing, from 1 December


def rules_date(setting: str, environ: Mapping[str, str] | None = None,
               today: date | None = None) -> date:
    """The date the build's rules are for: ``setting`` (the option), else ``$ENV``, else
    today. A date that cannot be read is refused rather than replaced by today, since a
    preview meant for January would silently show December's rules."""
    environ = os.environ if environ is None else environ
    text, where = (setting, "rules_date") if setting.strip() else (environ.get(ENV, ""), ENV)
    if not text.strip():
        return today or date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(Finding(where, None, f"{text.strip()!r} is not a date",
                                 "write it as YYYY-MM-DD, e.g. 2027-01-02, or leave it "
                                 "empty for today")) from None


def _fix(year: int, missing: int) -> str:
    return (f"add {year}: to values: of {'every parameter' if missing > 1 else 'it'} "
            f"({missing} without one), each figure from its official source (for the base "
            f"amounts the government's förordning for {year}); a figure not decided yet: "
            f"{year}: null with verified: false and a note: saying what to check")


def choose(rules: Rules, on: date, path: str) -> Choice:
    """The rule year for the date ``on`` and what the build must say about the file."""
    years = rules.file_years
    if not years:
        raise InputError(Finding(path, 1, "no rule year has a value for every parameter",
                                 "give every parameter the same years under values:"))
    current = on.year
    if current in years:
        notice = None
        following = current + 1
        if on.month >= NOTICE_MONTH and following not in years:
            missing = rules.missing(following)
            first = missing[0] if missing else None
            where = f"{path}:{first.line}" if first and first.line else path
            notice = (f"{where}: no values for {following} yet (rules date {on}) — from "
                      f"1 January {following} the build fails until they are added: "
                      f"{_fix(following, len(missing))}")
        return Choice(current, rules.as_of(current), notice=notice)
    earlier = [y for y in years if y < current]
    shown = earlier[-1] if earlier else years[0]
    missing = rules.missing(current)
    line = missing[0].line if missing and missing[0].line else 1
    warning = Finding(path, line, f"no values for {current}, the year of the rules date {on}: "
                      f"the pages would show {shown}'s amounts as current",
                      _fix(current, len(missing)) + f"; to preview another day set {ENV}="
                      "YYYY-MM-DD")
    return Choice(shown, rules.as_of(shown), warning=warning)
