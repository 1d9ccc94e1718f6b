"""Pages that passed silently (issue #30): a name that becomes %-codes in the address, a
translation of no Swedish page, a page too long for a phone, two pages of one title,
and a page with no description or no title. Each fails the strict build at its file
and line, and a failed build keeps the last good site."""

from __future__ import annotations

from pathlib import Path

import pytest
from klarinfo.base import page_checks
from sitebuild import build, copy_project

PAGE = "---\ntitle: {title}\ndescription: En sida om något.\n---\n\n# {title}\n\nText här.\n"


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, object]:
    project = copy_project(tmp_path_factory.mktemp("pages"))
    docs = project / "docs"
    (docs / "sv" / "min sida.md").write_text(PAGE.format(title="Min sida"), encoding="utf-8")
    (docs / "sv" / "försäkring.md").write_text(PAGE.format(title="Försäkring"), encoding="utf-8")
    (docs / "so" / "foraldralos.md").write_text(PAGE.format(title="Waalid la'aan"),
                                                encoding="utf-8")
    (docs / "sv" / "lang.md").write_text(PAGE.format(title="Lång") + "Mycket text.\n" * 17_000,
                                         encoding="utf-8")
    (docs / "sv" / "tolk-igen.md").write_text(PAGE.format(title="Din rätt till tolk"),
                                              encoding="utf-8")
    (docs / "sv" / "utan.md").write_text("---\nreviewed: 2026-12-08\n---\n\nBara text.\n",
                                         encoding="utf-8")
    site = project / "out" / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    return site, build(project, site)


@pytest.mark.parametrize("where,words", [
    ("docs/sv/min sida.md:1:", "%-codes"),
    ("docs/sv/försäkring.md:1:", "%-codes"),
    ("docs/so/foraldralos.md:1:", "no Swedish page docs/sv/foraldralos.md"),
    ("docs/sv/lang.md:1:", "too long to read on a phone"),
    ("docs/sv/tolk", "also the title of docs/sv/tolk"),  # one of the two names the other
    ("docs/sv/utan.md:2:", "has no 'description'"),
    ("docs/sv/utan.md:1:", "the page has no title"),
])
def test_each_fails_the_strict_build_where_it_is(planted, where, words):
    site, result = planted
    assert result.returncode != 0
    rows = [row for row in result.output.splitlines() if where in row]
    assert any(words in row for row in rows), (where, rows, result.output[-2000:])
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"


def test_duplicate_titles_compare_as_readers_see_them():
    entries = [("Tolk", "docs/sv/a.md", "---\ntitle: Tolk\n---"),
               ("tolk ", "docs/sv/b.md", "\n# tolk \n"), ("Annat", "docs/sv/c.md", "")]
    (finding,) = page_checks.duplicate_titles(entries)
    assert (finding.path, finding.line) == ("docs/sv/b.md", 2)
