"""The five editions of the site and what each one means to browsers and search engines.

mkdocs-static-i18n uses one string per language both as folder name, URL prefix
and (by default) as the language tag. Easy-read Swedish breaks that assumption:
it is Swedish (``lang="sv"``) but needs its own folder and URL. So an edition's
*id* (folder and URL prefix) is kept apart from its *lang* (what ``<html lang>``
says) and its *hreflang* (what search engines are told, or nothing at all).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from klarinfo.base.errors import Finding, InputError

Direction = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class Edition:
    """One edition of every page: a language, or a register of a language (easy-read)."""

    id: str
    name: str
    lang: str
    dir: Direction
    hreflang: str | None
    search_lang: str
    default: bool = False

    @property
    def url_prefix(self) -> str:
        """Site-relative prefix of this edition's pages: '' for the default edition."""
        return "" if self.default else f"{self.id}/"


def build_editions(
    settings: Mapping[str, Mapping[str, Any]],
    languages: Iterable[Mapping[str, Any]],
    source: str = "mkdocs.yml",
) -> tuple[Edition, ...]:
    """Join our per-edition settings with the i18n language list, in switcher order.

    Both lists must name the same editions: a language with no settings would
    silently get the wrong ``lang``/``dir``, which is exactly the defect we guard against.
    """
    findings: list[Finding] = []
    editions: list[Edition] = []
    seen: set[str] = set()
    for language in languages:
        key = str(language["locale"])
        seen.add(key)
        raw = settings.get(key)
        if raw is None:
            findings.append(
                Finding(
                    source,
                    None,
                    f"i18n language '{key}' has no entry under plugins.klarinfo.editions",
                    f"add '{key}: {{lang: …, dir: ltr|rtl, hreflang: …, search_lang: …}}'",
                )
            )
            continue
        direction = raw.get("dir", "ltr")
        if direction not in ("ltr", "rtl"):
            findings.append(
                Finding(
                    source,
                    None,
                    f"edition '{key}' has dir '{direction}'",
                    "use 'ltr' or 'rtl'",
                )
            )
            continue
        lang = str(raw.get("lang", key))
        editions.append(
            Edition(
                id=key,
                name=str(language.get("name", key)),
                lang=lang,
                dir=direction,
                hreflang=raw.get("hreflang", lang),
                search_lang=str(raw.get("search_lang", lang)),
                default=bool(language.get("default", False)),
            )
        )
    for key in settings:
        if key not in seen:
            findings.append(
                Finding(
                    source,
                    None,
                    f"plugins.klarinfo.editions names '{key}', which is not an i18n language",
                    f"add '{key}' under plugins.i18n.languages or remove it here",
                )
            )
    if sum(e.default for e in editions) != 1 and not findings:
        findings.append(
            Finding(source, None, "exactly one edition must be the default",
                    "set default: true on one language")
        )
    if findings:
        raise InputError(findings)
    return tuple(editions)


def by_id(editions: Iterable[Edition]) -> dict[str, Edition]:
    return {e.id: e for e in editions}



def build_only(languages: Iterable[Any], edition_id: str, editions: Iterable[Edition]) -> None:
    """Build one edition and the Swedish source only (`make site LANG=ar`): clears the
    ``build`` flag of every other i18n language (i18n reads the flags lazily)."""
    ids = [e.id for e in editions]
    if edition_id not in ids:
        raise InputError(Finding("mkdocs.yml", None, f"only_edition {edition_id!r} is not an "
                                 "edition", f"use one of {', '.join(ids)}"))
    for lang in languages:
        lang.build = bool(lang.default) or lang.locale == edition_id
