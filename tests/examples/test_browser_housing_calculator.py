"""Issue 20 in Chromium: the private housing-allowance calculator, every edition.

Served with the deployed headers (the Content-Security-Policy: no inline script). For
the same household the sentences and table show ``housing_allowance.compute``'s figures
in the edition's format; wrong input is explained next to the field; nothing is
requested or stored; the link keeps the numbers in the fragment only.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from babel.lists import format_list
from klarinfo.examples import housing_allowance as ha
from klarinfo.examples.money import kronor
from sitebuild import EDITIONS
from test_browser_calculator import (
    CELLS,
    LOCALE,
    RULES,
    STORED,
    _open,
    assert_accessible_at_360_px,
    csp_url,  # noqa: F401 (fixture)
    message,
    prefix,
)

pytestmark = pytest.mark.browser

PAGE = "bostadsbidrag/"
#: A couple whose taxed income came out higher than estimated: they pay back.
COUPLE = {"adults": "2", "children": "3", "rent": "9 500", "est1": "210000",
          "est2": "120000", "tax1": "260000", "tax2": "150000"}
SENTENCES = "() => [...document.querySelectorAll('[data-result] > p')].map(p => p.textContent)"


def _fill(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        field = page.locator(f"[data-klarinfo-calc] [name={name}]")
        if name in ("adults", "year"):
            field.select_option(value)
        else:
            field.fill(value)


def expected(edition: str, household: ha.Household) -> tuple[list[str], list[list[str]]]:
    """The Python model's outcome, in the edition's format: the repay sentence, and the
    table's cells (easy-read keeps only income and allowance rows)."""
    locale = LOCALE[edition]
    o = ha.compute(household, RULES)
    def both(incomes: tuple[int, ...]) -> str:
        return format_list([kronor(i, locale) for i in incomes], style="standard",
                           locale=locale)

    assert o.settlement == "repay"
    repay = message(edition, "The family got {amount} too much and has to pay it back.")
    rows = [[both(household.estimated_income), both(household.taxed_income)],
            [kronor(o.housing_cost_part_sek, locale)] * 2,
            [kronor(o.special_grant_sek, locale)] * 2,
            [kronor(o.preliminary_reduction_sek, locale), kronor(o.final_reduction_sek, locale)],
            [kronor(o.preliminary_monthly_sek, locale), kronor(o.final_monthly_sek, locale)],
            [kronor(o.preliminary_year_sek, locale), kronor(o.final_year_sek, locale)]]
    if edition == "sv-latt":
        del rows[1:4]
    return [repay.format(amount=kronor(o.settlement_sek, locale))], rows


@pytest.mark.parametrize("edition", EDITIONS)
def test_housing_calculator_matches_the_model_privately(browser, csp_url, edition):  # noqa: F811
    context, page, errors = _open(browser, f"{csp_url}{prefix(edition)}{PAGE}")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    assert page.locator("[data-klarinfo-calc-nojs]").is_hidden()
    _fill(page, COUPLE)  # "adults" first: it shows the second adult's fields
    page.locator("[data-action=calculate]").press("Enter")  # keyboard only
    household = ha.Household(RULES.years[-1], 3, 9500, (210000, 120000), (260000, 150000))
    repay, rows = expected(edition, household)
    assert page.evaluate(CELLS) == rows
    assert repay[0] in page.evaluate(SENTENCES)
    assert page.locator("[data-result]").get_attribute("aria-live") == "polite"
    page.click("[data-action=link]")
    parts = urlsplit(page.url)
    assert parts.query == "" and parts.fragment.startswith("calc&")
    assert "260000" in parts.fragment
    sent = [u for u in requests if not u.endswith("/assets/images/favicon.png")]
    assert sent == [], f"the calculator made requests: {sent}"
    assert page.evaluate(STORED) == [0, 0, ""]
    assert context.cookies() == []
    other = context.new_page()  # the link gives the same result in a fresh tab
    other.goto(page.url, wait_until="networkidle")
    assert other.evaluate(CELLS) == rows
    assert errors == []
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_housing_small_difference_names_the_threshold(browser, csp_url, edition):  # noqa: F811
    """The 1 200 kr rule: a difference under the threshold is neither paid back nor out."""
    context, page, errors = _open(browser, f"{csp_url}{prefix(edition)}{PAGE}")
    values = {"children": "2", "rent": "7000", "est1": "180000", "tax1": "181000"}
    _fill(page, values)
    page.click("[data-action=calculate]")
    o = ha.compute(ha.Household(RULES.years[-1], 2, 7000, (180000,), (181000,)), RULES)
    assert o.settlement == "none" and o.difference_sek != 0
    locale, threshold = LOCALE[edition], RULES.value("housing_allowance_settlement_threshold",
                                                     RULES.years[-1])
    text = message(edition, "The difference is {amount}. That is less than {threshold}, so "
                   "nothing is paid back or paid out.").format(
        amount=kronor(abs(o.difference_sek), locale), threshold=kronor(threshold, locale))
    assert text in page.evaluate(SENTENCES)
    assert errors == []
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_housing_wrong_input_is_explained_next_to_the_field(browser, csp_url,  # noqa: F811
                                                            edition):
    context, page, errors = _open(browser, f"{csp_url}{prefix(edition)}{PAGE}")
    cases = [({"rent": "sjutusen"}, "rent", "Write a whole number, with digits only."),
             ({"tax1": "-5"}, "tax1", "The number cannot be below zero."),
             ({"children": "0"}, "children", "Write a number of children from 1 to {most}.")]
    for values, name, msgid in cases:
        page.reload(wait_until="networkidle")
        _fill(page, values)
        page.click("[data-action=calculate]")
        field = page.locator(f"[data-klarinfo-calc] [name={name}]")
        error = page.locator(f"#{field.get_attribute('id')}-error")
        assert error.is_visible(), (name, values)
        assert error.inner_text() == message(edition, msgid).format(most=20)
        assert field.get_attribute("aria-invalid") == "true"
        assert page.evaluate(CELLS) == []
        assert page.evaluate("document.activeElement.name") == name
    assert errors == []
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_housing_calculator_is_accessible_at_360_px(browser, base_url, edition):
    """axe 0 with a result and an error shown; nothing scrolls sideways; Arabic is RTL."""
    context, page, _ = _open(browser, f"{base_url}{prefix(edition)}{PAGE}")
    page.locator("[data-klarinfo-calc] [name=adults]").select_option("2")
    page.click("[data-action=calculate]")
    page.fill("[data-klarinfo-calc] [name=est2]", "x")
    page.click("[data-action=link]")
    assert_accessible_at_360_px(page, edition)
    context.close()


def test_housing_page_without_javascript_keeps_the_example(browser, base_url):
    context, page, _ = _open(browser, f"{base_url}so/{PAGE}", java_script_enabled=False)
    assert page.locator(".klarinfo-example").count() >= 1
    assert page.locator("[data-klarinfo-calc]").is_hidden()
    line = page.locator("[data-klarinfo-calc-nojs]")
    assert line.is_visible() and "JavaScript" in line.inner_text()
    context.close()

