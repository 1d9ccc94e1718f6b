"""A computed life-income example as HTML: a few plain sentences, a table and an SVG chart.

Everything a reader sees comes from the edition's gettext catalog (with Babel
plural rules) and Babel number formatting. The chart is drawn at build time,
needs no JavaScript, has a title and description for screen readers, repeats
every value as text on the bars, and is mirrored for right-to-left editions.
The table is its text equivalent.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from html import escape

from babel.lists import format_list

from klarinfo.examples.life_income import DAYS_PER_MONTH, ParentResult, Scenario, SplitResult
from klarinfo.examples.money import kronor, kronor_rounded, rounded_pair

Money = Callable[[float, str], str]  # kronor, or kronor_rounded in easy-read editions

COLOURS = ("#1d3f6e", "#8a2b06")  # ≥ 3:1 against white (WCAG 1.4.11), and labelled as text


def parent_name(parent: ParentResult, role: str | None, index: int,
                tr: gettext.NullTranslations) -> str:
    if role == "mother":
        return tr.gettext("Mother")
    if role == "father":
        return tr.gettext("Father")
    if role == "parent" or parent.name in ("1", "2"):
        return tr.gettext("Parent {n}").format(n=index + 1)
    return parent.name


def days_template(n: int, tr: gettext.NullTranslations) -> str:
    """"{n} days" in the plural form for ``n``, ``{n}`` not yet filled in (the calculator's
    script fills it in)."""
    return tr.ngettext("{n} day", "{n} days", n)


def _days(n: int, tr: gettext.NullTranslations) -> str:
    return days_template(n, tr).format(n=n)


# Sentences about one parent carry a gettext context per role (msgctxt "mother", "father",
# "parent"): Arabic verbs and pronouns agree with the parent's gender ("إذا أخذت الأم" /
# "إذا أخذ الأب"), Somali marks the subject ("hooyadu … waxay" / "aabbuhu … wuxuu"), so each
# role is its own string that translators write in full. Literal strings: Babel extracts them.

def income_sentence(role: str | None, years: int, tr: gettext.NullTranslations) -> str:
    """'If … takes {days_a}, … has {income_a} over {n} years …' for the parent's role."""
    if role == "mother":
        # Translators: the subject is the mother (feminine); {days_a}/{days_b} are "390 days".
        return tr.npgettext(
            "mother",
            "If the mother takes {days_a}, she has {income_a} over {n} year. With {days_b} "
            "it is {income_b}.",
            "If the mother takes {days_a}, she has {income_a} over {n} years. With {days_b} "
            "it is {income_b}.", years)
    if role == "father":
        # Translators: the subject is the father (masculine); {days_a}/{days_b} are "90 days".
        return tr.npgettext(
            "father",
            "If the father takes {days_a}, he has {income_a} over {n} year. With {days_b} "
            "it is {income_b}.",
            "If the father takes {days_a}, he has {income_a} over {n} years. With {days_b} "
            "it is {income_b}.", years)
    # Translators: {name} is "Parent 1", "Parent 2" or a name; its gender is not known.
    return tr.npgettext(
        "parent",
        "If {name} takes {days_a}, {name} has {income_a} over {n} year. With {days_b} "
        "it is {income_b}.",
        "If {name} takes {days_a}, {name} has {income_a} over {n} years. With {days_b} "
        "it is {income_b}.", years)


def career_sentence(role: str | None, tr: gettext.NullTranslations) -> str:
    """The range of lower later pay for the parent whose days change most, per role."""
    if role == "mother":
        # Translators: about the mother (feminine); "the first choice" is the first split shown.
        return tr.pgettext(
            "mother",
            "Research suggests long leave can also lower later pay. For the mother that could "
            "be between {low} and {high} less with the first choice (an estimate).")
    if role == "father":
        # Translators: about the father (masculine); "the first choice" is the first split shown.
        return tr.pgettext(
            "father",
            "Research suggests long leave can also lower later pay. For the father that could "
            "be between {low} and {high} less with the first choice (an estimate).")
    # Translators: {name} is "Parent 1", "Parent 2" or a name; its gender is not known.
    return tr.pgettext(
        "parent",
        "Research suggests long leave can also lower later pay. For {name} that could be "
        "between {low} and {high} less with the first choice (an estimate).")


