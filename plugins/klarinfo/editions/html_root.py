"""Attributes on the ``<html>`` element, which Material's base template does not let us set.

Material puts ``dir`` on ``<body>`` only; screen readers, browsers' own UI and
partner pages that read our markup look at ``<html lang dir>``.
"""

from __future__ import annotations

import re

_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'\s(lang|dir)="[^"]*"', re.IGNORECASE)


def set_root_attributes(html: str, lang: str, direction: str) -> str:
    """Return the document with exactly one lang and dir on its ``<html>`` tag."""

    def rewrite(match: re.Match[str]) -> str:
        tag = _ATTR.sub("", match.group(0))
        return tag[:5] + f' lang="{lang}" dir="{direction}"' + tag[5:]

    return _HTML_TAG.sub(rewrite, html, count=1)


_CHECKBOX_AUTOCOMPLETE = re.compile(
    r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"([^>]*>)')


def drop_checkbox_autocomplete(html: str) -> str:
    """Material puts autocomplete="off" on its drawer and search checkboxes; HTML allows
    autocomplete only on text-like inputs, so a validator rejects every page. The cost of
    dropping it: Firefox may restore an open menu when the reader goes Back."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1\2", html)
