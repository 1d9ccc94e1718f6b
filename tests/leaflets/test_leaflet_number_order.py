"""Issue #32 (1) on paper: the Arabic violence leaflet prints numbers in reading order.

WeasyPrint laid the helplines out right to left with the Arabic around them ("50 50
020-50", "10 10 020-52", "14 114") and the ISO dates as "29-11-2026". Read back with
``pdftotext -bbox``: the groups of each helpline stand left to right on one line, and
every date is one word in year-month-day order.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import make_leaflets
from sitebuild import copy_project

HELPLINES = ("020-50 50 50", "020-52 10 10", "114 14")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">'
                   r"(.*?)</word>")
#: What sticks to a number in a word: punctuation around it, Arabic or Latin.
_PUNCTUATION = "().,:;\u060c\u061b"


@pytest.fixture(scope="module")
def words(tmp_path_factory) -> list[tuple[float, float, str]]:
    """(x, y, text) of every word of the Arabic violence leaflet, as pdftotext reads it."""
    tmp = tmp_path_factory.mktemp("bidi-leaflet")
    made = make_leaflets(copy_project(tmp / "project"), tmp / "site", edition="ar")
    assert made.returncode == 0, made.output
    pdf: Path = made.site / "ar" / "vald" / "vald-ar.pdf"
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [(float(x), round(float(y)), text.strip(_PUNCTUATION))
            for x, y, _, text in _WORD.findall(out)]


def lines_left_to_right(words: list[tuple[float, float, str]]) -> list[list[str]]:
    lines: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in words:
        lines.setdefault(y, []).append((x, text))
    return [[text for _, text in sorted(line)] for line in lines.values()]


@pytest.mark.parametrize("number", HELPLINES)
def test_helpline_groups_stand_left_to_right(words, number):
    groups = number.split(" ")
    lines = lines_left_to_right(words)
    found = [line for line in lines
             if any(line[i:i + len(groups)] == groups for i in range(len(line)))]
    shown = [" ".join(line) for line in lines if groups[0] in line or groups[-1] in line]
    assert found, f"{number!r} not in reading order; its lines read: {shown}"


def test_dates_are_whole_and_year_first(words):
    dates = [text for _, _, text in words if re.search(r"\d-\d|\d-$|^-\d", text)
             and not re.fullmatch(r"020-5\d", text)]
    assert len(dates) >= 10, dates
    wrong = [d for d in dates if not re.fullmatch(r"20\d\d-\d\d-\d\d", d)]
    assert not wrong, f"dates reversed or broken over two lines: {wrong}"
