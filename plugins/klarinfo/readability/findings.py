"""Readability reports as text: findings for the build log, a table for `make readability`.

Findings are in the language of the page (the writer's language), numbers are
formatted for that language with Babel, and every line starts with path:line so
editors can jump to it.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable

from babel.numbers import format_decimal

from klarinfo.base.sentences import Sentence
from klarinfo.readability.score import PageReport, Score

EXCERPT = 90


def metric_name(metric: str, tr: gettext.NullTranslations) -> str:
    names = {
        "lix": tr.gettext("LIX"),
        "long_words_percent": tr.gettext("long words (%)"),
        "mean_sentence_words": tr.gettext("words per sentence"),
        "flesch_reading_ease": tr.gettext("Flesch Reading Ease"),
        "flesch_kincaid_grade": tr.gettext("Flesch–Kincaid grade"),
        "osman": tr.gettext("OSMAN"),
        "sentence_words": tr.gettext("words in one sentence"),
    }
    return names.get(metric, metric)


def _number(value: float, locale: str) -> str:
    return format_decimal(round(value, 1), format="#,##0.#", locale=locale)


def _excerpt(sentence: Sentence) -> str:
    text = sentence.text
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _sentence_detail(sentence: Sentence, long_letters: int, tr: gettext.NullTranslations) -> str:
    words = len(sentence.words)
    long_words = sentence.long_words(long_letters)
    return tr.gettext("{words}, {long}: “{text}”").format(
        words=tr.ngettext("{n} word", "{n} words", words).format(n=words),
        long=tr.ngettext("{n} long word", "{n} long words", long_words).format(n=long_words),
        text=_excerpt(sentence),
    )


def _limit_text(score: Score, locale: str, tr: gettext.NullTranslations) -> str:
    values = {"metric": metric_name(score.metric, tr), "value": _number(score.value, locale),
              "limit": _number(score.limit, locale)}
    if score.direction == "max":
        return tr.gettext("{metric} is {value}; it must be at most {limit}").format(**values)
    return tr.gettext("{metric} is {value}; it must be at least {limit}").format(**values)


def findings(report: PageReport, locale: str, tr: gettext.NullTranslations,
             long_letters: int = 6) -> list[str]:
    """One line per problem, each starting with path:line."""
    return [line for line, _, _ in tagged(report, locale, tr, long_letters)]


def tagged(report: PageReport, locale: str, tr: gettext.NullTranslations,
           long_letters: int = 6) -> list[tuple[str, str, str | None]]:
    """(line, kind, sentence) per problem: the line as ``findings`` gives it, the kind of
    check and the whole sentence it is about (for the preview to highlight), if any."""
    lines: list[tuple[str, str, str | None]] = [
        (str(problem), "source", None) for problem in report.problems]
    failing = [s for s in report.scores if not s.passed]
    anchor = report.worst[0].line if report.worst else 1
    for score in failing:
        lines.append((f"{report.path}:{anchor}: {_limit_text(score, locale, tr)} — "
                      + tr.gettext("make the sentences below shorter and use shorter words"),
                      "readability.score", None))
        for sentence in report.worst:
            lines.append((f"{report.path}:{sentence.line}:   "
                          + _sentence_detail(sentence, long_letters, tr),
                          "readability.detail", sentence.text))
    for sentence in report.long_sentences:
        lines.append((
            f"{report.path}:{sentence.line}: "
            + tr.gettext("this sentence has {words} words; the limit is {limit}").format(
                words=len(sentence.words), limit=report.sentence_limit)
            + " — " + tr.gettext("split it into shorter sentences: “{text}”").format(
                text=_excerpt(sentence)), "readability.sentence", sentence.text))
    for override in report.overrides:
        lines.append((
            f"{report.path}: "
            + tr.gettext("limit for {metric} changed from {default} to {value}: {reason}").format(
                metric=metric_name(override.metric, tr), default=_number(override.default, locale),
                value=_number(override.value, locale), reason=override.reason),
            "readability.override", None))
    return lines


def table(reports: Iterable[PageReport]) -> str:
    """Page × edition × score × limit × verdict, for people reading a terminal."""
    rows = [("page", "edition", "metric", "score", "limit", "verdict")]
    for report in reports:
        checks = [(metric_name(s.metric, gettext.NullTranslations()), s.value,
                   f"{'≤' if s.direction == 'max' else '≥'} {s.limit:g}"
                   + (" *" if s.overridden else ""), s.passed if s.enforced else None)
                  for s in report.scores]
        if report.sentence_limit:
            checks.append(("longest sentence", report.longest, f"≤ {report.sentence_limit}",
                           not report.long_sentences))
        if report.problems:
            checks.append(("front matter", float("nan"), "-", False))
        for name, value, limit, passed in checks:
            rows.append((report.path, report.edition, name,
                         "-" if value != value else f"{value:.1f}", limit,
                         {True: "pass", False: "FAIL", None: "short"}[passed]))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.append("\n* limit changed in the page's front matter (with a reason); short: page "
                 "under min_words, formula shown but not enforced")
    return "\n".join(lines)