def horizon_sentence(years: int, tr: gettext.NullTranslations) -> str:
    """Why the career range stops: the study (Johansson 2010, IFAU WP 2010:4) measured pay
    that many years later, so the model does not extrapolate beyond it. Said of no one
    parent ("we"), so it needs no role context."""
    return horizon_template(years, tr).format(n=years)


def horizon_template(years: int, tr: gettext.NullTranslations) -> str:
    """``horizon_sentence`` with ``{n}`` not yet filled in (for the calculator's script)."""
    # Translators: {n} is a number of years from data/rules.yml (4 today), counted from
    # the year the leave began. "the study" is the research behind the range just given.
    return tr.ngettext(
        "We only count this lower pay up to {n} year after the leave began, because the "
        "study we use measured pay only that long after.",
        "We only count this lower pay up to {n} years after the leave began, because the "
        "study we use measured pay only that long after.", years)


def months_template(n: int, tr: gettext.NullTranslations) -> str:
    """"{n} months" in the plural form for ``n``, ``{n}`` not yet filled in."""
    return tr.ngettext("{n} month", "{n} months", n)


def _months(n: int, tr: gettext.NullTranslations) -> str:
    return months_template(n, tr).format(n=n)


def pension_sentence(tr: gettext.NullTranslations) -> str:
    return tr.gettext("Pension rights over the same years: {pension_a} and {pension_b}.")


def monthly_sentence(tr: gettext.NullTranslations) -> str:
    # only the rights earned in the modelled years, not the parent's whole pension
    return tr.gettext("The rights from these years alone add about {monthly_a} and "
                      "{monthly_b} a month to the pension from age 65 (an estimate).")


def entry_sentence(role: str | None, tr: gettext.NullTranslations) -> str:
    """The assumption behind the numbers, in plain words, for a parent with an entry plan."""
    if role == "mother":
        # Translators: about the mother (feminine); {months} is e.g. "6 months", {income}
        # an amount such as "24 000 kr". SFI is Swedish for immigrants.
        return tr.pgettext(
            "mother",
            "We assume that the mother studies SFI for {months} when her days end and then "
            "works for {income} a month (an example wage, not a statistic).")
    if role == "father":
        # Translators: about the father (masculine); {months} is e.g. "6 months".
        return tr.pgettext(
            "father",
            "We assume that the father studies SFI for {months} when his days end and then "
            "works for {income} a month (an example wage, not a statistic).")
    # Translators: {name} is "Parent 1", "Parent 2" or a name; its gender is not known.
    return tr.pgettext(
        "parent",
        "We assume that {name} studies SFI for {months} when the days of {name} end and "
        "then works for {income} a month (an example wage, not a statistic).")


def sooner_sentence(role: str | None, tr: gettext.NullTranslations) -> str:
    """Why the split with fewer days pays: the job starts sooner."""
    if role == "mother":
        # Translators: about the mother (feminine); {days_b} is e.g. "240 days",
        # {sooner} e.g. "5 months".
        return tr.pgettext(
            "mother",
            "With {days_b} her days end sooner, so she starts work {sooner} earlier. That is "
            "why she has more money over the years.")
    if role == "father":
        # Translators: about the father (masculine); {days_b} is e.g. "240 days".
        return tr.pgettext(
            "father",
            "With {days_b} his days end sooner, so he starts work {sooner} earlier. That is "
            "why he has more money over the years.")
    # Translators: {name} is "Parent 1", "Parent 2" or a name; its gender is not known.
    return tr.pgettext(
        "parent",
        "With {days_b} the days of {name} end sooner, so {name} starts work {sooner} "
        "earlier. That is why {name} has more money over the years.")


