"""Issue #32 (3) in Chromium: the examples' chart text is readable on a phone.

The chart is an SVG that scales with its viewBox: at 360 px it is drawn about 290 px wide,
and its 14-unit text came out at 11 px. Every <text> of every chart on the topic page, in
every edition, must render at least at the body's small size there (a <small> in the
article: 14.4 px, 16 px in Arabic), and stay inside the chart sideways (long labels wrap).
"""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE
from sitebuild import EDITIONS

pytestmark = pytest.mark.browser

MEASURE = """() => {
  const p = document.querySelector('article p');
  const small = p.appendChild(document.createElement('small'));
  small.textContent = 'x';
  const minimum = parseFloat(getComputedStyle(small).fontSize);
  small.remove();
  const texts = [];
  for (const svg of document.querySelectorAll('svg.klarinfo-example__chart')) {
    const box = svg.getBoundingClientRect();
    for (const t of svg.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      texts.push({text: t.textContent,
                  px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
                  inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5});
    }
  }
  return {minimum, texts};
}"""


def prefix(edition: str) -> str:
    return "" if edition == "sv" else f"{edition}/"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("edition", EDITIONS)
def test_chart_text_is_at_least_the_small_size_and_fits(browser, base_url, edition, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{base_url}{prefix(edition)}foraldrapenning/", wait_until="networkidle")
    found = page.evaluate(MEASURE)
    context.close()
    texts, minimum = found["texts"], found["minimum"]
    assert len(texts) >= 10, texts
    small = [f"{t['px']:.1f} px: {t['text']}" for t in texts if t["px"] < minimum - 0.05]
    assert not small, f"chart text under the small size ({minimum} px):\n" + "\n".join(small)
    outside = [t["text"] for t in texts if not t["inside"]]
    assert not outside, "chart text wider than the chart:\n" + "\n".join(outside)
    if viewport is DESKTOP:  # scaled up, but not to a heading's size
        assert max(t["px"] for t in texts) <= 2 * minimum, texts
