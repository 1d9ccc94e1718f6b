"""What a returned translation may put into a page: the checks ``apply`` runs per unit
and per page before anything is written.

A target is agency data landing in ``docs/<edition>/``: raw HTML, ``javascript:`` links
and unsafe attribute lists are refused with the build's own markup check
(``klarinfo.safety.markup.check_markdown``), so the import never writes what the strict
build would refuse (or a lenient preview would show). A target that differs from the
current translation only in whitespace is the current translation (pretty-printers and
CAT tools re-wrap text; the page must not change for that), compared the way
``source_hash`` and ``make translation-diff`` compare Swedish versions. A written page's
front matter must pass the page schema every other tool checks.
"""

from __future__ import annotations

import re

from klarinfo.base import front_matter_schema
from klarinfo.base.errors import Finding, InputError
from klarinfo.editions import translation_status as status
from klarinfo.safety import check_markdown, dangerous_url

#: ``<scheme:…>``: an autolink as CommonMark reads it; check_markdown leaves these to the
#: HTML net, but an import can say which unit brought one in.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")


def same_text(a: str, b: str) -> bool:
    """Equal but for whitespace a translator does not translate: re-wrapped lines,
    indentation, runs of spaces (``translation_status.normalised_body``, the rule of
    ``source_hash``: block structure still counts)."""
    return a == b or status.normalised_body(a.strip()) == status.normalised_body(b.strip())


def markup_problems(target: str) -> list[tuple[str, str]]:
    """(what, how to fix) for each raw HTML tag, unsafe attribute list or script link in
    a target's Markdown."""
    _, findings = check_markdown(target, "target", 1)
    out = [(f.problem, f.fix) for f in findings]
    out += [(f"link target '{m.group(1)}' runs script or embeds data",
             "link to a page of this site or to an https:// address")
            for m in _AUTOLINK.finditer(target) if dangerous_url(m.group(1))]
    return out


def foreign_elements(names: tuple[str, ...]) -> list[tuple[str, str]]:
    """XML elements in a target that are none of the exported locked codes: reading them
    as text would drop the tags and keep their content (``<script>x</script>`` → ``x``)."""
    if not names:
        return []
    shown = ", ".join(f"<{n}>" for n in dict.fromkeys(names))
    return [(f"the translation holds the XML element {shown}, which is not one of the "
             "locked <ph> tags the export wrote (its tag would be lost and its text land "
             "in the page)",
             "remove it; write the text in Markdown and keep the <ph> tags as exported")]


def front_matter_problems(text: str, shown: str) -> list[Finding]:
    """The page schema's findings for the front matter a written page will have, at the
    page's own lines (``shown``: the page as the messages name it)."""
    try:
        data = status.front_matter(text, shown)
    except InputError as exc:
        return list(exc.findings)
    return front_matter_schema.check(data, shown, 1)  # the lines are already the file's
