"""The generated glossary page of one edition, as Markdown, in that language's order."""

from __future__ import annotations

import gettext
from collections.abc import Mapping, Sequence

from klarinfo.collation import sorted_by
from klarinfo.termbase import Termbase

SLUG = "ordlista"  # same file name in every edition, so the switcher finds it


def title(tr: gettext.NullTranslations) -> str:
    return tr.gettext("Glossary")


def render(termbase: Termbase, edition: str, language: str,
           used_on: Mapping[str, Sequence[tuple[str, str]]],
           tr: gettext.NullTranslations) -> str:
    """Markdown of the glossary page. ``used_on``: term id → [(page title, page .md path)]."""
    entries = [(t.id, t.entries[edition]) for t in termbase.terms if edition in t.entries]
    lines = [
        "---",
        f"title: {title(tr)}",
        "klarinfo_generated: glossary",
        "---",
        "",
        f"# {title(tr)}",
        "",
        tr.gettext("These are the words we explain on this site, in alphabetical order."),
        "",
    ]
    for term_id, entry in sorted_by(entries, lambda item: item[1].term, language):
        heading = entry.term[:1].upper() + entry.term[1:]
        lines += [f"## {heading} {{#{term_id}}}", "", entry.definition, ""]
        if entry.admitted:
            lines += [tr.gettext("Also called: {names}.").format(
                names=", ".join(entry.admitted)), ""]
        pages = used_on.get(term_id, ())
        if pages:
            links = ", ".join(f"[{name}]({path})" for name, path in pages)
            lines += [tr.gettext("Used on: {pages}").format(pages=links), ""]
    return "\n".join(lines)
