"""Issue 20 in Chromium: the private calculator on the parental-benefit page, every edition.

The site is served with the headers we deploy (``_headers``: the Content-Security-Policy),
so the calculator must work with no inline script. For the same input the table shows the
Python model's figures in the edition's number format; wrong input is explained next to
the field in the page's language; nothing is requested or stored while it is used; the
link to a calculation keeps the numbers in the fragment, never the query string.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po
from browser import PHONE, describe, run_axe, serve
from klarinfo.editions import messages
from klarinfo.examples import life_income as li
from klarinfo.examples import life_income_render as words
from klarinfo.examples import rules as rules_module
from klarinfo.examples.money import kronor, kronor_rounded, number
from sitebuild import EDITIONS, ROOT

pytestmark = pytest.mark.browser

RULES = rules_module.load(ROOT / "data" / "rules.yml")
LOCALE = {"sv": "sv", "sv-latt": "sv", "en": "en", "ar": "ar", "so": "so"}
INPUT = {"income1": "31 000", "income2": "0", "plan2": "sfi", "delay2": "6",
         "entry2": "22000", "days1": "300", "days2": "180", "arrival": "birth"}
CELLS = """() => [...document.querySelectorAll('[data-result] tbody tr')]
  .map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent))"""
STORED = """() => [localStorage.length, sessionStorage.length, document.cookie]"""


def prefix(edition: str) -> str:
    return "" if edition == "sv" else f"{edition}/"


def message(edition: str, msgid: str) -> str:
    with open(ROOT / "locales" / edition / "LC_MESSAGES" / "klarinfo.po", "rb") as fh:
        return read_po(fh).get(msgid).string


def expected(edition: str) -> list[list[str]]:
    """The Python model for INPUT, in the edition's format (the static table's cells)."""
    locale, days = LOCALE[edition], message(edition, "{income} + {lowest}")
    year = RULES.years[-1]
    parents = (li.Parent("1", 31000.0, True, True),
               li.Parent("2", 0.0, False, False, entry=li.Entry(22000.0, 6)))
    result = li.compute(li.Scenario(year, parents, (li.Split("x", (300, 180)),)), RULES)[0]
    return [[days.format(income=p.income_level_days, lowest=p.minimum_level_days)] + [
        kronor(v, locale) for v in (
        p.daily_benefit_sek, p.benefit_paid_sek, p.leave_year_income_sek,
        p.income_over_years_sek, p.pension_credits_over_years_sek,
        p.monthly_pension_estimate_sek)] for p in result.parents]


PARAGRAPHS = "() => [...document.querySelectorAll('[data-result] > p')].map(p => p.textContent)"
CHART = """() => { const svg = document.querySelector('[data-result] svg');
  if (!svg) return [];
  const one = e => [e.tagName.toLowerCase(), Object.fromEntries([...e.attributes].map(
    a => [a.name.toLowerCase(), a.value])), e === svg ? '' : e.textContent];
  return [one(svg), ...[...svg.children].map(one)]; }"""


def said(edition: str, values: dict[str, str], ident: str = "") -> list[str]:
    """The worked examples' sentences (Python) for the form's ``values``, compared with an
    equal split, as the calculator says them; easy-read: rounded, with the note. With
    ``ident``: the example's chart instead, as (tag, attributes, text) per element."""
    tr = messages.translator(ROOT / "locales", edition)
    easy = edition == "sv-latt"

    def parent(n: int) -> li.Parent:
        income = float(values[f"income{n}"].replace(" ", ""))
        entry = (li.Entry(float(values[f"entry{n}"]), int(values[f"delay{n}"]))
                 if values.get(f"plan{n}") == "sfi" else None)
        return li.Parent(str(n), income, income > 0, income > 0, entry=entry)

    days = (int(values["days1"]), int(values["days2"]))
    scenario = li.Scenario(RULES.years[-1], (parent(1), parent(2)),
                           (li.Split("x", days), li.Split("y", (240, 240))))
    results = li.compute(scenario, RULES)
    names = [words.parent_name(p, None, i, tr) for i, p in enumerate(results[0].parents)]
    money = kronor_rounded if easy else kronor
    out = words.sentences(scenario, results, names, LOCALE[edition], tr, money)
    out += [words.rounded_note(tr)] if easy else []
    if not ident:
        return out
    years = len(results[0].parents[0].years)
    svg = words.chart(results, names, LOCALE[edition], edition == "ar", ident,
                      words.chart_title_template(years, tr).format(n=years), " ".join(out),
                      tr, money)
    return _elements(svg)


