"""A catalog's ``Plural-Forms`` formula checked against CLDR's plural rules for its language.

gettext picks ``msgstr[i]`` with the formula in the PO header; the translator writes
each form for a CLDR category (zero, one, two, few, many, other). If formula and forms
disagree on the order, readers see the wrong form ("390 يوم" where Arabic needs
"390 يوما") and nothing else notices. Babel's legacy gettext table orders Arabic's
last two forms differently from its CLDR rules, so we compare with CLDR itself.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass

from babel import Locale
from babel.plural import to_gettext

# The order Babel's to_gettext gives the categories of a rule (those the language uses).
CATEGORY_ORDER = ("zero", "one", "two", "few", "many", "other")
CHECKED_UP_TO = 1000


def categories(locale: str) -> list[str]:
    """The CLDR categories of a language, in msgstr[0], msgstr[1], … order."""
    rule = Locale.parse(locale).plural_form
    used = set(rule.tags) | {"other"}
    return [tag for tag in CATEGORY_ORDER if tag in used]


def expected_header(locale: str) -> str:
    """The ``Plural-Forms`` value that follows CLDR (what a translator should write)."""
    return to_gettext(Locale.parse(locale).plural_form)


@dataclass(frozen=True)
class Mismatch:
    """The first number for which the catalog's formula picks another form than CLDR."""

    n: int
    got: int | None  # None: the formula is unreadable or nplurals is wrong
    want: int
    category: str


def first_mismatch(nplurals: int, expression: str, locale: str,
                   up_to: int = CHECKED_UP_TO) -> Mismatch | None:
    """Compare ``plural=expression`` with CLDR over n = 0 … up_to; None when they agree."""
    order = categories(locale)
    rule = Locale.parse(locale).plural_form
    try:
        pick: Callable[[int], int] | None = gettext.c2py(expression)
    except (ValueError, SyntaxError):
        pick = None
    for n in range(up_to + 1):
        category = rule(n)
        want = order.index(category)
        got = pick(n) if pick is not None and nplurals == len(order) else None
        if got != want:
            return Mismatch(n, got, want, category)
    return None
