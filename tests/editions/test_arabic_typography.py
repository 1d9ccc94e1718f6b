"""Issue #16 items 4 and 5 in Chromium: Arabic bold is bold, and the web font never moves
the page (layout shift) when it arrives after the first paint."""

from __future__ import annotations

import re

import pytest
from browser import PHONE
from sitebuild import EDITIONS

pytestmark = pytest.mark.browser

TOPIC = "foraldrapenning/"

# Sums every layout shift not caused by input, as Lighthouse's CLS does for one page view.
CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""

# Widths of the first visible Arabic <strong> of the article and of the same text at
# weight 400, both on one line (nowrap) next to it; plus the status of each
# "Klarinfo Arabic" face.
MEASURE_BOLD = """() => {
  const strong = [...document.querySelectorAll("article strong")]
    .find(el => /[\\u0600-\\u06ff]/.test(el.textContent) && el.getClientRects().length);
  const line = document.createElement("span");
  line.style.whiteSpace = "nowrap";
  line.style.position = "absolute";
  const bold = strong.cloneNode(true);
  const plain = document.createElement("span");
  plain.textContent = strong.textContent;
  line.append(bold, plain);
  strong.after(line);
  const width = el => el.getBoundingClientRect().width;
  const result = {
    text: strong.textContent, bold: width(bold), regular: width(plain),
    weight: getComputedStyle(bold).fontWeight,
    faces: [...document.fonts].filter(f => f.family.includes("Klarinfo Arabic"))
      .map(f => [f.weight, f.status]),
  };
  line.remove();
  return result;
}"""


def _rewrite_css(context, change) -> None:
    """Serve klarinfo.css changed by ``change`` (a planted defect) in this context."""
    def rewrite(route):
        response = route.fetch()
        route.fulfill(response=response, body=change(response.text()))
    context.route("**/assets/klarinfo.css", rewrite)


def _page_view_cls(browser, url: str, css_rewrite=None) -> float:
    """CLS of one first view at phone size, the Arabic font files held back until the page
    has painted: the worst case of a slow connection, without any timing in the test."""
    context = browser.new_context(viewport=PHONE)
    try:
        held = []
        context.route("**/*.woff2", lambda route: held.append(route))
        if css_rewrite:
            _rewrite_css(context, css_rewrite)
        page = context.new_page()
        page.add_init_script(CLS_OBSERVER)
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_function(
            "performance.getEntriesByName('first-contentful-paint').length > 0")
        for route in held:
            route.continue_()
        context.unroute("**/*.woff2")
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready")
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        return page.evaluate("window.__cls")
    finally:
        context.close()


def _measure_bold(browser, url: str, css_rewrite=None) -> dict:
    context = browser.new_context(viewport=PHONE)
    try:
        if css_rewrite:
            _rewrite_css(context, css_rewrite)
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        # font-display: optional keeps the first view's fonts; the second view has both
        # files in the cache, as a reader's next page does.
        page.reload(wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        return page.evaluate(MEASURE_BOLD)
    finally:
        context.close()


def test_arabic_bold_text_uses_the_bold_font(browser, base_url):
    """<strong> in Arabic renders wider than the same words at weight 400 (it rendered
    regular while one face claimed 400–700 for the regular file), from our bold file."""
    result = _measure_bold(browser, base_url + "ar/" + TOPIC)
    assert ["700", "loaded"] in result["faces"], f"bold Arabic face not loaded: {result}"
    assert result["bold"] > result["regular"] * 1.02, (
        f"Arabic <strong> is no wider than regular text: {result}")


def test_the_bold_check_catches_a_face_that_claims_bold(browser, base_url):
    """The check above can fail: one regular file declared for 400–700, as before
    issue #16, renders <strong> at the regular width."""
    def one_face(css: str) -> str:
        regular, bold = (css.index("@font-face", i) for i in (0, css.index("@font-face") + 1))
        css = css[:bold] + css[css.index("}", bold) + 1:]
        return css[:regular] + css[regular:].replace("font-weight: 400;", "font-weight: 400 700;", 1)

    result = _measure_bold(browser, base_url + "ar/" + TOPIC, one_face)
    assert ["700", "loaded"] not in result["faces"]
    assert result["bold"] <= result["regular"] * 1.02, result


def _first_layout_width(browser, url: str, css_rewrite=None) -> int:
    """Width a phone lays the page out at before any script runs (wider than the screen
    when something sticks out; Material's script later narrows it, shifting the page)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  java_script_enabled=False)
    try:
        if css_rewrite:
            _rewrite_css(context, css_rewrite)
        page = context.new_page()
        page.goto(url, wait_until="load")
        return page.evaluate("innerWidth")
    finally:
        context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_first_layout_fits_the_phone(browser, base_url, edition):
    prefix = "" if edition == "sv" else edition + "/"
    assert _first_layout_width(browser, base_url + prefix + TOPIC) == PHONE["width"]


def test_the_width_check_catches_an_overhanging_menu(browser, base_url):
    """The check above can fail: without the header clip the closed language menu
    widens the first layout (and the Arabic page then jumps sideways)."""
    width = _first_layout_width(browser, base_url + "ar/" + TOPIC,
                                lambda css: css.replace("overflow-x: clip;", ""))
    assert width > PHONE["width"]


def _downloaded(css: str) -> str:
    """The page as a reader without Noto Naskh Arabic installed gets it: no local() source
    and no installed Noto in the fallback list (`make test` installs fonts-noto-core for
    the leaflets; with it Chromium takes the installed font, or falls back to the very same
    letters while ours loads — nothing left to measure)."""
    return re.sub(r'local\("[^"]*"\),\s*', "", css).replace('"Noto Naskh Arabic", ', "")


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_late_web_font_does_not_shift_the_page(browser, base_url, edition):
    prefix = "" if edition == "sv" else edition + "/"
    cls = _page_view_cls(browser, base_url + prefix + TOPIC, _downloaded)
    assert cls < 0.1, f"{prefix}{TOPIC}: cumulative layout shift {cls:.3f} (target < 0.1)"


def test_the_shift_check_catches_a_swapping_font(browser, base_url):
    """The check above can fail: with font-display: swap (as before issue #16) the late
    Arabic font re-flows the page."""
    cls = _page_view_cls(browser, base_url + "ar/" + TOPIC,
                         lambda css: _downloaded(css).replace("font-display: optional",
                                                              "font-display: swap"))
    assert cls >= 0.1, f"a swapping font should shift the Arabic page, CLS was {cls:.3f}"