def _elements(svg: str) -> list:
    """(tag, attributes, text) of the chart and each element in it, in order."""
    found: list = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append([tag, {k: v for k, v in attrs if k != "xmlns"}, ""])

        def handle_data(self, data):
            if data.strip():  # not the line breaks between the chart's elements
                found[-1][2] += data

    Parser().feed(svg)
    return found


@pytest.fixture(scope="module")
def csp_url(site):
    with serve(site, headers_file=site / "_headers") as url:
        yield url


def _open(browser, url: str, **options):
    context = browser.new_context(viewport=PHONE, **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="networkidle")
    return context, page, errors


def _fill(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        field = page.locator(f"[data-klarinfo-calc] [name={name}]")
        if name.startswith(("plan", "arrival", "year")):
            field.select_option(value)
        else:
            field.fill(value)


@pytest.mark.parametrize("edition", EDITIONS)
def test_calculator_matches_the_model_privately(browser, csp_url, edition):
    context, page, errors = _open(browser, f"{csp_url}{prefix(edition)}foraldrapenning/")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    assert page.locator("[data-klarinfo-calc-nojs]").is_hidden()
    _fill(page, INPUT)
    page.locator("[data-action=calculate]").press("Enter")  # keyboard only
    cells = page.evaluate(CELLS)
    assert cells == expected(edition)
    assert page.locator("[data-result]").get_attribute("aria-live") == "polite"
    # The link: numbers in the fragment only, and the page says so.
    page.click("[data-action=link]")
    parts = urlsplit(page.url)
    assert parts.query == "" and parts.fragment.startswith("calc&") and "31" in parts.fragment
    assert page.inner_text("[data-status]") in (message(edition, m) for m in (
        "The link is copied. Your numbers are only in the part after #, which your browser "
        "does not send to any server.",
        "Your numbers are now in the address bar, in the part after #, which your browser "
        "does not send to any server."))
    # Chromium fetches the site's favicon on its own (no reader data in it); nothing else.
    sent = [u for u in requests if not u.endswith("/assets/images/favicon.png")]
    assert sent == [], f"the calculator made requests: {sent}"
    assert page.evaluate(STORED) == [0, 0, ""]
    assert context.cookies() == []
    # The link gives the same result in a fresh tab.
    other = context.new_page()
    other.goto(page.url, wait_until="networkidle")
    assert other.evaluate(CELLS) == cells
    assert errors == []
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_result_says_what_sharing_equally_would_change(browser, csp_url, edition):
    """The worked examples' sentences, in the page's language, comparing the reader's split
    with an equal one (the Python sentences for the same numbers); none for an equal split."""
    context, page, errors = _open(browser, f"{csp_url}{prefix(edition)}foraldrapenning/")
    year, legend, disclaimer = (message(edition, m) for m in (
        "Rules for {year}. Amounts before tax.",
        "Days: days at the income-based level + days at the lowest level.",
        "This is an example, not a decision about you. It leaves out tax, occupational "
        "pension and guarantee pension. Försäkringskassan decides your benefit."))
    year = year.format(year=RULES.years[-1])
    sfi_first = {"income1": "0", "plan1": "sfi", "delay1": "6", "entry1": "22000",
                 "income2": "31000", "plan2": "same", "arrival": "birth"}
    cases = [{**INPUT, "days1": "300", "days2": "180"}, {**INPUT, "days1": "180", "days2": "300"},
             {**sfi_first, "days1": "300", "days2": "180"},
             {**INPUT, "days1": "240", "days2": "240"},
             {**sfi_first, "days1": "250", "days2": "230"}]
    for values in cases:
        page.reload(wait_until="networkidle")
        _fill(page, values)
        page.click("[data-action=calculate]")
        expected = said(edition, values) if values["days1"] != values["days2"] else []
        assert page.evaluate(PARAGRAPHS) == [year, *expected, legend, disclaimer], values
        ident = page.locator("[data-klarinfo-calc]").get_attribute("id") + "-chart"
        chart = said(edition, values, ident) if expected else []
        assert page.evaluate(CHART) == chart, values
    # the third case says why fewer days pay: the job starts sooner
    assert len(said(edition, cases[2])) > len(said(edition, cases[0]))
    # the last: the job starts 10 days sooner, said in days, not "0 months" (#31)
    ten = words.days_template(10, messages.translator(ROOT / "locales", edition)).format(n=10)
    assert ten in said(edition, cases[4])[2]
    assert errors == []
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_wrong_input_is_explained_next_to_the_field(browser, csp_url, edition):
    context, page, errors = _open(browser, f"{csp_url}{prefix(edition)}foraldrapenning/")
    cases = [({"income1": "trettio"}, "income1", "Write a whole number, with digits only."),
             ({"days2": "-5"}, "days2", "The number cannot be below zero."),
             ({"days1": "400", "days2": "200"}, "days2",
              "Together you can take at most {family} days. Write fewer days."),
             ({"days1": "420", "days2": "0"}, "days1",
              "{reserved} days are reserved for the other parent. This parent can take at "
              "most {most} days.")]
    for values, name, msgid in cases:
        page.reload(wait_until="networkidle")
        _fill(page, values)
        page.click("[data-action=calculate]")
        field = page.locator(f"[data-klarinfo-calc] [name={name}]")
        error = page.locator(f"#{field.get_attribute('id')}-error")
        text = message(edition, msgid).format(family=480, reserved=90, most=390)
        assert error.is_visible() and error.inner_text() == text, (name, values)
        assert field.get_attribute("aria-invalid") == "true"
        assert error.get_attribute("id") in field.get_attribute("aria-describedby")
        assert page.evaluate(CELLS) == []
        assert page.evaluate("document.activeElement.name") == name
    assert errors == []
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_calculator_is_accessible_at_360_px(browser, base_url, edition):
    """axe 0 with a result and an error shown; nothing scrolls sideways; Arabic is RTL."""
    context, page, _ = _open(browser, f"{base_url}{prefix(edition)}foraldrapenning/")
    page.click("[data-action=calculate]")
    page.fill("[data-klarinfo-calc] [name=income2]", "x")
    page.click("[data-action=link]")
    assert_accessible_at_360_px(page, edition)
    context.close()


def assert_accessible_at_360_px(page, edition: str) -> None:
    """axe finds nothing, nothing scrolls sideways, and Arabic runs right to left."""
    violations = run_axe(page)
    assert not violations, describe(violations)
    width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1]
    direction = page.evaluate(
        "getComputedStyle(document.querySelector('.klarinfo-calc')).direction")
    assert direction == ("rtl" if edition == "ar" else "ltr")


def test_without_javascript_the_examples_stay_and_a_line_says_why(browser, base_url):
    context, page, _ = _open(browser, f"{base_url}en/foraldrapenning/",
                             java_script_enabled=False)
    assert page.locator(".klarinfo-example").count() >= 5
    assert page.locator("[data-klarinfo-calc]").is_hidden()
    line = page.locator("[data-klarinfo-calc-nojs]")
    assert line.is_visible() and "JavaScript" in line.inner_text()
    context.close()


def test_intl_number_format_matches_babel(browser, base_url):
    """The digits the script writes (Intl.NumberFormat in Chromium) are Babel's."""
    numbers = [0, 7, 250, 999, 1000, 1234, 9999, 10_000, 58_800, 123_456, 1_234_567,
               12_345_678]
    context, page, _ = _open(browser, f"{base_url}en/")
    for locale in sorted(set(LOCALE.values())):
        shown = page.evaluate("([l, ns]) => ns.map(n => new Intl.NumberFormat(l, "
                              "{maximumFractionDigits: 0}).format(n))", [locale, numbers])
        assert shown == [number(n, locale) for n in numbers], locale
    context.close()
