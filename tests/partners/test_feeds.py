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
        if "date_modified" in raw:  # all but the generated glossary, which has no reviewed:
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
            if extra["reviewed"] is None:  # only the glossary, generated by the build
                assert item["url"].endswith("/ordlista/") and "date_modified" not in item
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
