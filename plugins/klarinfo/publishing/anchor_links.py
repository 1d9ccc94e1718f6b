"""Links to a missing anchor or page, located at the line of the link in the Markdown file.

MkDocs 1.6 finds these itself (``validation: anchors: warn`` in mkdocs.yml; a missing
page always warns), but only after the page became HTML, so its message names the file
and the link, not the line, and says nothing of a fix. We read that message and find the
link in the source. Headings get their ids from their words, so a heading reworded or
translated breaks every link to it; a Swedish page shown untranslated in another edition
links into that edition's pages, where the headings are in another language.

A link whose target safety refused (``javascript:``) reaches MkDocs as an anchor on the
same page (``#blocked:javascript:…``, safety/markup.py); safety has already reported it at
its line, so MkDocs' second line about that "anchor" only confuses (``is_refused``).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass

from klarinfo.base.errors import Finding

_MESSAGE = re.compile(
    r"^Doc file '(?P<source>[^']+)' contains a link '(?P<link>[^']*)', but "
    r"(?:the doc '(?P<target>[^']+)' does not contain an anchor '#(?P<anchor>[^']*)'"
    r"|there is no such anchor on this page)")
_NOT_FOUND = re.compile(
    r"^Doc file '(?P<source>[^']+)' contains a link '(?P<link>[^']*)', but the target"
    r"(?: '(?P<target>[^']+)')? is not found among documentation files\.")
#: What safety's markup puts in front of a refused link target, making it an anchor.
REFUSED = "#blocked:"


@dataclass(frozen=True)
class MissingAnchor:
    source: str  # the page with the link, relative to docs_dir (sv/tolk.md)
    link: str  # as written: tolk.md#nope, #nope
    target: str | None  # the linked page relative to docs_dir; None: the same page

    @property
    def anchor(self) -> str:
        return self.link.partition("#")[2]


def parse(message: str) -> MissingAnchor | None:
    """The missing anchor MkDocs reports in ``message``, or None for other messages."""
    match = _MESSAGE.match(message)
    if match is None:
        return None
    return MissingAnchor(match.group("source"), match.group("link"), match.group("target"))


@dataclass(frozen=True)
class MissingPage:
    source: str  # the page with the link, relative to docs_dir (sv/om.md)
    link: str  # as written: nope.md, ../en/nope.md#part
    target: str  # the page MkDocs looked for, relative to docs_dir (sv/nope.md)


def parse_missing_page(message: str) -> MissingPage | None:
    """The link to a missing page MkDocs reports in ``message``, or None."""
    match = _NOT_FOUND.match(message)
    if match is None:
        return None
    link = match.group("link")
    return MissingPage(match.group("source"), link,
                       match.group("target") or link.lstrip("/").partition("#")[0])


def is_refused(missing: MissingAnchor) -> bool:
    """Whether the "anchor" is a link target safety refused and reported itself."""
    return missing.target is None and missing.link.startswith(REFUSED)


def lines_of(text: str, link: str) -> list[int]:
    """Lines where ``link`` is the target of a link: ``](link``, ``<link>``, ``"link"``,
    ``[ref]: link``. Falls back to any mention of it."""
    around = re.compile(r"(?:\]\(\s*<?|<|[\"']|\]:\s*)" + re.escape(link) + r"(?=[\s)>\"']|$)",
                        re.MULTILINE)
    starts = [m.start() for m in around.finditer(text)] or [
        m.start() for m in re.finditer(re.escape(link), text)]
    return sorted({text.count("\n", 0, start) + 1 for start in starts})


def finding(missing: MissingAnchor, text: str, shown: str, target_shown: str | None,
            edition: str | None = None) -> Finding:
    """``shown:line: …`` for one missing anchor. ``edition``: set when the page is shown
    untranslated in another edition, whose page lacks the anchor."""
    lines = lines_of(text, missing.link)
    also = f" (also on line {', '.join(map(str, lines[1:]))})" if len(lines) > 1 else ""
    where = "this page" if missing.target is None else target_shown or missing.target
    problem = (f"the link '{missing.link}' leads to {where}, which has no heading or "
               f"element with the id '{missing.anchor}'{also}")
    fix = (f"link to a heading that exists, or give the heading that id: "
           f"## Heading {{#{missing.anchor}}}")
    if edition:
        problem += (f" — in the {edition} edition, where this page is shown untranslated "
                    "and links to that edition's page")
        fix = (f"give the heading the same id in every edition: ## Heading "
               f"{{#{missing.anchor}}}")
    return Finding(shown, lines[0] if lines else None, problem, fix)


def closest_page(missing: MissingPage, pages: Iterable[str]) -> str | None:
    """The existing page (relative to docs_dir) whose path is most like the missing one,
    written as a link from the page with the link; None when there is no page at all.
    Only pages of the linked folder's edition: a link from sv/ to en/ meant an English page.
    """
    edition = missing.target.split("/")[0]
    pages = [p for p in pages if p != missing.source]  # a link to itself is never meant
    candidates = sorted(p for p in pages if p.split("/")[0] == edition) or sorted(pages)
    best = difflib.get_close_matches(missing.target, candidates, n=1, cutoff=0)
    if not best:
        return None
    return posixpath.relpath(best[0], posixpath.dirname(missing.source) or ".")


def page_finding(missing: MissingPage, text: str, shown: str, suggestion: str | None
                 ) -> Finding:
    """``shown:line: …`` for one link to a page that does not exist."""
    lines = lines_of(text, missing.link)
    also = f" (also on line {', '.join(map(str, lines[1:]))})" if len(lines) > 1 else ""
    example = f" (e.g. {suggestion})" if suggestion else ""
    return Finding(shown, lines[0] if lines else None,
                   f"the link '{missing.link}' points to a page that does not exist{also}",
                   f"write the path of an existing page{example} or remove the link")
