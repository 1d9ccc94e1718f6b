"""Issue 4: termbase validation, inflection-aware matching, collation, first-use markup."""

from __future__ import annotations

import gettext
from html.parser import HTMLParser

import pytest
from klarinfo.base.errors import InputError
from klarinfo.glossary import check as glossary_check
from klarinfo.glossary import page as glossary_page
from klarinfo.glossary.collation import sorted_by
from klarinfo.glossary.markup import Definition, mark_first_uses
from klarinfo.glossary.matching import Matcher
from klarinfo.glossary.termbase import Termbase, parse
from sitebuild import ROOT

EDITIONS = ["sv", "sv-latt", "en", "ar", "so"]

TERMS = """\
terms:
  - id: tolk
    sv: {term: tolk, definition: En person som översätter det som sägs.}
    sv-latt: {term: tolk, definition: En person som översätter.}
    en: {term: interpreter, definition: A person who translates what is said., deprecated: [translator]}
    ar: {term: مترجم, definition: شخص يترجم الكلام.}
    so: {term: turjubaan, definition: Qof turjuma hadalka.}
  - id: foraldrapenning
    sv:
      term: föräldrapenning
      definition: Pengar när du är hemma med ditt barn.
      deprecated: [föräldrapeng, {text: föräldraledighetspenning, use: foraldrapenning}]
    sv-latt: {term: föräldrapenning, definition: Pengar när du är hemma med barnet.}
    en: {term: parental benefit, definition: Money when you stay at home with your child.}
    ar: {term: تعويض الوالدين, definition: مال عندما تبقى في البيت مع طفلك.}
    so: {term: lacagta waalidka, definition: Lacag marka aad guriga la joogto ilmahaaga.}
  - id: forsakringskassan
    sv: {term: Försäkringskassan, definition: Myndigheten som betalar föräldrapenning.}
    sv-latt: {term: Försäkringskassan, definition: En myndighet som betalar pengar.}
    en: {term: Swedish Social Insurance Agency, definition: The agency that pays benefits., admitted: [Försäkringskassan]}
    ar: {term: صندوق التأمينات الاجتماعية, definition: الجهة التي تدفع التعويضات.}
    so: {term: Hay'adda Caymiska Bulshada, definition: Hay'adda bixisa lacagaha.}
  - id: forelder
    sv: {term: förälder, definition: En mamma eller pappa., forms: [föräldern, föräldrar, föräldrarna]}
    sv-latt: {not_used: true, reason: Lättläst säger mamma och pappa.}
    en: {term: parent, definition: A mother or a father.}
    ar: {term: والد, definition: الأم أو الأب.}
    so: {term: waalid, definition: Hooyo ama aabbe.}
"""


@pytest.fixture(scope="module")
def termbase() -> Termbase:
    terms, findings = parse(TERMS, "glossary/t.yml", EDITIONS)
    assert findings == []
    return Termbase(tuple(terms))


def found(termbase, edition, language, text):
    return [(h.text, h.term_id, h.status) for h in Matcher(termbase, edition, language).find(text)]


# --- matching, per language --------------------------------------------------------------

def test_swedish_inflections_compounds_and_no_false_hits(termbase):
    text = ("Tolken och tolkarna kom. Boka en tolkbokning. Tolkningen var svår och vi tolkade. "
            "Föräldrapenningen, föräldrapenningens belopp och föräldrapenningdagar. "
            "Föräldrarna och föräldern. Försäkringskassans beslut.")
    assert found(termbase, "sv", "sv", text) == [
        ("Tolken", "tolk", "preferred"), ("tolkarna", "tolk", "preferred"),
        ("tolkbokning", "tolk", "preferred"),
        ("Föräldrapenningen", "foraldrapenning", "preferred"),
        ("föräldrapenningens", "foraldrapenning", "preferred"),
        ("föräldrapenningdagar", "foraldrapenning", "preferred"),
        ("Föräldrarna", "forelder", "preferred"), ("föräldern", "forelder", "preferred"),
        ("Försäkringskassans", "forsakringskassan", "preferred"),
    ]


def test_swedish_deprecated_variants_inflected(termbase):
    assert found(termbase, "sv", "sv", "Hon fick föräldrapengen och föräldraledighetspenning.") \
        == [("föräldrapengen", "foraldrapenning", "deprecated"),
            ("föräldraledighetspenning", "foraldrapenning", "deprecated")]


