"""Issue 3 end to end: the gate in real builds, and a passing and failing page per edition."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from klarinfo.base import project
from klarinfo.readability import score as readability
from sitebuild import EDITIONS, ROOT, build, copy_project

FIXTURES = Path(__file__).parent / "fixtures" / "readability"


def profiles() -> dict[str, readability.Profile]:
    settings = project.load(ROOT / "mkdocs.yml").plugin("klarinfo").get("readability")
    found, problems = readability.build_profiles(settings)
    assert not problems
    return found


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_edition_has_a_passing_and_a_failing_fixture(edition):
    profile = profiles()[edition]
    good = readability.analyse((FIXTURES / edition / "pass.md").read_text(), "pass.md", profile)
    bad = readability.analyse((FIXTURES / edition / "fail.md").read_text(), "fail.md", profile)
    assert good.passed, good.as_dict()
    assert all(s.enforced for s in good.scores + bad.scores), "fixtures must be long enough"
    assert not bad.passed
    assert any(not s.passed for s in bad.scores), "the page-level formula itself must fail"


def test_hard_page_fails_strict_build_at_its_worst_sentence_and_simple_rewrite_passes(tmp_path):
    proj = copy_project(tmp_path / "project")
    page = proj / "docs" / "sv" / "uttag.md"
    shutil.copy(FIXTURES / "sv" / "fail.md", page)
    report = readability.analyse(page.read_text(), "docs/sv/uttag.md", profiles()["sv"])
    worst = report.worst[0].line

    failed = build(proj, tmp_path / "site")
    assert failed.returncode != 0
    assert re.search(rf"docs/sv/uttag\.md:{worst}: LIX är [\d,]+; det får vara högst 40",
                     failed.output), failed.output
    assert f"docs/sv/uttag.md:{worst}:   " in failed.output  # the worst sentence itself
    assert "meningen har 41 ord; gränsen är 25" in failed.output
    assert "Aborted with" in failed.output and not (tmp_path / "site").exists()

    shutil.copy(FIXTURES / "sv" / "pass.md", page)
    passed = build(proj, tmp_path / "site")
    assert passed.returncode == 0, passed.output
    data = json.loads((tmp_path / "reports" / "readability.json").read_text())
    entry = next(p for p in data["pages"] if p["path"] == "docs/sv/uttag.md")
    assert entry["passed"] and entry["scores"][0]["metric"] == "lix"
    assert data["failing"] == 0
    assert not (tmp_path / "site" / "reports").exists()  # internal: beside the site, not in it


def test_warn_mode_builds_and_override_with_reason_passes(tmp_path):
    proj = copy_project(tmp_path / "project")
    page = proj / "docs" / "sv" / "uttag.md"
    text = (FIXTURES / "sv" / "fail.md").read_text()
    page.write_text(text)
    warned = build(proj, tmp_path / "warn", strict=False)
    assert warned.returncode == 0 and "docs/sv/uttag.md:" in warned.output

    page.write_text(text.replace(
        "title: Uttag av föräldrapenning\n",
        "title: Uttag av föräldrapenning\nreadability:\n  lix: 75\n  sentence_words: 45\n"
        "  reason: Sidan citerar lagtext ordagrant.\n"))
    overridden = build(proj, tmp_path / "site")
    assert overridden.returncode == 0, overridden.output
    assert "gränsen för LIX är ändrad från 40 till 75: Sidan citerar lagtext ordagrant." \
        in overridden.output
    data = json.loads((tmp_path / "reports" / "readability.json").read_text())
    entry = next(p for p in data["pages"] if p["path"] == "docs/sv/uttag.md")
    assert entry["overrides"][0]["reason"] == "Sidan citerar lagtext ordagrant."


def test_report_script_prints_the_table_and_fails_on_a_failing_page(tmp_path):
    import subprocess
    import sys

    proj = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "en" / "fail.md", proj / "docs" / "en" / "hard.md")
    run = subprocess.run([sys.executable, "-m", "klarinfo.readability.report",
                          "--config", str(proj / "mkdocs.yml")],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert re.search(r"docs/en/hard\.md\s+en\s+Flesch Reading Ease\s+-?[\d.]+\s+≥ 60\s+FAIL",
                     run.stdout), run.stdout
    assert re.search(r"docs/sv/index\.md\s+sv\s+longest sentence\s+[\d.]+\s+≤ 25\s+pass",
                     run.stdout)


@pytest.mark.parametrize("language", ["ar", "so"])
def test_calibrated_limits_pass_every_simple_and_fail_every_official_sample(language):
    """The limits in mkdocs.yml still separate the calibration samples (WRITING.md)."""
    profile = profiles()[language]
    samples = Path(__file__).parent / "fixtures" / "calibration" / language
    for group, should_pass in (("simple", True), ("official", False)):
        files = sorted((samples / group).glob("*.txt"))
        assert len(files) == 6
        for path in files:
            report = readability.analyse(path.read_text(encoding="utf-8"), path.name, profile)
            page_level = all(s.passed for s in report.scores)
            assert page_level is should_pass, (group, path.name, report.as_dict()["scores"])
