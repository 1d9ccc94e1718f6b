"""Issue 6: the content rules every page of every edition must keep."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from klarinfo.examples import placeholders, rules
from sitebuild import EDITIONS, ROOT

TOPICS = ["foraldrapenning.md", "bostadsbidrag.md", "vald.md", "tolk.md", "sa-raknar-vi.md",
          "tillganglighet.md", "om.md", "badda-in.md"]
SOURCES = {"sv": "Källor", "sv-latt": "Källor", "en": "Sources", "ar": "المصادر", "so": "Ilaha"}
RULES = rules.load(ROOT / "data" / "rules.yml")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path}: no front matter"
    return yaml.safe_load(match.group(1))


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("topic", TOPICS)
def test_topic_exists_with_reviewed_date_and_sources(edition, topic):
    path = ROOT / "docs" / edition / topic
    assert path.exists(), f"{path} is missing"
    meta = front_matter(path)
    assert meta.get("reviewed"), f"{path}: no reviewed date"
    if edition != "sv":
        assert meta.get("translation_of") == topic and meta.get("translation_status") in (
            "draft", "reviewed"), f"{path}: translation front matter"
        # which Swedish version it translates, and that version's text is kept for diffs
        digest = meta.get("source_hash")
        assert re.fullmatch(r"[0-9a-f]{12}", str(digest)), f"{path}: no source_hash"
        assert (ROOT / "locales" / "sources" / topic.removesuffix(".md") / f"{digest}.md"
                ).exists(), f"{path}: Swedish version {digest} not kept in locales/sources"
    headings = re.findall(r"^## (.+)$", path.read_text(encoding="utf-8"), re.M)
    assert headings and headings[-1].strip() == SOURCES[edition], f"{path}: sources last"


@pytest.mark.parametrize("edition", EDITIONS)
def test_violence_pages_have_quick_exit_and_tel_helplines(edition):
    path = ROOT / "docs" / edition / "vald.md"
    assert front_matter(path).get("quick_exit") is True
    text = path.read_text(encoding="utf-8")
    for number in ("tel:020505050", "tel:020521010", "tel:112"):
        assert f"({number})" in text, f"{path}: {number}"


def test_no_rule_value_is_typed_by_hand():
    typed = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for line, text in placeholders.typed_figures(path.read_text(encoding="utf-8"), RULES):
            typed.append(f"{path.relative_to(ROOT)}:{line}: {text}")
    assert not typed, "use {{ rules.NAME }} instead:\n" + "\n".join(typed)


def test_the_scan_catches_a_typed_figure():
    assert placeholders.typed_figures("Du får 480 dagar.", RULES) == [(1, "480")]