def test_arabic_article_and_clitic_prefixes(termbase):
    text = "طلبت المترجم وللمترجم دور. وبتعويض الوالدين ولتعويض الوالدين. ترجمة النص ومترجمه."
    assert [t for t, _, _ in found(termbase, "ar", "ar", text)] == [
        "المترجم", "وللمترجم", "وبتعويض الوالدين", "ولتعويض الوالدين", "ومترجمه"]
    assert found(termbase, "ar", "ar", "أرسل الصندوق رسالة.") == []
    # accusative with tanween written as alef: مترجما
    assert [t for t, _, _ in found(termbase, "ar", "ar", "اطلب مترجما.")] == ["مترجما"]


def test_somali_definite_suffixes(termbase):
    text = "Turjubaanka iyo turjubaanku way yimaadeen. Lacagta waalidka waa muhiim. Waalidka iyo waalidkaaga."
    assert [t for t, _, _ in found(termbase, "so", "so", text)] == [
        "Turjubaanka", "turjubaanku", "Lacagta waalidka", "Waalidka", "waalidkaaga"]


def test_english_plural_possessive_and_deprecated(termbase):
    assert found(termbase, "en", "en", "Interpreters and an interpreter's fee. A translator. "
                 "Parental benefits. Interpretation is different.") == [
        ("Interpreters", "tolk", "preferred"), ("interpreter's", "tolk", "preferred"),
        ("translator", "tolk", "deprecated"), ("Parental benefits", "foraldrapenning", "preferred")]


def test_never_inside_code_urls_or_link_targets(termbase):
    page = ("Läs [mer här](https://example.se/tolk-foraldrapenning) och `tolk` samt "
            "https://x.se/tolken.\n\n```\nföräldrapeng\n```\n\n| Tolk | x |\n|---|---|\n| tolken | y |\n")
    uses = glossary_check.scan(page, Matcher(termbase, "sv", "sv"))
    assert [(u.hit.text, u.line) for u in uses] == [("Tolk", 7), ("tolken", 9)]


# --- termbase validation -----------------------------------------------------------------

def test_termbase_errors_have_lines_and_fixes():
    bad = """\
terms:
  - id: Tolk
  - id: bidrag
    sv: {term: bidrag, definition: Pengar. Mer pengar.}
    sv-latt: {not_used: true}
    en: {term: allowance}
    ar: {term: إعانة, definition: مال., colour: red}
"""
    _, findings = parse(bad, "glossary/x.yml", EDITIONS)
    text = "\n".join(str(f) for f in findings)
    assert "glossary/x.yml:2: term id 'Tolk' is missing or invalid — use lowercase" in text
    assert "glossary/x.yml:4: term 'bidrag', edition 'sv': the definition must be one sentence" \
        in text
    assert "glossary/x.yml:5: term 'bidrag', edition 'sv-latt' is marked not_used without a " \
           "reason" in text
    assert "glossary/x.yml:6: term 'bidrag', edition 'en' has no definition" in text
    assert "glossary/x.yml:7: term 'bidrag', edition 'ar': unknown key 'colour'" in text
    assert "glossary/x.yml:3: term 'bidrag' has no 'so' entry — add 'so:'" in text


def test_yaml_syntax_error_is_located():
    with pytest.raises(InputError) as err:
        parse("terms:\n  - id: a\n    sv: {term: x\n", "glossary/y.yml", EDITIONS)
    # the unclosed flow mapping opens on line 3 (the parser notices at the end, "line 4")
    assert str(err.value).startswith("glossary/y.yml:3: YAML syntax error")


def test_a_form_may_belong_to_one_term_only(tmp_path):
    from klarinfo.glossary.termbase import load

    (tmp_path / "a.yml").write_text(TERMS)
    (tmp_path / "b.yml").write_text(TERMS.replace("id: tolk", "id: tolk2", 1))
    _, findings = load(tmp_path, EDITIONS)
    assert any("'tolk' (sv) belongs to both 'tolk' and 'tolk2'" in str(f) for f in findings)


# --- checks ------------------------------------------------------------------------------

def test_deprecated_finding_names_term_line_and_replacement(termbase):
    uses = glossary_check.scan("# Rubrik\n\nDu får föräldrapeng.\n", Matcher(termbase, "sv", "sv"))
    assert glossary_check.deprecated(uses, "docs/sv/a.md", gettext.NullTranslations()) == [
        "docs/sv/a.md:3: “föräldrapeng” is not an approved term (foraldrapenning) — "
        "write “föräldrapenning” instead"]


