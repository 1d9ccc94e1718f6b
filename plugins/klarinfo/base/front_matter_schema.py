"""The keys a page's front matter may have, with their types: one schema for every tool.

Why: MkDocs hands every front-matter key to the theme, and Material prints some of them
into every page of an edition unescaped (``status`` lands in ``md-status--{{ type }}``,
``template`` picks the page's template, ``icon`` and ``subtitle`` land in the
navigation). A misspelled key (``descripton:``) or a boolean written as a word
(``quick_exit: nej`` is the string "nej", which is true) passed silently. So a page may
hold only the keys below, each of its type, checked by pydantic (a maintained
validator), and the build passes nothing else on to the theme
(:func:`known_keys_only`).
"""

from __future__ import annotations

import difflib
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StrictBool,
    StringConstraints,
    ValidationError,
)

from klarinfo.base import yaml_lines
from klarinfo.base.errors import Finding

_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
#: Search results and link previews cut a description after about 155 characters.
DESCRIPTION_MAX = 155


def _no_figures(text: str) -> str:
    """A figure in a description goes stale unseen: pages take figures from
    data/rules.yml, descriptions are plain text that nothing updates."""
    if any(char.isdigit() for char in text):
        raise ValueError("has a figure")
    return text


_Description = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                                max_length=DESCRIPTION_MAX),
                         AfterValidator(_no_figures)]


class _Search(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    exclude: StrictBool = False


class PageFrontMatter(BaseModel):
    """Every key the build or the theme reads from a page, and nothing else."""

    model_config = ConfigDict(extra="forbid", strict=True)

    #: the page's name in menus, tabs and search; else its first heading
    title: _Text | None = None
    #: one plain sentence for search results, link previews, embeds and feeds (required)
    description: _Description
    #: the day the facts were last checked against the sources (YYYY-MM-DD)
    reviewed: date | None = None
    #: translations: draft until a qualified translator has checked the page
    translation_status: Literal["draft", "reviewed"] | None = None
    #: translations: the Swedish page they translate
    translation_of: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9/_-]*\.md$")] \
        | None = None
    #: translations: the Swedish version they translate (make translation-done writes it)
    source_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")] | None = None
    #: violence pages: the quick-exit button on this page and the pages it leads to
    quick_exit: StrictBool | None = None
    #: a readability limit raised for this page, with the reason (klarinfo.readability)
    readability: dict[str, Any] | None = None
    #: search: {exclude: true} keeps the page out of the edition's search
    search: _Search | None = None


#: The keys a page may have (and the theme may be given).
KEYS = frozenset(PageFrontMatter.model_fields)
_HOW = {
    "bool_type": "write true or false (not ja/nej, yes/no or a quoted word)",
    "date_type": "write the date as YYYY-MM-DD, e.g. 2026-11-29",
    "date_from_datetime_inexact": "write the date as YYYY-MM-DD, e.g. 2026-11-29",
    "string_type": "put the text in quotes",
    "literal_error": "write one of the values named",
    "string_pattern_mismatch": "write it as make new-translation or make translation-done "
                               "does",
    "missing": "add description: one plain sentence in the page's language that says what "
               f"the page helps with (at most {DESCRIPTION_MAX} characters, no figures)",
    "string_too_long": f"shorten it to at most {DESCRIPTION_MAX} characters: search results "
                       "and link previews cut the rest",
    "value_error": "say it in words: write the figures in the page, where they come from "
                   "data/rules.yml",
    "string_too_short": "write the text, or remove the key",
}


def check(data: Any, shown: str, first_line: int = 2) -> list[Finding]:
    """Findings for front matter ``data`` (from :func:`yaml_lines.load`), each at the line
    of its key (``first_line``: the file line of the YAML's first line)."""
    try:  # an empty value (`description:`) is a missing one
        PageFrontMatter.model_validate({k: v for k, v in dict(data).items() if v is not None})
    except ValidationError as exc:
        return [_finding(error, data, shown, first_line) for error in exc.errors()]
    return []


def _finding(error: Any, data: Any, shown: str, first_line: int) -> Finding:
    key = str(error["loc"][0]) if error["loc"] else ""
    where = (yaml_lines.line(data, key) or 1) + first_line - 1
    if error["type"] == "extra_forbidden":
        close = difflib.get_close_matches(key, sorted(KEYS), n=1)
        return Finding(shown, where, f"front-matter key '{key}' is not one a page may have "
                       "(the theme would print it, or nothing reads it)",
                       (f"did you mean '{close[0]}'? " if close else "") +
                       "the keys are: " + ", ".join(sorted(KEYS)))
    path = ".".join(str(part) for part in error["loc"])
    if error["type"] == "missing":
        return Finding(shown, where, f"the front matter has no '{path}' (search results, link "
                       "previews, embeds and feeds show it)", _HOW["missing"])
    value = error.get("input")
    return Finding(shown, where, f"front-matter '{path}: {value}' — {error['msg'].lower()}",
                   _HOW.get(error["type"], "see the keys in klarinfo/base/front_matter_schema.py"))


def known_keys_only(meta: dict[str, Any], ours: str = "klarinfo_") -> None:
    """Drop from a page's meta every key the schema does not know (``ours``: what our
    plugins add while building), so an unchecked key never reaches the theme, even in a
    preview that only warns."""
    for key in [k for k in meta if k not in KEYS and not str(k).startswith(ours)]:
        del meta[key]
