"""Issue 3: prose extraction, sentence splitting and the formulas, against hand arithmetic."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from klarinfo.base import prose, sentences
from klarinfo.readability import findings as readability_text
from klarinfo.readability import score as readability
from klarinfo.readability.score import Profile

ROOT = Path(__file__).resolve().parents[2]


def _sentences(markdown: str, language: str = "sv") -> list[sentences.Sentence]:
    return sentences.split(prose.extract(markdown), language)


# --- prose extraction -------------------------------------------------------------------

PAGE = """---
title: Prov
readability: {lix: 45, reason: citat}
---

# Rubrik som inte är en mening

Du får t.ex. 250 kr. per dag i 3,5 månader. Läs [sidan om bidrag](https://example.se/a "titel")
och skriv `kod` eller https://example.se/b här.

| Tabell | med text som inte räknas |
|--------|--------------------------|
| Lång tabelltext här | x |

- Första punkten utan punkt
- Andra punkten som
  fortsätter på nästa rad.

```life-income
preset: mamma-utan-inkomst
```

!!! note "Rubrik i ruta"
    Rutans text är prosa. Den har två meningar.

<!-- en kommentar
över två rader. -->
Sista stycket ![bild](bild.png) med {{ regler.dagar }} dagar.
"""


def test_extraction_keeps_prose_and_line_numbers_and_drops_the_rest():
    blocks = prose.extract(PAGE)
    assert [(b.kind, b.line) for b in blocks] == [
        ("heading", 6), ("paragraph", 8), ("item", 15), ("item", 16),
        ("heading", 23), ("paragraph", 24), ("paragraph", 28),
    ]
    text = " ".join(b.text for b in blocks)
    for gone in ("https", "example.se", "kod", "Tabell", "tabelltext", "preset", "kommentar",
                 "bild", "regler", "title:", "titel"):
        assert gone not in text, gone
    assert "sidan om bidrag" in text


def test_sentences_respect_abbreviations_decimals_and_block_ends():
    found = _sentences(PAGE)
    assert [(s.line, len(s.words)) for s in found] == [
        (8, 10),  # Du får t.ex. 250 kr. per dag i 3,5 månader.
        (8, 8),   # Läs sidan om bidrag och skriv eller här.  (URL and code dropped)
        (15, 4),  # a list item ends a sentence without a full stop
        (16, 7),
        (24, 4),
        (24, 4),
        (28, 5),  # the placeholder counts as one word (a figure)
    ]
    assert found[0].text == "Du får t.ex. 250 kr. per dag i 3,5 månader."


def test_headings_are_not_sentences():
    assert _sentences("# En mycket lång rubrik med många ord i sig\n\nKort text.") and all(
        "rubrik" not in s.text for s in _sentences("# En lång rubrik\n\nKort text."))


def test_english_and_arabic_splitting():
    assert len(_sentences("Ask e.g. the agency. Then wait!", "en")) == 2
    assert len(_sentences("هل تحتاج إلى مترجم؟ اطلب مترجماً. إنه مجاني.", "ar")) == 3


# --- formulas, with the arithmetic written out --------------------------------------------

def test_lix_by_hand():
    # Sentence 1: Katten(6) sitter(6) på mattan(6)              -> 4 words, 0 long (> 6 letters)
    # Sentence 2: Hunden(6) springer(8) snabbt(6) omkring(7) i trädgården(10)
    #                                                            -> 6 words, 3 long
    # LIX = W/S + 100·L/W = 10/2 + 100·3/10 = 5 + 30 = 35
    found = _sentences("Katten sitter på mattan. Hunden springer snabbt omkring i trädgården.")
    words = sum(len(s.words) for s in found)
    long_words = sum(s.long_words() for s in found)
    assert (words, len(found), long_words) == (10, 2, 3)
    assert readability.lix(words, len(found), long_words) == 35


def test_flesch_by_hand():
    # "Parental benefit is money." 4 words, 1 sentence; syllables from the CMU dictionary:
    # pa-ren-tal 3 + ben-e-fit 3 + is 1 + mon-ey 2 = 9
    # FRE  = 206.835 − 1.015·(4/1) − 84.6·(9/4) = 206.835 − 4.06 − 190.35 = 12.425
    # FKGL = 0.39·(4/1) + 11.8·(9/4) − 15.59 = 1.56 + 26.55 − 15.59 = 12.52
    from klarinfo.readability.syllables_en import count

    assert [count(w) for w in ("Parental", "benefit", "is", "money")] == [3, 3, 1, 2]
    assert readability.flesch_reading_ease(4, 1, 9) == pytest.approx(12.425)
    assert readability.flesch_kincaid_grade(4, 1, 9) == pytest.approx(12.52)
    # "The cat sat on the mat. The dog ran to the big red ball." 14 words, 2 sentences,
    # 14 syllables: FRE = 206.835 − 1.015·7 − 84.6·1 = 115.13
    profile = Profile("en", "en", {"flesch_reading_ease": 60}, None, min_words=1)
    report = readability.analyse("The cat sat on the mat. The dog ran to the big red ball.",
                                 "p.md", profile)
    assert report.scores[0].value == pytest.approx(115.13)


# --- pages, profiles, overrides ----------------------------------------------------------

SV = Profile("sv", "sv", {"lix": 40}, 25, min_words=10)


def test_failing_page_reports_score_limit_and_worst_sentences_with_lines():
    hard = ("Text.\n\nFörsäkringskassans handläggningsrutiner beträffande återkravsärenden "
            "förutsätter dokumentationsunderlag avseende inkomstförhållanden, "
            "bostadskostnader samt hushållssammansättning under beslutsperioden, "
            "vilket kontrolleras systematiskt av handläggaren innan utbetalning verkställs "
            "slutgiltigt och beslut slutligen fattas.\n")
    report = readability.analyse(hard, "docs/sv/x.md", SV)
    assert not report.passed
    assert report.worst[0].line == 3
    assert [s.line for s in report.long_sentences] == [3]
    lines = readability_text.findings(report, "sv", gettext.NullTranslations())
    assert lines[0].startswith("docs/sv/x.md:3: LIX is ")
    assert "; it must be at most 40 — make the sentences below shorter" in lines[0]
    assert any(line.startswith("docs/sv/x.md:3: this sentence has 26 words; the limit is 25")
               for line in lines)


def test_override_needs_a_reason_and_is_reported():
    text = "Kort text här. " * 10
    ok = readability.analyse(f"---\nreadability:\n  lix: 60\n  reason: Lagcitat\n---\n{text}",
                             "p.md", SV)
    assert ok.overrides[0].metric == "lix" and ok.overrides[0].value == 60
    assert ok.scores[0].limit == 60 and ok.scores[0].overridden
    bad = readability.analyse(f"---\nreadability:\n  lix: 60\n---\n{text}", "p.md", SV)
    assert not bad.passed
    assert str(bad.problems[0]).startswith("p.md:2: readability override has no reason — ")


def test_short_pages_are_scored_but_not_enforced():
    report = readability.analyse("Försäkringskassan betalar föräldrapenning.", "p.md",
                                 Profile("sv", "sv", {"lix": 40}, 25))
    assert report.scores[0].value > 40 and not report.scores[0].enforced and report.passed


def test_unknown_profile_setting_is_a_finding():
    _, problems = readability.build_profiles({"sv": {"lixx": 3}})
    assert "readability setting 'lixx' for edition 'sv' is unknown" in str(problems[0])


def test_findings_are_in_the_pages_language(tmp_path):
    from pathlib import Path

    from klarinfo.editions import messages

    root = Path(__file__).resolve().parents[2]
    hard = "Ord. " + " ".join(["Försäkringskassans"] * 30) + "."
    report = readability.analyse(hard, "docs/so/x.md",
                                 Profile("so", "so", {"lix": 46}, 22, 7, 10))
    somali = readability_text.findings(report, "so", messages.translator(root / "locales", "so"))
    assert "LIX waa " in somali[0] and "waa inaanu ka badnaan 46" in somali[0]
    assert any("jumladani waxay leedahay 30 eray; xadku waa 22" in line for line in somali)
    swedish = readability_text.findings(
        readability.analyse(hard, "docs/sv/x.md", SV), "sv",
        messages.translator(root / "locales", "sv"))
    assert "LIX är " in swedish[0] and "det får vara högst 40" in swedish[0]


def test_reports_computed_ahead_match_direct_analysis():
    """The build's second-core worker (klarinfo.readability.ahead) must not change results."""
    from klarinfo.base import project
    from klarinfo.readability import ahead as readability_ahead

    proj = project.load(ROOT / "mkdocs.yml")
    profiles, _ = readability.build_profiles(proj.plugin("klarinfo").get("readability"))
    pages = [(e, str(p), f"{e}/{p.name}") for e in ("sv", "ar", "en")
             for p in sorted((ROOT / "docs" / e).glob("*.md"))]
    ahead = readability_ahead.Ahead(pages, profiles)
    try:
        for edition, path, shown in pages:
            direct = readability.analyse(Path(path).read_text(encoding="utf-8"), shown,
                                         profiles[edition])
            assert ahead.report(shown) == direct, shown
        assert ahead.report("not/submitted.md") is None
    finally:
        ahead.close()
