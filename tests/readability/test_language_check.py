"""Issue 13, section 3: text in the wrong language — the core check and the real build."""

from __future__ import annotations

import gettext
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from klarinfo.base import project
from klarinfo.editions import messages
from klarinfo.glossary import termbase
from klarinfo.glossary.matching import Matcher
from klarinfo.readability import language as language_check
from sitebuild import ROOT, build, copy_project

SWEDISH = ("Du kan få föräldrapenning när du är hemma med ditt barn i stället för att arbeta.\n"
           "Du ansöker på Mina sidor eller med en blankett som du skickar till oss.")
SOMALI = ("Waxaad heli kartaa lacag marka aad guriga la joogto ilmahaaga halkii aad shaqayn "
          "lahayd.\nWaxaad codsan kartaa bogga ama foom aad noo soo dirto.")
ARABIC = ("يمكنك الحصول على المال عندما تبقى في البيت مع طفلك بدلاً من العمل.\n"
          "يمكنك التقديم عبر الإنترنت أو بنموذج ترسله إلينا.")
ENGLISH = ("You can get money when you stay at home with your child instead of working.\n"
           "You apply online or with a form that you send to us.")
NULL = gettext.NullTranslations()


def _page(*paragraphs: str) -> str:
    return "---\ntitle: X\ntranslation_status: reviewed\n---\n\n# Rubrik\n\n" + "\n\n".join(
        paragraphs) + "\n"


def _matchers(edition: str, lang: str) -> list[Matcher]:
    terms, _ = termbase.load(ROOT / "glossary", project.load(ROOT / "mkdocs.yml").editions())
    return [Matcher(terms, edition, lang), Matcher(terms, "sv", "sv")]


def test_swedish_paragraph_in_a_somali_page_is_flagged_at_its_line():
    page = _page(SOMALI, SWEDISH, SOMALI)
    line = page.split("\n").index(SWEDISH.split("\n")[0]) + 1
    found = language_check.check(page, "docs/so/x.md", "so", NULL)
    assert [f.line for f in found] == [line]
    # language names from CLDR, in the page's language
    assert str(found[0]).startswith(
        f"docs/so/x.md:{line}: this paragraph reads as Iswiidhish, not Soomaali — ")


@pytest.mark.parametrize("lang,text", [("ar", ARABIC), ("so", SOMALI), ("en", ENGLISH),
                                       ("sv", SWEDISH)])
def test_text_in_the_page_language_passes(lang, text):
    assert language_check.check(_page(text, text), f"docs/{lang}/x.md", lang, NULL) == []


def test_an_english_page_filed_as_arabic_fails_per_paragraph():
    found = language_check.check(_page(ENGLISH, ENGLISH), "docs/ar/x.md", "ar", NULL)
    kinds = [f.problem for f in found]
    assert sum("paragraph reads as" in k for k in kinds) == 2
    assert len(found) == 2  # the heading "Rubrik" alone is too short to judge


def test_a_page_of_short_lines_in_the_wrong_language_fails_as_a_whole():
    lines = ["- Du får pengar.", "- Du ansöker nu.", "- Vi skickar ett brev.",
             "- Du svarar oss.", "- Vi betalar i juni."]
    page = _page("\n".join(lines))
    found = language_check.check(page, "docs/so/x.md", "so", NULL)
    line = page.split("\n").index("# Rubrik") + 1
    assert [str(f) for f in found] == [
        f"docs/so/x.md:{line}: the short lines of this page, from here on, read as "
        "Iswiidhish, not Soomaali — translate it into Soomaali, or, for a deliberate "
        "quotation, put { lang=sv } on its own line right under it"]


def test_names_numbers_and_terms_are_not_judged():
    # Swedish names of agencies, glossary terms in Swedish and figures: nothing left to judge
    names = ("Ring Försäkringskassan, Skatteverket och Pensionsmyndigheten på 020-52 10 10, "
             "Kvinnofridslinjen, Terrafem: 1 250.")
    assert language_check.judged_text(names) == "Ring och på"
    terms = "föräldrapenning, bostadsbidrag, tolk, underhållsstöd, sjukpenninggrundande inkomst"
    assert language_check.judged_text(terms, _matchers("so", "so")).split() == []
    somali = ("Waxaad ka codsan kartaa Försäkringskassan lacagta waalidka (föräldrapenning) "
              "iyo kaalmada guriga (bostadsbidrag) bogga Mina sidor.")
    assert language_check.check(_page(somali), "docs/so/x.md", "so", NULL,
                                _matchers("so", "so")) == []


