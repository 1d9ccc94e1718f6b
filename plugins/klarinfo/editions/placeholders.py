"""The ``{name}`` fields a translation may carry: names only, and only its source's.

Our code fills a msgstr's ``{name}`` fields with ``str.format``, which also evaluates
``{n.__class__}`` (attributes), ``{n[0]}`` (items), ``!r`` and ``:spec``: a PO file from
an agency could read the objects we pass in. So every field of every form must be a bare
name the English msgid (or msgid_plural) carries, parsed the way ``str.format`` parses it
(``string.Formatter``), not by a regex a field could slip past.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from klarinfo.base.errors import Finding


def names(text: str) -> set[str]:
    """The ``{name}`` fields of an English source (none when it is no valid format string)."""
    try:
        return {field for _, field, _, _ in string.Formatter().parse(text)
                if field and field.isidentifier()}
    except ValueError:
        return set()


def findings(texts: Iterable[str], sources: Iterable[str], what: str, display: str,
             line: int | None) -> list[Finding]:
    """A finding for every field of ``texts`` (the msgstr forms) that is more than a
    name or a name none of ``sources`` (msgid, msgid_plural) has; ``what`` names the
    string in the message (``string 'Parent {n}'``)."""
    allowed = set().union(*(names(s) for s in sources))
    offer = ", ".join(f"{{{n}}}" for n in sorted(allowed))
    out: list[Finding] = []
    for text in dict.fromkeys(texts):
        try:
            fields = [(f, c, spec) for _, f, spec, c in string.Formatter().parse(text)
                      if f is not None]
        except ValueError as exc:
            out.append(Finding(
                display, line, f"{what} is no valid placeholder text ({exc}): {text[:60]!r}",
                "write {{ and }} for a literal brace, and placeholders exactly as in the "
                "English msgid"))
            continue
        for field, conversion, spec in fields:
            plain = field.isidentifier() and not conversion and not spec
            if plain and field in allowed:
                continue
            shown = ("{" + field + (f"!{conversion}" if conversion else "")
                     + (f":{spec}" if spec else "") + "}")
            name = re.split(r"[.\[]", field, maxsplit=1)[0]
            problem = ("is not in the English msgid" if plain else
                       "is more than a name (no '.', '[', '!' or ':' in a placeholder)")
            fix = (f"write {{{name}}} exactly as in the English msgid" if name in allowed
                   else f"use only {offer} as in the English msgid" if allowed
                   else "remove it: the English msgid has no placeholder")
            out.append(Finding(display, line, f"{what}: placeholder {shown[:60]} {problem}",
                               fix))
    return out


__all__ = ["findings", "names"]
