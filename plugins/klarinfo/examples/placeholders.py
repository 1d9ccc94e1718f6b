"""Figures in page text: ``{{ rules.NAME }}`` becomes the value from data/rules.yml.

Pages never type an amount, day count or limit by hand, so next year's update is
one file. The value is formatted for the page's language (Babel): kronor with the
currency, shares as percentages, other numbers with the locale's separators.
``{{ rules.NAME year=2025 }}`` picks a rule year; the default is the newest, which
``{{ rules.year }}`` prints.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping
from html.parser import HTMLParser

from babel.numbers import format_decimal, format_percent

from klarinfo.base.errors import Finding
from klarinfo.examples.money import kronor
from klarinfo.examples.rules import Rules

PATTERN = re.compile(r"\{\{\s*rules\.(?P<name>[a-z0-9_]+)(?:\s+year=(?P<year>\d{4}))?\s*\}\}")
#: Site facts set by the publisher in mkdocs.yml (extra:), e.g. {{ site.contact_email }}.
SITE = re.compile(r"\{\{\s*site\.(?P<name>[a-z0-9_]+)\s*\}\}")


def format_value(value: float, unit: str, locale: str) -> str:
    if unit.startswith("SEK"):
        return kronor(value, locale)
    if unit == "share":
        return format_percent(value, locale=locale, decimal_quantization=False)
    return format_decimal(value, format="#,##0.###", locale=locale)


def expand(markdown: str, path: str, rules: Rules, locale: str, first_line: int = 1,
           site: Mapping[str, object] | None = None) -> tuple[str, list[Finding]]:
    findings: list[Finding] = []
    site = site or {}

    def replace_site(match: re.Match[str]) -> str:
        value = site.get(match.group("name"))
        if value is None or isinstance(value, (dict, list)):
            name = match.group("name")
            findings.append(Finding(path, first_line + markdown.count("\n", 0, match.start()),
                                    f"no site setting '{name}'",
                                    closest("site", name, site,
                                            f"add '{name}:' under extra: in mkdocs.yml")))
            return match.group(0)
        return str(value)

    markdown = SITE.sub(replace_site, markdown)
    default_year = rules.years[-1] if rules.years else None

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        year = int(match.group("year")) if match.group("year") else default_year
        line = first_line + markdown.count("\n", 0, match.start())
        if name == "year":
            return str(year)  # the rule year the page's figures are for
        parameter = rules.parameters.get(name)
        if parameter is None:
            findings.append(Finding(path, line, f"unknown rule parameter '{name}'",
                                    closest("rules", name, [*rules.parameters, "year"],
                                            "use a name from data/rules.yml")))
            return match.group(0)
        if year not in parameter.values:
            findings.append(Finding(path, line, f"'{name}' has no value for {year}",
                                    f"use one of {sorted(parameter.values)}"))
            return match.group(0)
        return format_value(parameter.values[year], parameter.unit, locale)

    return PATTERN.sub(replace, markdown), findings


def closest(kind: str, name: str, names: Collection[str], otherwise: str) -> str:
    """The fix for a misspelt name: the existing name nearest it (difflib), since the
    alphabetically first names said nothing about what the writer meant; else ``otherwise``."""
    close = difflib.get_close_matches(name, [str(n) for n in names], n=1)
    return f"write {{{{ {kind}.{close[0]} }}}} (the closest name)" if close else otherwise


def typed_figures(markdown: str, rules: Rules, smallest: float = 150) -> list[tuple[int, str]]:
    """(line, text) of rule values typed by hand in prose instead of a placeholder.

    Front matter, code blocks, placeholders, link targets and phone numbers are
    skipped; values under ``smallest`` are too common in ordinary text to check.
    """
    values = {value for p in rules.parameters.values() for value in p.values.values()
              if value >= smallest and float(value).is_integer()}
    patterns = []
    for value in sorted(values, reverse=True):
        digits = f"{int(value):,}".replace(",", r"[\s\u00a0\u202f,.]?")
        patterns.append(digits)
    if not patterns:
        return []
    typed = re.compile(rf"(?<![\d:/.,])(?:{'|'.join(patterns)})(?![\d])")
    lines = markdown.split("\n")
    found = []
    fence = None
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    for number, line in enumerate(lines[start:], start=start + 1):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fence = None if fence else stripped[:3]
            continue
        if fence:
            continue
        prose = PATTERN.sub("", line)
        prose = re.sub(r"\]\([^)]*\)", "]", prose)  # link targets, tel: numbers
        prose = re.sub(r"\[[^\]]*\]\(tel:[^)]*\)", "", prose)
        for match in typed.finditer(prose):
            found.append((number, match.group(0)))
    return found


# --- placeholders nobody filled in ------------------------------------------------------

#: Anything that looks like a placeholder, whatever its spelling: {{ RULES.x }}, {{x}},
#: {{ rules.foo-bar }}, and an opening {{ without its end.
_UNFILLED = re.compile(r"\{\{.*?(?:\}\}|$)", re.MULTILINE)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
LEFTOVER_FIX = ("write {{ rules.name }} with a name from data/rules.yml (lower case) or "
                "{{ site.name }} with a setting under extra: in mkdocs.yml; to show braces "
                "to readers, put them in `code`")


def _blank(text: str) -> str:
    """The text with every character but line breaks replaced by a space."""
    return re.sub(r"[^\n]", " ", text)


def without_code(markdown: str) -> str:
    """The Markdown with fenced code blocks and code spans blanked out, lines and columns
    kept: a page may show ``{{ }}`` as code, and readers see it as code."""
    lines, fence = markdown.split("\n"), None
    for index, raw in enumerate(lines):
        match = _FENCE.match(raw)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            lines[index] = _blank(raw)
        elif match:
            fence, lines[index] = match.group(1), _blank(raw)
    text = "\n".join(lines)
    return _CODE_SPAN.sub(lambda m: _blank(m.group(0)), text)


#: A placeholder with the right name but the wrong braces: ``{rules.x}``, ``{ { rules.x } }``,
#: ``{{rules.x}``, ``{{ rules.x }``. Markdown prints them as they are (or reads a single
#: ``{…}`` as attributes), so readers would see braces where the figure belongs.
_NEAR_MISS = re.compile(r"\{[ \t{]*(?P<kind>rules|site)\.(?P<name>[a-z0-9_]+)"
                        r"(?P<year>[ \t]+year=\d{4})?[ \t}]*\}")


def near_misses(prose: str, path: str, first_line: int = 1,
                names: Mapping[str, Collection[str]] | None = None
                ) -> tuple[str, list[Finding]]:
    """Findings for each near miss in ``prose`` (code already blanked), and the prose with
    them blanked so the scan for leftover ``{{`` does not report them a second time.
    ``names``: the known names per kind, to suggest the closest to a misspelt one."""
    findings = []
    wrong = [m for m in _NEAR_MISS.finditer(prose)
             if not (PATTERN.fullmatch(m.group(0)) or SITE.fullmatch(m.group(0)))]
    for match in wrong:
        kind, name = match.group("kind"), match.group("name")
        known = (names or {}).get(kind, ())
        if name not in known:
            name = (difflib.get_close_matches(name, list(known), n=1) or [name])[0]
        right = f"{{{{ {kind}.{name}{match.group('year') or ''} }}}}"
        line = first_line + prose.count("\n", 0, match.start())
        findings.append(Finding(path, line, f"{match.group(0)!r} is not a placeholder: its "
                                "braces are wrong, so readers would see them",
                                f"write {right}"))
    for match in wrong:
        prose = prose[:match.start()] + _blank(match.group(0)) + prose[match.end():]
    return prose, findings


def unfilled(markdown: str, path: str, first_line: int = 1,
             names: Mapping[str, Collection[str]] | None = None) -> list[Finding]:
    """Every ``{{`` left in page text after placeholders were filled in, outside code,
    and every placeholder written with the wrong braces (:func:`near_misses`).

    A well-formed ``{{ rules.x }}`` or ``{{ site.x }}`` still there had an unknown name
    and :func:`expand` reported it already; everything else is reported here.
    """
    prose, findings = near_misses(without_code(markdown), path, first_line, names)
    for match in _UNFILLED.finditer(prose):
        text = markdown[match.start():match.end()].strip()
        if PATTERN.fullmatch(text) or SITE.fullmatch(text):
            continue
        line = first_line + prose.count("\n", 0, match.start())
        findings.append(Finding(path, line, f"placeholder {text[:60]!r} was not filled in; "
                                "readers would see the raw braces", LEFTOVER_FIX))
    return findings


class _TextWithBraces(HTMLParser):
    """Text and attribute values a reader can see or hear, outside code, with ``{{``."""

    SKIP = {"code", "pre", "script", "style", "textarea", "template"}
    SHOWN = {"title", "alt", "aria-label", "content", "placeholder", "value"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.depth += 1
        for name, value in attrs:
            if name in self.SHOWN and value and "{{" in value:
                self.found.append(value.strip())

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth and "{{" in data:
            self.found.append(data.strip())


def unfilled_in_html(html: str) -> list[str]:
    """Snippets of the built page's text that still hold ``{{``: a last net for braces
    that reached the page by another way than its Markdown body (a title, a template)."""
    if "{{" not in html:
        return []
    parser = _TextWithBraces()
    parser.feed(html)
    parser.close()
    return [snippet for text in parser.found for snippet in unfilled_in_text(text)]


def unfilled_in_text(text: str) -> list[str]:
    """Each ``{{ … }}`` (or a ``{{`` without its end) in plain text, at most 60 characters."""
    return [match.group(0)[:60] for match in _UNFILLED.finditer(text)]