def _without_names_word_by_word(text: str) -> str:
    """The definition, one word at a time: a capitalised word not starting a sentence,
    or a word with a capital after its first letter, is dropped."""
    out, last = [], 0
    for match in language_check._WORD.finditer(text):
        word, between = match.group(0), text[last:match.start()]
        starts = last == 0 or "\n" in between or bool(re.search(r"[.!?:;…]", between))
        dropped = any(c.isupper() for c in word[1:]) or (word[0].isupper() and not starts)
        out.append(between if dropped else between + word)
        last = match.end()
    return "".join(out) + text[last:]


@given(st.lists(st.sampled_from(
    ["Kvinnofridslinjen", "CSN", "BankID", "du", "får", "É", "ǅemal", "ϒ", "ß", "Ⓐ", "x-Y",
     "O'Brien", "الحق", "Waxaad", "1 250", " ", "  ", "\n", ". ", ": ", "…", "(", ")", "-",
     "’", "'", "_", "a_B"]), max_size=30).map("".join))
def test_names_are_dropped_exactly_as_defined_word_by_word(text):
    assert language_check._without_names(text) == _without_names_word_by_word(text)


def test_scaffold_comments_and_cited_titles_are_not_judged():
    comment = "<!--\n" + SWEDISH + "\n-->"
    source = ("- Försäkringskassan: Återrapport, plan för att öka utrikes födda kvinnors "
              "inträde på arbetsmarknaden, 2026-03-17. La akhriyay 2026-11-23.")
    assert language_check.check(_page(comment, SOMALI, source), "docs/so/x.md", "so",
                                NULL) == []


def test_a_quotation_marked_with_its_language_passes_and_is_judged_in_that_language():
    quoted = SWEDISH + "\n{ lang=sv }"
    assert language_check.check(_page(SOMALI, quoted), "docs/so/x.md", "so", NULL) == []
    mislabelled = ENGLISH + "\n{ lang=sv }"
    found = language_check.check(_page(SOMALI, mislabelled), "docs/so/x.md", "so", NULL)
    assert len(found) == 1 and "Ingiriisi, not Iswiidhish" in found[0].problem


def test_findings_are_translated_into_the_page_language():
    tr = messages.translator(ROOT / "locales", "so")
    found = language_check.check(_page(SOMALI, SWEDISH), "docs/so/x.md", "so", tr)
    assert len(found) == 1
    assert "reads as" not in str(found[0]) and "Iswiidhish" in str(found[0])


def test_every_real_page_passes():
    """Calibration guard: no paragraph of our own pages is flagged (see
    scripts/calibrate_language.py for the confidences)."""
    proj = project.load(ROOT / "mkdocs.yml")
    settings = proj.plugin("klarinfo")["editions"]
    flagged = []
    for edition in proj.editions():
        lang = settings[edition]["lang"]
        matchers = _matchers(edition, lang)
        for path in sorted((proj.docs_dir / edition).rglob("*.md")):
            flagged += language_check.check(path.read_text(encoding="utf-8"), str(path), lang,
                                            NULL, matchers)
    assert flagged == []


def _strict_failure(tmp_path, edition: str, name: str, text: str) -> tuple[int, str]:
    proj = copy_project(tmp_path / "project")
    page = proj / "docs" / edition / name
    page.write_text(text, encoding="utf-8")
    result = build(proj, tmp_path / "site", edition=edition)
    return result.returncode, result.output


def test_strict_build_fails_on_swedish_paragraphs_in_a_reviewed_somali_page(tmp_path):
    original = (ROOT / "docs" / "so" / "tolk.md").read_text(encoding="utf-8")
    assert "translation_status: draft" in original
    text = original.replace("translation_status: draft", "translation_status: reviewed")
    swedish = ("Du har rätt att förstå vad en myndighet säger till dig och att själv "
               "berätta det du vill.")
    anchor = "## Codso turjubaan\n\n"
    text = text.replace(anchor, anchor + swedish + "\n\n")
    line = text.split("\n").index(swedish) + 1
    code, output = _strict_failure(tmp_path, "so", "tolk.md", text)
    assert code != 0
    assert re.search(rf"docs/so/tolk\.md:{line}: .*Iswiidhish.*Soomaali", output), output
    assert "Aborted with" in output and not (tmp_path / "site").exists()


