"""Issue 16 (6) in Chromium: worked examples never scroll sideways, at 360 and 1280 px, in
every edition and in embed views; the caption is never inside a scroll box; every data
cell names its headers (WCAG H43, as HTML_CodeSniffer checks it)."""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE, describe, run_axe
from sitebuild import EDITIONS

pytestmark = pytest.mark.browser

PAGES = ["foraldrapenning/", "bostadsbidrag/"]
WIDTHS = """() => {
  const content = document.querySelector('.md-content') || document.querySelector('main');
  const boxes = [...document.querySelectorAll('.klarinfo-example, .klarinfo-example *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX));
  return {content: [content.scrollWidth, content.clientWidth],
          page: [document.documentElement.scrollWidth, innerWidth],
          tables: document.querySelectorAll('.klarinfo-example__data').length,
          scrolling: boxes.map(e => e.className)};
}"""
HEADERS = """() => [...document.querySelectorAll('.klarinfo-example__data tbody td')].filter(td => {
  const ids = (td.getAttribute('headers') || '').split(/\\s+/).filter(Boolean);
  const table = td.closest('table');
  const row = td.parentElement.querySelector('th[scope=row]');
  const col = table.tHead.rows[0].cells[td.cellIndex];
  return !ids.length || !row || !col || ids.sort().join(' ') !== [row.id, col.id].sort().join(' ');
}).map(td => td.outerHTML)"""


def prefix(edition: str) -> str:
    return "" if edition == "sv" else f"{edition}/"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("view", ["", "embed/"])
@pytest.mark.parametrize("edition", EDITIONS)
def test_examples_need_no_sideways_scrolling(browser, base_url, edition, view, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for path in PAGES:
        page.goto(f"{base_url}{view}{prefix(edition)}{path}", wait_until="networkidle")
        m = page.evaluate(WIDTHS)
        assert m["tables"] >= 1, path
        assert m["content"][0] <= m["content"][1], f"{path}: content scrolls sideways {m}"
        assert m["page"][0] <= m["page"][1], f"{path}: page scrolls sideways {m}"
        assert not m["scrolling"], f"{path}: a box inside the example scrolls {m}"
        assert not page.evaluate(HEADERS), path
    context.close()


@pytest.mark.parametrize("edition", ["sv", "ar"])
def test_phone_shows_one_card_per_parent_and_split_and_passes_axe(browser, base_url, edition):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base_url}{prefix(edition)}foraldrapenning/", wait_until="networkidle")
    table = page.locator("table.klarinfo-example__data--cards").first
    cards = table.locator("tbody tr")
    assert cards.count() == 2  # one per parent, in a table per split
    first, second = (cards.nth(i).bounding_box() for i in range(2))
    assert second["y"] >= first["y"] + first["height"], "cards should stack on a phone"
    # the caption (the split) is shown whole above its cards
    caption = table.locator("caption")
    assert caption.is_visible() and caption.bounding_box()["y"] < first["y"]
    # still a table for screen readers, with the split as its name
    snapshot = table.aria_snapshot()
    assert snapshot.startswith("- table") and "rowheader" in snapshot, snapshot
    violations = run_axe(page)
    assert not violations, describe(violations)
    context.close()
