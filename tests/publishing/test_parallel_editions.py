"""`make build` builds the editions after the Swedish one in two processes (issue #18):
the same site, reports and server files as one process makes, and a failure in the second
process fails the build and keeps the last good site."""

from __future__ import annotations

from pathlib import Path

from sitebuild import build, copy_project, site_files, with_option


def test_two_processes_build_the_same_site_as_one(site: Path, tmp_path: Path):
    project = copy_project(tmp_path / "project")
    with_option(project, "parallel_editions: false")
    one = build(project, tmp_path / "one" / "site")
    assert one.returncode == 0, one.output
    for folder in ("site", "reports", "server"):  # what is published, and beside it
        ours, theirs = site_files(site.parent / folder), site_files(one.site.parent / folder)
        assert sorted(ours) == sorted(theirs), folder
        assert [name for name in ours if ours[name] != theirs[name]] == [], folder
    assert len(site_files(site)) > 200
    # the reports hold every edition's pages, the second process's ones too
    report = (site.parent / "reports" / "readability.json").read_text(encoding="utf-8")
    assert "docs/en/tolk.md" in report and "docs/sv-latt/tolk.md" in report


def test_a_failure_in_the_second_process_fails_the_build(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    # A hook that fails on one English page: English is built by the second process.
    # (A page's own `template:` key did this before; the front-matter schema refuses it.)
    (project / "fail_hook.py").write_text(
        "def on_page_markdown(markdown, page, **kwargs):\n"
        "    if page.file.src_uri == 'en/tolk.md':\n"
        "        raise RuntimeError('no-such-template.html')\n"
        "    return markdown\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - fail_hook.py\n",
                      encoding="utf-8")
    site = tmp_path / "out" / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    result = build(project, site)
    assert result.returncode != 0
    assert "building the editions" in result.output and "en" in result.output
    assert "no-such-template.html" in result.output
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert [p.name for p in site.parent.iterdir()] == ["site"]  # no staging folder left


def test_work_ahead_is_ordered_for_the_second_process_first():
    """The second process takes only what the worker finished before the split: its
    editions come right after the first one, the first process's after them."""
    from klarinfo.adapter.parallel import order_of_need, second_half

    locales = ["sv", "sv-latt", "en", "ar", "so"]
    assert second_half(locales[1:]) == ["ar", "so"]
    assert order_of_need(locales) == ["sv", "ar", "so", "sv-latt", "en"]
    assert order_of_need(["sv", "en"]) == ["sv", "en"]
