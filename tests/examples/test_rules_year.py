"""Issue 31: the pages show the rules of the build date's year, not the newest in the file.

Built on 2 January 2027 without 2027 values the site would present 2026's amounts as
current; the strict build fails at data/rules.yml instead. From 1 December a notice
(INFO: a strict build still passes) says next year's values are missing. The date is set
with KLARINFO_RULES_DATE, never by waiting. `make rules-diff` shows what changes on the
pages between two years.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from klarinfo.base.errors import InputError
from klarinfo.examples import rule_year, rules
from sitebuild import build, copy_project

RULES = "data/rules.yml"
NOTICE = "no values for 2027 yet"


def _first_line(project: Path) -> int:
    """The line of the first parameter (prisbasbelopp): where the missing year is reported."""
    lines = (project / RULES).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if re.match(r"^[a-z_0-9]+:", line))


def _plant_2027(project: Path, prisbasbelopp: int = 61000) -> None:
    """A 2027 year for every parameter: 2026's value, a new prisbasbelopp."""
    path = project / RULES
    text = re.sub(r"(values: \{.*?2026: )([^,}]+)\}", r"\g<1>\g<2>, 2027: \g<2>}",
                  path.read_text(encoding="utf-8"))
    text = text.replace("2026: 59200, 2027: 59200", f"2026: 59200, 2027: {prisbasbelopp}")
    path.write_text(text, encoding="utf-8")
    assert 2027 in rules.load(path).file_years


def _build(project: Path, site: Path, day: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(rule_year.ENV, day)
    return build(project, site)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("rules-year"))


def test_new_year_without_its_values_fails_the_strict_build_at_the_rules_file(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _build(project, tmp_path / "site", "2027-01-02", monkeypatch)
    assert result.returncode != 0, result.output
    warning = re.search(rf"WARNING\s+-\s+klarinfo: {re.escape(RULES)}:(\d+): no values for "
                        r"2027, the year of the rules date 2027-01-02.*— add 2027:",
                        result.output)
    assert warning, result.output
    assert int(warning.group(1)) == _first_line(project)


def test_december_without_next_years_values_is_a_notice_and_the_build_passes(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From 1 December only: the same file built on 1 June says nothing."""
    result = _build(project, tmp_path / "december", "2026-12-08", monkeypatch)
    notices = [line for line in result.output.splitlines() if NOTICE in line]
    assert len(notices) == 1, result.output  # once per build, not once per edition
    assert notices[0].startswith("INFO"), notices
    assert f"{RULES}:{_first_line(project)}: {NOTICE}" in notices[0]
    assert "from 1 January 2027 the build fails until they are added" in notices[0]
    assert result.returncode == 0, result.output
    page = (tmp_path / "december" / "sa-raknar-vi" / "index.html").read_text(encoding="utf-8")
    assert "gäller reglerna för 2026" in page
    june = _build(project, tmp_path / "june", "2026-06-01", monkeypatch)
    assert june.returncode == 0, june.output
    assert "no values for" not in june.output


def test_the_date_picks_the_year_when_the_file_has_a_later_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With 2027 values in the file, a build dated 2027 shows them and one dated mid-2026
    still shows 2026 (the newest year in the file is not current before 1 January)."""
    project = copy_project(tmp_path / "project")
    _plant_2027(project)
    pages = {}
    for day in ("2027-01-02", "2026-06-01"):
        result = _build(project, tmp_path / day, day, monkeypatch)
        assert result.returncode == 0, result.output
        assert "no values for" not in result.output
        pages[day] = (tmp_path / day / "sa-raknar-vi" / "index.html").read_text(
            encoding="utf-8")
    assert "gäller reglerna för 2027" in pages["2027-01-02"]
    assert "61\u00a0000\u00a0kr" in pages["2027-01-02"]
    assert "gäller reglerna för 2026" in pages["2026-06-01"]
    assert "59\u00a0200\u00a0kr" in pages["2026-06-01"]
    assert "61\u00a0000" not in pages["2026-06-01"]


def _rules_diff(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "klarinfo.examples.rules_diff", *args,
                           "--config", str(project / "mkdocs.yml")], capture_output=True,
                          text=True, cwd=project, timeout=300)


def test_rules_diff_prints_what_changes_on_each_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    missing = _rules_diff(project, "--from", "2026", "--to", "2027")
    assert missing.returncode == 2
    assert f"{RULES}:{_first_line(project)}: no values for 2027" in missing.stderr
    _plant_2027(project)
    result = _rules_diff(project, "--from", "2026", "--to", "2027")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    line = next(i for i, text in enumerate(
        (project / "docs/sv/sa-raknar-vi.md").read_text(encoding="utf-8").splitlines(), 1)
        if "{{ rules.prisbasbelopp }}" in text)
    assert f"docs/sv/sa-raknar-vi.md:{line}: Ett prisbasbelopp är 59\u00a0200\u00a0kr. → " \
           f"Ett prisbasbelopp är 61\u00a0000\u00a0kr." in lines, result.stdout
    assert any(re.match(r"docs/sv/sa-raknar-vi\.md:\d+: .*2026.* → .*2027", text)
               for text in lines), result.stdout
    for edition in ("sv-latt", "en", "ar", "so"):  # every edition, not only the source
        assert any(text.startswith(f"docs/{edition}/") for text in lines), edition
    assert lines[-1].endswith("from 2026 to 2027")
    unchanged = _rules_diff(project, "--from", "2026", "--to", "2026")
    assert unchanged.stdout.strip() == "nothing on the pages changes from 2026 to 2026"


def test_rules_date_setting_environment_and_today() -> None:
    today = date(2026, 12, 8)
    assert rule_year.rules_date("", {}, today) == today
    assert rule_year.rules_date("", {rule_year.ENV: "2027-01-02"}, today) == date(2027, 1, 2)
    assert rule_year.rules_date("2026-06-01", {rule_year.ENV: "2027-01-02"}, today) == \
        date(2026, 6, 1)
    with pytest.raises(InputError, match=r"KLARINFO_RULES_DATE: '2027-13-01' is not a date"):
        rule_year.rules_date("", {rule_year.ENV: "2027-13-01"}, today)


def test_choose_falls_back_to_the_newest_earlier_year_and_says_so() -> None:
    loaded = rules.load(Path(__file__).resolve().parents[2] / RULES, RULES)
    later = max(loaded.file_years) + 1
    choice = rule_year.choose(loaded, date(later, 1, 2), RULES)
    assert choice.year == later - 1 and choice.rules.years[-1] == later - 1
    assert choice.warning is not None and choice.warning.path == RULES
    assert rule_year.choose(loaded, date(later - 1, 11, 30), RULES).notice is None
    assert rule_year.choose(loaded, date(later - 1, 12, 1), RULES).notice is not None
