"""The rules the on-device calculator computes with, as JSON, from data/rules.yml.

One source of truth: the build writes this next to the calculator's script
(``assets/klarinfo-rules.json``) and the form carries it as data, so the JavaScript
model (``theme/assets/calculator-model.js``) never holds a figure of its own.
"""

from __future__ import annotations

import json
from typing import Any

from klarinfo.examples.rules import Rules

FILE = "assets/klarinfo-rules.json"


def rules_data(rules: Rules) -> dict[str, Any]:
    """Every parameter for every complete rule year; an unknown value is ``null``
    (the model leaves out what it needs, as ``YearRules.optional`` does)."""
    years: dict[str, dict[str, float | None]] = {}
    for year in rules.years:
        years[str(year)] = {
            name: None if year in p.unknown_years else p.values[year]
            for name, p in sorted(rules.parameters.items())}
    return {"years": years}


def rules_json(rules: Rules) -> str:
    return json.dumps(rules_data(rules), ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True)
