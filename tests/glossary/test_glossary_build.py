"""Issue 4 end to end: terminology findings fail the strict build with path:line."""

from __future__ import annotations

import re

from sitebuild import append_lines, build, copy_project


def test_deprecated_variant_fails_strict_build_with_term_file_line_and_replacement(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "sv" / "foraldrapenning.md"
    line = append_lines(page, "", "Många tror att föräldrapengen är lika för alla.")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (f"docs/sv/foraldrapenning.md:{line}: ”föräldrapengen” är inte en godkänd term "
            "(foraldrapenning) — skriv ”föräldrapenning” i stället") in result.output


def test_translation_without_the_approved_term_is_flagged(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "so" / "foraldrapenning.md"
    text = re.sub(r"(?i)lacagta(\s+\w+)?\s+waalid\w*", "lacagta caruurta",
                  page.read_text(encoding="utf-8"))
    page.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    first = text.split("\n").index("---", 1) + 2  # the first line after the front matter
    assert (f"docs/so/foraldrapenning.md:{first}: bogga Iswiidhishka wuxuu isticmaalaa "
            "“föräldrapenning” (docs/sv/foraldrapenning.md:") in result.output
    assert "erayga la ansixiyey “lacagta waalidka”" in result.output


def test_broken_glossary_yaml_fails_with_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "glossary" / "tolk.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      term: tolk\n", "      term: [tolk\n", 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "glossary/tolk.yml:" in result.output and "YAML syntax error" in result.output
