"""Issue 13, section 4: the make targets translators run, run through make itself.

`make translation-status ARGS=--json` must pipe into a file as JSON; `make
translation-done` must refuse what it cannot do with one message (no traceback) and
must not leave a stale `reviewed`; whitespace-only Swedish edits must not make any
translation outdated.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from klarinfo.editions import translation_status as ts
from maketool import make, project_with_tools, stand_in_venv


@pytest.fixture
def tools(tmp_path):
    """(project copy with Makefile and scripts, stand-in venv) — stand-in made last so
    its stamps are newer than the copied locks."""
    project = project_with_tools(tmp_path / "project")
    return project, stand_in_venv(tmp_path / "venv")


def statuses(project: Path, venv: Path) -> dict:
    run = make(venv, "translation-status", "ARGS=--json", cwd=project)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def front(project: Path, edition: str, page: str) -> dict:
    path = project / "docs" / edition / page
    return ts.front_matter(path.read_text(encoding="utf-8"), str(path))


# --- translation-status --json --------------------------------------------------------------

def test_status_json_through_make_is_json_only(tmp_path):
    """What `make translation-status ARGS=--json > status.json` writes parses as JSON."""
    venv = stand_in_venv(tmp_path / "venv")
    run = make(venv, "translation-status", "ARGS=--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)  # the whole of stdout: no echoed command, no log line
    assert set(data) == {"pages", "totals", "catalogs"}
    assert data["pages"]["tolk.md"]["so"]["status"] in ("draft", "reviewed", "outdated")
    tool = subprocess.run([sys.executable, "-m", "json.tool"], input=run.stdout,
                          capture_output=True, text=True)
    assert tool.returncode == 0, tool.stderr


# --- translation-done -----------------------------------------------------------------------

@pytest.mark.parametrize("args, says", [
    ((), "say which page and edition: make translation-done PAGE=tolk.md EDITION=so"),
    (("PAGE=tolk.md",), "say which page and edition"),
    (("PAGE=finns-inte.md", "EDITION=so"), "PAGE=finns-inte.md: docs/sv/finns-inte.md does "
                                            "not exist"),
    (("PAGE=../../mkdocs.yml", "EDITION=so"), "PAGE=../../mkdocs.yml: "),
    (("PAGE=tolk.md", "EDITION=xx"), "EDITION=xx: not a translated edition — use one of "
                                     "sv-latt, ar, so, en"),
    (("PAGE=tolk.md", "EDITION=sv"), "EDITION=sv: not a translated edition"),
])
def test_translation_done_refuses_bad_requests_with_one_message(tools, args, says):
    project, venv = tools
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    run = make(venv, "translation-done", *args, cwd=project)
    assert run.returncode != 0
    assert says in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert [ln for ln in run.stderr.splitlines() if not ln.startswith("make")] \
        == [ln for ln in run.stderr.splitlines() if ln.startswith("translation-done: ")]
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*.md")} == before


@pytest.mark.parametrize("args,says", [
    (("PAGE=tolk.md", "EDITION=xx"), "EDITION=xx: not a translated edition"),
    (("PAGE=nope.md", "EDITION=so"), "PAGE=nope.md: docs/sv/nope.md does not exist"),
    ((), "say which page and edition: make translation-diff"),
])
def test_translation_diff_refuses_bad_requests_with_one_message(tools, args, says):
    project, venv = tools
    run = make(venv, "translation-diff", *args, cwd=project)
    assert run.returncode != 0
    assert f"translation-diff: {says}" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_translation_done_for_a_page_not_yet_translated(tools):
    project, venv = tools
    (project / "docs" / "so" / "tolk.md").unlink()
    run = make(venv, "translation-done", "PAGE=tolk.md", "EDITION=so", cwd=project)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert "docs/so/tolk.md: not translated yet — start it with: make new-translation " \
           "PAGE=tolk.md EDITION=so" in run.stderr


def _review(project: Path, edition: str, page: str) -> None:
    path = project / "docs" / edition / page
    path.write_text(ts.with_review(path.read_text(encoding="utf-8"), "reviewed"),
                    encoding="utf-8")


def _change_swedish(project: Path, page: str) -> None:
    path = project / "docs" / "sv" / page
    path.write_text(path.read_text(encoding="utf-8") + "\nEtt nytt stycke om tolkar.\n",
                    encoding="utf-8")


def test_reviewed_page_goes_back_to_draft_when_the_swedish_changed(tools):
    project, venv = tools
    _review(project, "so", "tolk.md")
    assert statuses(project, venv)["pages"]["tolk.md"]["so"]["status"] == "reviewed"
    _change_swedish(project, "tolk.md")
    assert statuses(project, venv)["pages"]["tolk.md"]["so"]["status"] == "outdated"
    run = make(venv, "translation-done", "PAGE=tolk.md", "EDITION=so", cwd=project)
    assert run.returncode == 0, run.stderr
    assert "docs/so/tolk.md: now records Swedish version" in run.stdout
    assert "docs/so/tolk.md: translation_status reviewed → draft — the Swedish page changed" \
        in run.stdout and "REVIEWED=1" in run.stdout
    assert front(project, "so", "tolk.md")["translation_status"] == "draft"
    assert statuses(project, venv)["pages"]["tolk.md"]["so"]["status"] == "draft"


def test_re_reviewed_page_stays_reviewed(tools):
    project, venv = tools
    _review(project, "en", "tolk.md")
    _change_swedish(project, "tolk.md")
    run = make(venv, "translation-done", "PAGE=tolk.md", "EDITION=en", "REVIEWED=1",
               cwd=project)
    assert run.returncode == 0, run.stderr
    assert "reviewed → draft" not in run.stdout
    assert front(project, "en", "tolk.md")["translation_status"] == "reviewed"
    assert statuses(project, venv)["pages"]["tolk.md"]["en"]["status"] == "reviewed"


def test_done_without_a_swedish_change_keeps_the_review(tools):
    project, venv = tools
    _review(project, "ar", "vald.md")
    run = make(venv, "translation-done", "PAGE=vald.md", "EDITION=ar", cwd=project)
    assert run.returncode == 0, run.stderr
    assert "(unchanged)" in run.stdout and "→ draft" not in run.stdout
    assert front(project, "ar", "vald.md")["translation_status"] == "reviewed"


# --- whitespace-only edits ------------------------------------------------------------------

def _rewrap(text: str) -> str:
    """The same page with every whitespace-only edit a communicator makes: trailing
    spaces, a paragraph re-wrapped (one line broken into two), extra blank lines."""
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i] == "---")
    out = lines[:end + 1]
    wrapped = False
    for line in lines[end + 1:]:
        words = line.split(" ")
        if not wrapped and len(words) > 6 and re.match(r"[A-ZÅÄÖ]", line):
            out += [" ".join(words[:3]) + "   ", "  " + " ".join(words[3:])]
            wrapped = True
        else:
            out.append(line + ("  " if line else ""))
        if not line:
            out.append("")
    assert wrapped
    return "\n".join(out) + "\n\n\n"


def test_whitespace_only_swedish_edits_keep_translations_current(tools):
    project, venv = tools
    before = statuses(project, venv)["pages"]
    for page in ("tolk.md", "foraldrapenning.md", "bostadsbidrag.md"):
        path = project / "docs" / "sv" / page
        edited = _rewrap(path.read_text(encoding="utf-8"))
        assert edited != path.read_text(encoding="utf-8")
        path.write_text(edited, encoding="utf-8")
    after = statuses(project, venv)["pages"]
    assert {(p, e): v["status"] for p, m in after.items() for e, v in m.items()} \
        == {(p, e): v["status"] for p, m in before.items() for e, v in m.items()}
    assert "outdated" not in {v["status"] for m in after.values() for v in m.values()}
    diff = make(venv, "translation-diff", "PAGE=tolk.md", "EDITION=so", cwd=project)
    assert "unchanged since the version the translation records" in diff.stdout


def test_a_changed_word_still_makes_translations_outdated():
    text = "---\ntitle: A\n---\n\n# Rubrik\n\nDu har rätt till tolk\nhos myndigheter.\n"
    assert ts.source_hash(text) == ts.source_hash(
        "---\ntitle: B\n---\n# Rubrik  \n\n\n  Du har rätt   till tolk hos\n myndigheter.\n")
    assert ts.source_hash(text) != ts.source_hash(text.replace("tolk", "tolkar"))
    # block structure is content: a list item is not a continuation of the line before
    assert ts.source_hash("Ta med\n- pass\n") != ts.source_hash("Ta med - pass\n")
    # inside a code fence, spacing is kept
    fenced = "```life-income\nincome: 30000\n```\n"
    assert ts.source_hash(fenced) != ts.source_hash(fenced.replace("income: ", "income:   "))


def test_hash_migration_keeps_every_status_and_is_idempotent(tmp_path):
    """The project's own translations as they were recorded with the old hash: migrating
    changes no status, keeps the paragraph diff working, and a second run does nothing."""
    project = project_with_tools(tmp_path / "project")
    venv = stand_in_venv(tmp_path / "venv")
    kept = project / "locales" / "sources"
    # put the project back in its pre-migration state: legacy hashes everywhere
    for source in sorted((project / "docs" / "sv").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        new, old = ts.source_hash(text), ts.legacy_source_hash(text)
        snapshot = kept / source.stem / f"{new}.md"
        if snapshot.exists():
            snapshot.rename(snapshot.with_name(f"{old}.md"))
        for translation in (project / "docs").glob(f"*/{source.name}"):
            if translation.parent.name != "sv":
                translation.write_text(ts.with_source_hash(
                    translation.read_text(encoding="utf-8"), old), encoding="utf-8")
    # and one translation that recorded an older Swedish version, kept in locales/sources
    page = project / "docs" / "sv" / "om.md"
    older = page.read_text(encoding="utf-8")
    (kept / "om" / f"{ts.legacy_source_hash(older)}.md").write_text(older, encoding="utf-8")
    page.write_text(older + "\nEtt nytt stycke.\n", encoding="utf-8")
    for edition in ("sv-latt", "ar", "so"):  # these now record the current (legacy) version
        path = project / "docs" / edition / "om.md"
        path.write_text(ts.with_source_hash(path.read_text(encoding="utf-8"),
                                            ts.legacy_source_hash(page.read_text("utf-8"))),
                        encoding="utf-8")
    legacy = {p.name for p in kept.rglob("*.md")}
    script = [sys.executable, "-m", "klarinfo.editions.status"]
    run = subprocess.run(script + ["--migrate-hashes"], capture_output=True, text=True,
                         cwd=project)
    assert run.returncode == 0, run.stderr
    after = statuses(project, venv)["pages"]
    assert after["om.md"]["en"]["status"] == "outdated"  # recorded the older version
    assert {after["om.md"][e]["status"] for e in ("sv-latt", "ar", "so")} == {"draft"}
    assert {v["status"] for p, m in after.items() if p != "om.md" for v in m.values()} \
        == {"draft"}
    assert not legacy & {p.name for p in kept.rglob("*.md")}  # every kept version re-keyed
    diff = make(venv, "translation-diff", "PAGE=om.md", "EDITION=en", cwd=project)
    assert "  + Ett nytt stycke." in diff.stdout and diff.stdout.count("\n  + ") == 1
    again = subprocess.run(script + ["--migrate-hashes"], capture_output=True, text=True,
                           cwd=project)
    assert again.stdout.startswith("Nothing to migrate")


def test_the_project_is_on_the_current_hash(tmp_path):
    """No translation or kept version in the repository is left on the legacy hash where
    it could be migrated (run --migrate-hashes after merging a branch that adds some)."""
    project = project_with_tools(tmp_path / "project")
    run = subprocess.run([sys.executable, "-m", "klarinfo.editions.status",
                          "--migrate-hashes"], capture_output=True, text=True, cwd=project)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Nothing to migrate"), run.stdout
