"""Issue #32 (1) in Chromium: numbers in Arabic pages read left to right.

In right-to-left text the bidi algorithm lays out digit groups joined by spaces or
hyphens right to left: "114 14" showed as "14 114", "020-50 50 50" as "50 50 020-50",
"2026-11-29" as "29-11-2026". Every Arabic page is laid out; for each number sequence
shown (digit groups joined by spaces, hyphens, slashes, colons, dots, commas) on one
line, the first digit group's box must lie left of the last group's box.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import DESKTOP, PHONE

pytestmark = pytest.mark.browser

#: The pages' number sequences (as klarinfo.base.bidi.SEQUENCE), measured group by group.
MEASURE = r"""() => {
  const sequence = /(?<![\p{L}\p{N}_])\d+(?:[ \u00a0\u202f\u2009\-\/:.,]\d+)+(?![\p{L}\p{N}_])/gu;
  const root = document.querySelector('article') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const wrong = [], checked = [];
  const box = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return Array.from(range.getClientRects()).filter(r => r.width > 0);
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, svg, code, pre, [hidden], [popover]')) continue;
    if (!parent.getClientRects().length) continue;  // not shown
    for (const match of node.data.matchAll(sequence)) {
      const groups = Array.from(match[0].matchAll(/\d+/g));
      const first = groups[0], last = groups[groups.length - 1];
      const a = box(node, match.index + first.index, match.index + first.index + first[0].length);
      const b = box(node, match.index + last.index, match.index + last.index + last[0].length);
      if (a.length !== 1 || b.length !== 1) continue;
      if (Math.abs(a[0].top - b[0].top) > a[0].height / 2) {  // split over two lines
        wrong.push(`${match[0]} (broken over two lines)`);
        continue;
      }
      checked.push(match[0]);
      if (!(a[0].left < b[0].left)) wrong.push(match[0]);
    }
  }
  return {wrong, checked};
}"""


def arabic_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix() + "/"
                  for p in (site / "ar").rglob("index.html") if "search" not in p.parts)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_every_number_in_every_arabic_page_reads_left_to_right(browser, site, base_url,
                                                                viewport):
    pages = arabic_pages(site)  # the session's real site (conftest)
    assert len(pages) >= 10, pages
    wrong, checked = {}, {}
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for path in pages:
        page.goto(f"{base_url}{path}", wait_until="networkidle")
        found = page.evaluate(MEASURE)
        checked[path] = found["checked"]
        if found["wrong"]:
            wrong[path] = found["wrong"]
    context.close()
    shown = {s for sequences in checked.values() for s in sequences}
    # the numbers are among those measured
    assert {"114 14", "020-50 50 50", "020-52 10 10", "2026-11-29"} <= shown, shown
    assert not wrong, "numbers laid out out of order:\n" + "\n".join(
        f"{path}: {', '.join(sorted(set(s)))}" for path, s in wrong.items())