def assumptions(scenario: Scenario, focus: int, names: list[str], locale: str,
                tr: gettext.NullTranslations, money: Money = kronor) -> list[str]:
    """The entry assumption of every parent who has a plan, the parent the sentences are
    about first: a figure that rests on "if you start work when your days end" must say
    so for each parent it is true of, not only for the one the sentences follow."""
    order = [focus] + [i for i in range(len(scenario.parents)) if i != focus]
    return [entry_sentence(scenario.parents[i].role, tr).format(
        name=names[i], months=_months(entry.delay_months, tr),
        income=money(entry.monthly_income, locale))
        for i in order if (entry := scenario.parents[i].entry) is not None]


def sooner_span(days: int, tr: gettext.NullTranslations) -> str:
    """How much sooner the job starts: in months, or in days under a month — 10 days
    rounded to months would read "0 months earlier" (the arrival example: 110 or 100 days)."""
    if days < DAYS_PER_MONTH:
        return _days(days, tr)
    return _months(round(days / DAYS_PER_MONTH), tr)


def entry_sentences(scenario: Scenario, results: list[SplitResult], focus: int,
                    names: list[str], locale: str, tr: gettext.NullTranslations,
                    money: Money = kronor) -> list[str]:
    """For a parent with an entry plan: the assumption, and why the last split pays more
    when it starts the job sooner (said only when the numbers show it)."""
    parent = scenario.parents[focus]
    if parent.entry is None:
        return []
    a, b = results[0].parents[focus], results[-1].parents[focus]
    out = [entry_sentence(parent.role, tr).format(
        name=names[focus], months=_months(parent.entry.delay_months, tr),
        income=money(parent.entry.monthly_income, locale))]
    if (a.work_start_day is not None and b.work_start_day is not None
            and b.work_start_day < a.work_start_day
            and b.income_over_years_sek > a.income_over_years_sek):
        out.append(sooner_sentence(parent.role, tr).format(
            name=names[focus], sooner=sooner_span(a.work_start_day - b.work_start_day, tr),
            days_b=_days(b.income_level_days + b.minimum_level_days, tr)))
    return out


def focus_parent(scenario: Scenario, results: list[SplitResult]) -> int:
    """The parent the sentences follow: the one whose days change most between the first
    and last split; on a tie, the one with an entry plan (the parent far from work the
    example is about, e.g. the father in father-far-from-work), else the first."""
    first, last = results[0], results[-1]

    def weight(i: int) -> tuple[int, bool]:
        change = abs(first.parents[i].income_level_days + first.parents[i].minimum_level_days
                     - last.parents[i].income_level_days - last.parents[i].minimum_level_days)
        return change, scenario.parents[i].entry is not None

    return max((0, 1), key=weight)


def _pair(key: str, a: float, b: float, locale: str, money: Money) -> dict[str, str]:
    """Two amounts the reader compares, as ``{key}_a``/``{key}_b``; in easy-read editions
    rounded together (money.rounded_pair), so a real difference never reads "3 400 kr
    and 3 400 kr"."""
    if money is kronor_rounded:
        shown = rounded_pair(a, b)
        return {f"{key}_a": kronor(shown[0], locale), f"{key}_b": kronor(shown[1], locale)}
    return {f"{key}_a": money(a, locale), f"{key}_b": money(b, locale)}


def split_label(result: SplitResult, names: list[str], tr: gettext.NullTranslations,
                locale: str) -> str:
    parts = [f"{names[i]} {_days(p.income_level_days + p.minimum_level_days, tr)}"
             for i, p in enumerate(result.parents)]
    return format_list(parts, style="standard", locale=locale)


