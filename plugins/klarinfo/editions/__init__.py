"""Editions: one site in five languages.

Which editions exist and how each is written (``edition``), interface and message
catalogs (``catalogs``, ``plural_rules``, ``theme_strings``, ``messages``), links
between editions (``alternates``, ``sitemap``), ``<html lang dir>`` (``html_root``),
heading anchors in every script (``slugs``, the toc slugify set in mkdocs.yml),
and whether each translation is missing, outdated, draft or reviewed
(``translation_status``; command line: ``python -m klarinfo.editions.translation_status``).
"""

from klarinfo.editions import translation_status
from klarinfo.editions.alternates import Alternate
from klarinfo.editions.edition import Edition, by_id
from klarinfo.editions.messages import translator
from klarinfo.editions.theme_strings import interface_texts


def translation_done(*args, **kwargs) -> str:
    """``make translation-done`` (``status.done``), imported when called: the package must
    not load ``status`` itself, or ``python -m klarinfo.editions.status`` warns that the
    module was imported before it ran."""
    from klarinfo.editions.status import done

    return done(*args, **kwargs)


__all__ = ["Alternate", "Edition", "by_id", "interface_texts", "translation_done",
           "translation_status", "translator"]
