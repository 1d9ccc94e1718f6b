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
