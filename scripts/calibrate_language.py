"""Confidence of each page's own language, per judged paragraph, for every page in docs/*/.

Justifies the limits in plugins/klarinfo/language_check.py: every real paragraph
must give its expected language a confidence well above ``MIN_CONFIDENCE``.

    python scripts/calibrate_language.py            # the 15 lowest blocks and a summary
    python scripts/calibrate_language.py --all      # every judged block
    python scripts/calibrate_language.py --min-words 3   # what shorter blocks would give

Exit status 1 when a real page would be flagged.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from klarinfo.base import project
from klarinfo.glossary import termbase
from klarinfo.glossary.matching import Matcher
from klarinfo.readability import language as language_check

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("--all", action="store_true", help="print every judged block")
    parser.add_argument("--min-words", type=int, default=language_check.MIN_WORDS)
    args = parser.parse_args(argv)
    proj = project.load(Path(args.config))
    settings = proj.plugin("klarinfo").get("editions", {})
    editions = proj.editions()
    default = proj.default_edition()
    terms, _ = termbase.load(proj.root / proj.plugin("klarinfo").get("glossary_dir", "glossary"),
                             editions, proj.root)
    started = time.perf_counter()
    rows: list[tuple[str, language_check.Reading]] = []
    for edition in editions:
        lang = str(settings.get(edition, {}).get("lang", edition))
        matchers = [Matcher(terms, edition, lang)]
        if edition != default:
            matchers.append(Matcher(terms, default, "sv"))
        for path in sorted((proj.docs_dir / edition).rglob("*.md")):
            text = path.read_text(encoding="utf-8")
            found = language_check.readings(text, lang, matchers, args.min_words)
            rows += [(str(path.relative_to(proj.root)), r) for r in found]
    elapsed = time.perf_counter() - started
    rows.sort(key=lambda row: row[1].confidence)
    shown = rows if args.all else rows[:15]
    for path, r in shown:
        flag = "FLAG" if r.wrong else "ok  "
        print(f"{flag} {r.confidence:6.3f} {r.expected}→{r.found} {path}:{r.line} "
              f"[{r.kind}] {r.text[:70]}")
    blocks = [r.confidence for _, r in rows if r.kind != "page"]
    pages = [r.confidence for _, r in rows if r.kind == "page"]
    print(f"\n{len(blocks)} blocks judged (min_words={args.min_words}); "
          f"{len(pages)} pages. Expected-language confidence: blocks min "
          f"{min(blocks):.3f}, median {statistics.median(blocks):.3f}; pages min "
          f"{min(pages):.3f}. Limit {language_check.MIN_CONFIDENCE}. {elapsed:.2f} s.")
    return 1 if any(r.wrong for _, r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
