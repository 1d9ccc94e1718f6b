"""Checks on one page's source file that MkDocs lets pass silently.

MkDocs treats front matter that is not valid YAML as page text and publishes it,
and publishes an empty page as an empty page. A translation started with
``make new-translation`` holds only the Swedish paragraphs as comments until the
translator writes; published as it is, readers of that edition would get a blank
page instead of the Swedish page under the missing-translation notice. These
functions find such pages from the file's text alone, with the line to fix.
"""

from __future__ import annotations

import re
from pathlib import Path

from klarinfo.base import front_matter_schema, text_files, yaml_lines
from klarinfo.base.errors import Finding, InputError

#: MkDocs 1.6's own front-matter pattern (mkdocs.utils.meta.YAML_RE): what it strips.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_OPENING = re.compile(r"^-{3}[ \t]*$")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_H1 = re.compile(r"^\s{0,3}#[ \t]+\S", re.MULTILINE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s.*)?$", re.MULTILINE)


def split(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, file line of the body's first line), the way
    MkDocs splits a page."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1), text[match.end():], match.group(0).count("\n") + 1


def front_matter(text: str, shown: str) -> list[Finding]:
    """Front matter MkDocs would not read: not closed, not YAML, or not key: value lines."""
    raw, _, _ = split(text)
    if raw is None:
        first = text.split("\n", 1)[0]
        if _OPENING.match(first) and "\n" in text:
            return [Finding(shown, 1, "the front matter is not closed, so it would be "
                            "published as page text",
                            "end it with a line of three dashes --- after the last key")]
        return []
    try:
        data = yaml_lines.load(raw, shown, first_line=2)
    except InputError as exc:
        return [Finding(f.path, f.line, f"{f.problem} in the front matter; MkDocs would "
                        "publish it as page text", f.fix) for f in exc.findings]
    if not isinstance(data, dict):
        return [Finding(shown, 2, "the front matter is not key: value lines, so MkDocs would "
                        "publish it as page text",
                        "write one key: value per line between the two --- lines, e.g. "
                        "title: Tolk")]
    return []


def schema(text: str, shown: str) -> list[Finding]:
    """Front matter MkDocs reads but we do not know: unknown keys, wrong types, no
    description (:mod:`klarinfo.base.front_matter_schema`); and a page with no title."""
    raw, body, _ = split(text)
    data = yaml_lines.load(raw, shown, first_line=2) if raw is not None else {}
    findings = front_matter_schema.check(data, shown)
    if not (data or {}).get("title") and not _H1.search(_COMMENT.sub("", body)):
        findings.append(Finding(shown, 1, "the page has no title: no 'title:' in the front "
                                "matter and no '# heading', so menus and search would show "
                                "its file name", "start the page with '# Title' or add title:"))
    return findings


def is_scaffold(text: str) -> bool:
    """True when the body has no text for readers: only headings, comments and blank
    lines (an empty file, a new page, or a translation stub not yet written)."""
    body = split(text)[1]
    return not _HEADING.sub("", _COMMENT.sub("", body)).strip()


def empty_page(text: str, shown: str, source: bool, page: str, edition: str
               ) -> Finding | None:
    """A Finding for a page with nothing to read, else None. ``source``: the page is in
    the default edition, so there is nothing to fall back to."""
    if not is_scaffold(text):
        return None
    _, body, line = split(text)
    stripped = body.lstrip("\n")
    if stripped.strip():
        line += len(body) - len(stripped)  # the first line with something on it
    if source:
        return Finding(shown, line, "the page is empty: only headings and comments, "
                       "nothing for readers",
                       "write the page's text, or delete the file if the page is not needed")
    return Finding(shown, line, "the translation has no text yet (only headings and the "
                   "Swedish paragraphs as comments), so readers of this edition get the "
                   "Swedish page with the missing-translation notice",
                   f"translate each paragraph under its comment and delete the comments; "
                   f"to start over: delete the file, then make new-translation PAGE={page} "
                   f"EDITION={edition}")


#: Page file names: lower-case ASCII letters, digits and hyphens (the page's address).
PAGE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
#: A page longer than this is too long to read on a phone (and slows every check).
MAX_BYTES = 200_000


def duplicate_titles(entries: list[tuple[str, str, str]]) -> list[Finding]:
    """(title, shown path, text) of one edition's pages: a finding at the title line of
    each page whose title an earlier page already has (menus, tabs and search results
    would show two alike)."""
    first: dict[str, str] = {}
    out = []
    for title, shown, text in sorted(entries, key=lambda entry: entry[1]):
        key = " ".join(title.split()).casefold()
        if key not in first:
            first[key] = shown
            continue
        line = next((n for n, row in enumerate(text.split("\n"), 1)
                     if row.startswith(("title:", "# "))), 1)
        out.append(Finding(shown, line, f"the title '{title}' is also the title of "
                           f"{first[key]}, so menus and search would show two alike",
                           "give one of the pages a title of its own"))
    return out


def file_problems(path: Path, shown: str, edition: str, default: str, page: str
                  ) -> tuple[bool, list[Finding]]:
    """(leave out?, findings) for what the file is rather than what it says: its name,
    its size, and (a translation) whether the Swedish page it translates exists."""
    findings = []
    if not all(PAGE_NAME.match(part) for part in Path(page).with_suffix("").parts):
        findings.append(Finding(shown, 1, f"the file name '{page}' would be the page's "
                                "address, and spaces, capitals and letters such as å ä ö "
                                "become %-codes in it (/min%20sida/)",
                                "rename it with lower-case a-z, digits and hyphens, e.g. "
                                "min-sida.md (make new-page does this)"))
    size = path.stat().st_size
    if size > MAX_BYTES:  # left out: every check would read all of it
        return True, [*findings, Finding(
            shown, 1, f"the page is {size // 1000} KB, over {MAX_BYTES // 1000} KB: too long "
            "to read on a phone, so it is left out", "split it into pages of one topic each")]
    if edition == default:
        return False, findings
    docs = path.parents[len(Path(page).parts)]  # docs/<edition>/<page>
    if not (docs / default / page).is_file():
        findings.append(Finding(shown, 1, f"there is no Swedish page docs/{default}/{page} "
                                "that this translates, so it is left out",
                                f"name it as its Swedish page in docs/{default}/, or delete it"))
        return True, findings
    return False, findings


def source(path: Path, shown: str, edition: str, default: str, page: str
           ) -> tuple[bool, list[Finding]]:
    """(leave the page out?, findings) for the file ``path`` of page ``page`` (its path
    inside the edition's folder) written for ``edition``. A Swedish page is never left
    out for being empty (it is reported); a translation is, so readers get the Swedish
    page instead."""
    left_out, found = file_problems(path, shown, edition, default, page)
    if left_out:
        return True, found
    try:
        text = text_files.read(path, shown)
    except InputError as exc:
        left_out = "the page is left out" if edition == default else "readers get the Swedish page"
        return True, [Finding(f.path, f.line, f"{f.problem} ({left_out})", f.fix)
                      for f in exc.findings]
    empty = empty_page(text, shown, edition == default, page, edition)
    problems = found + (front_matter(text, shown) or (schema(text, shown) if empty is None
                                                      else []))
    if empty is not None:
        problems.append(empty)
    return empty is not None and edition != default, problems
