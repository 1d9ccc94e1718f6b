"""A broken input fails the build with path:line and never replaces the last good site."""

from __future__ import annotations

from pathlib import Path

from sitebuild import build, copy_project


def _break_line(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_po_syntax_error_fails_strict_build_and_keeps_last_good_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    good = build(project, site)
    assert good.returncode == 0, good.output
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}

    po = project / "locales/so/LC_MESSAGES/theme.po"
    line = _break_line(po, 'msgstr "Raadi"', "msgstr Raadi")
    bad = build(project, site)

    assert bad.returncode != 0
    assert f"locales/so/LC_MESSAGES/theme.po:{line}: PO syntax error" in bad.output
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before, "a failed build changed the published site"
    assert sorted(p.name for p in tmp_path.iterdir()) == [  # reports, server: beside site/
        "project", "reports", "server", "site"], "staging left over"


def test_untranslated_string_fails_strict_build_but_warn_build_shows_the_key(tmp_path):
    project = copy_project(tmp_path / "project")
    po = project / "locales/so/LC_MESSAGES/theme.po"
    line = _break_line(po, 'msgstr "Raadi"', 'msgstr ""') - 1  # Babel reports the msgid line

    strict = build(project, tmp_path / "strict")
    assert strict.returncode != 0
    assert f"locales/so/LC_MESSAGES/theme.po:{line}: string 'search' ('Search') is not " \
           "translated — write the translation in msgstr" in strict.output
    assert not (tmp_path / "strict").exists()

    warn = build(project, tmp_path / "warn", strict=False)
    assert warn.returncode == 0, warn.output
    assert "is not translated" in warn.output
    page = (tmp_path / "warn/so/index.html").read_text(encoding="utf-8")
    # the missing string shows as its key for review, never as English
    assert 'aria-label="search"' in page and 'aria-label="Search"' not in page


def test_strict_build_checks_every_edition_before_it_fails(tmp_path):
    """Findings in two translations: one strict build reports both, and fails at the end
    (MkDocs alone stopped at the first edition with a warning)."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    (site).mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    planted = {}
    for edition in ("sv-latt", "en"):  # built second and last
        page = project / "docs" / edition / "tolk.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text + "\n<script>alert(1)</script>\n", encoding="utf-8")
        planted[edition] = f"docs/{edition}/tolk.md:{text.count(chr(10)) + 2}"
    bad = build(project, site)
    assert bad.returncode != 0
    for edition, where in planted.items():
        assert where in bad.output, (edition, bad.output[-3000:])
    assert "Aborted with" in bad.output and "in strict mode" in bad.output
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
