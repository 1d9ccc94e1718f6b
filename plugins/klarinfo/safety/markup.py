"""Keep script out of pages: raw HTML in Markdown is refused, and the rendered page is checked.

Why: translated pages come from outside agencies, and Python-Markdown passes raw HTML,
``{: onclick=… }`` attribute lists and ``javascript:`` links straight into the page. A
page that needs markup Markdown cannot write is rare enough to go through us, so the
allowlist of raw HTML is empty: only comments pass (the translation scaffold uses them).

Two layers. :func:`check_markdown` reads the source, where it can name the line, and
returns the text with every refused construct made inert, so even a non-strict preview
shows it as text. :func:`sanitize_html` is the net under it: it reads the HTML the page
became and removes whatever could still run (a construct the source scan did not
foresee); the Content-Security-Policy is the net under that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape, unescape

from klarinfo.base.errors import Finding
from klarinfo.base.html_rewrite import Attributes, Rewriter

#: Raw HTML elements a page may use. Empty on purpose (see the module docstring);
#: add a name here only with a reason, and never one that can run or load anything.
ALLOWED_ELEMENTS: frozenset[str] = frozenset()

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A tag start as the HTML parser sees one: '<' then a letter, '/', '!' or '?'.
_TAG = re.compile(r"<(/?[A-Za-z][A-Za-z0-9:-]*|![A-Za-z\[]|\?)")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?=[.#\w])[^{}\n]*\}")
_ATTR_REFUSED = re.compile(r"(?:^|[\s{:])(on[a-z]+|style|srcdoc|href|src|action|formaction|"
                           r"xlink:href)[ \t]*=", re.I)
_LINK_TARGET = re.compile(r"\]\([ \t]*<?([^)\s>]*)|^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(\S*)", re.M)
_DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file):", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def dangerous_url(url: str) -> bool:
    """True if a link target would run script (however it is spelled: entities,
    tabs and control characters are ignored by browsers, so they are ignored here)."""
    return bool(_DANGEROUS_SCHEME.match(_INVISIBLE.sub("", unescape(url))))


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
    for pattern in (_COMMENT, _AUTOLINK):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return re.sub(r"\\.", "  ", text)


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
            bad = _ATTR_REFUSED.search(match.group(0))
            if bad:
                cuts.append(match.start())
                findings.append(Finding(
                    path, number, f"attribute {bad.group(1)!r} in {match.group(0)[:40]!r} is "
                    "not allowed (event handlers, styles and links cannot be set this way)",
                    "remove it; use { .class } or { #id } only"))
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
        else:
            chars[cut:cut] = ["#blocked:"]
    return "".join(chars)


# -- the net: the rendered page ----------------------------------------------------------

#: Elements that can run script, load another document, or submit data.
_FORBIDDEN = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
              "form", "meta", "link", "style", "template", "noscript", "portal", "math",
              # SVG animation can set an href to javascript:, foreignObject nests HTML
              "animate", "set", "animatemotion", "animatetransform", "foreignobject",
              "handler"}
#: Elements whose content the parser hands over as raw text.
_RAW_TEXT = {"script", "style"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data",
                   "background", "cite", "ping"}


class _Sanitizer(Rewriter):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.raw_text = False  # inside a refused <script> or <style>: its text is escaped

    def start_tag(self, tag: str, attrs: Attributes, close: bool) -> None:
        if tag in _FORBIDDEN:
            self.problems.append(f"<{tag}>")
            self.out.append(escape(self.get_starttag_text() or f"<{tag}>"))
            self.raw_text = self.raw_text or (tag in _RAW_TEXT and not close)
            return
        super().start_tag(tag, attrs, close)

    def attributes(self, tag: str, attrs: Attributes) -> Attributes | None:
        kept: Attributes = []
        for name, value in attrs:
            if name.startswith("on") or name == "srcdoc" or (
                    name in _URL_ATTRIBUTES and value is not None and dangerous_url(value)):
                self.problems.append(f"{name}={(value or '')[:40]!r} on <{tag}>")
                continue
            kept.append((name, value))
        return None if len(kept) == len(attrs) else kept

    def handle_endtag(self, tag):
        if tag in _RAW_TEXT:
            self.raw_text = False
        self.out.append(escape(f"</{tag}>") if tag in _FORBIDDEN else f"</{tag}>")

    def handle_data(self, data):
        self.out.append(escape(data, quote=False) if self.raw_text else data)

    def handle_pi(self, data):
        self.out.append(escape(f"<?{data}>"))

    def unknown_decl(self, data):
        self.out.append(escape(f"<![{data}]>"))


def sanitize_html(html: str) -> tuple[str, list[str]]:
    """The page body without anything that could run script; what was removed, as text."""
    parser = _Sanitizer()
    parser.rewrite(html)
    if parser.rawdata:  # an unfinished tag at the very end
        parser.out.append(escape(parser.rawdata))
    return "".join(parser.out), parser.problems
