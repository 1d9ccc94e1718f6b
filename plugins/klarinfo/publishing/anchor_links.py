"""Links to a missing anchor, located at the line of the link in the Markdown file.

MkDocs 1.6 finds these itself (``validation: anchors: warn`` in mkdocs.yml), but
only after the page became HTML, so its message names the file and the link, not
the line. We read that message and find the link in the source. Headings get
their ids from their words, so a heading reworded or translated breaks every link
to it; a Swedish page shown untranslated in another edition links into that
edition's pages, where the headings are in another language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from klarinfo.base.errors import Finding

_MESSAGE = re.compile(
    r"^Doc file '(?P<source>[^']+)' contains a link '(?P<link>[^']*)', but "
    r"(?:the doc '(?P<target>[^']+)' does not contain an anchor '#(?P<anchor>[^']*)'"
    r"|there is no such anchor on this page)")


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
