"""The calculator's sentences (issue #20): plural messages reach the script as a table of
forms, which must pick the form gettext picks for every number a result can hold."""

from __future__ import annotations

import pytest
from klarinfo.editions import messages
from klarinfo.examples import calculator_form
from klarinfo.examples import life_income_render as words
from sitebuild import EDITIONS, ROOT


def _pick(table: dict, n: int) -> str:  # what calculator.js's plural() does
    return table["forms"][int(table["index"][n if n < 200 else 100 + n % 100])]


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_plural_table_picks_gettexts_form(edition):
    tr = messages.translator(ROOT / "locales", edition)
    for template in (lambda n: words.days_template(n, tr),
                     lambda n: words.months_template(n, tr),
                     lambda n: words.income_sentence(None, n, tr),
                     lambda n: words.horizon_template(n, tr)):
        table = calculator_form.plural(template)
        assert all(_pick(table, n) == template(n) for n in range(5000))
    if edition == "ar":  # six plural forms (two spelled alike): not just singular/plural
        assert len(calculator_form.plural(lambda n: words.days_template(n, tr))["forms"]) > 2


def test_a_plural_rule_the_table_cannot_hold_fails_the_build():
    with pytest.raises(ValueError, match="plural form for 1000"):
        calculator_form.plural(lambda n: "{n} a" if n < 1000 else "{n} b")
