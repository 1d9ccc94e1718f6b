"""Issue 14 item 5: the values still unverified in data/rules.yml are shown to readers on
the "how we calculate" page of every edition, and the list follows the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from klarinfo.base.errors import InputError
from klarinfo.examples import rules as rules_module
from klarinfo.examples import unverified as unverified_rules
from sitebuild import EDITIONS, append_lines, build, copy_project

ROOT = Path(__file__).resolve().parents[2]
RULES = rules_module.load(ROOT / "data" / "rules.yml")

SMALL = """\
checked:
  unit: SEK/month
  source: {title: t, url: 'https://lagen.nu/2010:110'}
  values: {2026: 1400}
guessed:
  unit: SEK/month
  source: {title: t, url: 'https://www.example.se/a'}
  verified: false
  note: could not read the law
  values: {2025: 5300, 2026: 6800}
"""


def test_lists_only_unverified_values_with_label_values_and_source():
    rules = rules_module.parse(SMALL, "rules.yml")
    html = unverified_rules.render(rules, "sv", {"guessed": "Högsta hyra", "checked": "Golv"})
    assert "Golv" not in html and "checked" not in html  # verified values are not listed
    assert "<li>Högsta hyra: 2025: 5\xa0300\xa0kr, 2026: 6\xa0800\xa0kr " in html
    assert '(<a href="https://www.example.se/a">example.se</a>)' in html
    # in English, with English number style; without a label the name is shown as code
    html = unverified_rules.render(rules, "en", {})
    assert "<code>guessed</code>: 2025: SEK\xa05,300, 2026: SEK\xa06,800" in html


def test_the_list_follows_the_data():
    checked = rules_module.parse(SMALL.replace("  verified: false\n  note: could not read "
                                               "the law\n", ""), "rules.yml")
    assert unverified_rules.render(checked, "sv", {}) == '<ul class="klarinfo-unverified"></ul>'
    real = unverified_rules.render(RULES, "sv", {})
    for parameter in rules_module.unverified(RULES):
        assert f"<code>{parameter.name}</code>" in real


def test_labels_are_escaped_and_unknown_names_are_findings_at_their_line():
    rules = rules_module.parse(SMALL, "rules.yml")
    labels = unverified_rules.labels_from('guessed: "<script>x</script>"', "p.md", rules, 10)
    assert "<script>" not in unverified_rules.render(rules, "sv", labels)
    with pytest.raises(InputError) as caught:
        unverified_rules.labels_from("guessed: Hyra\nguesed: Hyra\nchecked:\n", "p.md", rules, 10)
    shown = str(caught.value)
    assert "p.md:12: unknown rule parameter 'guesed'" in shown
    assert "p.md:13: 'checked' has no label text" in shown


LABELS = {  # edition → the label its page gives the (unverified) delningstal, and 16.5 written its way
    "sv": ("Delningstal för pensionen", "16,5"),
    "sv-latt": ("Talet som pensionen delas med", "16,5"),
    "en": ("Annuity divisor for the pension", "16.5"),
    "ar": ("الرقم الذي يُقسم عليه رصيد التقاعد", "16.5"),
    "so": ("Tirada hawlgabka lagu qaybiyo", "16.5"),
}


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_edition_shows_the_unverified_values(site, edition):
    prefix = site if edition == "sv" else site / edition
    html = (prefix / "sa-raknar-vi" / "index.html").read_text(encoding="utf-8")
    listed = re.search(r'<ul class="klarinfo-unverified">.*?</ul>', html, re.S).group(0)
    label, amount = LABELS[edition]
    assert f"<li>{label}: " in listed and f"2026: {amount}" in listed
    assert listed.count("<li>") == len(rules_module.unverified(RULES))
    assert "unverified-rules" not in html


def test_unknown_name_in_the_block_fails_the_strict_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "sv" / "sa-raknar-vi.md"
    last = append_lines(page, "", "```unverified-rules", "hyrtak: Högsta hyra", "```")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/sv/sa-raknar-vi.md:{last - 1}: unknown rule parameter 'hyrtak'" in result.output


UNKNOWN = {"sv": "okänt", "sv-latt": "vet vi inte än", "en": "unknown", "ar": "غير معروف",
           "so": "lama yaqaan"}


@pytest.mark.parametrize("edition", EDITIONS)
def test_an_unknown_value_says_so_in_the_edition_language(edition):
    # a null in data/rules.yml used to show as "name:  (source)" — an empty value
    from klarinfo.editions import messages
    rules = rules_module.parse(SMALL.replace("values: {2025: 5300, 2026: 6800}",
                                             "values: {2025: 5300, 2026: null}"), "rules.yml")
    tr = messages.translator(ROOT / "locales", edition)
    html = unverified_rules.render(rules, "sv" if edition == "sv-latt" else edition, {}, tr)
    assert f", 2026: {UNKNOWN[edition]} (" in html, html
    assert ":  (" not in html and ", 2026:  " not in html
