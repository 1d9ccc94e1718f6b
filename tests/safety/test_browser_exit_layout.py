"""Issue 16 (2, 3) in Chromium: the quick exit is readable and easy to hit in every edition,
and the sticky exit bar never hides the heading a reader jumps to."""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE
from sitebuild import EDITIONS

pytestmark = pytest.mark.browser

EXIT_METRICS = """() => {
  const link = document.querySelector('[data-klarinfo-exit]');
  const box = link.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(link);
  const text = range.getBoundingClientRect();
  return {size: parseFloat(getComputedStyle(link).fontSize), width: box.width,
          height: box.height, dx: (text.left + text.right - box.left - box.right) / 2,
          dy: (text.top + text.bottom - box.top - box.bottom) / 2};
}"""


def prefix(edition: str) -> str:
    return "" if edition == "sv" else f"{edition}/"


@pytest.mark.parametrize("view", ["", "embed/"])
@pytest.mark.parametrize("edition", EDITIONS)
def test_exit_label_is_16px_on_a_44px_target_and_centred(browser, base_url, edition, view):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base_url}{view}{prefix(edition)}vald/", wait_until="load")
    m = page.evaluate(EXIT_METRICS)
    context.close()
    assert m["size"] >= 16, m
    assert m["width"] >= 44 and m["height"] >= 44, m
    assert abs(m["dx"]) <= 2 and abs(m["dy"]) <= 2, f"label not centred: {m}"


TARGET = """id => {
  const target = document.getElementById(id).getBoundingClientRect();
  const bar = document.querySelector('[data-klarinfo-exit-bar]').getBoundingClientRect();
  return {top: target.top, bottom: target.bottom, bar: bar.bottom, height: innerHeight,
          scrolled: scrollY};
}"""


def assert_clear_of_the_bar(page, ident: str) -> None:
    page.wait_for_function("id => decodeURIComponent(location.hash) === '#' + id", arg=ident)
    m = page.evaluate(TARGET, ident)
    assert m["scrolled"] > 0, f"#{ident}: the page did not scroll ({m})"
    assert m["bar"] <= m["top"] and m["bottom"] <= m["height"], \
        f"#{ident} is not fully visible below the exit bar: {m}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("edition", EDITIONS)
def test_toc_targets_are_visible_below_the_exit_bar(browser, base_url, edition, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    url = f"{base_url}{prefix(edition)}vald/"
    page.goto(url, wait_until="load")
    links = page.locator(".md-nav--secondary a.md-nav__link[href^='#']")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) >= 4, hrefs
    for href in hrefs:
        page.goto(url, wait_until="load")
        # At 360 px the table of contents is inside the closed drawer: click it as the
        # link's own activation (a real fragment navigation), not through the drawer.
        page.locator(f".md-nav--secondary a.md-nav__link[href='{href}']").first.evaluate(
            "a => a.click()")
        assert_clear_of_the_bar(page, href[1:])
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_skip_link_target_is_visible_below_the_exit_bar(browser, base_url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{base_url}ar/vald/", wait_until="load")
    page.evaluate("scrollTo(0, document.body.scrollHeight)")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.getAttribute('href')")
    assert skip and skip.startswith("#"), skip
    page.keyboard.press("Enter")
    # the skip link leads to the first heading, which sits at the top of the page anyway:
    # it must still end up clear of the bar, not under it
    page.wait_for_function("h => decodeURIComponent(location.hash) === h", arg=skip)
    m = page.evaluate(TARGET, skip[1:])
    assert m["bar"] <= m["top"] and m["bottom"] <= m["height"], m
    context.close()
