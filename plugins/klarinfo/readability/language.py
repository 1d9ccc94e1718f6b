"""Find text written in the wrong language: a Swedish paragraph left in a Somali page,
an English page filed under ``docs/ar/``.

Translations come from outside agencies and are copied between files by hand, so a
page marked ``reviewed`` can still hold a paragraph in another language. Each prose
block (``prose.extract``: no code, tables, URLs, front matter or HTML comments, so the
Swedish paragraphs a translation scaffold keeps as comments are not read) is given to
lingua, a statistical language identifier that knows Somali and Arabic, after removing
what is the same in every language: glossary terms of the page's and the Swedish
edition (translators gloss the Swedish term, "(förvaltningslagen)"), proper names
(capitalised words inside a sentence), short asides in brackets, numbers and markup.
Blocks with too few words left are not judged; the page as a whole is judged too, so
a page made only of short lines in the wrong language is still caught.

A deliberate quotation in another language is marked in Markdown with an attribute
list, ``{ lang=sv }`` on its own line right under the paragraph (or at the end of a
heading): the browser then also knows its language (screen readers switch voice), and
this check expects that language there.

Calibration (``scripts/calibrate_language.py``, every page in ``docs/*/``, lingua 2.1.1
in low-accuracy mode choosing between ``CANDIDATES``): see ``MIN_WORDS`` and
``MIN_CONFIDENCE`` for the figures.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from html import unescape
from typing import Any

from babel import Locale

from klarinfo.base import prose, sentences
from klarinfo.base.errors import Finding
from klarinfo.glossary import Matcher

#: Languages the identifier chooses between by default: the languages the site is written
#: in (the plugin passes its editions' languages). Measured on our pages, adding the
#: languages most like ours (Danish, Norwegian, German) only adds false alarms on short
#: paragraphs (English "Here is the code for each page in English:" read as German,
#: Swedish headings as Norwegian) and finds no mistake we make: text pasted into the
#: wrong edition is in another of our own languages.
CANDIDATES = ("sv", "en", "ar", "so")

#: A block is judged only with at least this many words left after names, terms and
#: numbers are removed. Calibration on every page in docs/*/ (low-accuracy mode):
#: with 5 words the lowest confidence any real block gives its own language is 0.676
#: ("Why the way you share matters"); with 4 words it drops to 0.341 ("Write to us
#: at", the address removed); a block in another of our languages gives < 0.01.
MIN_WORDS = 5

#: A block is reported when its own language gets less confidence than this: far
#: below every real block (0.676, see above), far above a wrong one (< 0.01).
MIN_CONFIDENCE = 0.3

#: A sentence of a block with several is judged on its own with at least this many
#: words left: one Swedish sentence in a Somali paragraph leaves the paragraph's reading
#: at 1.0 Somali (lingua follows the longest language in a mix). Calibration on every
#: sentence of docs/*/ (2026-12-08): with 8 words the lowest confidence a real sentence
#: gives its own language is 0.717 (English with the Swedish agency name "för digital
#: förvaltning"); with 7 it is 0.007 (Somali with that name), so 7 would be a false
#: alarm on a sentence we wrote; a Swedish sentence in a Somali paragraph gives < 0.01.
MIN_SENTENCE_WORDS = 8

_ATTR_LANG = re.compile(r"\{:?[^{}\n]*\blang=[\"']?([A-Za-z]{2,3})(?:-[\w-]+)?[\"']?[^{}\n]*\}")
_ATTR_LIST = re.compile(r"\{:?\s*[.#\w][^{}\n]*\}")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_BRACKETED = re.compile(r"\(([^()]*)\)")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?")
_STARTS_SENTENCE = re.compile(r"[.!?:;…\n]")  # between two words: the second one starts one
_ASIDE_WORDS = 4
#: A list item that cites a source: a date read (2026-11-23), a statute or report number
#: (2010:110, 2004:10, prop. 2025/26:1) or a year of publication in brackets. Cited titles keep the
#: language they were published in, so these items are not judged.
_CITATION = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{4}(?:/\d{2})?:\d+|\(\d{4}\)")


@dataclass(frozen=True)
class Reading:
    """What the identifier made of one block (or of the page's short blocks together,
    ``kind='page'``)."""

    line: int
    kind: str
    text: str  # the words judged, after names, terms and numbers were removed
    expected: str
    found: str
    confidence: float  # of the expected language, 0..1

    @property
    def wrong(self) -> bool:
        return self.found != self.expected and self.confidence < MIN_CONFIDENCE


@cache
def _detector(candidates: tuple[str, ...]) -> Any:
    """Built once per process: low-accuracy mode loads in ~0.15 s and ~30 MiB (high
    accuracy: ~3 s and ~190 MiB) and separates our languages just as well on
    paragraphs of ``MIN_WORDS`` words or more (see the calibration above)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code))
                 for code in candidates]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@cache
