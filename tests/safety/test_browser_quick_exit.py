"""Issue 6: the quick exit on violence pages, in Chromium, in every edition."""

from __future__ import annotations

import pytest
from browser import PHONE, describe, run_axe
from sitebuild import EDITIONS

pytestmark = pytest.mark.browser
EXIT = "https://www.smhi.se/"


@pytest.fixture()
def context(browser):
    context = browser.new_context(viewport=PHONE)
    # The neutral site is never really contacted: the test answers for it.
    context.route(f"{EXIT}**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>SMHI</title><p>Väder</p>"))
    yield context
    context.close()


def prefix(edition):
    return "" if edition == "sv" else f"{edition}/"


@pytest.mark.parametrize("edition", EDITIONS)
def test_exit_button_leaves_and_replaces_the_history_entry(context, base_url, edition):
    page = context.new_page()
    start = f"{base_url}{prefix(edition)}"
    page.goto(start, wait_until="load")
    page.goto(f"{start}vald/", wait_until="load")
    button = page.locator("[data-klarinfo-exit]")
    assert button.is_visible() and button.bounding_box()["height"] >= 44
    button.click()
    page.wait_for_url(EXIT)
    page.go_back(wait_until="load")
    assert page.url == start, "Back must not return to the violence page"


def test_shift_three_times_leaves(context, base_url):
    page = context.new_page()
    page.goto(f"{base_url}ar/vald/", wait_until="load")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT)


def test_exit_works_without_javascript_and_page_passes_axe(browser, base_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}so/vald/", wait_until="load")
    assert page.locator("[data-klarinfo-exit]").get_attribute("href") == EXIT
    context.close()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base_url}vald/", wait_until="networkidle")
    violations = run_axe(page)
    assert not violations, describe(violations)
    # helplines are click-to-call links
    assert page.locator('a[href="tel:020505050"]').count() == 1
    context.close()


def test_other_pages_have_no_exit_button(context, base_url):
    page = context.new_page()
    page.goto(f"{base_url}foraldrapenning/", wait_until="load")
    assert page.locator("[data-klarinfo-exit]").count() == 0


@pytest.mark.parametrize("edition", ["sv", "ar"])
def test_pages_a_violence_page_leads_to_have_the_exit(context, base_url, edition):
    """Issue 13: from the violence page to the glossary (a term's popover) and to the
    previous page in the footer, the exit is still there and still leaves."""
    page = context.new_page()
    page.goto(f"{base_url}{prefix(edition)}vald/", wait_until="load")
    button = page.locator("article .klarinfo-term__button").first
    button.click()
    definition = page.locator(f"#{button.get_attribute('popovertarget')}")
    definition.locator("a").first.click()
    page.wait_for_url(f"{base_url}{prefix(edition)}ordlista/**")
    assert page.locator("[data-klarinfo-exit]").is_visible()
    page.go_back(wait_until="load")
    page.locator(".md-footer__link--prev").click()
    page.wait_for_url(f"{base_url}{prefix(edition)}tolk/")
    page.locator("[data-klarinfo-exit]").click()
    page.wait_for_url(EXIT)
