"""Numbers keep their order in right-to-left pages (issue #32): each one isolated.

Why: in Arabic text the Unicode bidi algorithm treats digits after Arabic letters as
Arabic numbers and the spaces and hyphens between digit groups as neutral, which take
the paragraph's direction; the groups of "020-50 50 50" are then laid out right to left
("50 50 020-50"), "114 14" shows as "14 114" and "2026-11-29" as "29-11-2026" (also in
the leaflets, which WeasyPrint prints from these pages). Wrapping the run in an
isolate with its own direction keeps it whole. We write markup (``<bdi dir="ltr">``),
not the isolate characters U+2066–2069: those end up as characters in copy and paste,
``pdftotext`` and search, and the leaflets strip directional controls from their text.

The pass runs once over a page body after it is rendered (so figures from
``{{ rules.x }}``, example sentences and tables, typed phone numbers, case and SFS
numbers and ISO dates are all covered where they are written, and embed views, feeds
and leaflets, which are made from the body, carry it), and only in right-to-left
editions: left-to-right pages stay byte for byte as they were.

- A *number sequence* (digit groups joined by spaces, no-break or thin spaces, hyphens,
  slashes, colons, dots or commas) in which a space, thin space or hyphen joins two
  groups becomes ``<bdi dir="ltr">…</bdi>``; the site's CSS and the leaflets' keep it on
  one line (a date or phone number split over two lines is misread). A comma, dot,
  colon, slash or no-break space alone between two digits is a common separator the
  algorithm keeps inside the number (rule W4): "2010:110", "16.5", "10,000" already
  read left to right and are left as written, so the page changes only where the order
  would.
- An *amount* (a number with its currency next to it: a right-to-left mark and
  "10,000 SEK" as Babel writes it for ``ar``) whose number needs isolating is isolated
  with its unit, in the direction the locale gave it: after Babel's right-to-left
  mark an ``rtl`` isolate, which reads as Arabic readers read amounts today (the
  number first). Babel groups Arabic amounts with commas, so today none needs it.

Nothing inside attributes, ``code``/``pre``/``kbd``/``samp``, ``script``, ``style``,
``textarea``, ``svg`` (chart text: ``<bdi>`` is not SVG) or an existing ``<bdi>`` changes.
"""

from __future__ import annotations

import re

from klarinfo.base.html_rewrite import Attributes, Rewriter

#: What may stand between two digit groups of one number, date, phone or case number.
SEPARATORS = " \u00a0\u202f\u2009\u2010\u2011\\-/:.,"
#: The separators the bidi algorithm lets reorder the groups around them (classes WS, ES,
#: ON): a number holding one of them is isolated.
BREAKING = frozenset(" \u2009\u2010\u2011-")
#: Digit groups joined by separators ("114 14", "2026-11-29", "2010:110", "1 200").
SEQUENCE = re.compile(rf"(?<![\w])\d+(?:[{SEPARATORS}]\d+)+(?![\w])")
#: The digits of an amount: grouped as Babel groups them (comma, dot, no-break or thin
#: space), not by a plain space, which may stand between two separate numbers.
_NUMBER = r"\d+(?:[,.\u00a0\u202f\u2009]\d+)*"
#: An amount with its currency either way round, the no-break space between as
#: ``examples.money.kronor`` writes it; a right-to-left mark before it when the locale
#: asks for one.
AMOUNT = re.compile(rf"(?P<mark>\u200f?)(?:(?<![\w\-/:])(?P<n1>{_NUMBER})\u00a0(?:SEK|kr)(?!\w)"
                    rf"|(?<!\w)(?:SEK|kr)\u00a0(?P<n2>{_NUMBER})(?![\w]))")
#: Elements whose text is left as it is.
SKIP = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg",
                  "bdi", "template", "math"})
LTR = '<bdi dir="ltr">'
RTL = '<bdi dir="rtl">'


def isolate_text(text: str) -> str:
    """``text`` (HTML text, no tags) with its numbers and amounts isolated."""
    out, last = [], 0
    for match in AMOUNT.finditer(text):
        out.append(_sequences(text[last:match.start()]))
        number = match.group("n1") or match.group("n2")
        amount = match.group(0)
        if BREAKING.isdisjoint(number):
            out.append(amount)  # one run already: left as written
        else:  # the groups inside the amount's own isolate too
            start = amount.index(number)
            amount = f"{amount[:start]}{LTR}{number}</bdi>{amount[start + len(number):]}"
            out.append(f"{RTL if match.group('mark') else LTR}{amount}</bdi>")
        last = match.end()
    out.append(_sequences(text[last:]))
    return "".join(out)


def _sequences(text: str) -> str:
    return SEQUENCE.sub(lambda m: m.group(0) if BREAKING.isdisjoint(m.group(0))
                        else f"{LTR}{m.group(0)}</bdi>", text)


class _Isolator(Rewriter):
    def __init__(self) -> None:
        super().__init__()
        self.skipped: list[str] = []

    def handle_starttag(self, tag: str, attrs: Attributes) -> None:
        if tag in SKIP:
            self.skipped.append(tag)
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipped:
            del self.skipped[len(self.skipped) - 1 - self.skipped[::-1].index(tag):]
        super().handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        self.out.append(data if self.skipped else isolate_text(data))


def isolate(html: str, direction: str) -> str:
    """The page body with every number isolated when the edition is right to left;
    otherwise ``html`` itself."""
    if direction != "rtl" or not re.search(r"\d", html):
        return html
    return _Isolator().rewrite(html)