def test_translation_missing_the_approved_term_is_flagged(termbase):
    source = glossary_check.used_ids(glossary_check.scan(
        "Ring en tolk om föräldrapenning.", Matcher(termbase, "sv", "sv")))
    uses = glossary_check.scan("Wac turjumaan.", Matcher(termbase, "so", "so"))
    lines = glossary_check.consistency(source, "docs/sv/a.md", uses, "docs/so/a.md", "so",
                                       termbase, gettext.NullTranslations(), first_line=5)
    assert len(lines) == 2 and lines[0].startswith("docs/so/a.md:5: the Swedish page uses “tolk”"
                                                   " (docs/sv/a.md:1), but this page never "
                                                   "uses its approved term “turjubaan”")


def test_not_used_edition_is_not_flagged(termbase):
    source = {"forelder": 1}
    assert glossary_check.consistency(source, "a", [], "b", "sv-latt", termbase,
                                      gettext.NullTranslations()) == []


# --- readers: sorting, glossary page, first-use markup ------------------------------------

def test_swedish_glossary_sorts_a_a_o_last(termbase):
    words = ["överklagande", "ansökan", "återkrav", "ärende", "bostadsbidrag", "zon"]
    assert sorted_by(words, str, "sv") == ["ansökan", "bostadsbidrag", "zon", "återkrav",
                                           "ärende", "överklagande"]
    page = glossary_page.render(termbase, "sv", "sv", {"tolk": [("Tolk", "tolk.md")]},
                                gettext.NullTranslations())
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == ["## Försäkringskassan {#forsakringskassan}", "## Förälder {#forelder}",
                        "## Föräldrapenning {#foraldrapenning}", "## Tolk {#tolk}"]
    assert "Used on: [Tolk](tolk.md)" in page


WORDS = ["överklagande", "Överklagande", "ansökan", "Ansökan", "återkrav", "Återkrav", "ärende",
         "Ärende", "æble", "Æble", "øre", "Øre", "zon", "Zon", "a\u030arsbesked", "o\u0308l",
         "café", "cafe", "Cafe", "é", "ånga", "ängel", "aa", "az", "åa", "ǻ", "ẫ", "ö\u0323",
         "مترجم", "turjubaan", "ɓ", "ß", "ss", "", " ", "1", "10", "-"]


def _swedish_in_one_table():
    """The tailoring added into a copy of the root table, as before the overlay."""
    import unicodedata

    import pyuca

    collator = pyuca.Collator()
    z_primary = collator.sort_key("z")[0]
    for offset, pair in enumerate([("å", "Å"), ("ä", "Ä"), ("ö", "Ö")], start=1):
        for tertiary, letter in ((0x02, pair[0]), (0x08, pair[1])):
            collator.table.add([ord(c) for c in unicodedata.normalize("NFD", letter)],
                               [[z_primary + offset, 0x20, tertiary]])
    for variant, letter in {"æ": "ä", "Æ": "Ä", "ø": "ö", "Ø": "Ö"}.items():
        weights = collator.sort_key(letter)
        collator.table.add([ord(variant)], [[weights[0], 0x20, 0x02 if variant.islower()
                                             else 0x08]])
    return collator


def test_the_swedish_overlay_gives_the_keys_of_one_tailored_table(tmp_path, monkeypatch):
    from klarinfo.glossary import collation

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # computed here, not read
    collation._known.cache_clear()
    try:
        one_table = _swedish_in_one_table()
        keys = collation.sort_keys(WORDS, "sv")
        assert all(keys[word] == one_table.sort_key(word) for word in WORDS)
        assert keys["æble"] == collation.sort_key("äble", "sv")
        root = collation.sort_keys(WORDS, "en")
        assert root["ånga"] < root["az"]  # the root order is left alone
        assert keys["ånga"] > keys["az"]
    finally:
        collation._known.cache_clear()


def test_sort_keys_come_back_from_the_cache_folder(tmp_path, monkeypatch):
    from klarinfo.glossary import collation

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    collation._known.cache_clear()
    try:
        first = collation.sort_keys(WORDS, "sv")
        stored = list((tmp_path / "klarinfo").glob("collation-pyuca*.marshal"))
        assert len(stored) == 1
        collation._known.cache_clear()
        monkeypatch.setattr(collation, "_collator", lambda group: 1 / 0)  # must not be used
        assert collation.sort_keys(WORDS, "sv") == first
        stored[0].write_bytes(b"not marshal")  # a broken file only costs time
        collation._known.cache_clear()
        monkeypatch.undo()
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        assert collation.sort_keys(WORDS, "sv") == first
    finally:
        collation._known.cache_clear()


