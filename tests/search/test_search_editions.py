"""Issue 16, item 1: each edition searches its own pages, with its own word rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import DESKTOP
from klarinfo.search import bundle, somali
from sitebuild import EDITIONS

PREFIXES = {e: "" if e == "sv" else f"{e}/" for e in EDITIONS}
#: A word of the Swedish pages that no Somali page uses (checked below, so the test
#: cannot pass only because the word vanished from the site).
SWEDISH_ONLY = "sjukpenninggrundande"


def index(site: Path, edition: str) -> dict:
    return json.loads((site / PREFIXES[edition] / "search" / "search_index.json")
                      .read_text(encoding="utf-8"))


@pytest.mark.parametrize("edition", EDITIONS)
def test_an_editions_index_holds_only_its_own_pages(site, edition):
    docs = index(site, edition)["docs"]
    assert len(docs) > 20
    others = tuple(p for e, p in PREFIXES.items() if p and e != edition)
    for doc in docs:
        assert doc["location"].startswith(PREFIXES[edition]), doc["location"]
        assert not doc["location"].startswith(others), doc["location"]


def test_somali_index_has_its_own_word_rules(site):
    config = index(site, "so")["config"]
    assert config["lang"] == ["en"] and config["pipeline"] == ["trimmer"]
    assert config["stopwords"] == list(somali.STOP_WORDS) and config["apostrophes"] is True
    text = " ".join(d["text"] for d in index(site, "so")["docs"])
    assert SWEDISH_ONLY not in text.lower()
    assert SWEDISH_ONLY in " ".join(d["text"] for d in index(site, "sv")["docs"]).lower()


def test_patches_refuse_a_changed_material():
    """Planted defect: a Material version whose bundle fetches the index differently."""
    with pytest.raises(bundle.BundleChanged, match="expected 1"):
        bundle.patch("ze(new URL('x',Or.base))", bundle.INDEX_URL_ORIGINAL,
                     bundle.INDEX_URL_PATCHED, "bundle.js")
    patched = bundle.patch(bundle.INDEX_URL_ORIGINAL, bundle.INDEX_URL_ORIGINAL,
                           bundle.INDEX_URL_PATCHED, "bundle.js")
    assert bundle.patch(patched, bundle.INDEX_URL_ORIGINAL, bundle.INDEX_URL_PATCHED,
                        "bundle.js") == patched


def search(browser, base_url: str, path: str, query: str) -> tuple[list[str], list[str]]:
    """Open search on ``path``, type ``query``; (result links, index URLs fetched)."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        fetched: list[str] = []
        page.on("request", lambda r: fetched.append(r.url) if "search_index" in r.url else None)
        page.goto(f"{base_url}{path}", wait_until="networkidle")
        meta = page.locator(".md-search-result__meta")
        waiting = meta.text_content()
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.wait_for_function(
            "([w, q]) => document.querySelector('.md-search-result__meta').textContent !== w"
            " && document.querySelector('[data-md-component=search-query]').value === q",
            arg=[waiting, query], timeout=15000)
        page.wait_for_timeout(300)  # the worker answers each keystroke; let the last land
        links = page.eval_on_selector_all(".md-search-result__link",
                                          "els => els.map(e => e.href)")
        return [link.removeprefix(base_url) for link in links], fetched
    finally:
        context.close()


@pytest.mark.browser
def test_a_swedish_only_word_finds_nothing_on_somali_pages(browser, base_url):
    found, _ = search(browser, base_url, "", SWEDISH_ONLY)
    assert found, "the Swedish edition must find its own word (else the test proves nothing)"
    found, fetched = search(browser, base_url, "so/", SWEDISH_ONLY)
    assert found == []
    assert fetched == [f"{base_url}so/search/search_index.json"]


@pytest.mark.browser
@pytest.mark.parametrize("query", ["turjubaan", "go'aan"])
def test_a_somali_word_finds_somali_pages(browser, base_url, query):
    found, _ = search(browser, base_url, "so/", query)
    assert found and all(link.startswith("so/") for link in found), found


@pytest.mark.browser
@pytest.mark.parametrize("typed", ["go\u2019aan", "go\u02bcaan"])
def test_a_curly_apostrophe_in_a_somali_query_finds_what_the_straight_one_does(
        browser, base_url, typed):
    """Phones type ’ for '; the index holds the straight one (somali.normalize)."""
    straight, _ = search(browser, base_url, "so/", "go'aan")
    found, _ = search(browser, base_url, "so/", typed)
    assert straight and found == straight


@pytest.mark.browser
def test_somali_stop_words_find_nothing(browser, base_url):
    """"iyo" (and) is on nearly every Somali page; our stop-word list keeps it out."""
    found, _ = search(browser, base_url, "so/", "iyo")
    assert found == []
    assert " iyo " in " ".join(d["text"] for d in index_from(base_url)["docs"])


def index_from(base_url: str) -> dict:
    from urllib.request import urlopen

    with urlopen(f"{base_url}so/search/search_index.json") as response:  # noqa: S310
        return json.loads(response.read().decode("utf-8"))


@pytest.mark.browser
@pytest.mark.parametrize("query", ["pengar", "våld"])
def test_easy_read_finds_only_easy_read_pages(browser, base_url, query):
    found, _ = search(browser, base_url, "sv-latt/", query)
    assert found and all(link.startswith("sv-latt/") for link in found), found
    standard, _ = search(browser, base_url, "", query)
    assert standard and not any(link.startswith("sv-latt/") for link in standard), standard