def test_strict_build_fails_on_an_english_page_in_the_arabic_edition(tmp_path):
    english = (ROOT / "docs" / "en" / "tolk.md").read_text(encoding="utf-8")
    arabic_head = (ROOT / "docs" / "ar" / "tolk.md").read_text(encoding="utf-8").split(
        "---\n")[1]
    text = "---\n" + arabic_head + "---\n" + english.split("---\n", 2)[2]
    code, output = _strict_failure(tmp_path, "ar", "tolk.md", text)
    assert code != 0
    assert re.search(r"docs/ar/tolk\.md:\d+: .*الإنجليزية", output), output


def test_a_swedish_source_page_in_english_fails(tmp_path):
    text = "---\ntitle: Tolk\n---\n\n# Interpreter\n\n" + ENGLISH + "\n"
    proj = copy_project(tmp_path / "project")
    (proj / "docs" / "sv" / "ny.md").write_text(text, encoding="utf-8")
    result = build(proj, tmp_path / "site", edition="en")
    assert result.returncode != 0
    assert re.search(r"docs/sv/ny\.md:7: .*engelska.*svenska", result.output), result.output


def test_readings_computed_ahead_match_direct_readings(tmp_path):
    """The build's second-core worker (klarinfo.readability.ahead) must not change results,
    including for a planted Swedish paragraph in a Somali page."""
    from pathlib import Path

    from klarinfo.readability import ahead as readability_ahead

    proj = project.load(ROOT / "mkdocs.yml")
    terms, _ = termbase.load(ROOT / "glossary", proj.editions())
    candidates = ("ar", "en", "so", "sv")
    jobs = {"so": readability_ahead.LanguageJob("so", (("so", "so"), ("sv", "sv")), candidates),
            "ar": readability_ahead.LanguageJob("ar", (("ar", "ar"), ("sv", "sv")), candidates)}
    planted = tmp_path / "planted.md"
    planted.write_text(_page(SOMALI, SWEDISH), encoding="utf-8")
    pages = [(e, str(p), f"{e}/{p.name}") for e in ("so", "ar")
             for p in sorted((ROOT / "docs" / e).glob("*.md"))] + [("so", str(planted), "x.md")]
    ahead = readability_ahead.Ahead(pages, {}, jobs, terms)
    try:
        for edition, path, shown in pages:
            direct = language_check.readings(Path(path).read_text(encoding="utf-8"), edition,
                                             _matchers(edition, edition), candidates=candidates)
            computed = ahead.readings(shown)
            assert computed is not None and len(computed) == len(direct), shown
            for a, b in zip(computed, direct, strict=True):
                assert (a.line, a.kind, a.text, a.found, a.wrong) == \
                    (b.line, b.kind, b.text, b.found, b.wrong), shown
                assert a.confidence == pytest.approx(b.confidence, abs=1e-9)
            assert ahead.report(shown) is None  # no readability profiles given
        assert ahead.readings("not/submitted.md") is None
    finally:
        ahead.close()
    assert any(r.wrong for r in language_check.readings(planted.read_text(), "so"))


def test_one_swedish_sentence_in_a_somali_paragraph_is_found(tmp_path):
    """#30: the paragraph still reads as Somali (lingua follows the longest language in
    a mix); the sentence alone does not."""
    original = (ROOT / "docs" / "so" / "tolk.md").read_text(encoding="utf-8")
    lines = original.split("\n")
    at = next(i for i, row in enumerate(lines) if len(row.split()) >= 10
              and not row.startswith(("#", "-", ">", "title", "description")))
    swedish = "Du har rätt att förstå vad en myndighet säger till dig och att berätta."
    lines[at] = lines[at] + "\n" + swedish
    readings = language_check.readings("\n".join(lines), "so")
    sentence = [r for r in readings if r.kind == "sentence" and r.wrong]
    assert [(r.line, r.found) for r in sentence] == [(at + 2, "sv")], readings
    # the paragraph itself still reads as Somali: only the sentence check sees it
    assert not [r for r in readings if r.kind != "sentence" and r.wrong]
    code, output = _strict_failure(tmp_path, "so", "tolk.md", "\n".join(lines))
    assert code != 0
    assert re.search(rf"docs/so/tolk\.md:{at + 2}: weedhan .*Iswiidhish.*Soomaali", output), \
        output


def test_no_sentence_we_wrote_reads_as_another_language():
    """The calibration of MIN_SENTENCE_WORDS, kept: every page of every edition."""
    editions = project.load(ROOT / "mkdocs.yml").editions()
    lang = {"sv-latt": "sv"}
    wrong = [(edition, page.name, r.line, r.text)
             for edition in editions for page in sorted((ROOT / "docs" / edition).glob("*.md"))
             for r in language_check.readings(page.read_text(encoding="utf-8"),
                                              lang.get(edition, edition))
             if r.kind == "sentence"]
    assert wrong == []
