"""The private housing-allowance calculator on a page: the form's HTML, in the page's language.

Why: the worked example shows one family; a reader should see what *their* estimate
and *their* taxed income mean — the monthly preliminary amount, the final amount, and
whether they pay back or get paid (and that a difference under the threshold, 1 200 kr,
is neither). The sentences and table headings are the static example's own catalog
messages (``housing_allowance_render``), so a translator translates them once; the
script (``calculator.js``, the ``housingAllowance`` part of ``calculator-model.js``)
reads them, with the rules, from the form's ``data-klarinfo-calc`` attribute.
"""

from __future__ import annotations

import gettext
from html import escape
from typing import Any

from babel.lists import format_list

from klarinfo.examples import calculator_rules
from klarinfo.examples.calculator_form import field, messages, money_template, section, select
from klarinfo.examples.rules import Rules

#: The static example's family, so the form opens on the numbers the page explains.
DEFAULTS = {"children": "2", "rent": "7000", "est1": "180000", "tax1": "230000",
            "est2": "0", "tax2": "0"}
MAX_CHILDREN = 20  # household_from accepts 1–20


def texts(tr: gettext.NullTranslations) -> dict[str, Any]:
    """What the script writes: the static example's sentences and table, the threshold
    rule, and the errors (shared ones from the parental-benefit calculator)."""
    shared = messages(tr)
    return {
        "estimate": tr.gettext("The family estimates its income at {estimated} a year. The "
                               "preliminary housing allowance is then {monthly} a month, "
                               "{year} for the year."),
        "taxed": tr.gettext("The taxed income turns out to be {taxed}. The final housing "
                            "allowance for the year is {final}."),
        "repay": tr.gettext("The family got {amount} too much and has to pay it back."),
        "top_up": tr.gettext("The family got {amount} too little and gets it paid out."),
        "none": tr.gettext("The difference is {amount}. That is less than {threshold}, so "
                           "nothing is paid back or paid out."),
        "rule": tr.gettext("A difference of {threshold} or more is paid back or paid out. "
                           "A smaller difference is not."),
        "heads": [tr.gettext("Preliminary (estimated income)"),
                  tr.gettext("Final (taxed income)")],
        "rows": [tr.gettext("Income per year"), tr.gettext("Housing cost part per month"),
                 tr.gettext("Special grant for children per month"),
                 tr.gettext("Less for income above the limit, per month"),
                 tr.gettext("Housing allowance per month"),
                 tr.gettext("Housing allowance for the year")],
        "year": shared["year"],
        "caption": shared["caption"],
        "disclaimer": tr.gettext(
            "This is an example, not a decision about you. Försäkringskassan decides your "
            "housing allowance. Tell them at once if your income changes."),
        "children": tr.gettext("Write a number of children from 1 to {most}.").format(
            most=MAX_CHILDREN),
        **{k: shared[k] for k in ("digits", "negative", "copied", "shown", "fix")},
    }


def _adult(ident: str, n: int, tr: gettext.NullTranslations) -> str:
    label = tr.gettext("Adult {n}").format(n=n)
    hint = tr.gettext("Kronor a year before tax.")
    return (field(ident, f"est{n}", tr.gettext("{adult}: estimated income").format(
                adult=label), hint, DEFAULTS[f"est{n}"])
            + field(ident, f"tax{n}", tr.gettext("{adult}: income that turned out").format(
                adult=label), tr.gettext("The taxed income, from the tax decision."),
                DEFAULTS[f"tax{n}"]))


def render(rules: Rules, locale: str, tr: gettext.NullTranslations, ident: str,
           easy: bool = False) -> str:
    """The calculator's section. ``easy``: the result table keeps only the income and
    allowance rows, like the easy-read example."""
    data = {"kind": "housing", "rules": calculator_rules.rules_data(rules), "locale": locale,
            "money": money_template(locale), "easy": easy,
            "list": format_list(["{0}", "{1}"], style="standard", locale=locale),
            "t": texts(tr)}
    adults = [("1", tr.gettext("One adult (single parent)")),
              ("2", tr.gettext("Two adults (a couple)"))]
    years = [(str(y), str(y)) for y in reversed(rules.years)]
    home_legend = tr.gettext("Your home")
    income_legend = tr.gettext("Income per year")
    home = (select(ident, "adults", tr.gettext("Adults in the home"), adults)
            + field(ident, "children", tr.gettext("Children who live with you"),
                    tr.gettext("At least 1."), DEFAULTS["children"])
            + field(ident, "rent", tr.gettext("Housing cost per month"),
                    tr.gettext("Rent or monthly fee, in kronor."), DEFAULTS["rent"])
            + select(ident, "year", tr.gettext("Rule year"), years))
    incomes = (_adult(ident, 1, tr)
               + f'<div data-couple hidden>{_adult(ident, 2, tr)}</div>')
    return section(ident, tr, data,
                   f'<fieldset><legend>{escape(home_legend)}</legend>{home}</fieldset>'
                   f'<fieldset><legend>{escape(income_legend)}</legend>{incomes}</fieldset>')
