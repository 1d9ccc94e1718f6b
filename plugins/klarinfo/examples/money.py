"""Kronor and numbers as each edition writes them (Babel / CLDR)."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale
from babel.numbers import format_currency, format_decimal


@cache
def _pattern(locale: str) -> str:
    # The locale's own currency pattern without decimals: "58 800 kr", "SEK 58,800".
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    return pattern.replace(".00", "").replace(".##", "")


# CLDR's currency-spacing rule (a letter symbol next to a digit gets a space), which
# Babel does not apply to patterns without a space: "SEK58,800" → "SEK 58,800".
_SPACING = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def kronor(amount: float, locale: str) -> str:
    text = format_currency(round(amount), "SEK", format=_pattern(locale), locale=locale,
                           currency_digits=False)
    return _SPACING.sub("\u00a0", text)


def number(value: float, locale: str) -> str:
    return format_decimal(round(value), format="#,##0", locale=locale)


def rounded(amount: float) -> int:
    """An amount rounded for easy-read examples: a reader who finds long numbers hard
    gets whole thousands from 10 000 kr, whole hundreds from 1 000 kr, tens below.
    (Whole thousands everywhere would turn a 400 kr pension into 0 kr.)"""
    step = _step(amount)
    return int(round(amount / step)) * step


def rounded_pair(a: float, b: float) -> tuple[int, int]:
    """Two amounts a reader compares, rounded with one step (the coarser ``rounded`` step
    of the two), made ten times finer while that makes them equal although they differ:
    3 392 and 3 440 kr read "3 390 kr and 3 440 kr", not "3 400 kr and 3 400 kr", which
    would tell an easy-read reader there is no difference. Equal amounts stay equal."""
    step = max(_step(a), _step(b))
    while step > 1 and round(a) != round(b) and round(a / step) == round(b / step):
        step //= 10
    return int(round(a / step)) * step, int(round(b / step)) * step


def _step(amount: float) -> int:
    return 1000 if abs(amount) >= 10_000 else 100 if abs(amount) >= 1000 else 10


def kronor_rounded(amount: float, locale: str) -> str:
    """``kronor`` of the easy-read rounded amount: "3 097 000 kr"."""
    return kronor(rounded(amount), locale)
