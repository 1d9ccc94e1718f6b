"""Issue 4 in Chromium: glossary pages per edition, and the first-use definition."""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE, describe, run_axe
from klarinfo.glossary.collation import sort_key
from playwright.sync_api import expect
from sitebuild import EDITIONS, EXPECTED

pytestmark = pytest.mark.browser


def prefix(edition: str) -> str:
    return "" if edition == "sv" else f"{edition}/"


@pytest.fixture()
def page(browser, base_url):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_glossary_page_is_sorted_and_accessible(browser, base_url, edition):
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(f"{base_url}{prefix(edition)}ordlista/", wait_until="networkidle")
        headings = page.locator("article h2").all_inner_texts()
        assert len(headings) >= 25, headings
        language = EXPECTED[edition][0]
        assert headings == sorted(headings, key=lambda h: sort_key(h, language))
        violations = run_axe(page)
        assert not violations, describe(violations)
        context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_first_use_definition_by_keyboard_with_accessible_name(page, base_url, edition):
    page.goto(f"{base_url}{prefix(edition)}foraldrapenning/", wait_until="networkidle")
    buttons = page.locator("article .klarinfo-term__button")
    assert buttons.count() >= 1
    first = buttons.first
    name = first.inner_text()
    target = first.get_attribute("popovertarget")
    definition = page.locator(f"#{target}")
    # Reachable by keyboard: tab through the page until the term button has focus.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('klarinfo-term__button')"):
            break
    else:
        pytest.fail("the term button was never reached with Tab")
    assert page.evaluate("document.activeElement.textContent") == name
    # Announced: the button's accessible name is the term, its description the definition.
    expect(page.get_by_role("button", name=name, exact=True).first).to_be_visible()
    description = page.evaluate(
        "id => document.getElementById(id).textContent", target).strip()
    expect(first).to_have_accessible_description(" ".join(description.split()))
    assert not definition.is_visible()
    page.keyboard.press("Enter")
    expect(definition).to_be_visible()
    assert page.evaluate("id => document.getElementById(id).matches(':popover-open')", target)
    violations = run_axe(page)
    assert not violations, describe(violations)
    page.keyboard.press("Escape")
    expect(definition).to_be_hidden()


@pytest.mark.parametrize("edition", ["sv", "ar"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_definition_opens_next_to_its_term(browser, base_url, edition, viewport):
    """Issue 16 (10): the popover sits by the term that opened it (below, or above when
    there is no room), on screen, on main pages too; RTL included."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{base_url}{prefix(edition)}foraldrapenning/", wait_until="networkidle")
    buttons = page.locator(".klarinfo-term__button")
    for index in (0, buttons.count() - 1):
        button = buttons.nth(index)
        button.scroll_into_view_if_needed()
        button.click()
        definition = page.locator(f"#{button.get_attribute('popovertarget')}")
        definition.wait_for(state="visible")
        b = button.evaluate("e => e.getBoundingClientRect().toJSON()")
        d = definition.evaluate("e => e.getBoundingClientRect().toJSON()")
        assert d["top"] >= 0 and d["bottom"] <= viewport["height"], (b, d)
        assert d["left"] >= 0 and d["right"] <= viewport["width"], (b, d)
        assert max(d["top"] - b["bottom"], b["top"] - d["bottom"]) <= 20, (b, d)
        page.keyboard.press("Escape")
        definition.wait_for(state="hidden")
    context.close()