class _Buttons(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = []
        self.buttons = []

    def handle_starttag(self, tag, attrs):
        self.inside.append(tag)
        if tag == "button":
            self.buttons.append((tuple(self.inside[:-1]), dict(attrs)))

    def handle_endtag(self, tag):
        while self.inside and self.inside.pop() != tag:
            pass


def test_first_use_only_and_never_in_links_headings_or_code(termbase):
    html = ('<h2>Tolk</h2><p>Se <a href="x">tolken</a> och <code>tolk</code>.</p>'
            "<p>Ring en tolk. En tolk till &amp; tolkar.</p><ul><li>Föräldrapenning</li></ul>")
    defs = {"tolk": Definition("tolk", "En person som översätter.", "../ordlista/#tolk"),
            "foraldrapenning": Definition("föräldrapenning", "Pengar.", "../ordlista/#fp")}
    out, order = mark_first_uses(html, Matcher(termbase, "sv", "sv"), defs, "Mer i ordlistan")
    assert order == ["tolk", "foraldrapenning"]
    parser = _Buttons()
    parser.feed(out)
    assert [(where[-1], attrs["popovertarget"]) for where, attrs in parser.buttons] == [
        ("span", "klarinfo-def-tolk"), ("span", "klarinfo-def-foraldrapenning")]
    assert out.count("klarinfo-def-tolk\"") == 3  # popovertarget, describedby, id
    assert "<h2>Tolk</h2>" in out and '<a href="x">tolken</a>' in out and "&amp;" in out
    assert 'Ring en <span class="klarinfo-term"><button' in out


def test_arabic_article_on_every_word_and_somali_curly_apostrophe():
    terms, _ = parse("""\
terms:
  - id: tolk
    sv: {term: tolk, definition: En person.}
    sv-latt: {term: tolk, definition: En person.}
    en: {term: interpreter, definition: A person.}
    ar: {term: مترجم فوري, definition: شخص.}
    so: {term: Hay'adda Caymiska Bulshada, definition: Hay'ad.}
""", "g.yml", EDITIONS)
    base = Termbase(tuple(terms))
    assert [t for t, _, _ in found(base, "ar", "ar", "اتصل بالمترجم الفوري أو مترجم فوري.")] == [
        "بالمترجم الفوري", "مترجم فوري"]
    assert [t for t, _, _ in found(base, "so", "so", "La xiriir Hay’adda Caymiska Bulshada.")] == [
        "Hay’adda Caymiska Bulshada"]


def test_the_trie_pattern_finds_what_the_flat_list_of_terms_finds():
    """The compiled trie (matching._trie) against the plain alternation sorted longest
    first, which it replaces: the same matches on every page of every edition, and on
    every surface form itself with and without endings."""
    import re

    from klarinfo.base import project
    from klarinfo.glossary import termbase as termbase_module
    from klarinfo.glossary.matching import _trie, normalise

    proj = project.load(ROOT / "mkdocs.yml")
    settings = proj.plugin("klarinfo")["editions"]
    terms, _ = termbase_module.load(ROOT / "glossary", proj.editions(), ROOT)
    compared = 0
    for edition in proj.editions():
        matcher = Matcher(terms, edition, settings[edition]["lang"])
        between = r"\s+(?:ال)?" if matcher.language == "ar" else r"\s+"
        flat = "|".join(between.join(re.escape(w) for w in base.split(" "))
                        for base in sorted(matcher.surfaces, key=len, reverse=True))
        trie = f"(?P<base>{_trie(matcher.surfaces, between)})"
        assert trie in matcher.pattern.pattern
        reference = re.compile(matcher.pattern.pattern.replace(trie, f"(?P<base>{flat})", 1),
                               re.IGNORECASE)
        texts = [p.read_text(encoding="utf-8") for p in (proj.docs_dir / edition).rglob("*.md")]
        texts += [f"{s} {s}s {s}en {s}arna {s}ka" for s in matcher.surfaces]
        for text in texts:
            text = normalise(text, matcher.language)
            found = [(m.span(), m.group("base")) for m in matcher.pattern.finditer(text)]
            assert found == [(m.span(), m.group("base")) for m in reference.finditer(text)]
            compared += len(found)
    assert compared > 1000
