"""The front-matter values a reader sees, exchanged as units of their own.

A page's ``title`` (menus, tabs, search, ``<title>``) and ``description`` (search results,
link previews, embeds, feeds; the page schema requires one) are text in the page's
language, so the agency translates them like a heading: units ``page#title`` and
``page#description``, first in each page, with a note saying what the schema allows.
Their target is the translation's current value, so an unchanged file changes nothing.

The page body's ``source_hash`` does not cover the front matter, so whether the Swedish
value changed since the translation is read from the kept Swedish version
(``locales/sources/``, saved with its front matter by ``make translation-done``); when
that version is not kept and the body changed too, the unit needs review, as a body
segment would. Import writes only the values the translator changed, in place, so every
other key, its order and the rest of the file stay byte for byte; a JSON string is a
valid YAML double-quoted scalar, so any value is safe to write.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from klarinfo.base import front_matter_schema
from klarinfo.base.errors import Finding, InputError
from klarinfo.editions import translation_status as status
from klarinfo.exchange import target_checks

#: The keys exchanged, in the order their units come (and new keys are written).
KEYS = ("title", "description")
NOTES = {
    "title": "front matter: the page's name in menus, tabs and search, one line",
    "description": "front matter: one plain sentence, at most "
                   f"{front_matter_schema.DESCRIPTION_MAX} characters, no figures",
}
#: Characters PyYAML refuses in a stream even inside quotes; written as \\u escapes.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
                            "\U00010000-\U0010ffff]")


def key_of(unit_id: str) -> str | None:
    """The front-matter key a unit id stands for (``tolk.md#description``), else None."""
    key = unit_id.rpartition("#")[2]
    return key if key in KEYS else None


def values(text: str | None, shown: str) -> dict[str, str]:
    """The exchanged keys a page's front matter has, as text (empty values left out)."""
    if not text:
        return {}
    try:
        data = status.front_matter(text, shown)
    except InputError:  # the build reports broken front matter; nothing to exchange
        return {}
    return {k: str(data[k]).strip() for k in KEYS if data.get(k) is not None
            and str(data[k]).strip()}


def recorded_values(snapshots: Path, page: str, recorded: str | None, current: str,
                    source_text: str) -> dict[str, str] | None:
    """The Swedish values the translation was made from: those of the kept version it
    records; the current ones when that version is not kept but the body is the same
    (nothing says otherwise); None when unknown (every value then needs review)."""
    kept = status.snapshot_path(snapshots, page, str(recorded))
    if recorded and kept.is_file():
        return values(kept.read_text(encoding="utf-8"), str(kept))
    return values(source_text, page) if recorded == current else None


def one_line(value: str) -> str:
    """A value as the front matter holds it: one line (a CAT tool may wrap it)."""
    return " ".join(value.split())


def scalar(value: str) -> str:
    """``value`` as a YAML double-quoted scalar: JSON's escapes are YAML's."""
    quoted = json.dumps(one_line(value), ensure_ascii=False)
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def with_values(text: str, changed: dict[str, str]) -> str:
    """``text`` with each key of ``changed`` set to its value: the key's line (and any
    continuation lines) replaced in place, a missing key added at the top (title first,
    then description), every other byte unchanged."""
    if not changed:
        return text
    raw, body, first = status.split(text)
    if first == 1:
        lines = "".join(f"{k}: {scalar(changed[k])}\n" for k in KEYS if k in changed)
        return f"---\n{lines}---\n\n{text}"
    lines = raw.split("\n")[:-1]  # raw ends with a newline
    for key in KEYS:
        if key not in changed:
            continue
        line = f"{key}: {scalar(changed[key])}"
        start = next((i for i, ln in enumerate(lines) if re.match(rf"{key}[ \t]*:", ln)), None)
        if start is None:
            after = 1 if key != KEYS[0] and lines and lines[0].startswith(f"{KEYS[0]}:") else 0
            lines.insert(after, line)
            continue
        end = start + 1
        while end < len(lines) and (lines[end][:1] in (" ", "\t") or not lines[end].strip()):
            end += 1
        while end > start + 1 and not lines[end - 1].strip():  # blank lines stay
            end -= 1
        lines[start:end] = [line]
    return "---\n" + "".join(f"{ln}\n" for ln in lines) + "---\n" + body


def schema_problems(text: str, shown: str) -> list[tuple[str | None, Finding]]:
    """The page schema's findings for a page about to be written, each with the key it
    is about when that is an exchanged one (so import names the unit to fix)."""
    out = []
    for finding in target_checks.front_matter_problems(text, shown):
        # the schema's messages name the key first ("front-matter 'description: …'")
        about = [k for k in KEYS if finding.problem.startswith(
            (f"front-matter '{k}:", f"the front matter has no '{k}'"))]
        out.append((about[0] if about else None, finding))
    return out