def sentences(scenario: Scenario, results: list[SplitResult], names: list[str], locale: str,
              tr: gettext.NullTranslations, money: Money = kronor) -> list[str]:
    """Two or three sentences: what changes for the parent the example is about."""
    first, last = results[0], results[-1]
    focus = focus_parent(scenario, results)
    a, b = first.parents[focus], last.parents[focus]
    years = len(a.years)
    role = scenario.parents[focus].role
    out = [
        income_sentence(role, years, tr).format(
            name=names[focus], n=years,
            days_a=_days(a.income_level_days + a.minimum_level_days, tr),
            days_b=_days(b.income_level_days + b.minimum_level_days, tr),
            **_pair("income", a.income_over_years_sek, b.income_over_years_sek, locale,
                    money)),
        pension_sentence(tr).format(
            **_pair("pension", a.pension_credits_over_years_sek,
                    b.pension_credits_over_years_sek, locale, money)),
        monthly_sentence(tr).format(
            **_pair("monthly", a.monthly_pension_estimate_sek, b.monthly_pension_estimate_sek,
                    locale, money)),
    ]
    # the assumptions before the numbers, the reason right after the income sentence
    entry = entry_sentences(scenario, results, focus, names, locale, tr, money)
    out = (assumptions(scenario, focus, names, locale, tr, money) + out[:1] + entry[1:]
           + out[1:])
    if a.income_over_years_low_sek is not None:
        out.append(career_sentence(role, tr).format(
            name=names[focus],
            low=money(a.income_over_years_sek - a.income_over_years_high_sek, locale),
            high=money(a.income_over_years_sek - a.income_over_years_low_sek, locale)))
        if a.career_horizon_years is not None:
            out.append(horizon_sentence(a.career_horizon_years, tr))
    return out


def _split_table(result: SplitResult, names: list[str], locale: str, tid: str,
                 heads: list[str], cells: Callable[[ParentResult], list[str]],
                 tr: gettext.NullTranslations, cards: bool) -> str:
    """One split as a simple table: one header row, one header column (the parent), its
    split as the caption. Every cell names its headers (``headers``/``id``, WCAG H43) and
    carries its column's label (``data-label``) for the card layout on narrow screens."""
    cols = [f'<th id="{tid}-c{k}" scope="col">{escape(h)}</th>' for k, h in enumerate(heads)]
    rows = []
    for index, p in enumerate(result.parents):
        row_id = f"{tid}-p{index + 1}"
        tds = "".join(f'<td headers="{tid}-c{k} {row_id}" data-label="{escape(heads[k])}">'
                      f"{escape(value)}</td>" for k, value in enumerate(cells(p), start=1))
        rows.append(f'<tr><th id="{row_id}" scope="row">{escape(names[index])}</th>{tds}</tr>')
    kind = " klarinfo-example__data--cards" if cards else ""
    return (f'<table class="klarinfo-example__data{kind}" id="{tid}">'
            f"<caption>{escape(split_label(result, names, tr, locale))}</caption>"
            f"<thead><tr>{''.join(cols)}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def table(results: list[SplitResult], names: list[str], locale: str, years: int,
          tr: gettext.NullTranslations, ident: str) -> str:
    """One table per split, shown as one card per parent on narrow screens (klarinfo.css):
    nine columns never fit a phone, and a sideways-scrolling box cut off its caption."""
    heads = [tr.gettext("Parent"), tr.gettext("Days"),
             tr.gettext("Benefit per day"), tr.gettext("Benefit in total"),
             tr.gettext("Income the first year"),
             tr.ngettext("Income over {n} year", "Income over {n} years", years).format(n=years),
             tr.gettext("Pension rights over the same years"),
             tr.gettext("Pension per month from age 65, from these years only (estimate)")]

    def cells(p: ParentResult) -> list[str]:
        days = tr.gettext("{income} + {lowest}").format(
            income=p.income_level_days, lowest=p.minimum_level_days)
        return [days] + [kronor(v, locale) for v in (
            p.daily_benefit_sek, p.benefit_paid_sek, p.leave_year_income_sek,
            p.income_over_years_sek, p.pension_credits_over_years_sek,
            p.monthly_pension_estimate_sek)]

    tables = "".join(_split_table(result, names, locale, f"{ident}-s{s + 1}", heads, cells,
                                  tr, cards=True) for s, result in enumerate(results))
    note = escape(tr.gettext("Days: days at the income-based level + days at the lowest level."))
    return (f'<div class="klarinfo-example__table">{tables}</div>'
            f'<p class="klarinfo-example__legend">{note}</p>')


