"""Issue #32 (2) in Chromium: a focus ring you can see wherever it is drawn.

WCAG 2.2 SC 1.4.11 (non-text contrast): the focus indicator needs 3:1 against the colours
next to it. The accent ring (#8a2b06) was fine on white but 1.22:1 on the header blue.
Every focusable element of a front page, a topic page (calculator, chart, glossary
popovers), the glossary page and an open search and drawer, in every edition, is focused
after a Tab (so :focus-visible applies as it does for a keyboard reader); the test reads
the outline it is drawn with and the colour painted behind that outline (the first
non-transparent background up the ancestors, semi-transparent layers composited; the
element's own background where the ring touches it) and computes the contrast ratio.
"""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sitebuild import EDITIONS

pytestmark = pytest.mark.browser

PAGES = ["", "foraldrapenning/", "ordlista/"]
MINIMUM = 3.0

# The focused element's ring and the colours next to it, once transitions have finished.
RING = """async () => {
  const parse = c => {
    const m = c.match(/rgba?\\(([\\d.]+),?\\s*([\\d.]+),?\\s*([\\d.]+)(?:\\s*[,/]\\s*([\\d.]+%?))?\\)/);
    if (!m) return null;
    let a = m[4] === undefined ? 1 : parseFloat(m[4]) / (m[4].endsWith('%') ? 100 : 1);
    return [+m[1], +m[2], +m[3], a];
  };
  const over = (top, bottom) => {  // top composited over an opaque bottom
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  // Layers of background from `start` up to the root, composited onto white (the canvas).
  const behind = start => {
    const layers = [];
    for (let e = start; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const opacity = e => {
    let o = 1;
    for (; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
    return o;
  };
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const s = getComputedStyle(e);
  const offset = parseFloat(s.outlineOffset);
  const outer = behind(e.parentElement);
  const adjacent = offset >= 1 ? [outer] : offset < 0 ? [behind(e)] : [outer, behind(e)];
  const ring = parse(s.outlineColor);
  const label = e.textContent || e.value || e.getAttribute('aria-label') || e.title || '';
  return {
    what: `${e.tagName.toLowerCase()}.${(e.getAttribute('class') || '')
             .replace('focus-visible', '').trim()} `
          + `"${label.trim().replace(/\\s+/g, ' ').slice(0, 30)}"`,
    region: e.closest('.md-header, .md-tabs, .md-footer, .md-sidebar, .klarinfo-exit, '
                      + 'article, .md-search')?.className.split(' ')[0] || 'page',
    visible: e.matches(':focus-visible'),
    style: s.outlineStyle, width: parseFloat(s.outlineWidth), offset,
    ring: ring && over([ring[0], ring[1], ring[2], ring[3] * opacity(e)], outer),
    adjacent,
  };
}"""


def luminance(rgb) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def hex_colour(rgb) -> str:
    return "#" + "".join(f"{round(v):02x}" for v in rgb[:3])


def weak_rings(rings: list[dict]) -> list[str]:
    """Each element whose focus ring is missing or under 3:1 against a neighbouring colour."""
    weak = []
    for r in rings:
        where = f"{r['region']}: {r['what']}"
        if not r["visible"]:
            weak.append(f"{where}: does not match :focus-visible after keyboard use")
        elif r["style"] == "none" or r["width"] < 2 or r["ring"] is None:
            weak.append(f"{where}: no focus ring ({r['style']} {r['width']} px)")
        else:
            worst = min(r["adjacent"], key=lambda c: contrast(r["ring"], c))
            ratio = contrast(r["ring"], worst)
            if ratio < MINIMUM:
                weak.append(f"{where}: ring {hex_colour(r['ring'])} on {hex_colour(worst)} "
                            f"= {ratio:.2f}:1")
    return weak


def rings_on(page, within: str = "html", limit: int = 400) -> list[dict]:
    """The ring of every Tab stop from where focus is now, until focus leaves the page (or
    the part ``within`` selects) or comes back round to a stop already seen."""
    page.evaluate("() => { window.__stops = new Set(); }")
    rings = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        done = page.evaluate("""within => {
          const e = document.activeElement;
          if (!e || e === document.body || __stops.has(e) || !e.closest(within)) return true;
          __stops.add(e);
          return false;
        }""", within)
        if done:
            break
        rings.append(page.evaluate(RING))
    return rings


def prefix(edition: str) -> str:
    return "" if edition == "sv" else f"{edition}/"


def test_contrast_arithmetic():
    assert round(contrast((0x8a, 0x2b, 0x06), (0x1d, 0x3f, 0x6e)), 2) == 1.22
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_focus_ring_has_3_to_1_against_its_background(browser, base_url, edition,
                                                             viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    weak, count = [], 0
    for path in PAGES:
        page.goto(f"{base_url}{prefix(edition)}{path}", wait_until="networkidle")
        rings = rings_on(page)
        count += len(rings)
        weak += [f"/{prefix(edition)}{path} {w}" for w in weak_rings(rings)]
    # An open search with results (the result list lies inside the blue header), and on a
    # phone the open navigation drawer (its title bar is header blue).
    page.goto(f"{base_url}{prefix(edition)}foraldrapenning/", wait_until="networkidle")
    opener = page.locator("label.md-header__button[for='__search']")  # a phone's
    (opener if opener.is_visible() else page.locator("input.md-search__input")).click()
    word = page.locator("article h1").inner_text().split()[0]  # found in every edition
    # Typed as a reader does (Material searches on keyup). A query typed before the
    # edition's index is ready finds nothing until the next key, so type again.
    search = page.locator("input.md-search__input")
    for _ in range(10):
        search.fill("")
        search.press_sequentially(word, delay=30)
        search.press("End")  # a real key: Arabic letters are inserted without keyup
        try:
            page.locator(".md-search-result__link").first.wait_for(state="visible",
                                                                   timeout=3000)
            break
        except PlaywrightTimeoutError:
            continue
    else:
        pytest.fail(f"search for {word!r} found nothing")
    rings = rings_on(page, within=".md-search")
    count += len(rings)
    weak += [f"search open: {w}" for w in weak_rings(rings)]
    if viewport is PHONE:
        page.goto(f"{base_url}{prefix(edition)}foraldrapenning/", wait_until="networkidle")
        page.locator("label.md-header__button[for='__drawer']").click()
        page.wait_for_function(
            "document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
        rings = rings_on(page, within=".md-header, .md-sidebar--primary")
        count += len(rings)
        weak += [f"drawer open: {w}" for w in weak_rings(rings)]
    context.close()
    assert count >= 40, f"only {count} focusable elements found"
    assert not weak, (f"{len(weak)} of {count} focus rings under {MINIMUM}:1:\n"
                      + "\n".join(weak))
