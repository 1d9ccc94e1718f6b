"""Issue #30 item 3: `make new-page` writes a page that builds as soon as its writer has
filled in the text and the description. Its hint about figures once held a
``{{ rules.NAMN }}`` example that the build, reading HTML comments too, reported as an
unfilled placeholder; the front matter is checked against the schema every tool shares
before anything is written, and both new pages and translations get a ``description:``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from klarinfo.base import front_matter_schema
from sitebuild import build, copy_project

FILLED = ("Du kan få stöd när du har barn. Läs mer på sidan om föräldrapenning. "
          "Ring oss om du har frågor.")


def new_page(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "klarinfo.editions.new_page", "--config",
                           str(project / "mkdocs.yml"), *args], capture_output=True, text=True)


def fill(page: Path, description: str | None) -> None:
    """What a writer does: a paragraph under the hint (the hint stays), and the description."""
    lines = page.read_text(encoding="utf-8").split("\n")
    hint = next(i for i, line in enumerate(lines) if line.startswith("<!-- Skriv här"))
    lines[hint + 1:hint + 1] = ["", FILLED]
    if description is not None:
        lines = [f"description: {description}" if line.startswith("description:") else line
                 for line in lines]
    page.write_text("\n".join(lines), encoding="utf-8")


def test_a_new_page_builds_strictly_once_its_text_and_description_are_written(tmp_path):
    project = copy_project(tmp_path / "p")
    run = new_page(project, "nytt-stod", "--title", "Nytt stöd: så gör du")
    assert run.returncode == 0, run.stderr
    page = project / "docs" / "sv" / "nytt-stod.md"
    text = page.read_text(encoding="utf-8")
    assert "{{" not in text and "rules.NAMN" not in text  # the hint says it in words
    head = yaml.safe_load(text.split("---\n")[1])
    assert head["title"] == "Nytt stöd: så gör du" and head["description"] is None
    fill(page, "Så får du stöd när du har barn och vad du gör först.")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output[-3000:]
    assert FILLED.split(".")[0] in (result.site / "nytt-stod" / "index.html").read_text(
        encoding="utf-8")


def test_the_build_refuses_a_new_page_until_its_description_is_written(tmp_path):
    if not front_matter_schema.PageFrontMatter.model_fields["description"].is_required():
        pytest.skip("the description check of klarinfo/base/front_matter_schema.py has not "
                    "landed: the empty description: passes until it does")
    project = copy_project(tmp_path / "p")
    assert new_page(project, "nytt-stod", "--title", "Nytt stöd").returncode == 0
    fill(project / "docs" / "sv" / "nytt-stod.md", None)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/sv/nytt-stod.md:4: " in result.output and "description" in result.output


def test_front_matter_the_schema_refuses_is_never_written(tmp_path):
    project = copy_project(tmp_path / "p")
    run = new_page(project, "lang-titel", "--title", "x" * 301)
    assert run.returncode == 2 and "docs/sv/lang-titel.md:2: front-matter 'title:" in run.stderr
    assert not (project / "docs" / "sv" / "lang-titel.md").exists()


def test_a_new_translation_has_a_description_line_with_the_swedish_one_beside_it(tmp_path):
    project = copy_project(tmp_path / "p")
    assert new_page(project, "nytt-stod", "--title", "Nytt stöd").returncode == 0
    fill(project / "docs" / "sv" / "nytt-stod.md", "Så får du stöd när du har barn.")
    run = new_page(project, "--translate", "nytt-stod.md", "en")
    assert run.returncode == 0, run.stderr
    text = (project / "docs" / "en" / "nytt-stod.md").read_text(encoding="utf-8")
    assert "\ndescription:  # sv: Så får du stöd när du har barn.\n" in text
    head = yaml.safe_load(text.split("---\n")[1])
    assert head["description"] is None and head["translation_status"] == "draft"