def easy_table(results: list[SplitResult], names: list[str], locale: str, years: int,
               tr: gettext.NullTranslations, ident: str) -> str:
    """The easy-read tables: three columns (parent, days, income over the years), one
    table per split, amounts rounded. Benefit per day, income-based and lowest-level days
    and pension stay in the standard table; the pension is said in a sentence."""
    heads = [tr.gettext("Parent"), tr.gettext("Days"),
             tr.ngettext("Income over {n} year", "Income over {n} years", years).format(n=years)]

    def cells(p: ParentResult) -> list[str]:
        return [str(p.income_level_days + p.minimum_level_days),
                kronor_rounded(p.income_over_years_sek, locale)]

    tables = "".join(_split_table(result, names, locale, f"{ident}-s{s + 1}", heads, cells,
                                  tr, cards=False) for s, result in enumerate(results))
    return f'<div class="klarinfo-example__table">{tables}</div>'


def chart(results: list[SplitResult], names: list[str], locale: str, rtl: bool, ident: str,
          title: str, description: str, tr: gettext.NullTranslations,
          money: Money = kronor) -> str:
    """Horizontal bars of income over the years, per split and parent, each bar with its
    value written above it, sized for a phone screen (it scales up on wider screens).
    Issue #32: the text is 18 units (21 in Arabic): at 360 px the chart is drawn about
    290 px wide, so that is 14.5 px (16.7 px), the body's small size; a line that would
    not fit wraps at a space, as calculator.js wraps it."""
    width, margin, bar_h = 360, 8, 14
    size = 21 if rtl else 18
    value_max = max(p.income_over_years_sek for r in results for p in r.parents) or 1
    y = 4
    parts = []
    for result in results:
        for line in _lines(split_label(result, names, tr, locale), size, width - 2 * margin):
            y += size + 4
            parts.append(_text(margin, y, escape(line), width, rtl, weight="bold", size=size))
        for index, p in enumerate(result.parents):
            y += 2
            for line in _lines(f"{names[index]}: {money(p.income_over_years_sek, locale)}",
                               size, width - 2 * margin):
                y += size + 4
                parts.append(_text(margin, y, escape(line), width, rtl, size=size))
            y += 5
            length = max(2, round((width - 2 * margin) * p.income_over_years_sek / value_max))
            x = margin if not rtl else width - margin - length
            parts.append(f'<rect x="{x}" y="{y}" width="{length}" height="{bar_h}" '
                         f'fill="{COLOURS[index]}"/>')
            y += bar_h
        y += 10
    direction = ' direction="rtl"' if rtl else ""
    return (f'<svg class="klarinfo-example__chart" viewBox="0 0 {width} {y}" '
            f'role="img" aria-labelledby="{ident}-t {ident}-d" '
            f'xmlns="http://www.w3.org/2000/svg"{direction}>'
            f'<title id="{ident}-t">{escape(title)}</title>'
            # a line break between the lines of a wrapped label: whatever reads the page as
            # text (the search index) would otherwise join "iyo" and "Aabbaha" into one word
            f'<desc id="{ident}-d">{escape(description)}</desc>{chr(10).join(parts)}</svg>')


