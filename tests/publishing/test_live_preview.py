"""Edit → preview (issue #18): in `make site`, saving a page's text re-renders only that
page in each edition that shows it, and it comes out as a full rebuild would make it;
a page's new glossary terms re-render its edition's glossary page too; anything more
(a title, mkdocs.yml) takes the full rebuild.

Real `mkdocs serve` on a copy of the project (Swedish and English editions, as
`make site LANG=en` serves them); no timing is asserted.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from klarinfo.publishing import Snapshot, plan
from serving import Server, alive, child_pids, free_port, shows
from sitebuild import copy_project

PAGES = ("tolk/", "en/tolk/", "vald/", "en/")


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _pages(server: Server) -> dict[str, str]:
    """The served pages, without the live-reload script's build counters."""
    return {path: re.sub(r"livereload\(\d+, \d+\)", "livereload(…)", server.page(path))
            for path in PAGES}




def test_a_text_edit_rerenders_its_pages_as_a_full_rebuild_would(served):
    project, server = served
    page = project / "docs" / "sv" / "tolk.md"
    original = page.read_text(encoding="utf-8")
    assert "klarinfo-notice--outdated" not in server.page("en/tolk/")

    _save(page, original + "\nDu kan fråga efter en tolk när du ringer oss.\n")
    line = server.wait_for(r"Preview: \d+ page|Full rebuild")
    assert re.search(r"Preview: 2 page\(s\) re-rendered", line), line  # sv and en
    assert shows(server, "tolk/", "när du ringer oss")
    # the English translation is now older than the Swedish page: its notice appears
    assert "klarinfo-notice--outdated" in server.page("en/tolk/")
    quick = _pages(server)

    config = project / "mkdocs.yml"
    _save(config, config.read_text(encoding="utf-8") + "\n# a comment: the same site\n")
    assert "mkdocs.yml changed" in server.wait_for(r"Full rebuild|Preview:")
    server.wait_for(r"Reloading browsers")
    full = _pages(server)
    for path in PAGES:
        assert quick[path] == full[path], f"{path} differs after the full rebuild"


def test_a_new_title_takes_the_full_rebuild(served):
    project, server = served
    page = project / "docs" / "sv" / "tolk.md"
    text = page.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    _save(page, text.replace(title, 'title: "Tolk när du behöver det"', 1))
    assert "front matter, title or links changed" in server.wait_for(r"Full rebuild|Preview:")
    assert shows(server, "vald/", "Tolk när du behöver det")  # the menu of another page


GLOSSARY = ("ordlista/", "en/ordlista/", "tolk/", "en/tolk/")


def test_a_glossary_term_new_on_a_page_rerenders_the_glossary_page_too(served):
    """The page, its translation, and the Swedish glossary page (which lists where each
    term is used) — as the next full rebuild makes them."""
    project, server = served
    page = project / "docs" / "sv" / "tolk.md"
    entry = server.page("ordlista/").split('id="bostadsbidrag"', 1)[1].split("<h2", 1)[0]
    assert 'href="../tolk/"' not in entry  # tolk does not use the term yet

    _save(page, page.read_text(encoding="utf-8") + "\nDu kan också få bostadsbidrag.\n")
    line = server.wait_for(r"Full rebuild|Preview:")
    assert re.search(r"Preview: 3 page\(s\) re-rendered", line), line  # + the glossary
    entry = server.page("ordlista/").split('id="bostadsbidrag"', 1)[1].split("<h2", 1)[0]
    assert 'href="../tolk/"' in entry
    quick = {path: re.sub(r"livereload\(\d+, \d+\)", "", server.page(path))
             for path in GLOSSARY}

    server.press_enter()
    assert "Enter pressed" in server.wait_for(r"Full rebuild|Preview:")
    server.wait_for(r"Reloading browsers")
    for path in GLOSSARY:
        full = re.sub(r"livereload\(\d+, \d+\)", "", server.page(path))
        assert quick[path] == full, f"{path} differs after the full rebuild"


def test_the_findings_page_follows_a_preview(served):
    """A finding the edit brings (a deprecated term) is listed on /_findings/ right after
    the page is re-rendered alone, as the next full rebuild lists it; and it goes again
    when the edit is undone."""
    project, server = served
    page = project / "docs" / "sv" / "tolk.md"
    original = page.read_text(encoding="utf-8")

    def rows(html: str) -> list[str]:  # the findings of tolk.md that name the term
        return [row for row in html.split("<tr>") if "docs/sv/tolk.md:" in row and "FK" in row]

    assert rows(server.page("_findings/")) == []

    _save(page, original + "\nFK betalar ut pengarna.\n")
    assert re.search(r"Preview: \d+ page", server.wait_for(r"Preview: \d+ page|Full rebuild"))
    quick = server.page("_findings/")
    assert len(rows(quick)) == 1, quick

    server.press_enter()
    assert "Enter pressed" in server.wait_for(r"Full rebuild|Preview:")
    server.wait_for(r"Reloading browsers")
    full = server.page("_findings/")
    assert rows(quick) == rows(full)

    _save(page, original)
    assert re.search(r"Preview: \d+ page", server.wait_for(r"Preview: \d+ page|Full rebuild"))
    assert rows(server.page("_findings/")) == []


