"""Deprecated terms in the interface texts: the catalogs are read by readers as much as
the pages are (example sentences, calculator labels, notices, the theme's words).

Why: the termbase check read page prose only, so a deprecated term in a ``msgstr``
reached every page of an edition without a finding.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from babel.messages.pofile import read_po

from klarinfo.glossary.check import Use, deprecated
from klarinfo.glossary.matching import Matcher

DOMAINS = ("theme", "klarinfo")


def deprecated_in_catalogs(locales: Path, shown: str, editions: Iterable[str],
                           matchers: Mapping[str, Matcher],
                           translator: Callable[[str], gettext.NullTranslations]) -> list[str]:
    """``path:line: “x” is not an approved term … — write “y” instead`` for every
    deprecated term in a translated string of an edition's catalogs (``shown``: how
    findings name the locales folder)."""
    out: list[str] = []
    for edition in editions:
        matcher = matchers.get(edition)
        for domain in DOMAINS:
            path = locales / edition / "LC_MESSAGES" / f"{domain}.po"
            if matcher is None or not path.is_file():
                continue
            try:
                with path.open("rb") as stream:
                    catalog = read_po(stream)
            except Exception:  # noqa: BLE001 - the catalog check reports a broken file
                continue
            uses = []
            for message in catalog:
                texts = message.string if isinstance(message.string, tuple | list) \
                    else (message.string,)
                uses += [Use(hit, message.lineno) for text in texts if message.id and text
                         for hit in matcher.find(text) if hit.status == "deprecated"]
            out += deprecated(uses, f"{shown}/{edition}/LC_MESSAGES/{domain}.po",
                              translator(edition))
    return out
