"""Keep script out of pages: raw HTML in Markdown is refused, and the rendered page is checked.

Why: translated pages come from outside agencies, and Python-Markdown passes raw HTML,
``{: onclick=… }`` attribute lists and ``javascript:`` links straight into the page. A
page that needs markup Markdown cannot write is rare enough to go through us, so the
allowlist of raw HTML is empty: only comments pass (the translation scaffold uses them).

Two layers. :func:`check_markdown` reads the source, where it can name the line, and
returns the text with every refused construct made inert, so even a non-strict preview
shows it as text; it ends comments and reads backslash escapes as the WHATWG tokenizer
and Python-Markdown do, not as a regex would like. :func:`sanitize_html` is the net under
it (:mod:`klarinfo.safety.html_net`): it reads the HTML the page became as a browser
builds it and keeps only what our Markdown writes; the Content-Security-Policy is the
net under that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from klarinfo.base.errors import Finding
from klarinfo.safety import html_net
from klarinfo.safety.urls import dangerous_url, foreign_url

__all__ = ["check_markdown", "dangerous_url", "foreign_url", "sanitize_html"]

#: Raw HTML elements a page may use. Empty on purpose (see the module docstring);
#: add a name here only with a reason, and never one that can run or load anything.
ALLOWED_ELEMENTS: frozenset[str] = frozenset()

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# A comment as the WHATWG tokenizer ends it: '<!-->' and '<!--->' are whole (empty)
# comments, else the first '-->' or '--!>' ends it, else the end of the text.
_COMMENT = re.compile(r"<!--(?:-?>|.*?(?:--!?>|\Z))", re.S)
# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS; a test compares):
# '\<' is not one of them, so '\<img>' is a backslash and then raw HTML.
ESCAPED_CHARS = "\\`*_{}[]()>#+-.!"
_ESCAPE = re.compile("\\\\[" + re.escape(ESCAPED_CHARS) + "]")
# A tag start as the HTML parser sees one: '<' then a letter, '/', '!' or '?'.
_TAG = re.compile(r"<(/?[A-Za-z][A-Za-z0-9:-]*|![A-Za-z\[]|\?)")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?=[.#\w])[^{}\n]*\}")
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
# One token of an attribute list: key="value", key='value', key=value, #id, .class, word.
_ATTR_TOKEN = re.compile(r"""([^\s=]+)[ \t]*=[ \t]*(?:"[^"]*"|'[^']*'|[^\s}]*)|[#.]?[^\s=}]+""")
#: What an attribute list may set: besides #id (not one the theme uses) and .class, only
#: the language and direction of a quotation.
ATTRIBUTE_KEYS = frozenset({"lang", "dir"})
_NEAR_PLACEHOLDER = re.compile(r"(?:^|[\s{:])(?:rules|site)\.\w")
_IMAGE = re.compile(r"!\[[^\]]*\]\([ \t]*<?([^)\s>]*)")
_LINK_TARGET = re.compile(r"\]\([ \t]*<?([^)\s>]*)|^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(\S*)", re.M)


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Character ranges of inline code (`…`, ``…``) in one line."""
    spans, index = [], 0
    while (start := line.find("`", index)) != -1:
        run = len(line[start:]) - len(line[start:].lstrip("`"))
        end = line.find("`" * run, start + run)
        while end != -1 and line[end + run:end + run + 1] == "`":
            end = line.find("`" * run, end + run + 1)
        if end == -1:
            break
        spans.append((start, end + run))
        index = end + run
    return spans


def _prose_lines(lines: list[str]) -> Iterator[int]:
    """Indexes of lines outside fenced code blocks."""
    fence = ""
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            continue
        if match:
            fence = match.group(1)
            continue
        yield index


def _masked(line: str) -> str:
    """The line with code spans, comments and autolinks blanked out (same length), and
    backslash-escaped characters too, so what is left is what Markdown reads as markup."""
    chars = list(line)
    for start, end in _code_spans(line):
        chars[start:end] = " " * (end - start)
    text = "".join(chars)
    for pattern in (_COMMENT, _AUTOLINK, _PLACEHOLDER):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return _ESCAPE.sub("  ", text)


def attribute_list_problem(attr_list: str) -> str | None:
    """Why an attribute list (``{: #id .class lang=en }``) is refused, or None."""
    if _NEAR_PLACEHOLDER.search(attr_list):
        return None  # {rules.x}: a placeholder's braces gone wrong, which examples reports
    for match in _ATTR_TOKEN.finditer(attr_list.strip("{}:")):
        token, key = match.group(0), match.group(1)
        if key is None and token[0] in "#.":
            if token[0] == "#" and html_net.reserved_id(token[1:]):
                return f"id {token!r} is one the theme or our scripts use"
            continue
        name = (key or token).lower()
        if name not in ATTRIBUTE_KEYS:
            return f"attribute {name!r} in {attr_list[:40]!r} is not allowed"
    return None


def check_markdown(markdown: str, path: str, first_line: int = 1) -> tuple[str, list[Finding]]:
    """Refuse raw HTML, unsafe attribute lists and script links; return the Markdown with
    each of them made inert (shown as text) and one finding per construct.

    ``first_line`` is the file line of ``markdown``'s first line (front matter removed).
    """
    lines = markdown.split("\n")
    findings: list[Finding] = []
    # Multi-line comments: blank them out before looking at single lines.
    joined = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), markdown)
    visible = joined.split("\n")
    for index in _prose_lines(lines):
        line, number = lines[index], first_line + index
        masked = _masked(visible[index])
        cuts: list[int] = []
        tags: list[str] = []
        for match in _TAG.finditer(masked):
            if match.group(1).lstrip("/").lower() in ALLOWED_ELEMENTS:
                continue
            cuts.append(match.start())
            tags.append(re.match(r"<[^>]{0,30}>?", line[match.start():]).group(0))
        if tags:
            findings.append(Finding(
                path, number, f"raw HTML {', '.join(tags[:3])} is not allowed in pages "
                "(it could run script or break the layout)",
                "write it in Markdown; to show the characters, put them in `code` or write "
                "&lt; — if a page truly needs an element, ask us to allow it"))
        for match in _ATTR_LIST.finditer(masked):
            bad = attribute_list_problem(match.group(0))
            if bad:
                cuts.append(match.start())
                findings.append(Finding(
                    path, number, f"{bad} (event handlers, styles, links, sources and the "
                    "theme's ids cannot be set this way)",
                    "remove it; use { .class }, { #id } or { lang=en } only"))
        for match in _IMAGE.finditer(masked):
            target = line[match.start(1):match.end(1)]
            if foreign_url(target) and not dangerous_url(target):  # dangerous: see links
                cuts.append(match.start())
                findings.append(Finding(
                    path, number, f"image {match.group(1)[:50]!r} is on another host: every "
                    "reader's phone would call that host (and tell it who reads this page)",
                    "save the image in docs/<edition>/ and link it by its path, or link to "
                    "the address as text"))
        for match in _LINK_TARGET.finditer(masked):
            target = match.group(1) if match.group(1) is not None else match.group(2)
            if target and dangerous_url(line[match.start(1 if match.group(1) is not None
                                                          else 2):][:len(target)]):
                cuts.append(match.start(1 if match.group(1) is not None else 2))
                findings.append(Finding(
                    path, number, f"link target {target[:40]!r} runs script or embeds data",
                    "link to a page of this site or to an https:// address"))
        if cuts:
            lines[index] = _inert(line, cuts)
    return "\n".join(lines), findings


def _inert(line: str, cuts: list[int]) -> str:
    """Make each refused construct show as text: '<' and '{' become entities, and a
    link target loses its scheme colon."""
    chars = list(line)
    for cut in sorted(set(cuts), reverse=True):
        char = chars[cut]
        if char == "<":
            chars[cut] = "&lt;"
        elif char == "{":
            chars[cut] = "&#123;"
        elif char == "!":
            chars[cut] = "&#33;"
        else:
            chars[cut:cut] = ["#blocked:"]
    return "".join(chars)


# -- the net: the rendered page, as a browser parses it (klarinfo.safety.html_net) --------

sanitize_html = html_net.sanitize_html
