"""Calibrate readability limits for languages without an established threshold.

Scores plain-language ("simple") and official-style ("official") samples in
tests/readability/fixtures/calibration/<language>/ and proposes the limit half-way between
the worst simple sample and the best official one, so every simple sample passes
and every official one fails. WRITING.md records the figures this printed.

    python scripts/calibrate_readability.py ar
    python scripts/calibrate_readability.py so
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from klarinfo.base import prose, sentences
from klarinfo.readability import score as readability

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "readability" / "fixtures" / "calibration"


def scores(text: str, language: str, long_letters: int) -> dict[str, float]:
    found = sentences.split(prose.extract(text), language)
    words = sum(len(s.words) for s in found)
    out = {
        "words per sentence": words / len(found),
        "longest sentence": max(len(s.words) for s in found),
        f"long words % (> {long_letters} letters)":
            100 * sum(s.long_words(long_letters) for s in found) / words,
        f"LIX-style (> {long_letters} letters)": readability.lix(
            words, len(found), sum(s.long_words(long_letters) for s in found)),
    }
    if language == "ar":
        out["osman"] = readability.osman(" ".join(s.text for s in found), words, len(found))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", choices=["ar", "so"])
    parser.add_argument("--long-letters", type=int, default=None)
    args = parser.parse_args(argv)
    long_letters = args.long_letters or (7 if args.language == "so" else 6)
    groups: dict[str, list[dict[str, float]]] = {}
    for group in ("simple", "official"):
        files = sorted((SAMPLES / args.language / group).glob("*.txt"))
        groups[group] = [scores(f.read_text(encoding="utf-8"), args.language, long_letters)
                         for f in files]
        print(f"{group}: {len(files)} samples")
    for metric in groups["simple"][0]:
        simple = [s[metric] for s in groups["simple"]]
        official = [s[metric] for s in groups["official"]]
        higher_is_easier = metric == "osman"
        worst_simple = min(simple) if higher_is_easier else max(simple)
        best_official = max(official) if higher_is_easier else min(official)
        separable = worst_simple > best_official if higher_is_easier \
            else worst_simple < best_official
        print(f"{metric:32} simple {statistics.mean(simple):6.1f} "
              f"[{min(simple):.1f}–{max(simple):.1f}]   official "
              f"{statistics.mean(official):6.1f} [{min(official):.1f}–{max(official):.1f}]   "
              + (f"limit {'≥' if higher_is_easier else '≤'} "
                 f"{(worst_simple + best_official) / 2:.1f}" if separable
                 else "groups overlap: not a usable limit"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
