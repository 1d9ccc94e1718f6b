"""Issue 17 items 1 and 6: the feeds are valid JSON Feed 1.1 that a real library reads,
discoverable from every page, and say how fresh and how checked each page is."""

from __future__ import annotations

import json
import re
from datetime import datetime
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import jsonfeed
import pytest
from jsonschema import Draft202012Validator, FormatChecker
from klarinfo.partners import feeds
from klarinfo.partners.embed import EmbedPage
from selectolax.lexbor import LexborHTMLParser
from sitebuild import EDITIONS, EXPECTED, append_lines, build, copy_project

SITE_URL = "https://klarinfo.example.org/"
#: JSON Feed 1.1 as the spec says, for any feed (ours adds stricter rules of its own)
SPEC = json.loads((Path(__file__).parent / "jsonfeed-1.1.schema.json").read_text(encoding="utf-8"))
SPEC_VALIDATOR = Draft202012Validator(SPEC, format_checker=FormatChecker())


def load(site: Path, edition: str) -> dict:
    return json.loads((site / "feed" / f"{edition}.json").read_text(encoding="utf-8"))


def spec_errors(data: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in SPEC_VALIDATOR.iter_errors(data)]


def test_the_spec_schema_refuses_what_pyjsonfeed_crashed_on():
    """The schema can fail: an item with neither content_html nor content_text (every
    item before #17), a non-extension key, an extension that is not an object."""
    good = {"version": "https://jsonfeed.org/version/1.1", "title": "t",
            "items": [{"id": "1", "content_html": "<p>x</p>", "_x": {"a": 1}}]}
    assert spec_errors(good) == []
    assert spec_errors({**good, "items": [{"id": "1", "summary": "s"}]})
    assert spec_errors({**good, "klarinfo": {}})
    assert spec_errors({**good, "items": [{"id": "1", "content_text": "x", "_x": "s"}]})


@pytest.mark.parametrize("edition", EDITIONS)
def test_feeds_are_json_feed_1_1_and_a_library_reads_them(site, edition):
    data = load(site, edition)
    assert spec_errors(data) == []
    ours = json.loads((site / "feed" / "schema.json").read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(
        ours, format_checker=FormatChecker()).iter_errors(data)]
    assert not errors, errors
    parsed = jsonfeed.Feed.parse_string(json.dumps(data))  # jsonfeed-util, a 1.1 reader
    assert parsed.language == EXPECTED[edition][0] and len(parsed.items) == len(data["items"])
    for item, raw in zip(parsed.items, data["items"], strict=True):
        assert item.content_html == raw["content_html"] and item.summary == raw["summary"]
        if "date_modified" in raw:  # every page (the glossary: see test_glossary_item_…)
            assert datetime.fromisoformat(item.date_modified).tzinfo is not None


@pytest.mark.parametrize("edition", EDITIONS)
def test_content_is_the_embed_view_with_absolute_urls_and_no_script(site, edition):
    data = load(site, edition)
    for item in data["items"]:
        html = item["content_html"]
        assert not re.search(r"<script|\son\w+\s*=|javascript:", html, re.I), item["id"]
        for url in re.findall(r'\s(?:href|src)="([^"]*)"', html):
            parts = urlsplit(url)
            assert parts.scheme in ("https", "mailto", "tel") or url.startswith("#"), \
                f"{item['id']}: relative URL {url!r} breaks in a feed reader"
        view = urlsplit(item["_klarinfo"]["embed_url"]).path.lstrip("/")
        embed = (site / view / "index.html").read_text(encoding="utf-8")
        # the same article: its first heading and the notices the embed view shows
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
        assert heading in embed
        for kind in ("draft", "outdated"):
            assert (f"klarinfo-notice--{kind}" in html) == (f"klarinfo-notice--{kind}" in embed)
        if item["url"].endswith("/ordlista/"):
            continue  # generated, no description: its first paragraph is the summary
        page = site / urlsplit(item["url"]).path.lstrip("/") / "index.html"
        description = re.search(r'<meta name="description" content="([^"]*)"',
                                page.read_text(encoding="utf-8")).group(1)
        assert item["summary"] == unescape(description)  # the page's description:


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_links_its_editions_feed(site, edition):
    prefix = "" if edition == "sv" else f"{edition}/"
    html = (site / prefix / "tolk" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="alternate" type="application/feed\+json" href="([^"]+)" '
                       r'title="([^"]+)">', html)
    assert links == [(f"{SITE_URL}feed/{edition}.json", f"Klarinfo ({edition})")]
    assert load(site, edition)["title"] == links[0][1]


def test_freshness_and_translation_status_in_feeds_and_oembed(site):
    for edition in EDITIONS:
        for item in load(site, edition)["items"]:
            extra = item["_klarinfo"]
            assert extra["about"] == f"{SITE_URL}feed/schema.json"
            if extra["reviewed"] is None:  # only the glossary, generated by the build:
                assert item["url"].endswith("/ordlista/")  # dated: test_glossary_item_…
            else:
                assert item["date_modified"] == f"{extra['reviewed']}T00:00:00Z"
            oembed = site / urlsplit(extra["oembed_url"]).path.lstrip("/")
            response = json.loads(oembed.read_text(encoding="utf-8"))
            assert response.get("date_modified") == item.get("date_modified")
            assert response["_klarinfo"] == {k: extra[k] for k in
                                            ("about", "translation_status", "reviewed")}
            status = extra["translation_status"]
            assert status == "original" if edition == "sv" else status != ""
    arabic = {i["url"]: i["_klarinfo"]["translation_status"] for i in load(site, "ar")["items"]}
    # docs/ar/tolk.md says translation_status: draft
    assert arabic[f"{SITE_URL}ar/tolk/"] == "draft"