def supported(code: str) -> bool:
    """Whether lingua knows a language (an edition in a language it does not know is
    simply not checked)."""
    from lingua import IsoCode639_1, Language

    try:
        Language.from_iso_code_639_1(IsoCode639_1.from_str(code))
    except (ValueError, AttributeError):
        return False
    return True


def confidences(text: str, candidates: Sequence[str] = CANDIDATES) -> dict[str, float]:
    """ISO 639-1 code → confidence (0..1, summing to 1) for a text."""
    detector = _detector(tuple(sorted(set(candidates))))
    return {value.language.iso_code_639_1.name.lower(): value.value
            for value in detector.compute_language_confidence_values(text)}


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _without_names(text: str) -> str:
    """Drop capitalised words that do not start a sentence (names of agencies, places,
    people) and words with capitals inside (acronyms: CSN, LSS, BankID)."""
    kept: list[str] = []
    start = 0  # of the text not yet copied to ``kept``
    last = 0  # end of the previous word
    for match in _WORD.finditer(text):
        word = match.group(0)
        # islower() is true only without upper- or titlecase letters: most words, at C speed
        if not word.islower() and (
                any(ch.isupper() for ch in word[1:])
                or (word[0].isupper()
                    and not (last == 0 or _STARTS_SENTENCE.search(text, last, match.start())))):
            kept.append(text[start:match.start()])
            start = match.end()
        last = match.end()
    kept.append(text[start:])
    return "".join(kept)


def judged_text(text: str, matchers: Sequence[Matcher] = ()) -> str:
    """The words of a block that say which language it is in (markup, spelled as tags
    or as entities, says nothing about that)."""
    text = _TAG.sub(" ", unescape(_ATTR_LIST.sub(" ", text)))
    text = _BRACKETED.sub(
        lambda m: " " if len(m.group(1).split()) <= _ASIDE_WORDS else f" {m.group(1)} ", text)
    for matcher in matchers:
        for hit in matcher.find(text):
            text = _blank(text, hit.start, hit.end)
    text = _without_names(text)
    return " ".join(_WORD.findall(text))


def _declared(markdown_lines: list[str], line: int) -> str | None:
    """A language set on the block with an attribute list, ``{ lang=sv }``."""
    for raw in markdown_lines[line - 1:]:
        if not raw.strip():
            break
        found = _ATTR_LANG.search(raw)
        if found:
            return found.group(1).lower()
    return None


def _read(line: int, kind: str, text: str, expected: str,
          candidates: Sequence[str]) -> Reading:
    values = confidences(text, candidates)
    found = max(values, key=values.__getitem__) if values else expected
    return Reading(line, kind, text, expected, found, values.get(expected, 0.0))