def _lines(text: str, size: int, room: int) -> list[str]:
    """``text`` in as few lines as fit ``room`` units at ``size`` (a character taken as
    0.56 of the size, wide for our scripts), the lines balanced; calculator.js: lines()."""
    words = text.split(" ")

    def fill(limit: int) -> list[str]:
        lines = [words[0]]
        for word in words[1:]:
            if len(lines[-1]) + 1 + len(word) <= limit:
                lines[-1] += " " + word
            else:
                lines.append(word)
        return lines

    count = len(fill(room * 100 // (size * 56)))
    limit = -(-len(text) // count)
    while len(fill(limit)) > count:
        limit += 1
    return fill(limit)


def _text(x: float, y: float, content: str, width: int, rtl: bool, fill: str = "#1a1a1a",
          weight: str = "normal", size: int = 18) -> str:
    if rtl:
        x = width - x  # with direction="rtl" on the svg, "start" is the right-hand end
    anchor = "start"
    return (f'<text x="{x}" y="{y}" text-anchor="{anchor}" fill="{fill}" '
            f'font-weight="{weight}" font-size="{size}">{content}</text>')


def chart_title_template(years: int, tr: gettext.NullTranslations) -> str:
    return tr.ngettext("Income over {n} year per parent", "Income over {n} years per parent",
                       years)


def rounded_note(tr: gettext.NullTranslations) -> str:
    """Said under easy-read examples, whose amounts are rounded (money.rounded)."""
    # Translators: shown only in easy-read editions (sv-latt), whose amounts are rounded.
    return tr.gettext("The amounts are rounded.")


def condition_note(tr: gettext.NullTranslations, ibb: int, years: int) -> str:
    """The earnings condition (förvärvsvillkoret) wherever barnår are counted: they only
    reach the pension if the parent later earns enough, which many parents far from the
    labour market may not."""
    # The age limit is not a figure of ours: since 2026 it follows the riktålder (prop.
    # 2021/22:181; SFB 62 kap. 38 §), so the sentence names the rule, not an age.
    return tr.ngettext(
        "Child-rearing years only count towards the pension if the parent later earns at "
        "least {ibb} income base amounts a year in {n} year, before an age limit that "
        "follows the pension age in law (riktåldern).",
        "Child-rearing years only count towards the pension if the parent later earns at "
        "least {ibb} income base amounts a year in {n} years, before an age limit that "
        "follows the pension age in law (riktåldern).",
        years).format(ibb=ibb, n=years)


def render(scenario: Scenario, results: list[SplitResult], locale: str, rtl: bool,
           tr: gettext.NullTranslations, ident: str, explain_href: str | None = None,
           condition: tuple[int, int] | None = None, easy: bool = False) -> str:
    """``condition``: (income base amounts, years) of the earnings condition for barnår.
    ``easy``: the easy-read form — rounded amounts and the three-column table."""
    money: Money = kronor_rounded if easy else kronor
    names = [parent_name(p, scenario.parents[i].role, i, tr)
             for i, p in enumerate(results[0].parents)]
    years = len(results[0].parents[0].years)
    title = tr.gettext("Example: how sharing the days changes income and pension")
    year_note = tr.gettext("Rules for {year}. Amounts before tax.").format(year=scenario.year)
    said = sentences(scenario, results, names, locale, tr, money)
    if easy:
        said.append(rounded_note(tr))
    assumed = format_list([tr.gettext("{name}: {income} a month before the child").format(
        name=names[i], income=money(p.monthly_income, locale))
        for i, p in enumerate(scenario.parents)], style="standard", locale=locale)
    description = " ".join(said)
    chart_title = chart_title_template(years, tr).format(n=years)
    svg = chart(results, names, locale, rtl, ident, chart_title, description, tr, money)
    data = (easy_table(results, names, locale, years, tr, ident) if easy
            else table(results, names, locale, years, tr, ident))
    disclaimer = tr.gettext(
        "This is an example, not a decision about you. It leaves out tax, occupational "
        "pension and guarantee pension. Försäkringskassan decides your benefit.")
    if condition is not None:
        disclaimer = f"{disclaimer} {condition_note(tr, *condition)}"
    body = "".join(f"<p>{escape(s)}</p>" for s in said)
    how = tr.gettext("How we calculate")  # not inside an f-string: Babel must extract it
    more = f' <a href="{escape(explain_href)}">{escape(how)}</a>' if explain_href else ""
    return (f'<figure class="klarinfo-example" id="{ident}">'
            f"<figcaption><strong>{escape(title)}</strong> {escape(assumed)}. "
            f"{escape(year_note)}</figcaption>"
            f"{body}{svg}{data}"
            f'<p class="klarinfo-example__note">{escape(disclaimer)}{more}</p></figure>')