def test_a_preview_reads_the_page_as_saved(served):
    """Readability and language are computed ahead, from the text the build began with; a
    re-rendered page must be read as saved: a new overlong sentence is a finding at once."""
    project, server = served
    page = project / "docs" / "sv" / "tolk.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = text.count("\n") + 1
    words = " ".join(["och du kan fråga oss om tolk när du ringer"] * 5)
    _save(page, text + f"Du har rätt till tolk {words}.\n")
    assert re.search(r"Preview: \d+ page", server.wait_for(r"Preview: \d+ page|Full rebuild"))
    assert f"docs/sv/tolk.md:{line}</a>" in server.page("_findings/")


def test_enter_in_the_terminal_rebuilds_everything(served):
    """The full rebuild is one keystroke away, also when nothing was saved."""
    project, server = served
    before = server.page("tolk/")
    server.press_enter()
    assert "Enter pressed in the terminal" in server.wait_for(r"Full rebuild|Preview:")
    server.wait_for(r"Reloading browsers")
    page = project / "docs" / "sv" / "tolk.md"  # and the page preview works again after it
    _save(page, page.read_text(encoding="utf-8") + "\nDu kan be om en tolk i telefon.\n")
    assert re.search(r"Preview: \d+ page", server.wait_for(r"Preview: \d+ page|Full rebuild"))
    assert shows(server, "tolk/", "Du kan be om en tolk i telefon")
    assert before != server.page("tolk/")


def test_stopping_the_server_stops_the_preview_processes(tmp_path):
    server = Server(copy_project(tmp_path / "project"), free_port())
    try:
        server.wait_for(r"Serving on http://")
        children = child_pids(server.proc.pid)
        assert len(children) >= 3  # the readability worker and one per edition (sv, en)
    finally:
        server.proc.kill()  # no goodbye at all
        server.proc.wait()
    end = time.monotonic() + 30
    while any(alive(c) for c in children) and time.monotonic() < end:
        time.sleep(0.5)
    assert not [c for c in children if alive(c)]


def test_the_plan(tmp_path):
    docs = tmp_path / "docs"
    for edition in ("sv", "en"):
        (docs / edition).mkdir(parents=True)
        _save(docs / edition / "a.md", "---\ntitle: A\ndescription: En sida.\n---\n\n# A\n\nText [x](b.md).\n")
    other = tmp_path / "glossary.yml"
    _save(other, "terms: []\n")
    roots = [docs, other]
    before = Snapshot.take(roots)
    assert plan(before, Snapshot.take(roots, before), docs, ["sv", "en"], "sv").nothing

    _save(docs / "sv" / "a.md", "---\ntitle: A\ndescription: En sida.\n---\n\n# A\n\nNy text [x](b.md).\n")
    after = Snapshot.take(roots, before)
    assert plan(before, after, docs, ["sv", "en"], "sv").pages == {
        "sv": ("a.md",), "en": ("a.md",)}
    _save(docs / "en" / "a.md", "---\ntitle: A\ndescription: En sida.\n---\n\n# A\n\nNew [x](b.md).\n")
    assert plan(after, Snapshot.take(roots, after), docs, ["sv", "en"], "sv").pages == {
        "en": ("a.md",)}
    for change, reason in (
            ("---\ntitle: B\ndescription: En sida.\n---\n\n# A\n\nText [x](b.md).\n", "front matter"),
            ("---\ntitle: A\ndescription: En sida.\n---\n\n# A\n\nText [x](c.md).\n", "links"),
    ):
        _save(docs / "sv" / "a.md", change)
        assert reason in plan(before, Snapshot.take(roots, before), docs,
                              ["sv", "en"], "sv").full
    _save(docs / "sv" / "a.md", "---\ntitle: A\ndescription: En sida.\n---\n\n# A\n\nText [x](b.md).\n")
    _save(other, "terms: [x]\n")
    assert "glossary.yml changed" in plan(before, Snapshot.take(roots, before), docs,
                                          ["sv", "en"], "sv").full
    _save(docs / "sv" / ".a.md.swp", "litter")
    _save(docs / "sv" / "b.md", "# B\n")
    assert "1 file(s) added" in plan(before, Snapshot.take(roots, before), docs,
                                     ["sv", "en"], "sv").full


def test_a_broken_glossary_keeps_the_last_good_site_served(served):
    """#30: MkDocs holds every request until a build succeeds; the preview serves the
    last good site with the error in the terminal, and picks up the fix."""
    project, server = served
    glossary = project / "glossary" / "allmant.yml"
    good = glossary.read_text(encoding="utf-8")
    _save(glossary, good + "\n  - id: [trasig\n")
    server.wait_for(r"The rebuild failed")
    assert re.search(r"glossary/allmant\.yml:\d+: YAML syntax error", "".join(server.output))
    assert "Din rätt till tolk" in server.page("tolk/")  # answered, not held
    _save(glossary, good)
    server.wait_for(r"Documentation built|Full rebuild")
    assert shows(server, "tolk/", "Din rätt till tolk")