def test_a_changed_swedish_page_makes_its_translations_outdated_in_the_feed(tmp_path):
    """Planted: the Swedish page changes after the translations were made."""
    project = copy_project(tmp_path / "project")
    append_lines(project / "docs" / "sv" / "tolk.md", "", "Du kan också fråga om tolk i telefon.")
    result = build(project, tmp_path / "site", strict=False)
    assert result.returncode == 0, result.output[-2000:]
    for edition in ("en", "ar", "so", "sv-latt"):
        items = {i["url"]: i for i in load(tmp_path / "site", edition)["items"]}
        item = items[f"{SITE_URL}{edition}/tolk/"]
        assert item["_klarinfo"]["translation_status"] == "outdated", edition
        assert "klarinfo-notice--outdated" in item["content_html"]
        oembed = json.loads((tmp_path / "site" / "embed" / edition / "tolk" / "oembed.json")
                            .read_text(encoding="utf-8"))
        assert oembed["_klarinfo"]["translation_status"] == "outdated"


def test_absolute_urls_resolve_against_the_page_and_keep_svg_fragments():
    html = ('<a href="../tolk/#x">t</a><img src="../assets/a.png" alt="">'
            '<a href="#steg">s</a><svg><use href="#icon"></use></svg>'
            '<a href="https://www.forsakringskassan.se/?a=1&amp;b=2">fk</a>')
    out = feeds.absolute_urls(html, f"{SITE_URL}en/vald/")
    assert f'href="{SITE_URL}en/tolk/#x"' in out and f'src="{SITE_URL}en/assets/a.png"' in out
    assert f'href="{SITE_URL}en/vald/#steg"' in out and '<use href="#icon">' in out
    assert 'href="https://www.forsakringskassan.se/?a=1&amp;b=2"' in out


def test_fallback_pages_stay_out_of_the_feed(tmp_path):
    page = EmbedPage(url="en/x/", edition="en", lang="en", dir="ltr", title="X",
                     content="<p>x</p>", fallback=True)
    [path] = feeds.write(tmp_path, [page], SITE_URL, "K", [("en", "en", "en/")])
    assert json.loads(path.read_text(encoding="utf-8"))["items"] == []


# -- issue 32 item 5: language, direction, glossary definitions and the glossary's date ----


@pytest.mark.parametrize("edition", EDITIONS)
def test_content_carries_the_editions_language_and_direction(site, edition):
    """A reader shows content_html inside its own page (often left-to-right English):
    the Arabic article must say it is Arabic and right-to-left itself."""
    lang, direction = EXPECTED[edition]
    for item in load(site, edition)["items"]:
        body = LexborHTMLParser(item["content_html"]).body
        tops = [n for n in body.iter(include_text=True)
                if n.tag != "-text" or (n.text() or "").strip()]
        assert len(tops) == 1, item["id"]  # one element around all of it
        assert tops[0].attributes.get("lang") == lang, item["id"]
        assert tops[0].attributes.get("dir") == direction, item["id"]


def test_glossary_definitions_are_inline_in_feeds_and_popovers_in_embed_views(site):
    """Feed readers run no popovers: a term is a <dfn> with its definition after it;
    the embed view (our page) keeps the popover."""
    inline = 0
    for edition in EDITIONS:
        for item in load(site, edition)["items"]:
            tree = LexborHTMLParser(item["content_html"])
            assert not tree.css("[popovertarget], [popover], button"), item["id"]
            for dfn in tree.css("dfn"):
                definition = dfn.next.next if dfn.next is not None else None
                assert definition is not None and definition.tag == "span", item["id"]
                text = definition.text()
                assert text.startswith("(") and text.endswith(")") and len(text) > 10
                inline += 1
            view = urlsplit(item["_klarinfo"]["embed_url"]).path.lstrip("/")
            embed = LexborHTMLParser((site / view / "index.html").read_text(encoding="utf-8"))
            assert len(embed.css("[popovertarget]")) == len(tree.css("dfn")), item["id"]
    assert inline > 20


def test_inline_definitions_keep_everything_else():
    html = ('<p>a <span class="klarinfo-term"><button type="button" popovertarget="d" '
            'aria-describedby="d">T &amp; U</button><span id="d" popover><strong>T &amp; U'
            '</strong>: def &lt;1 <a href="../ordlista/#t">more</a></span></span> b<br>c</p>')
    assert feeds.inline_definitions(html) == (
        '<p>a <span class="klarinfo-term"><dfn>T &amp; U</dfn> <span class="klarinfo-term__inline">'
        '(def &lt;1 <a href="../ordlista/#t">more</a>)</span></span> b<br>c</p>')
    # other markup: still no popover, the definition still there
    other = feeds.inline_definitions('<button popovertarget="x">T</button><div id="x" popover>'
                                     "<p>D</p></div>")
    assert "popover" not in other and "<dfn>T</dfn>" in other and "<p>D</p>)" in other


def test_glossary_item_is_dated_by_its_newest_source(site):
    """The generated glossary has no reviewed: date; its date is the newest reviewed: date
    of the edition's pages it lists (content, so every build of it agrees)."""
    for edition in EDITIONS:
        items = load(site, edition)["items"]
        [glossary] = [i for i in items if i["url"].endswith("/ordlista/")]
        reviewed = [i["_klarinfo"]["reviewed"] for i in items]
        expected = max(d for d in reviewed if d)
        assert glossary["date_modified"] == f"{expected}T00:00:00Z", edition
        oembed = site / urlsplit(glossary["_klarinfo"]["oembed_url"]).path.lstrip("/")
        assert json.loads(oembed.read_text(encoding="utf-8"))["date_modified"] == \
            glossary["date_modified"]