def readings(markdown: str, language: str, matchers: Sequence[Matcher] = (),
             min_words: int = MIN_WORDS, candidates: Sequence[str] = CANDIDATES
             ) -> list[Reading]:
    """Every block long enough to judge, then the short blocks of the page judged
    together (``kind='page'``), so a page of short lines is judged too.

    Long blocks are not added to the joint reading: lingua's confidence on a mix
    follows the longest language in it, so one wrong paragraph would also mark the
    whole page wrong. ``language`` is the edition's language (``sv`` for easy-read
    Swedish too); ``matchers`` find the glossary terms to ignore; ``candidates`` are
    the languages to choose between (ISO 639-1).
    """
    expected = language.split("-")[0].lower()
    if not supported(expected):
        return []
    candidates = tuple(sorted(c for c in {*candidates, expected} if supported(c)))
    lines = markdown.split("\n")
    out: list[Reading] = []
    short: list[str] = []
    first_short = 0
    for block in prose.extract(markdown):
        if block.kind == "item" and _CITATION.search(block.text):
            continue
        text = judged_text(block.text, matchers)
        declared = _declared(lines, block.line)
        if declared is not None and declared not in candidates:
            continue  # a language we do not identify: trust the writer
        if len(text.split()) >= min_words:
            reading = _read(block.line, block.kind, text, declared or expected, candidates)
            out.append(reading)
            if not reading.wrong and declared is None:  # a quotation is judged whole
                out += _wrong_sentences(block, declared or expected, matchers, candidates)
        elif declared is None and text:
            short.append(text)
            first_short = first_short or block.line
    joined = " ".join(short)
    if len(joined.split()) >= min_words:
        out.append(_read(first_short, "page", joined, expected, candidates))
    return out


def _wrong_sentences(block: prose.Block, expected: str, matchers: Sequence[Matcher],
                     candidates: Sequence[str]) -> list[Reading]:
    """The sentences of a block of several that read as another language on their own."""
    parts = sentences.split_block(block, expected)
    if len(parts) < 2:
        return []
    out = []
    for sentence in parts:
        text = judged_text(sentence.text, matchers)
        if len(text.split()) >= MIN_SENTENCE_WORDS:
            reading = _read(sentence.line, "sentence", text, expected, candidates)
            if reading.wrong:
                out.append(reading)
    return out


def language_name(code: str, locale: str) -> str:
    """A language's name in the reader's language (CLDR via Babel), e.g. Iswiidhish."""
    try:
        return Locale.parse(locale).languages.get(code) or code
    except (ValueError, LookupError):
        return code


def findings(found: Iterable[Reading], path: str, locale: str,
             tr: gettext.NullTranslations) -> list[Finding]:
    """``path:line: this paragraph reads as Swedish, not Somali — translate it …`` in the
    page's language; one finding per wrong block, and one for a page whose short
    blocks together read wrong (at the first of them)."""
    out = []
    for reading in found:
        if not reading.wrong:
            continue
        names = {"found": language_name(reading.found, locale),
                 "expected": language_name(reading.expected, locale)}
        problem = (tr.gettext("the short lines of this page, from here on, read as {found}, "
                              "not {expected}")
                   if reading.kind == "page" else
                   tr.gettext("this sentence reads as {found}, not {expected}")
                   if reading.kind == "sentence" else
                   tr.gettext("this paragraph reads as {found}, not {expected}")).format(**names)
        fix = tr.gettext("translate it into {expected}, or, for a deliberate quotation, put "
                         "{marker} on its own line right under it").format(
            expected=names["expected"], marker=f"{{ lang={reading.found} }}")
        out.append(Finding(path, reading.line, problem, fix))
    return out


def check(markdown: str, path: str, language: str, tr: gettext.NullTranslations,
          matchers: Sequence[Matcher] = (), candidates: Sequence[str] = CANDIDATES
          ) -> list[Finding]:
    """Findings for one page written for an edition whose language is ``language``,
    worded in that language."""
    return findings(readings(markdown, language, matchers, candidates=candidates), path,
                    language, tr)
