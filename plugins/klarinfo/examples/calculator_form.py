"""The private life-income calculator on a page: the form's HTML, in the page's language.

Why a server-rendered form: labels, hints and every message come from the edition's
gettext catalog like the worked examples, so translators meet them in the PO files;
the script (``theme/assets/calculator-model.js`` + ``calculator.js``) only reads them,
with the rules, from one ``data-klarinfo-calc`` attribute (data, never executed — no
inline script under the Content-Security-Policy). The form stays hidden until the
script shows it; without JavaScript a line says the calculator needs it.
"""

from __future__ import annotations

import gettext
import json
from collections.abc import Callable
from html import escape
from typing import Any

from babel.lists import format_list

from klarinfo.examples import calculator_rules
from klarinfo.examples import life_income_render as words
from klarinfo.examples.life_income import DAYS_PER_MONTH
from klarinfo.examples.money import kronor, number
from klarinfo.examples.rules import Rules

#: "Income over {n} years" is sent for every horizon a calculation can have:
#: up to three calendar years of leave plus the years after.
MAX_YEARS = 16
YEARS_AFTER = 10
_SAMPLE = 1234567


def money_template(locale: str) -> str:
    """The edition's kronor pattern with ``{n}`` for the number: "{n} kr", "SEK {n}"; the
    script fills in Intl.NumberFormat's digits, which match Babel's (a test checks)."""
    return kronor(_SAMPLE, locale).replace(number(_SAMPLE, locale), "{n}")


def messages(tr: gettext.NullTranslations) -> dict[str, Any]:
    """What the script writes: result headings (the static table's), notes and errors."""
    return {
        "parent": tr.gettext("Parent {n}"),
        "heads": [tr.gettext("Parent"), tr.gettext("Days"),
                  tr.gettext("Benefit per day"), tr.gettext("Benefit in total"),
                  tr.gettext("Income the first year"), "",
                  tr.gettext("Pension rights over the same years"),
                  tr.gettext("Pension per month from age 65, from these years only "
                             "(estimate)")],
        "over": {str(n): tr.ngettext("Income over {n} year", "Income over {n} years",
                                     n).format(n=n) for n in range(1, MAX_YEARS + 1)},
        "days": tr.gettext("{income} + {lowest}"),
        "legend": tr.gettext("Days: days at the income-based level + days at the lowest "
                             "level."),
        "year": tr.gettext("Rules for {year}. Amounts before tax."),
        "caption": tr.gettext("Your calculation"),
        "disclaimer": tr.gettext(
            "This is an example, not a decision about you. It leaves out tax, occupational "
            "pension and guarantee pension. Försäkringskassan decides your benefit."),
        "digits": tr.gettext("Write a whole number, with digits only."),
        "negative": tr.gettext("The number cannot be below zero."),
        "family": tr.gettext("Together you can take at most {family} days. Write fewer "
                             "days."),
        "reserved": tr.gettext("{reserved} days are reserved for the other parent. This "
                               "parent can take at most {most} days."),
        "copied": tr.gettext("The link is copied. Your numbers are only in the part after "
                             "#, which your browser does not send to any server."),
        "shown": tr.gettext("Your numbers are now in the address bar, in the part after #, "
                            "which your browser does not send to any server."),
        "fix": tr.gettext("Correct the fields marked with an error."),
    }


def plural(template: Callable[[int], str]) -> dict[str, Any]:
    """A plural message for the script, which has no gettext: its distinct forms, and for
    n = 0…199 the index of n's form as a digit. Beyond, n takes the form of 100 + n % 100:
    true of the plural rules of our languages (and of most in CLDR), checked here up to
    2 000 so a language where it is not true fails the build instead of reading wrong."""
    forms: list[str] = []
    index = []
    for n in range(200):
        if template(n) not in forms:
            forms.append(template(n))
        index.append(forms.index(template(n)))
    for n in range(200, 2000):
        if template(n) != forms[index[100 + n % 100]]:
            raise ValueError(f"the plural form for {n} is not that of {100 + n % 100}: "
                             "the calculator's plural table needs another rule")
    return {"forms": forms, "index": "".join(str(i) for i in index)}


def sentences(tr: gettext.NullTranslations) -> dict[str, Any]:
    """The worked examples' sentences (life_income_render) for the script: it compares the
    reader's split with sharing the days equally, as an example compares its splits. The
    calculator's parents are "Parent 1" and "Parent 2", so the sentences without gender."""
    return {
        "income": plural(lambda n: words.income_sentence(None, n, tr)),
        "pension": words.pension_sentence(tr),
        "monthly": words.monthly_sentence(tr),
        "entry": words.entry_sentence(None, tr),
        "sooner": words.sooner_sentence(None, tr),
        "career": words.career_sentence(None, tr),
        "horizon": plural(lambda n: words.horizon_template(n, tr)),
        "rounded": words.rounded_note(tr),
        "days": plural(lambda n: words.days_template(n, tr)),
        "months": plural(lambda n: words.months_template(n, tr)),
        "chart": plural(lambda n: words.chart_title_template(n, tr)),
    }


def field(ident: str, name: str, label: str, hint: str, value: str) -> str:
    hid, err = f"{ident}-{name}-hint", f"{ident}-{name}-error"
    return (f'<div class="klarinfo-calc__field"><label for="{ident}-{name}">{escape(label)}'
            f'</label><span class="klarinfo-calc__hint" id="{hid}">{escape(hint)}</span>'
            f'<input id="{ident}-{name}" name="{name}" type="text" inputmode="numeric" '
            f'autocomplete="off" value="{escape(value)}" aria-describedby="{hid} {err}">'
            f'<span class="klarinfo-calc__error" id="{err}" hidden></span></div>')


