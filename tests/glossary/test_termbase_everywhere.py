"""The termbase covers every text a reader sees (issue #31): a deprecated term in a
page's title or description, or in an interface string (klarinfo.po, theme.po), fails
the strict build at its line, as one in the page text does."""

from __future__ import annotations

from sitebuild import build, copy_project


def _line_of(path, needle: str) -> int:
    rows = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, row in enumerate(rows, start=1) if needle in row)


def test_deprecated_terms_outside_the_page_text_fail_at_their_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "sv" / "tolk.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(
        'description: "', 'description: "Om föräldrapengen och ', 1), encoding="utf-8")
    klarinfo_po = project / "locales" / "en" / "LC_MESSAGES" / "klarinfo.po"
    po = klarinfo_po.read_text(encoding="utf-8")
    old = 'msgstr "Days: days at the income-based level + days at the minimum level."'
    assert old in po
    klarinfo_po.write_text(po.replace(old, old.replace("minimum level", "lowest level")),
                           encoding="utf-8")
    theme_po = project / "locales" / "en" / "LC_MESSAGES" / "theme.po"
    theme = theme_po.read_text(encoding="utf-8")
    old = 'msgstr "This translation has not yet been checked by a qualified reviewer."'
    assert old in theme
    theme_po.write_text(theme.replace(old, old.replace("reviewer", "translator")),
                        encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    for shown, line, found in [
            ("docs/sv/tolk.md", _line_of(page, "description:"), "”föräldrapengen”"),
            # a catalog finding is at the msgid of its string, the line above the msgstr
            ("locales/en/LC_MESSAGES/klarinfo.po", _line_of(klarinfo_po, 'msgid "Days: days'),
             "“lowest level”"),
            ("locales/en/LC_MESSAGES/theme.po", _line_of(theme_po, 'msgstr "This translation')
             - 1, "“translator”")]:
        assert f"{shown}:{line}: {found}" in result.output, (shown, line, result.output[-3000:])
