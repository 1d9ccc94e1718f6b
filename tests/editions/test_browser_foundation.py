"""Issue 2 in Chromium: zero third-party requests, axe zero violations, working switcher."""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE, RequestLog, describe, run_axe
from sitebuild import EDITIONS, EXPECTED

pytestmark = pytest.mark.browser

def _slugs() -> list[str]:
    """Every page of the site: the Swedish source pages plus the generated glossary."""
    from sitebuild import ROOT

    names = sorted(p.stem for p in (ROOT / "docs" / "sv").glob("*.md"))
    return ["" if n == "index" else f"{n}/" for n in names] + ["ordlista/"]


PAGES = [f"{'' if e == 'sv' else e + '/'}{p}" for e in EDITIONS for p in _slugs()]


@pytest.fixture()
def open_page(browser, base_url):
    contexts = []

    def _open(path: str, viewport=DESKTOP, javascript: bool = True):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        contexts.append(context)
        log = RequestLog()
        log.attach(context)
        page = context.new_page()
        page.goto(base_url + path, wait_until="networkidle")
        return page, log

    yield _open
    for context in contexts:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", PAGES + ["404.html"])
def test_axe_finds_no_violations(open_page, path, viewport):
    page, _ = open_page(path, viewport)
    violations = run_axe(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("path", PAGES + ["404.html"])
def test_no_request_leaves_localhost(open_page, path):
    page, log = open_page(path)
    # Open the search so its worker and index load too.
    page.keyboard.press("s")
    page.wait_for_load_state("networkidle")
    assert log.urls, "the request log recorded nothing"
    assert not log.foreign(), log.foreign()
    assert not page.context.cookies()


@pytest.mark.parametrize("start", ["so", "ar", "sv-latt"])
def test_switcher_opens_the_same_topic_in_each_edition(open_page, base_url, start):
    page, _ = open_page(f"{start}/foraldrapenning/")
    for edition in EDITIONS:
        page.hover(".md-header__option .md-select")
        page.click(f'a[data-klarinfo-edition="{edition}"]')
        page.wait_for_load_state("load")
        prefix = "" if edition == "sv" else f"{edition}/"
        assert page.url == f"{base_url}{prefix}foraldrapenning/"
        lang, direction = EXPECTED[edition]
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.evaluate("document.documentElement.dir") == direction


def test_arabic_layout_is_mirrored(open_page):
    page, _ = open_page("ar/foraldrapenning/", DESKTOP)
    nav = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert nav["x"] > content["x"], "the navigation should sit to the right in Arabic"
    page_sv, _ = open_page("foraldrapenning/", DESKTOP)
    nav = page_sv.locator(".md-sidebar--primary").bounding_box()
    content = page_sv.locator(".md-content").bounding_box()
    assert nav["x"] < content["x"]


def test_pages_read_without_javascript(open_page):
    page, _ = open_page("so/foraldrapenning/", PHONE, javascript=False)
    assert "Qaybsiga lacagta waalidka" in page.inner_text("article")


def test_harness_catches_planted_defects(browser, base_url, site):
    """The gates above can fail: a missing alt text and an external image are caught."""
    planted = site / "planted.html"
    planted.write_text(
        '<!doctype html><html lang="sv"><head><title>x</title></head><body><main>'
        '<img src="logo.png"><img src="https://cdn.example.com/x.png" alt="x">'
        "</main></body></html>",
        encoding="utf-8",
    )
    try:
        context = browser.new_context()
        log = RequestLog()
        log.attach(context)
        page = context.new_page()
        page.goto(base_url + "planted.html", wait_until="networkidle")
        assert "image-alt" in {v["id"] for v in run_axe(page)}
        assert log.foreign() == ["https://cdn.example.com/x.png"]
        context.close()
    finally:
        planted.unlink()
