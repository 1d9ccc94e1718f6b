"""Inline codes a translator must not change: ``{{ … }}`` placeholders, inline code,
link and image brackets with their targets, inline HTML tags and attribute lists.

XLIFF carries them as ``<ph>`` elements (a CAT tool shows them as locked tags); PO has
no inline codes, so the same check runs on import for both formats.
"""

from __future__ import annotations

import re
from collections import Counter

CODE = re.compile(
    r"\]\((?:\{\{.*?\}\}|[^)\s])*(?:\s+\"[^\"]*\")?\)"  # a link target, with its title
    r"|\{\{.*?\}\}"                       # a placeholder from data/rules.yml
    r"|(`+).+?\1"                         # inline code
    r"|!?\[(?=[^\]\n]*\]\()"              # the opening bracket of a link or image
    r"|</?[A-Za-z][^<>\n]*>"              # an inline HTML tag
    r"|\{:?[ \t]*[.#][^{}\n]*\}",         # an attribute list
    re.S)
#: What is left of a code a translator broke: braces, a bare link target.
_BROKEN = re.compile(r"\{\{|\}\}|\]\(")


def split(text: str) -> list[tuple[bool, str]]:
    """(is_code, text) runs, in order; joined they give ``text`` back."""
    runs: list[tuple[bool, str]] = []
    at = 0
    for match in CODE.finditer(text):
        if match.start() > at:
            runs.append((False, text[at:match.start()]))
        runs.append((True, match.group(0)))
        at = match.end()
    if at < len(text):
        runs.append((False, text[at:]))
    return runs


def codes(text: str) -> Counter[str]:
    return Counter(code for is_code, code in split(text) if is_code)


def problems(target: str, source: str, before: str) -> list[str]:
    """What is wrong with the protected codes of a returned translation.

    ``before`` is the translation as exported: codes it had must still be there (a
    translation may keep a link target the Swedish page does not have); a new
    translation must have every placeholder of the Swedish text. A code neither text
    had, or a fragment of one, is broken."""
    found = codes(target)
    required = codes(before) if before.strip() else Counter(
        c for c in codes(source).elements() if c.startswith("{{"))
    allowed = codes(source) | codes(before)
    out = [f"'{code}' is missing" for code in sorted(required - found)]
    out += [f"'{code}' is not in the Swedish text" for code in sorted(found - allowed)
            if code.startswith(("{{", "`", "]("))]
    leftover = "".join(text for is_code, text in split(target) if not is_code)
    out += [f"broken code '{m.group(0)}'" for m in _BROKEN.finditer(leftover)]
    return out