def select(ident: str, name: str, label: str, options: list[tuple[str, str]]) -> str:
    items = "".join(f'<option value="{escape(v)}">{escape(text)}</option>'
                    for v, text in options)
    return (f'<div class="klarinfo-calc__field"><label for="{ident}-{name}">{escape(label)}'
            f'</label><select id="{ident}-{name}" name="{name}">{items}</select></div>')


def _parent(ident: str, n: int, tr: gettext.NullTranslations, income: int, days: int) -> str:
    # gettext calls stay outside f-strings: Babel's extractor does not look inside them.
    plans = [("same", tr.gettext("Work as before the child (or stay without income)")),
             ("sfi", tr.gettext("Study SFI for some months, then work"))]
    legend = tr.gettext("Parent {n}").format(n=n)
    delay = field(ident, f"delay{n}", tr.gettext("Months of SFI before the job"),
                   tr.gettext("A whole number of months, 0 if the job starts at once."), "6")
    job = field(ident, f"entry{n}", tr.gettext("Monthly income in the job"),
                 tr.gettext("Kronor a month before tax."), "24000")
    before = field(ident, f"income{n}", tr.gettext("Monthly income before the child"),
                    tr.gettext("Kronor a month before tax. Write 0 if there was no income."),
                    str(income))
    plan = select(ident, f"plan{n}", tr.gettext("After the leave"), plans)
    taken = field(ident, f"days{n}", tr.gettext("Days with parental benefit"),
                   tr.gettext("Each parent has reserved days that the other parent "
                              "cannot take."), str(days))
    return (f'<fieldset class="klarinfo-calc__parent"><legend>{escape(legend)}</legend>'
            f'{before}{plan}<div class="klarinfo-calc__entry" data-entry="{n}" hidden>'
            f"{delay}{job}</div>{taken}</fieldset>")


def render(rules: Rules, locale: str, tr: gettext.NullTranslations, ident: str,
           easy: bool = False, rtl: bool = False) -> str:
    """The calculator's section: a no-script line, then the hidden form and its data.
    ``easy``: amounts rounded, as in the easy-read examples; ``rtl``: the chart mirrored."""
    data = {"rules": calculator_rules.rules_data(rules), "locale": locale,
            "money": money_template(locale), "yearsAfter": YEARS_AFTER, "t": messages(tr),
            "say": sentences(tr), "easy": easy, "rtl": rtl, "monthDays": DAYS_PER_MONTH,
            "list": format_list(["{0}", "{1}"], style="standard", locale=locale),
            "colours": words.COLOURS}
    arrivals = [("birth", tr.gettext("At birth, or before the first birthday")),
                ("after_first_birthday", tr.gettext("After the first birthday")),
                ("after_second_birthday", tr.gettext("After the second birthday"))]
    years = [(str(y), str(y)) for y in reversed(rules.years)]
    child_legend = tr.gettext("The child and the rules")
    child = (select(ident, "arrival", tr.gettext("When the child came to live in Sweden"),
                    arrivals)
             + select(ident, "year", tr.gettext("Rule year"), years))
    parents = _parent(ident, 1, tr, 28000, 240) + _parent(ident, 2, tr, 36000, 240)
    return section(ident, tr, data, parents + f'<fieldset class="klarinfo-calc__child">'
                   f"<legend>{escape(child_legend)}</legend>{child}</fieldset>")


def section(ident: str, tr: gettext.NullTranslations, data: dict[str, Any],
            fields: str) -> str:
    """The frame every calculator shares: title, the no-script line, the hidden form with
    its data (rules, locale, messages), the buttons and the two live regions."""
    texts = [escape(t) for t in (
        tr.gettext("Try your own numbers"),
        tr.gettext("The calculator needs JavaScript. The examples above work without it."),
        tr.gettext("Everything is calculated on your device. Nothing you write is sent or "
                   "saved."),
        tr.gettext("Calculate"),
        tr.gettext("Copy a link to this calculation"),
        tr.gettext("The link holds your numbers after the # sign. That part stays in your "
                   "browser and is never sent to a server."))]
    title, nojs, private, calculate, link, link_hint = texts
    payload = escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    # data-klarinfo-embed="omit": partners' embed views leave the calculator out (no script)
    return (f'<section class="klarinfo-calc" aria-labelledby="{ident}-title" '
            f'data-klarinfo-embed="omit">'
            f'<h2 id="{ident}-title">{title}</h2>'
            f'<p class="klarinfo-calc__nojs" data-klarinfo-calc-nojs>{nojs}</p>'
            f'<div class="klarinfo-calc__form" id="{ident}" data-klarinfo-calc="{payload}" '
            f"hidden><p>{private}</p>{fields}"
            f'<button type="button" class="md-button md-button--primary" '
            f'data-action="calculate">{calculate}</button>'
            f'<div class="klarinfo-calc__result" aria-live="polite" data-result></div>'
            f'<button type="button" class="md-button" data-action="link">{link}</button>'
            f'<p class="klarinfo-calc__hint">{link_hint}</p>'
            f'<p class="klarinfo-calc__status" aria-live="polite" data-status></p>'
            "</div></section>")
