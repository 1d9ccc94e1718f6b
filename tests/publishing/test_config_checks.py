"""Settings in mkdocs.yml that name what does not exist (issue #30): each is a finding
at its line of mkdocs.yml, and the strict build keeps the last good site."""

from __future__ import annotations

from pathlib import Path

import pytest
from klarinfo.base import config_checks
from sitebuild import build, copy_project


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, str, object]:
    project = copy_project(tmp_path_factory.mktemp("config"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in [("easy_read: [sv-latt]", "easy_read: [sv-lat]"),
                     ("        so: {lix: 46,", "        sv-lat: {lix: 30}\n        so: {lix: 46,"),
                     ("leaflets: [foraldrapenning,", "leaflets: [finns-inte, foraldrapenning,")]:
        assert old in text, old
        text = text.replace(old, new, 1)
    text = "\n".join(row for row in text.split("\n") if not row.startswith("site_url:"))
    config.write_text(text, encoding="utf-8")
    site = project / "out" / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    return site, text, build(project, site)


@pytest.mark.parametrize("needle,words", [
    ("easy_read: [sv-lat]", "'easy_read' names 'sv-lat', which is not an edition"),
    ("sv-lat: {lix: 30}", "'readability' names 'sv-lat'"),
    ("leaflets: [finns-inte", "the leaflet 'finns-inte' has no page sv/finns-inte.md"),
    (None, "site_url is not set"),
])
def test_each_setting_fails_the_strict_build_at_its_line(planted, needle, words):
    site, text, result = planted
    assert result.returncode != 0
    line = text.split("\n").index(next(r for r in text.split("\n") if needle in r)) + 1 \
        if needle else 1
    rows = [row for row in result.output.splitlines() if f"mkdocs.yml:{line}:" in row]
    assert any(words in row for row in rows), (line, words, result.output[-3000:])
    assert "did you mean 'sv-latt'" in result.output
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"


def test_line_of_finds_the_value_under_its_key():
    text = "a: 1\nplugins:\n  - klarinfo:\n      easy_read:\n        - sv-lat\n"
    assert config_checks.line_of(text, "easy_read", "sv-lat") == 5
    assert config_checks.site_url("https://x.se/", text) == []
