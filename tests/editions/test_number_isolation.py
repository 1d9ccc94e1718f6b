"""Issue #32 (1): numbers isolated where they are written, in right-to-left editions only.

The core pass (klarinfo.base.bidi) on its own, and the built site: the Arabic page, its
embed view and its feed entry carry the isolation; left-to-right editions none.
"""

from __future__ import annotations

import json

import pytest
from klarinfo.base.bidi import isolate, isolate_text
from klarinfo.examples.money import kronor
from sitebuild import EDITIONS

LTR = '<bdi dir="ltr">'


@pytest.mark.parametrize("number", ["114 14", "020-50 50 50", "2026-11-29", "2010:110",
                                    "2023/018452", "1\u00a0200", "12.5"])
def test_a_number_sequence_is_isolated_left_to_right(number):
    assert isolate_text(f"رقم {number}، نص") == f"رقم {LTR}{number}</bdi>، نص"


def test_single_numbers_and_en_dash_ranges_stay_as_they_are():
    """One digit group cannot reorder; "95–98" reads right to left in Arabic as written."""
    text = "الفصول 95–98 و 12 شهرا"
    assert isolate_text(text) == text


def test_an_amount_keeps_the_order_of_its_locale_with_its_unit():
    """Babel's Arabic amount starts with a right-to-left mark: an rtl isolate, unit inside."""
    amount = kronor(10_000, "ar")
    assert amount == "\u200f10,000\u00a0SEK"
    assert isolate_text(f"يحصل على {amount} شهريا") == \
        f'يحصل على <bdi dir="rtl">{amount}</bdi> شهريا'
    assert isolate_text("SEK\u00a03,097,447") == f"{LTR}SEK\u00a03,097,447</bdi>"


def test_attributes_code_script_svg_and_existing_isolates_are_left_alone():
    html = ('<p title="114 14"><a href="tel:11414">114 14</a> <code>1 2</code> '
            '<bdi>3 4</bdi></p><script>var a = "5 6";</script>'
            '<svg viewBox="0 0 1 1"><text>7 8</text></svg><p>&amp; 9 10</p>')
    assert isolate(html, "rtl") == (
        f'<p title="114 14"><a href="tel:11414">{LTR}114 14</bdi></a> <code>1 2</code> '
        '<bdi>3 4</bdi></p><script>var a = "5 6";</script>'
        f'<svg viewBox="0 0 1 1"><text>7 8</text></svg><p>&amp; {LTR}9 10</bdi></p>')


def test_left_to_right_editions_get_their_html_back_unchanged():
    html = "<p>Ring 114 14 den 2026-11-29: 10\u00a0000\u00a0kr</p>"
    assert isolate(html, "ltr") is html


def test_arabic_page_embed_view_and_feed_carry_the_isolation(site):
    wanted = f"{LTR}114 14</bdi>"
    assert wanted in (site / "ar" / "vald" / "index.html").read_text("utf-8")
    assert wanted in (site / "embed" / "ar" / "vald" / "index.html").read_text("utf-8")
    feed = json.loads((site / "feed" / "ar.json").read_text("utf-8"))
    entry = next(item for item in feed["items"] if item["url"].endswith("/ar/vald/"))
    assert wanted in entry["content_html"]
    assert f"{LTR}020-50 50 50</bdi>" in entry["content_html"]
    assert f"{LTR}2026-11-29</bdi>" in entry["content_html"]
    for edition in EDITIONS:
        if edition != "ar":
            feed = json.loads((site / "feed" / f"{edition}.json").read_text("utf-8"))
            assert not any("<bdi" in item["content_html"] for item in feed["items"]), edition
