"""Messages our plugin shows, translated through gettext catalogs (locales/*/klarinfo.po).

Communicators and translators get findings in the language of the page they
write. Catalogs are compiled in memory with Babel, so no .mo files need to be
committed or kept in step with the .po files.
"""

from __future__ import annotations

import gettext
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.support import Translations

from klarinfo.base.errors import InputError
from klarinfo.editions import catalogs, placeholders

DOMAIN = "klarinfo"


@cache
def _load(path: str, display: str) -> gettext.NullTranslations:
    catalog = catalogs.load(Path(path), display)
    for message in catalog:
        if message.id and message.string and _unsafe(message):
            # the build reports it at its line; until then the English text is used, so
            # str.format never reads what a field like {n.__class__} asks for
            message.string = ("",) * len(message.string) if message.pluralizable else ""
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def _unsafe(message: object) -> bool:
    ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
    texts = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return bool(placeholders.findings([t for t in texts if t], ids, "", "", None))


def translator(locales: Path, edition: str, display_root: Path | None = None
               ) -> gettext.NullTranslations:
    """gettext translations for an edition; English source strings if it has no catalog."""
    path = locales / edition / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.exists():
        return gettext.NullTranslations()
    display = str(path.relative_to(display_root)) if display_root else str(path)
    try:
        return _load(str(path), display)
    except InputError:
        # The build's catalog check reports the broken file with its line; findings
        # fall back to the English source strings meanwhile.
        return gettext.NullTranslations()


def outdated_note(tr: gettext.NullTranslations, shown: str, page: str, edition: str) -> str:
    """The build's note on an outdated translation, in the translation's language (it
    shows in the preview's findings panel of that page)."""
    what = tr.gettext("outdated: the Swedish page changed since the version this "
                      "translation records; readers see a notice")
    fix = tr.gettext("see what changed: make translation-diff PAGE={page} EDITION={edition}")
    return f"{shown}:1: {what} — {fix.format(page=page, edition=edition)}"


def missing_note(tr: gettext.NullTranslations, page: str, edition: str) -> str:
    """The build's note on a page an edition does not have yet, in that edition's language."""
    what = tr.gettext("missing: readers see the Swedish page with a notice")
    fix = tr.gettext("start it with: make new-translation PAGE={page} EDITION={edition}")
    return f"docs/{edition}/{page}: {what} — {fix.format(page=page, edition=edition)}"
