"""Find glossary terms in running text, inflected, in one regex pass per text.

One pattern is compiled per edition from every surface form in the termbase
(preferred, admitted, irregular forms, deprecated), each with that language's
inflection rules, so a page is scanned once however many terms there are.

Swedish: definite, plural and genitive endings, and compounds where the term is
the first part (föräldrapenning → föräldrapenningdagar). A compound tail that
starts like a derivation (-ning, -ande, -ade, -lig …) is not a compound, so
"tolk" does not match "tolkning" (interpretation) or "tolkade" (a verb) but does
match "tolken", "tolkar" and "tolkbokning". Arabic: the conjunctions و/ف, the
prepositions ب/ك/ل and the article ال/لل may precede the term, and pronoun
suffixes may follow it. Somali: definite, subject-case and possessive
suffixes. English: plural and possessive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from klarinfo.glossary.termbase import Termbase

Status = Literal["preferred", "admitted", "deprecated"]

_SV_ENDINGS = (
    "e en ens et ets n ns t ts s na nas ar arna arnas er erna ernas or orna ornas r rna rnas"
).split()
_SV_NOT_COMPOUND = "ning|ningen|ningar|ande|ende|ade|ad|at|else|lig|ig|isk|are|erade"
_SO_ENDINGS = (
    "ka ta ga da ha a kii tii gii dii hii ii ku tu gu du hu u kan tan gan dan han kaas taas "
    "kaaga taada gaaga daada kayga tayda gayga dayda keena teena geena deena kiisa tiisa "
    "giisa diisa keeda teeda kooda tooda kaa taa o yo ooyin yada ada"
).split()
_EN_ENDINGS = ["s", "es", "'s", "’s", "s'", "s’"]
_AR_SUFFIXES = (
    "ه ها هم هما هن ك كم كما ي نا ات ان ين ون ا اً"  # ا: accusative tanween (قرارا)
).split()
_AR_PREFIX = r"(?:[وف])?(?:[بك]?ال|لل|[بكل])?"
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "’": "'"})
_APOSTROPHE = str.maketrans({"’": "'", "ʼ": "'"})


def normalise(text: str, language: str) -> str:
    """Same-length normalisation, so match offsets stay valid in the original text:
    Arabic alef variants, and typographic apostrophes (Somali Hay’adda = Hay'adda)."""
    return text.translate(_ALEF if language == "ar" else _APOSTROPHE)


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _key(text: str, language: str) -> str:
    words = normalise(text, language).lower().split()
    if language == "ar":
        # In Arabic noun–adjective terms every word takes the article: المترجم الفوري.
        words = [_strip_article(w) for w in words]
    return " ".join(words)


def _alternatives(endings: Iterable[str]) -> str:
    return "|".join(re.escape(e) for e in sorted(endings, key=len, reverse=True))


def _trie(bases: Iterable[str], between: str) -> str:
    """One regex alternative per base, as a trie: ``tolk(?:ning|s)?`` rather than
    ``tolkning|tolks|tolk``.

    Why: the engine tries a flat alternation's branches one by one at every position of
    the text; a trie tries only the branches whose first letters are there (2-3 times
    faster on our pages). It finds the same base: at each letter the longer
    continuations come first, as in the flat list sorted longest first, and bases are
    lower case words, so two siblings never match the same letter (a test compares both
    forms on every page). Words inside a base are joined by ``between``.
    """
    root: dict[str, dict] = {}
    for base in bases:
        node = root
        for ch in base:
            node = node.setdefault(ch, {})
        node[""] = {}  # a base ends here

    def pattern(node: dict[str, dict]) -> str:
        branches = [(between if ch == " " else re.escape(ch)) + pattern(child)
                    for ch, child in node.items() if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return pattern(root)


@dataclass(frozen=True)
class Hit:
    term_id: str
    status: Status
    text: str
    start: int
    end: int
    replacement: str | None = None  # the approved term, for deprecated hits


@dataclass(frozen=True)
class _Surface:
    term_id: str
    status: Status
    replacement: str | None


class Matcher:
    """All surface forms of one edition, compiled into one pattern."""

    def __init__(self, termbase: Termbase, edition: str, language: str):
        self.language = language.split("-")[0]
        self.surfaces: dict[str, _Surface] = {}
        approved = {t.id: t.entries[edition].term for t in termbase.terms
                    if edition in t.entries}
        for term in termbase.terms:
            entry = term.entries.get(edition)
            if entry is None:
                continue
            for form in (entry.term, *entry.forms):
                self._add(form, _Surface(term.id, "preferred", None))
            for form in entry.admitted:
                self._add(form, _Surface(term.id, "admitted", None))
            for dep in entry.deprecated:
                self._add(dep.text, _Surface(dep.use, "deprecated", approved.get(dep.use)))
        self.pattern = self._compile()

    def _bases(self, form: str) -> list[str]:
        base = _key(form, self.language)  # Arabic: articles stripped, matched by the pattern
        if self.language == "ar":
            return [base, base[:-1] + "ت"] if base.endswith("ة") else [base]
        if self.language == "sv" and base.endswith("e") and len(base) > 4:
            return [base, base[:-1]]  # handläggare → handläggar-na
        return [base]

    def _add(self, form: str, surface: _Surface) -> None:
        for base in self._bases(form):
            self.surfaces.setdefault(base, surface)

    def _compile(self) -> re.Pattern[str] | None:
        if not self.surfaces:
            return None
        between = r"\s+(?:ال)?" if self.language == "ar" else r"\s+"
        body = _trie(self.surfaces, between)
        if self.language == "sv":
            suffix = (rf"(?:{_alternatives(_SV_ENDINGS)}|s?(?!(?:{_SV_NOT_COMPOUND})(?!\w))"
                      r"[^\W\d_]{3,})?")
            prefix = ""
        elif self.language == "so":
            suffix, prefix = f"(?:{_alternatives(_SO_ENDINGS)})?", ""
        elif self.language == "ar":
            suffix, prefix = f"(?:{_alternatives(_AR_SUFFIXES)})?", _AR_PREFIX
        else:
            suffix, prefix = f"(?:{_alternatives(_EN_ENDINGS)})?", ""
        return re.compile(rf"(?<![^\W_]){prefix}(?P<base>{body}){suffix}(?![^\W_])",
                          re.IGNORECASE)

    def find(self, text: str) -> list[Hit]:
        if self.pattern is None:
            return []
        hits = []
        for match in self.pattern.finditer(normalise(text, self.language)):
            surface = self.surfaces.get(_key(match.group("base"), self.language))
            if surface is None:
                continue
            hits.append(Hit(surface.term_id, surface.status, text[match.start():match.end()],
                            match.start(), match.end(), surface.replacement))
        return hits
