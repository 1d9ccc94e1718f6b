"""Issue 13, section 5: the quick exit on every page a violence page leads to."""

from __future__ import annotations

import pytest
from klarinfo.safety import quick_exit as qe
from sitebuild import EDITIONS, ROOT, build, copy_project

EXIT = "data-klarinfo-exit"


def prefix(edition: str) -> str:
    return "" if edition == "sv" else f"{edition}/"


def test_links_in_text_resolve_to_pages_and_leave_out_the_rest():
    markdown = """---
quick_exit: true
---
Läs om [tolk](tolk.md#boka) och [bostadsbidrag](../bostadsbidrag/), se [start](../).
Ring [112](tel:112), [Terrafem](https://www.terrafem.org/), [längre ner](#stod).
![bild](bild.png) och `[kod](kod.md)` och [en fil](blankett.pdf).

[om]: om.md "Om oss"
"""
    assert qe.is_quick_exit(markdown)
    assert qe.targets([("vald.md", markdown)]) == {
        "tolk.md", "bostadsbidrag.md", "index.md", "om.md"}


@pytest.mark.parametrize("front", ["---\ntitle: x\n---\n", "---\nquick_exit: yes please\n---\n",
                                   "---\nquick_exit: [\n---\n", "# no front matter\n"])
def test_only_quick_exit_true_marks_a_violence_page(front):
    assert not qe.is_quick_exit(front + "text\n")


def test_real_site_has_the_exit_on_the_glossary_and_the_footer_neighbour(site):
    """vald.md links to no page in its text; its glossary popovers link to ordlista and
    its footer to tolk (the previous page): both get the exit, in every edition."""
    for edition in EDITIONS:
        for page in ("vald", "ordlista", "tolk"):
            html = (site / prefix(edition) / page / "index.html").read_text(encoding="utf-8")
            assert EXIT in html and "quick-exit.js" in html, f"{edition}/{page}"
        other = (site / prefix(edition) / "foraldrapenning" / "index.html").read_text()
        assert EXIT not in other
    # The embed view of a linked page stands alone on a partner's site: no exit there.
    assert EXIT not in (site / "embed" / "tolk" / "index.html").read_text(encoding="utf-8")
    assert EXIT in (site / "embed" / "vald" / "index.html").read_text(encoding="utf-8")


def test_a_link_added_to_one_editions_violence_page_gets_the_exit_in_every_edition(tmp_path):
    proj = copy_project(tmp_path / "project")
    page = proj / "docs" / "so" / "vald.md"
    text = page.read_text(encoding="utf-8")
    marker = "## Halkan waxaad caawimo ka heli kartaa\n\n"
    assert marker in text
    page.write_text(text.replace(marker, marker + "- Akhri sidoo kale [kaalmada guriga]"
                                 "(bostadsbidrag.md).\n"), encoding="utf-8")
    result = build(proj, tmp_path / "site", edition="so")
    assert result.returncode == 0, result.output
    for edition in ("sv", "so"):
        html = (tmp_path / "site" / prefix(edition) / "bostadsbidrag" / "index.html")
        assert EXIT in html.read_text(encoding="utf-8"), edition
    assert EXIT not in (tmp_path / "site" / "om" / "index.html").read_text(encoding="utf-8")


def test_the_violence_page_says_what_the_exit_does_not_erase():
    said = {
        "sv": "Sidor du läste innan finns kvar",
        "sv-latt": "Sidor du läste innan finns kvar i historiken",
        "en": "Pages you read before stay there",
        "ar": "الصفحات التي قرأتها قبلها تبقى في السجل",
        "so": "Boggaga aad hore u akhriday way sii jiraan",
    }
    for edition, sentence in said.items():
        text = (ROOT / "docs" / edition / "vald.md").read_text(encoding="utf-8")
        assert sentence in text, edition
