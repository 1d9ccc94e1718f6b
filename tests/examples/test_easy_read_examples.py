"""Issue 14 item 8: in the easy-read edition the worked examples are simpler than the
standard ones — at most three table columns, rounded amounts, short sentences."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from klarinfo.base import project
from klarinfo.base.prose import Block
from klarinfo.base.sentences import split_block, words
from klarinfo.examples.money import kronor_rounded, rounded, rounded_pair
from sitebuild import ROOT

PAGES = ("foraldrapenning", "bostadsbidrag")
AMOUNT = re.compile(r"(\d[\d\xa0 ,]*)\xa0kr")  # Swedish kronor: "3 097 000 kr"
PAIR = re.compile(r"(\d[\d\xa0]*)\xa0kr och (\d[\d\xa0]*)\xa0kr")


def figures(site: Path, edition: str, slug: str) -> list[str]:
    prefix = site if edition == "sv" else site / edition
    html = (prefix / slug / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<figure class="klarinfo-example".*?</figure>', html, re.S)
    assert found, f"{edition}/{slug}: no worked example"
    return found


def columns(figure: str) -> int:
    """The widest row of the figure's table, counting colspan."""
    table = re.search(r"<table.*?</table>", figure, re.S).group(0)
    widest = 0
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = re.findall(r"<t[hd]\b([^>]*)>", row)
        widest = max(widest, sum(int(m.group(1)) if (m := re.search(r'colspan="(\d+)"', c))
                                 else 1 for c in cells))
    return widest


def amounts(figure: str) -> list[int]:
    text = unescape(re.sub(r"<[^>]+>", " ", figure))
    return [int(re.sub(r"\D", "", a)) for a in AMOUNT.findall(text)]


def compared_apart(figure: str) -> set[int]:
    """Amounts in "A kr och B kr" that plain rounding would have shown as equal."""
    text = unescape(re.sub(r"<[^>]+>", " ", figure))
    pairs = [(int(re.sub(r"\D", "", a)), int(re.sub(r"\D", "", b)))
             for a, b in PAIR.findall(text)]
    return {n for a, b in pairs if rounded(a) == rounded(b) and a != b
            and rounded_pair(a, b) == (a, b) for n in (a, b)}


def easy_enough(amount: int) -> bool:
    return amount == rounded(amount)


def test_an_easy_read_year_is_twelve_times_its_month(site):
    for figure in figures(site, "sv-latt", "bostadsbidrag"):
        text = unescape(re.sub(r"<[^>]+>", " ", figure)).replace("\xa0", " ")
        found = re.search(r"Då får de ([\d ]+) kr i bostadsbidrag varje månad\. "
                          r"Det blir ([\d ]+) kr på ett år", text)
        assert found, text[:400]
        month, year = (int(g.replace(" ", "")) for g in found.groups())
        assert year == 12 * month


def test_rounding_by_hand():
    assert rounded(3_097_447) == 3_097_000 and rounded(10_499) == 10_000
    assert rounded(9_449) == 9_400 and rounded(3_003) == 3_000 and rounded(3_076) == 3_100
    assert rounded(250) == 250 and rounded(994) == 990 and rounded(0) == 0
    assert rounded(-1_180) == -1_200
    assert kronor_rounded(3_097_447, "sv") == "3\xa0097\xa0000\xa0kr"


@pytest.mark.parametrize("slug", PAGES)
def test_easy_read_table_has_at_most_three_columns(site, slug):
    for figure in figures(site, "sv-latt", slug):
        assert columns(figure) <= 3, figure


@pytest.mark.parametrize("slug", PAGES)
def test_easy_read_amounts_are_rounded(site, slug):
    for figure in figures(site, "sv-latt", slug):
        found = amounts(figure)
        assert len(found) >= 6
        # the housing-allowance difference compared with the 1 200 kr threshold stays
        # exact (rounded it could contradict the threshold); no example on the page has it
        # two amounts the reader compares may be rounded finer (to 10 kr) where the plain
        # rounding would make a real difference look like none (money.rounded_pair)
        finer = compared_apart(figure)
        # a housing allowance for the year is rounded to the hundred, the step of its month
        # (#31: 52 000 kr beside 4 300 kr a month did not add up)
        derived = {a for a in found if slug == "bostadsbidrag" and a % 100 == 0}
        assert [a for a in found if not easy_enough(a) and a not in finer | derived] == [], \
            figure
        assert "Alla summor är ungefärliga." in figure


def test_standard_editions_keep_the_full_table_and_exact_amounts(site):
    life, housing = figures(site, "sv", "foraldrapenning")[0], figures(site, "sv", "bostadsbidrag")[0]
    # eight columns per split (the split is the caption of its own table, issue 16)
    assert columns(life) == 8 and columns(housing) == 3
    assert "3\xa0097\xa0447\xa0kr" in life  # the newly arrived mother, exact
    assert any(not easy_enough(a) for a in amounts(life))
    assert "Bidrag till bostadskostnaden per månad" in housing  # all six rows
    for edition in ("sv", "en", "ar", "so"):
        for slug in PAGES:
            assert all("ungefärliga" not in f for f in figures(site, edition, slug))
    # the same example, simpler: rounded in sv-latt, and the reader is told so
    easy = figures(site, "sv-latt", "foraldrapenning")[0]
    assert "3\xa0097\xa0000\xa0kr" in easy and "3\xa0097\xa0447\xa0kr" not in easy


def easy_limit() -> int:
    profile = project.load(ROOT / "mkdocs.yml").plugin("klarinfo")["readability"]["sv-latt"]
    return int(profile["sentence_words"])


@pytest.mark.parametrize("slug", PAGES)
def test_easy_read_example_sentences_are_short(site, slug):
    """The readability gate measures the Markdown, not the generated example, so the
    example's sentences (from the sv-latt catalog) are held to the same limit here.
    An amount counts as one word, as a figure placeholder does in the Markdown."""
    limit = easy_limit()
    for figure in figures(site, "sv-latt", slug):
        prose = re.sub(r"<svg.*?</svg>|<div class=\"klarinfo-example__table\".*?</div>", " ",
                       figure, flags=re.S)
        prose = prose.replace("</strong>", ".</strong>")  # the bold title is a heading
        text = unescape(re.sub(r"<[^>]+>", " ", prose))
        text = re.sub(r"\d[\d\xa0]*\d|\d", "9", text)
        long = [s.text for s in split_block(Block("paragraph", text, 1), "sv")
                if len(words(s.text)) > limit]
        assert long == [], long
