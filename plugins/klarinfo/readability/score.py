"""Readability scores and the findings a writer can act on, per edition.

Each edition has a profile: which formulas apply and their limits. Swedish and
easy-read Swedish use LIX (Björnsson 1968); English uses Flesch Reading Ease and
Flesch–Kincaid grade; Arabic uses OSMAN (El-Haj & Rayson 2016) through
textstat's Arabic counters; Somali, which has no published formula, uses the
share of long words. Every edition also limits sentence length, because one
very long sentence is what readers stumble on even when the average is fine.
The limits are documented, with their calibration, in WRITING.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

from klarinfo.base import prose, sentences
from klarinfo.base.errors import Finding
from klarinfo.base.sentences import Sentence

Direction = Literal["max", "min"]

#: Page-level metrics and whether their limit is a maximum or a minimum.
METRICS: dict[str, Direction] = {
    "lix": "max",
    "long_words_percent": "max",
    "mean_sentence_words": "max",
    "flesch_reading_ease": "min",
    "flesch_kincaid_grade": "max",
    "osman": "min",
}
#: Per-sentence limit: no sentence may have more words than this.
SENTENCE_WORDS = "sentence_words"
PROFILE_KEYS = {"language", "long_word_letters", "min_words", SENTENCE_WORDS, *METRICS}
#: Below this many words page-level formulas are shown but not enforced: on a
#: start page of three links, one long word moves LIX by ten points.
MIN_WORDS = 50

#: Defaults; mkdocs.yml (plugins.klarinfo.readability) may change them per edition.
DEFAULT_PROFILES: dict[str, dict[str, Any]] = {
    "sv": {"language": "sv", "lix": 40, SENTENCE_WORDS: 25},
    "sv-latt": {"language": "sv", "lix": 30, SENTENCE_WORDS: 15, "long_words_percent": 20},
    "en": {"language": "en", "flesch_reading_ease": 60, "flesch_kincaid_grade": 8,
           SENTENCE_WORDS: 25},
    "ar": {"language": "ar", "osman": 75, SENTENCE_WORDS: 22},
    "so": {"language": "so", "lix": 46, "long_word_letters": 7, SENTENCE_WORDS: 22},
}


@dataclass(frozen=True)
class Profile:
    edition: str
    language: str
    limits: Mapping[str, float]
    sentence_words: int | None
    long_word_letters: int = 6
    min_words: int = MIN_WORDS


@dataclass(frozen=True)
class Score:
    metric: str
    value: float
    limit: float
    direction: Direction
    overridden: bool = False
    #: False on pages too short for a page-level formula to mean anything.
    enforced: bool = True

    @property
    def within_limit(self) -> bool:
        return self.value <= self.limit if self.direction == "max" else self.value >= self.limit

    @property
    def passed(self) -> bool:
        return self.within_limit or not self.enforced


@dataclass(frozen=True)
class Override:
    metric: str
    default: float
    value: float
    reason: str


@dataclass(frozen=True)
class PageReport:
    path: str
    edition: str
    words: int
    sentence_count: int
    scores: tuple[Score, ...]
    long_sentences: tuple[Sentence, ...]
    worst: tuple[Sentence, ...]
    sentence_limit: int | None
    longest: int = 0
    overrides: tuple[Override, ...] = ()
    problems: tuple[Finding, ...] = field(default=())

    @property
    def passed(self) -> bool:
        return (all(s.passed for s in self.scores) and not self.long_sentences
                and not self.problems)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "edition": self.edition,
            "words": self.words,
            "sentences": self.sentence_count,
            "passed": self.passed,
            "scores": [
                {"metric": s.metric, "value": round(s.value, 1), "limit": s.limit,
                 "direction": s.direction, "passed": s.passed, "enforced": s.enforced,
                 "overridden": s.overridden}
                for s in self.scores
            ],
            "sentence_limit": self.sentence_limit,
            "longest_sentence_words": self.longest,
            "long_sentences": [{"line": s.line, "words": len(s.words), "text": s.text}
                               for s in self.long_sentences],
            "worst_sentences": [{"line": s.line, "words": len(s.words), "text": s.text}
                                for s in self.worst],
            "overrides": [o.__dict__ for o in self.overrides],
            "problems": [str(p) for p in self.problems],
        }


def build_profiles(
    configured: Mapping[str, Mapping[str, Any]] | None, source: str = "mkdocs.yml"
) -> tuple[dict[str, Profile], list[Finding]]:
    """Defaults merged with mkdocs.yml settings; unknown keys are findings, not ignored."""
    findings: list[Finding] = []
    merged: dict[str, dict[str, Any]] = {k: dict(v) for k, v in DEFAULT_PROFILES.items()}
    for edition, raw in (configured or {}).items():
        unknown = set(raw) - PROFILE_KEYS
        for key in sorted(unknown):
            findings.append(Finding(
                source, None,
                f"readability setting '{key}' for edition '{edition}' is unknown",
                f"use one of {', '.join(sorted(PROFILE_KEYS))}",
            ))
        merged.setdefault(edition, {}).update({k: v for k, v in raw.items() if k not in unknown})
    profiles = {}
    for edition, raw in merged.items():
        profiles[edition] = Profile(
            edition=edition,
            language=str(raw.get("language", edition)),
            limits={k: float(v) for k, v in raw.items() if k in METRICS and v is not None},
            sentence_words=raw.get(SENTENCE_WORDS),
            long_word_letters=int(raw.get("long_word_letters", 6)),
            min_words=int(raw.get("min_words", MIN_WORDS)),
        )
    return profiles, findings


# --- formulas ------------------------------------------------------------------------

def lix(words: int, sentence_count: int, long_words: int) -> float:
    """Björnsson's LIX: words per sentence + percentage of long words.

    Björnsson counts words of more than 6 letters; for Somali, whose suffixes make
    everyday words long, the profile raises that to 7 (see WRITING.md).
    """
    return words / sentence_count + 100 * long_words / words


def flesch_reading_ease(words: int, sentence_count: int, syllable_count: int) -> float:
    return 206.835 - 1.015 * (words / sentence_count) - 84.6 * (syllable_count / words)


def flesch_kincaid_grade(words: int, sentence_count: int, syllable_count: int) -> float:
    return 0.39 * (words / sentence_count) + 11.8 * (syllable_count / words) - 15.59


def osman(text: str, words: int, sentence_count: int) -> float:
    """OSMAN (El-Haj & Rayson 2016), textstat's Arabic counters, our sentence split.

    textstat's own ``osman`` splits sentences with a generic rule; we keep the
    rates (complex, long and faseeh words, syllables per word) from textstat and
    use our sentence count, so all editions count sentences the same way.
    """
    from textstat.backend import counts

    n = counts.count_words(text) or 1
    rates = (
        counts.count_complex_arabic_words(text) / n
        + counts.count_arabic_syllables(text) / n
        + counts.count_faseeh(text) / n
        + counts.count_arabic_long_words(text) / n
    )
    return 200.791 - 1.015 * (words / sentence_count) - 24.181 * rates


def _scores(profile: Profile, found: list[Sentence], limits: Mapping[str, float],
            overridden: set[str], long_counts: Mapping[int, int]) -> list[Score]:
    words = sum(len(s.words) for s in found)
    count = len(found)
    long_words = sum(long_counts.values())
    values: dict[str, float] = {}
    for metric in limits:
        if metric == "lix":
            values[metric] = lix(words, count, long_words)
        elif metric == "long_words_percent":
            values[metric] = 100 * long_words / words
        elif metric == "mean_sentence_words":
            values[metric] = words / count
        elif metric in ("flesch_reading_ease", "flesch_kincaid_grade"):
            from klarinfo.readability.syllables_en import count as syllables

            total = sum(syllables(w) for s in found for w in s.words)
            formula = flesch_reading_ease if metric == "flesch_reading_ease" \
                else flesch_kincaid_grade
            values[metric] = formula(words, count, total)
        elif metric == "osman":
            values[metric] = osman(" ".join(s.text for s in found), words, count)
    enforced = words >= profile.min_words
    return [Score(m, values[m], limits[m], METRICS[m], m in overridden, enforced)
            for m in limits]


# --- front matter overrides ----------------------------------------------------------

def _front_matter(markdown: str) -> tuple[dict[str, Any], int]:
    lines = markdown.split("\n")
    end = prose.front_matter_end(lines)
    if not end:
        return {}, 0
    try:
        data = yaml.safe_load("\n".join(lines[1:end - 1])) or {}
    except yaml.YAMLError:
        return {}, 0  # reported by the front-matter check, not here
    return (data if isinstance(data, dict) else {}), end


def _overrides(markdown: str, path: str, profile: Profile
               ) -> tuple[dict[str, float], list[Override], list[Finding]]:
    limits = dict(profile.limits)
    if profile.sentence_words is not None:
        limits[SENTENCE_WORDS] = float(profile.sentence_words)
    if "\nreadability:" not in markdown[:4000]:
        return limits, [], []  # no override: skip parsing the front matter
    meta, _ = _front_matter(markdown)
    raw = meta.get("readability")
    if raw is None:
        return limits, [], []
    line = next((i + 1 for i, text in enumerate(markdown.split("\n"))
                 if text.startswith("readability:")), None)
    if not isinstance(raw, dict):
        return limits, [], [Finding(path, line, "readability override must be a mapping",
                                    "write e.g. 'readability: {lix: 45, reason: …}'")]
    reason = str(raw.get("reason") or "").strip()
    if not reason:
        return limits, [], [Finding(
            path, line, "readability override has no reason",
            "add 'reason:' saying why a reader would accept the harder text, "
            "or remove the override")]
    findings: list[Finding] = []
    overrides: list[Override] = []
    for key, value in raw.items():
        if key == "reason":
            continue
        if key not in limits or not isinstance(value, (int, float)):
            findings.append(Finding(
                path, line, f"readability override '{key}: {value}' is not a limit of this edition",
                f"use a number for one of {', '.join(sorted(limits))}"))
            continue
        overrides.append(Override(key, limits[key], float(value), reason))
        limits[key] = float(value)
    return limits, overrides, findings


# --- analysis ------------------------------------------------------------------------

def analyse(markdown: str, path: str, profile: Profile, worst: int = 3) -> PageReport:
    """Scores, over-long sentences and the worst sentences of one page."""
    limits, overrides, problems = _overrides(markdown, path, profile)
    sentence_limit = limits.pop(SENTENCE_WORDS, None)
    found = sentences.split(prose.extract(markdown), profile.language)
    words = sum(len(s.words) for s in found)
    if not found:
        return PageReport(path, profile.edition, 0, 0, (), (), (), None,
                          overrides=tuple(overrides), problems=tuple(problems))
    overridden = {o.metric for o in overrides}
    long_counts = {id(s): s.long_words(profile.long_word_letters) for s in found}
    scores = _scores(profile, found, limits, overridden, long_counts)
    too_long = tuple(s for s in found if sentence_limit and len(s.words) > sentence_limit)
    ranked = sorted(found, key=lambda s: (len(s.words) + long_counts[id(s)], -s.line),
                    reverse=True)
    return PageReport(
        path=path,
        edition=profile.edition,
        words=words,
        sentence_count=len(found),
        scores=tuple(scores),
        long_sentences=too_long,
        worst=tuple(ranked[:worst]),
        sentence_limit=int(sentence_limit) if sentence_limit else None,
        longest=max(len(s.words) for s in found),
        overrides=tuple(overrides),
        problems=tuple(problems),
    )
