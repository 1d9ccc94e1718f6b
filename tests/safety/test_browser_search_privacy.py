"""Issue 13, section 5: search terms never reach a URL, the history or a server log."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest
from browser import DESKTOP, serve
from sitebuild import build, copy_project

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path, query, result", [
    ("", "underhållsstöd", "vald/"),
    ("so/", "turjubaan", "so/tolk/"),
])
def test_search_terms_stay_out_of_urls_and_history(browser, base_url, path, query, result):
    search_and_follow(browser, base_url, path, query, result)


def test_the_check_catches_search_highlight(browser, tmp_path):
    """Planted defect: with Material's search.highlight back on, result links carry the
    terms (?h=…) and the check above fails."""
    proj = copy_project(tmp_path / "project")
    config = proj / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    - navigation.footer\n",
                                   "    - navigation.footer\n    - search.highlight\n"),
                      encoding="utf-8")
    built = build(proj, tmp_path / "site", edition="so")
    assert built.returncode == 0, built.output
    with serve(tmp_path / "site") as url, pytest.raises(AssertionError, match="turjubaan"):
        search_and_follow(browser, url, "so/", "turjubaan", "so/tolk/")


def search_and_follow(browser, base_url: str, path: str, query: str, result: str) -> None:
    """Search from ``path``, follow the result to ``result``, go back; no URL in the
    history and no request (what a server logs) may carry the query."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(f"{base_url}{path}", wait_until="networkidle")
        before = page.evaluate("history.length")  # Playwright's about:blank counts too
        page.keyboard.press("/")
        page.keyboard.type(query)
        link = page.locator(f'.md-search-result__link[href*="{result}"]').first
        link.wait_for(timeout=10000)
        link.click()
        page.wait_for_url(f"{base_url}{result}**")
        page.wait_for_load_state("networkidle")
        entries = [page.url]
        assert page.evaluate("history.length") == before + 1, "searching added history entries"
        page.go_back(wait_until="load")
        entries.append(page.url)
        assert entries[-1] == f"{base_url}{path}"
        for url in entries:
            assert not urlsplit(url).query and query not in unquote(url), url
        assert requested
        for url in requested:
            assert query not in unquote(url) and "h=" not in urlsplit(url).query, url
    finally:
        context.close()


def test_the_search_form_submits_nothing_so_h32_2_does_not_apply(browser, base_url):
    """pa11y's H32.2 (a form needs a submit control) is a known exemption (README "Audit",
    audit/run.py KNOWN): search runs as you type and its results are links. That holds only
    while the form has no action and no submit control, and Enter in it loads nothing that
    carries the query (a submit button would put the terms into the URL, which section 5
    forbids)."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        for path in ("", "ar/", "so/"):
            page.goto(f"{base_url}{path}", wait_until="networkidle")
            form = page.locator("form.md-search__form")
            assert form.get_attribute("action") is None
            assert form.locator("[type=submit], button:not([type])").count() == 0
            page.keyboard.press("/")
            page.keyboard.type("tolk")
            page.keyboard.press("Enter")
            page.wait_for_load_state("networkidle")
            assert "tolk" not in unquote(urlsplit(page.url).query)
        assert not [url for url in requested if "query=" in url or "q=tolk" in url]
    finally:
        context.close()
