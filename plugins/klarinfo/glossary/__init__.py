"""Glossary: terms used correctly and consistently in every edition.

The termbase from ``glossary/*.yml`` (``termbase``), finding terms in text with
inflections (``matching``), deprecated variants and consistency with the Swedish page
(``check``), popover definitions at a term's first use (``markup``), the generated
glossary page (``page``) and alphabetical order per language (``collation``).
"""

from klarinfo.glossary.check import scan
from klarinfo.glossary.matching import Matcher
from klarinfo.glossary.page import SLUG as PAGE_SLUG
from klarinfo.glossary.termbase import Termbase
from klarinfo.glossary.termbase import load as load_termbase

__all__ = ["PAGE_SLUG", "Matcher", "Termbase", "load_termbase", "scan"]
