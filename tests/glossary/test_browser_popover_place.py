"""Issue #32 (4) in Chromium: a glossary definition opens by its term, wide enough to read.

Placed from the term's start edge to the far side of the screen, a definition for a term
near that side was a narrow column: in Arabic at 360 px it hung at the left edge, 165-192
px wide, while the term was on the right. Every term of the topic page, in Arabic (RTL)
and Swedish (LTR), on a phone and a desktop: the definition overlaps the term's x-range,
is at least 260 px wide (or the screen less 2rem) and stays 4 px inside the screen.
"""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE

pytestmark = pytest.mark.browser

RECT = "e => e.getBoundingClientRect().toJSON()"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("edition", ["ar", "sv"])
def test_definition_is_by_its_term_and_wide_enough(browser, base_url, edition, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{base_url}{'' if edition == 'sv' else edition + '/'}foraldrapenning/",
              wait_until="networkidle")
    assert page.evaluate("document.dir || document.documentElement.dir") == (
        "rtl" if edition == "ar" else "ltr")
    buttons = page.locator("article .klarinfo-term__button")
    assert buttons.count() >= 5
    wide = min(260, viewport["width"] - 40)
    wrong = []
    for index in range(buttons.count()):
        button = buttons.nth(index)
        button.scroll_into_view_if_needed()
        button.click()
        definition = page.locator(f"#{button.get_attribute('popovertarget')}")
        definition.wait_for(state="visible")
        b, d = button.evaluate(RECT), definition.evaluate(RECT)
        where = (f"{button.inner_text()!r}: term x {b['left']:.0f}-{b['right']:.0f}, "
                 f"definition x {d['left']:.0f}-{d['right']:.0f} ({d['width']:.0f} px)")
        if not (d["left"] < b["right"] and d["right"] > b["left"]):
            wrong.append(f"{where}: not by its term")
        if d["width"] < wide:
            wrong.append(f"{where}: narrower than {wide} px")
        if d["left"] < 4 or d["right"] > viewport["width"] - 4:
            wrong.append(f"{where}: at the screen's edge")
        page.keyboard.press("Escape")
        definition.wait_for(state="hidden")
    context.close()
    assert not wrong, "\n".join(wrong)
