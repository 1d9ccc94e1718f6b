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


@pytest.mark.parametrize("number", ["114 14", "020-50 50 50", "2026-11-29", "1\u2009200",
                                    "2026-11-29 10:30"])
def test_a_number_sequence_is_isolated_left_to_right(number):
    assert isolate_text(f"رقم {number}، نص") == f"رقم {LTR}{number}</bdi>، نص"


@pytest.mark.parametrize("text", ["الفصول 95–98 و 12 شهرا", "SFS 2010:110", "2023/018452",
                                  "1\u00a0200", "16.5", "2006/07:49"])
def test_numbers_that_cannot_reorder_stay_as_written(text):
    """One digit group, or groups joined only by a common separator (comma, dot, colon,
    slash, no-break space: one run by bidi rule W4), keep their bytes; "95–98" reads
    right to left in Arabic as written."""
    assert isolate_text(f"نص {text} نص") == f"نص {text} نص"


def test_an_amount_keeps_the_order_of_its_locale_with_its_unit():
    """Babel's Arabic amount (a right-to-left mark, comma groups) is one run as written;
    an amount whose groups could part is isolated with its unit, in its locale's
    direction: rtl after the mark, else ltr."""
    amount = kronor(10_000, "ar")
    assert amount == "\u200f10,000\u00a0SEK"
    assert isolate_text(f"يحصل على {amount} شهريا") == f"يحصل على {amount} شهريا"
    thin = "\u200f10\u2009000\u00a0SEK"
    assert isolate_text(f"على {thin} شهريا") == \
        f'على <bdi dir="rtl">\u200f{LTR}10\u2009000</bdi>\u00a0SEK</bdi> شهريا'
    assert isolate_text("SEK\u00a03\u2009097") == f"{LTR}SEK\u00a0{LTR}3\u2009097</bdi></bdi>"


def test_attributes_code_script_svg_and_existing_isolates_are_left_alone():
    html = ('<p title="114 14"><a href="tel:11414">114 14</a> <code>1 2</code> '
            '<bdi>3 4</bdi></p><script>var a = "5 6";</script><pre>7-8</pre>'
            '<svg viewBox="0 0 1 1"><text>7 8</text></svg><p>&amp; 9 10</p>')
    assert isolate(html, "rtl") == (
        f'<p title="114 14"><a href="tel:11414">{LTR}114 14</bdi></a> <code>1 2</code> '
        '<bdi>3 4</bdi></p><script>var a = "5 6";</script><pre>7-8</pre>'
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
