"""Gettext PO catalogs: load them with Babel and check them against their template.

Translators work only in PO files, so every problem in one must point at the
exact line and say what to do. Completeness is checked against the POT template
rather than against English, so an untranslated string is never silently
replaced by English text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po

from klarinfo.base import text_files
from klarinfo.base.errors import Finding, InputError
from klarinfo.editions import placeholders, plural_rules

# Material and our templates mark a count with '#'; a translation that drops it
# shows "sökresultat" with no number.
_PLACEHOLDERS = re.compile(r"#|\{[a-z_]+\}")

# Markup a translation could smuggle in: tags, comments and character references
# (an entity can spell '<' once a template strips tags). Catalogs come from outside
# agencies, so a msgstr may only carry markup its English source carries, verbatim.
_MARKUP = re.compile(r"<[^>]*>?|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def markup_of(text: str) -> list[str]:
    """Tags and character references in a string, as written."""
    return [m for m in _MARKUP.findall(text) if m != "&"]


@dataclass(frozen=True)
class Entry:
    """One translated string with the line it came from, for error messages."""

    context: str
    source: str
    text: str
    line: int | None
    fuzzy: bool
    forms: tuple[str, ...] = ()  # every plural form (msgstr[0..n]) for plural messages
    plural: str = ""  # msgid_plural of a plural message


# Babel's reader is lenient: 'msgstr Raadi' (no quotes) silently loses two letters.
# Every line of a PO file must be a comment, blank, a keyword with one quoted
# string, or a quoted continuation string.
_STRING = r'"(?:[^"\\]|\\.)*"'
_VALID_LINE = re.compile(
    rf"^\s*(#.*|(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+{_STRING}|{_STRING})?\s*$"
)


def _syntax_findings(text: str, shown: str) -> list[Finding]:
    return [
        Finding(
            shown,
            number,
            f"PO syntax error: cannot read {line.strip()[:60]!r}",
            'write each msgctxt, msgid and msgstr as keyword "text" with the text in double '
            'quotes, and escape quotes inside it as \\"',
        )
        for number, line in enumerate(text.splitlines(), start=1)
        if not _VALID_LINE.match(line)
    ]


def load(path: Path, display: str | None = None) -> Catalog:
    """Parse a PO/POT file strictly; a syntax error becomes a Finding with its line."""
    shown = display or str(path)
    try:
        raw = path.read_bytes()
        text = text_files.decode(raw, shown)
        problems = _syntax_findings(text, shown)
        if problems:
            raise InputError(problems)
        with path.open("rb") as fh:
            catalog = read_po(fh, abort_invalid=True)
        # Babel keeps no line for header fields; a wrong Plural-Forms is reported at its own.
        catalog.plural_forms_line = next(  # type: ignore[attr-defined]
            (i for i, line in enumerate(text.splitlines(), start=1) if '"Plural-Forms:' in line),
            None)
        return catalog
    except FileNotFoundError:
        raise InputError(
            Finding(shown, None, "catalog file is missing", "run 'make i18n-update' to create it")
        ) from None
    except PoFileError as exc:
        problem = str(exc).rsplit(" on ", 1)[0]
        raise InputError(
            Finding(
                shown,
                exc.lineno + 1,
                f"PO syntax error: {problem}",
                "compare the line with the entries around it: msgctxt, msgid and msgstr "
                "each take one double-quoted string",
            )
        ) from None


def message_key(context: str | None, msgid: str, keyed_by_context: bool = False) -> str:
    """The key of a string: its msgctxt in a catalog where every string has one (the theme
    domain, where msgctxt is Material's key); else its msgid, after 'context|' for a
    pgettext string (the klarinfo domain, where several strings share a role context)."""
    if keyed_by_context and context:
        return context
    return f"{context}|{msgid}" if context else msgid


def entries(catalog: Catalog) -> dict[str, Entry]:
    """Translated strings keyed by message_key (stable across English edits for the theme)."""
    out: dict[str, Entry] = {}
    messages = [m for m in catalog if m.id]  # without the header
    by_context = all(m.context for m in messages)
    for message in messages:
        key = message_key(message.context, _text(message.id), by_context)
        out[key] = Entry(
            context=key,
            source=_text(message.id),
            text=_text(message.string),
            line=message.lineno,
            fuzzy=message.fuzzy,
            forms=tuple(message.string) if isinstance(message.string, (tuple, list)) else (),
            plural=str(message.id[1]) if isinstance(message.id, (tuple, list))
            and len(message.id) > 1 else "",
        )
    return out


def check(catalog: Catalog, template: Catalog, display: str) -> list[Finding]:
    """Everything a translator must fix before the strings can be shown to readers."""
    have = entries(catalog)
    findings: list[Finding] = []
    last_line = max((e.line or 0 for e in have.values()), default=0)
    for key, wanted in entries(template).items():
        entry = have.get(key)
        unsafe = field_findings(entry, wanted, display) if entry is not None else []
        findings += unsafe
        if entry is None:
            findings.append(
                Finding(
                    display,
                    last_line or None,
                    f"string '{key}' ({wanted.source!r}) is missing",
                    "run 'make i18n-update' to add it, then translate it",
                )
            )
        elif not entry.text.strip() or (entry.forms and not all(f.strip() for f in entry.forms)):
            findings.append(
                Finding(
                    display,
                    entry.line,
                    f"string '{key}' ({wanted.source!r}) is not translated",
                    "write the translation in msgstr",
                )
            )
        elif entry.fuzzy:
            findings.append(
                Finding(
                    display,
                    entry.line,
                    f"string '{key}' is marked fuzzy (the English source changed)",
                    "check the translation, then remove the '#, fuzzy' line",
                )
            )
        elif not unsafe and (set(_PLACEHOLDERS.findall(wanted.source))
                             != set(_PLACEHOLDERS.findall(entry.text))):
            findings.append(
                Finding(
                    display,
                    entry.line,
                    f"string '{key}' must keep the placeholders "
                    f"{_PLACEHOLDERS.findall(wanted.source)} of its source",
                    "put the same placeholders in msgstr",
                )
            )
        if entry is not None:
            findings += _markup_findings(entry, wanted, display)
    return plural_findings(catalog, display) + findings


def field_findings(entry: Entry, wanted: Entry, display: str) -> list[Finding]:
    """Placeholders a msgstr may not carry (see ``placeholders``): every form of it."""
    return placeholders.findings((entry.text, *entry.forms), (wanted.source, wanted.plural),
                                 f"string '{entry.context}'", display, entry.line)


def plural_findings(catalog: Catalog, display: str) -> list[Finding]:
    """The catalog's Plural-Forms against CLDR's rules for its language (n = 0 … 1000)."""
    if catalog.locale is None:
        return []  # a template: no language, no plural forms
    locale = str(catalog.locale)
    mismatch = plural_rules.first_mismatch(catalog.num_plurals, catalog.plural_expr, locale)
    if mismatch is None:
        return []
    order = plural_rules.categories(locale)
    got = ("no form (the formula cannot be read or nplurals is wrong)" if mismatch.got is None
           else f"form {mismatch.got}")
    return [Finding(
        display, getattr(catalog, "plural_forms_line", None),
        f"Plural-Forms does not follow CLDR's plural rules for '{locale}': n={mismatch.n} "
        f"takes {got}, but is '{mismatch.category}' (form {mismatch.want})",
        f'write "Plural-Forms: {plural_rules.expected_header(locale)}\\n" and put the '
        f"msgstr[0…{len(order) - 1}] forms in this order: {', '.join(order)}")]


def _markup_findings(entry: Entry, wanted: Entry, display: str) -> list[Finding]:
    allowed = set(markup_of(wanted.source))
    extra = sorted({m for text in (entry.text, *entry.forms) for m in markup_of(text)} - allowed)
    if not extra:
        return []
    return [Finding(
        display, entry.line,
        f"string '{entry.context}' carries markup its source text does not have: "
        f"{', '.join(repr(m[:40]) for m in extra[:3])}",
        "write plain text (the site escapes it); for quotes use the characters themselves, "
        "not entities")]


def check_domain(
    locales: Path, domain: str, editions: Iterable[str], shown: Path | None = None
) -> tuple[dict[str, Catalog | None], list[Finding]]:
    """Load and check one gettext domain for every edition.

    A broken template is fatal (nothing can be checked against it); a broken or
    incomplete edition catalog is a finding, and its catalog is None if unreadable.
    """
    shown = shown or locales
    template = load(locales / f"{domain}.pot", str(shown / f"{domain}.pot"))
    loaded: dict[str, Catalog | None] = {}
    findings: list[Finding] = []
    for edition in editions:
        rel = Path(edition) / "LC_MESSAGES" / f"{domain}.po"
        try:
            catalog = load(locales / rel, str(shown / rel))
            findings.extend(check(catalog, template, str(shown / rel)))
        except InputError as exc:
            catalog = None
            findings.extend(exc.findings)
        loaded[edition] = catalog
    return loaded, findings


def completeness(catalog: Catalog, template: Catalog) -> tuple[int, int]:
    """(usable, total) strings counted against the template, for status reports."""
    total = len(entries(template))
    return total - len(check(catalog, template, "")), total


def _text(value: str | tuple | list | None) -> str:
    if isinstance(value, (tuple, list)):
        return str(value[0]) if value else ""
    return value or ""


__all__ = ["Catalog", "Entry", "Message", "check", "completeness", "entries", "field_findings",
           "load", "message_key", "plural_findings"]
