"""Issue 7: translation status, outdated and missing translations, scaffolding, preview.

Every test that looks at pages builds the real site from a copy of the project.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from klarinfo.editions import translation_status as ts
from klarinfo.publishing import links as link_check
from sitebuild import build, copy_project

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "status-site"
NEW_SENTENCE = "Spara alla brev om bostadsbidraget i en mapp."


def status(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "klarinfo.editions.status",
                           "--config", str(project / "mkdocs.yml"), *args],
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """The project after a communicator edited a Swedish page and the Somali
    translation of another page was deleted, and its built site."""
    project = copy_project(tmp_path_factory.mktemp("changed") / "project")
    source = project / "docs" / "sv" / "bostadsbidrag.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("## Därför blir det skulder",
                                   f"{NEW_SENTENCE}\n\n## Därför blir det skulder"),
                      encoding="utf-8")
    (project / "docs" / "so" / "tolk.md").unlink()
    result = build(project, project.parent / "site")
    assert result.returncode == 0, result.output
    return project, result


def html(site: Path, edition: str, page: str) -> str:
    prefix = site if edition == "sv" else site / edition
    return (prefix / page / "index.html").read_text(encoding="utf-8")


# --- status ---------------------------------------------------------------------------------

def test_status_output_for_the_fixture_site():
    run = status(FIXTURE)
    assert run.returncode == 0, run.stderr
    expected = (FIXTURE / "expected-status.txt").read_text(encoding="utf-8")
    assert run.stdout == expected


def test_status_json_for_dashboards():
    data = json.loads(status(FIXTURE, "--json").stdout)
    assert data["pages"]["bostadsbidrag.md"]["en"]["status"] == "outdated"
    assert data["pages"]["bostadsbidrag.md"]["so"]["status"] == "missing"
    assert data["pages"]["tolk.md"]["en"]["status"] == "reviewed"
    assert data["totals"] == {"outdated": 1, "missing": 2, "reviewed": 1, "draft": 2}
    assert data["catalogs"]["so"]["theme"] == {"translated": 1, "total": 2}


def test_diff_shows_only_the_changed_paragraph():
    run = status(FIXTURE, "--diff", "bostadsbidrag.md", "en")
    assert run.returncode == 0
    assert run.stdout.splitlines()[1:] == [
        "docs/sv/bostadsbidrag.md:10: changed",
        "  - Du får besked senare.",
        "  + Det slutliga bidraget kommer senare.",
    ]


def test_editing_a_swedish_page_makes_its_translations_outdated(changed):
    project, result = changed
    data = json.loads(status(project, "--json").stdout)
    assert {data["pages"]["bostadsbidrag.md"][e]["status"]
            for e in ("sv-latt", "ar", "so", "en")} == {"outdated"}
    assert data["pages"]["tolk.md"]["en"]["status"] == "draft"  # untouched pages stay as they were
    assert "docs/en/bostadsbidrag.md:1: outdated" in result.output
    diff = status(project, "--diff", "bostadsbidrag.md", "ar").stdout
    assert "added" in diff and f"  + {NEW_SENTENCE}" in diff
    assert diff.count("\n  + ") == 1 and "  - " not in diff  # that paragraph only


def test_outdated_translation_shows_a_notice_linking_to_swedish(changed):
    project, result = changed
    site = result.site
    notice = re.search(r'<div class="klarinfo-notice klarinfo-notice--outdated".*?</div>',
                       html(site, "en", "bostadsbidrag"), re.S).group(0)
    assert "The Swedish page has changed since this translation was made" in notice
    assert 'href="../../bostadsbidrag/"' in notice and 'hreflang="sv"' in notice
    arabic = html(site, "ar", "bostadsbidrag")
    assert "تغيّرت الصفحة السويدية" in arabic
    assert "klarinfo-notice--outdated" not in html(site, "en", "tolk")
    assert "klarinfo-notice--outdated" not in html(site, "sv", "bostadsbidrag")


def test_missing_translation_falls_back_honestly(changed):
    project, result = changed
    site = result.site
    page = html(site, "so", "tolk")
    assert '<html lang="so" dir="ltr"' in page  # the page chrome is Somali
    notice = re.search(r'klarinfo-notice--fallback".*?</div>', page, re.S).group(0)
    assert "Boggan weli laguma hayo af Soomaali" in notice
    inner = re.search(r'<div lang="sv" dir="ltr" class="klarinfo-fallback">(.*)', page, re.S)
    assert inner and "<h1" in inner.group(1) and "Din rätt till tolk" in inner.group(1)
    assert '<meta name="robots" content="noindex">' in page
    # said in the edition's language (Somali here), with the command that starts it
    assert re.search(r"docs/so/tolk\.md: .* — .*make new-translation PAGE=tolk\.md EDITION=so",
                     result.output)
    # no Somali hreflang for it anywhere, no sitemap entry, no search entry
    for edition in ("sv", "en", "ar", "so"):
        links = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"',
                           html(site, edition, "tolk"))
        assert links and "so" not in [lang for lang, _ in links]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/so/tolk/" not in sitemap and "/so/vald/" in sitemap
    index = json.loads((site / "so" / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in index["docs"]]
    assert not any(loc.startswith("so/tolk/") for loc in locations)
    assert any(loc.startswith("so/vald/") for loc in locations)
    # partners: an embed view (links between embed views hold), marked the same way, but
    # no oEmbed response and no feed entry; and no link in the whole site is broken
    embedded = (site / "embed" / "so" / "tolk" / "index.html").read_text(encoding="utf-8")
    assert "Boggan weli laguma hayo af Soomaali" in embedded
    assert '<div lang="sv" dir="ltr" class="klarinfo-fallback">' in embedded
    assert not (site / "embed" / "so" / "tolk" / "oembed.json").exists()
    feed = json.loads((site / "feed" / "so.json").read_text(encoding="utf-8"))
    assert not any(i["url"].endswith("/so/tolk/") for i in feed["items"])
    assert not link_check.check(site, "https://klarinfo.example.org/").broken
    # a translated page carries no fallback marks
    assert "klarinfo-fallback" not in html(site, "so", "vald")
    assert 'content="noindex"' not in html(site, "so", "vald")


# --- front matter, scaffolding, preview -----------------------------------------------------

def test_translation_front_matter_is_checked_with_lines():
    text = ("---\ntitle: X\ntranslation_of: tolk.md\nsource_hash: 123\n"
            "translation_status: done\n---\n\n# X\n")
    shown = [str(f) for f in ts.check_translation(text, "docs/so/tolk.md", "tolk.md", "so")]
    assert any(s.startswith("docs/so/tolk.md:5: translation_status is 'done'") for s in shown)
    assert any(s.startswith("docs/so/tolk.md:4: the page does not record which Swedish version")
               and "make translation-done PAGE=tolk.md EDITION=so" in s for s in shown)
    assert ts.source_hash("---\nreviewed: 1\n---\n\n# A\n") == ts.source_hash(
        "---\nreviewed: 2\n---\n# A  \n\n")  # a new review date is not a new version


def test_done_records_the_version_and_the_status_turns_current(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "sv" / "om.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEtt nytt stycke.\n", encoding="utf-8")
    assert json.loads(status(project, "--json").stdout)["pages"]["om.md"]["en"]["status"] \
        == "outdated"
    assert status(project, "--done", "om.md", "en").returncode == 0
    data = json.loads(status(project, "--json").stdout)["pages"]["om.md"]
    assert data["en"]["status"] == "draft" and data["ar"]["status"] == "outdated"
    kept = project / "locales" / "sources" / "om"
    old = data["ar"]["recorded_hash"]
    assert (kept / f"{data['en']['current_hash']}.md").exists() and (kept / f"{old}.md").exists()
    for edition in ("sv-latt", "ar", "so"):
        status(project, "--done", "om.md", edition)
    assert not (kept / f"{old}.md").exists()  # no translation records it any more


def test_new_page_is_missing_everywhere_and_new_translation_starts_as_draft(tmp_path):
    project = copy_project(tmp_path / "project")
    script = [sys.executable, "-m", "klarinfo.editions.new_page", "--config",
              str(project / "mkdocs.yml")]
    run = subprocess.run(script + ["nytt-stod", "--title", "Nytt stöd"], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    text = (project / "docs" / "sv" / "nytt-stod.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Nytt stöd\nreviewed: ") and "## Källor" in text
    data = json.loads(status(project, "--json").stdout)["pages"]["nytt-stod.md"]
    assert {v["status"] for v in data.values()} == {"missing"}
    run = subprocess.run(script + ["--translate", "nytt-stod.md", "so"], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    data = json.loads(status(project, "--json").stdout)["pages"]["nytt-stod.md"]
    # a stub has no text yet: readers get the Swedish page, so it is still missing
    assert data["so"]["status"] == "missing" and data["so"]["stub"]
    assert data["en"]["status"] == "missing" and not data["en"]["stub"]
    started = (project / "docs" / "so" / "nytt-stod.md").read_text(encoding="utf-8")
    assert "translation_status: draft" in started and "<!-- sv (line 7):\n# Nytt stöd" in started
    refused = subprocess.run(script + ["--translate", "nytt-stod.md", "so"],
                             capture_output=True, text=True)
    assert refused.returncode == 2 and "already exists" in refused.stderr


def test_one_edition_preview_builds_only_that_edition_and_swedish(tmp_path):
    result = build(copy_project(tmp_path / "project"), tmp_path / "site", edition="ar")
    assert result.returncode == 0, result.output
    assert (result.site / "ar" / "tolk" / "index.html").exists()
    assert (result.site / "tolk" / "index.html").exists()
    assert not (result.site / "so").exists() and not (result.site / "en").exists()
    bad = build(copy_project(tmp_path / "p2"), tmp_path / "site2", edition="xx")
    assert bad.returncode != 0 and "only_edition 'xx' is not an edition" in bad.output


@pytest.mark.browser
def test_notices_pass_axe_in_chromium(changed, browser):
    from browser import DESKTOP, PHONE, describe, run_axe, serve

    _, result = changed
    with serve(result.site) as base:
        for path in ("so/tolk/", "en/bostadsbidrag/", "ar/bostadsbidrag/", "embed/so/tolk/"):
            for viewport in (PHONE, DESKTOP):
                context = browser.new_context(viewport=viewport)
                page = context.new_page()
                page.goto(f"{base}{path}", wait_until="networkidle")
                assert page.locator(".klarinfo-notice").first.is_visible()
                violations = run_axe(page)
                assert not violations, f"{path}: {describe(violations)}"
                context.close()
