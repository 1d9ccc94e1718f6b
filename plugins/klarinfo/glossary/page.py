"""The generated glossary page of one edition, as Markdown, in that language's order."""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping, Sequence
from html import escape

import yaml

from klarinfo.glossary.collation import sorted_by
from klarinfo.glossary.termbase import Termbase

SLUG = "ordlista"  # same file name in every edition, so the switcher finds it


def title(tr: gettext.NullTranslations) -> str:
    return tr.gettext("Glossary")


def render(termbase: Termbase, edition: str, language: str,
           used_on: Mapping[str, Sequence[tuple[str, str]]],
           tr: gettext.NullTranslations) -> str:
    """Markdown of the glossary page. ``used_on``: term id → [(page title, page .md path)].

    Every text here is data (termbase YAML, catalogs, page titles from front matter), so
    each is escaped as Markdown text: no raw HTML and no Markdown links can come in.
    """
    entries = [(t.id, t.entries[edition]) for t in termbase.terms if edition in t.entries]
    meta = yaml.safe_dump({"title": title(tr), "klarinfo_generated": "glossary"},
                          allow_unicode=True, sort_keys=False)
    lines = [
        "---",
        meta.rstrip("\n"),
        "---",
        "",
        f"# {text(title(tr))}",
        "",
        text(tr.gettext("These are the words we explain on this site, in alphabetical order.")),
        "",
    ]
    for term_id, entry in sorted_by(entries, lambda item: item[1].term, language):
        heading = entry.term[:1].upper() + entry.term[1:]
        lines += [f"## {text(heading)} {{#{term_id}}}", "", text(entry.definition), ""]
        if entry.admitted:
            lines += [text(tr.gettext("Also called: {names}.").format(
                names=", ".join(entry.admitted))), ""]
        pages = used_on.get(term_id, ())
        if pages:
            links = ", ".join(f"[{text(name)}]({path})" for name, path in pages)
            before, _, after = tr.gettext("Used on: {pages}").partition("{pages}")
            lines += [f"{text(before)}{links}{text(after)}", ""]
    return "\n".join(lines)


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+!|~"})


def text(value: str) -> str:
    """A string as Markdown that renders exactly as itself: HTML-escaped, and Markdown's
    own punctuation backslash-escaped, on one line."""
    return escape(re.sub(r"\s+", " ", str(value)), quote=False).translate(_MARKDOWN_SPECIAL)
