"""Issue 16 (7) in Chromium: every Tab stop is somewhere the reader can see it. Closed
drawers and the closed search's result box must take no focus, on a phone and a desktop."""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const e = document.activeElement;
  if (e === document.body) return null;  // past the last stop: focus is in the browser's UI
  const r = e.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  return {what: `${e.tagName.toLowerCase()}.${e.getAttribute('class') || ''} `
                + `"${(e.textContent || '').trim().slice(0, 30)}"`,
          rect: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)],
          inside: r.width > 0 && r.height > 0 && x >= 0 && x <= innerWidth
                  && y >= 0 && y <= innerHeight,
          visible: e.checkVisibility({visibilityProperty: true, opacityProperty: true})};
}"""
SETTLED = "document.getAnimations().every(a => a.playState !== 'running')"


def tab_stops(page, presses: int = 30) -> list[dict]:
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        page.wait_for_function(SETTLED, timeout=5000)  # a drawer or dialog sliding in
        stops.append(page.evaluate(FOCUSED))
    return stops


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("path", ["vald/", "ar/foraldrapenning/", "sv-latt/", "so/tolk/"])
def test_first_30_tab_stops_are_inside_the_viewport(browser, base_url, path, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{base_url}{path}", wait_until="networkidle")
    stops = tab_stops(page)
    context.close()
    hidden = [f"Tab {i + 1}: {s['what']} at {s['rect']}" for i, s in enumerate(stops)
              if s is not None and not (s["inside"] and s["visible"])]
    assert not hidden, "focus outside the viewport or invisible:\n" + "\n".join(hidden)


def test_open_drawer_still_takes_focus_on_a_phone(browser, base_url):
    """The fix must hide only the closed drawer: opened, its links are Tab stops."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base_url}vald/", wait_until="networkidle")
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function(SETTLED, timeout=5000)
    for stop in tab_stops(page, 40):
        if stop is not None and "md-nav__link" in stop["what"]:
            assert stop["inside"] and stop["visible"], stop
            break
    else:
        pytest.fail("no link of the open drawer was reached with Tab")
    context.close()
