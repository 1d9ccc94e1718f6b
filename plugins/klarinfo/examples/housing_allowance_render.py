"""A housing-allowance example as HTML: what was paid, what it should have been, and
what happens to the difference, in plain sentences and a table.

Every word comes from the edition's gettext catalog and every amount is
formatted by Babel for the edition, like the life-income examples.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from html import escape

from babel.lists import format_list

from klarinfo.examples.housing_allowance import Household, Outcome
from klarinfo.examples.life_income_render import rounded_note
from klarinfo.examples.money import kronor, kronor_rounded

Money = Callable[[float, str], str]  # kronor, or kronor_rounded in easy-read editions


def _incomes(incomes: tuple[int, ...], locale: str, money: Money = kronor) -> str:
    return format_list([money(i, locale) for i in incomes], style="standard", locale=locale)


def sentences(h: Household, o: Outcome, threshold: int, locale: str,
              tr: gettext.NullTranslations, money: Money = kronor) -> list[str]:
    """``money`` rounds in easy-read editions, except the difference that is compared with
    the threshold: rounded, 1 180 kr would read as "1 200 kr, less than 1 200 kr"."""
    preliminary, final = _years(o, money)
    out = [
        tr.gettext("The family estimates its income at {estimated} a year. The preliminary "
                   "housing allowance is then {monthly} a month, {year} for the year.").format(
            estimated=_incomes(h.estimated_income, locale, money),
            monthly=money(o.preliminary_monthly_sek, locale),
            year=kronor(preliminary, locale)),
        tr.gettext("The taxed income turns out to be {taxed}. The final housing allowance for "
                   "the year is {final}.").format(
            taxed=_incomes(h.taxed_income, locale, money), final=kronor(final, locale)),
    ]
    settled = abs(preliminary - final) if money is kronor_rounded else o.settlement_sek
    if o.settlement == "repay":
        out.append(tr.gettext("The family got {amount} too much and has to pay it back.").format(
            amount=kronor(settled, locale)))
    elif o.settlement == "top_up":
        out.append(tr.gettext("The family got {amount} too little and gets it paid out.").format(
            amount=kronor(settled, locale)))
    else:
        out.append(tr.gettext("The difference is {amount}. That is less than {threshold}, so "
                              "nothing is paid back or paid out.").format(
            amount=kronor(abs(o.difference_sek), locale),
            threshold=kronor(threshold, locale)))
    return out


def _years(o: Outcome, money: Money) -> tuple[int, int]:
    """The preliminary and final allowance for the year as shown. Easy-read rounds them to
    the hundred, the step of the month beside them, not the thousand: the preliminary
    month is paid in whole hundreds (SFB 97 kap.), so its year is twelve times the month
    shown (a year rounded to 52 000 kr beside 4 300 kr a month did not add up), and the
    payback, their difference, stays exact."""
    if money is kronor_rounded:
        return (int(round(o.preliminary_year_sek / 100)) * 100,
                int(round(o.final_year_sek / 100)) * 100)
    return o.preliminary_year_sek, o.final_year_sek


def table(h: Household, o: Outcome, locale: str, tr: gettext.NullTranslations,
          caption: str, ident: str, easy: bool = False) -> str:
    """Preliminary and final side by side. ``easy``: only income and the allowance per
    month and year, rounded; the parts of the calculation stay in the standard table.
    Three columns fit a phone; each cell names its headers (``headers``/``id``, WCAG H43)
    and no box scrolls, so the caption is never cut off."""
    money: Money = kronor_rounded if easy else kronor
    income = (tr.gettext("Income per year"), _incomes(h.estimated_income, locale, money),
              _incomes(h.taxed_income, locale, money))
    parts = [
        (tr.gettext("Housing cost part per month"), kronor(o.housing_cost_part_sek, locale),
         kronor(o.housing_cost_part_sek, locale)),
        (tr.gettext("Special grant for children per month"),
         kronor(o.special_grant_sek, locale), kronor(o.special_grant_sek, locale)),
        (tr.gettext("Less for income above the limit, per month"),
         kronor(o.preliminary_reduction_sek, locale), kronor(o.final_reduction_sek, locale)),
    ]
    allowance = [
        (tr.gettext("Housing allowance per month"), money(o.preliminary_monthly_sek, locale),
         money(o.final_monthly_sek, locale)),
        (tr.gettext("Housing allowance for the year"),
         *(kronor(year, locale) for year in _years(o, money))),
    ]
    rows = [income, *allowance] if easy else [income, *parts, *allowance]
    heads = [tr.gettext("Preliminary (estimated income)"), tr.gettext("Final (taxed income)")]
    tid = f"{ident}-t"
    head = "<td></td>" + "".join(f'<th id="{tid}-c{k}" scope="col">{escape(h)}</th>'
                                 for k, h in enumerate(heads, start=1))
    body = "".join(f'<tr><th id="{tid}-r{r}" scope="row">{escape(a)}</th>'
                   f'<td headers="{tid}-c1 {tid}-r{r}">{escape(b)}</td>'
                   f'<td headers="{tid}-c2 {tid}-r{r}">{escape(c)}</td></tr>'
                   for r, (a, b, c) in enumerate(rows, start=1))
    return (f'<div class="klarinfo-example__table"><table class="klarinfo-example__data">'
            f"<caption>{escape(caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def render(h: Household, o: Outcome, threshold: int, locale: str,
           tr: gettext.NullTranslations, ident: str, explain_href: str | None = None,
           easy: bool = False) -> str:
    """``easy``: the easy-read form — rounded amounts and a shorter table."""
    money: Money = kronor_rounded if easy else kronor
    title = tr.gettext("Example: preliminary and final housing allowance")
    who = (tr.ngettext("A couple with {n} child", "A couple with {n} children", h.children)
           if h.couple else tr.ngettext("A single parent with {n} child",
                                        "A single parent with {n} children", h.children))
    assumed = tr.gettext("{household}, housing cost {cost} a month").format(
        household=who.format(n=h.children), cost=money(h.housing_cost_per_month, locale))
    year_note = tr.gettext("Rules for {year}. Amounts before tax.").format(year=h.year)
    said = sentences(h, o, threshold, locale, tr, money)
    if easy:
        said.append(rounded_note(tr))
    disclaimer = tr.gettext(
        "This is an example, not a decision about you. Försäkringskassan decides your "
        "housing allowance. Tell them at once if your income changes.")
    how = tr.gettext("How we calculate")
    more = f' <a href="{escape(explain_href)}">{escape(how)}</a>' if explain_href else ""
    caption = f"{title}. {assumed}. {year_note}"
    body = "".join(f"<p>{escape(s)}</p>" for s in said)
    return (f'<figure class="klarinfo-example" id="{ident}">'
            f"<figcaption><strong>{escape(title)}</strong> {escape(assumed)}. "
            f"{escape(year_note)}</figcaption>{body}{table(h, o, locale, tr, caption, ident, easy)}"
            f'<p class="klarinfo-example__note">{escape(disclaimer)}{more}</p></figure>')
