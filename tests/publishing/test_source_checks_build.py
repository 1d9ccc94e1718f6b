"""Issue #13, section 3: mistakes that used to publish and now fail the strict build with
``path:line``. Every test plants one kind of defect in a copy of the real project and
builds it with the real MkDocs CLI; most build only Swedish and one edition
(``edition=``), which is all the defect needs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitebuild import build, copy_project


def _line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1


def _insert_after(path: Path, anchor: str, new: str) -> int:
    """Put ``new`` (one line) right after the line holding ``anchor``; its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if anchor in line)
    lines[index + 1:index + 1] = ["", new, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 3


def _snapshot(site: Path) -> dict[Path, bytes]:
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_unfilled_placeholders_fail_whatever_their_spelling(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "sv" / "tolk.md"
    planted = {
        "{{ rules.NAMN }}": "placeholder '{{ rules.NAMN }}' was not filled in",
        "{{ rules.foo-bar }}": "placeholder '{{ rules.foo-bar }}' was not filled in",
        "{{ RULES.x }}": "placeholder '{{ RULES.x }}' was not filled in",
        "{{ x }}": "placeholder '{{ x }}' was not filled in",
        "{{rules.x}}": "unknown rule parameter 'x'",
        "{{ site.x }}": "no site setting 'x'",
    }
    for text in planted:
        _insert_after(page, "# Din rätt till tolk", f"Figur: {text}.")
    _insert_after(page, "# Din rätt till tolk", "Koden `{{ rules.NAMN }}` visas som kod.")
    lines = {text: _line_of(page, f"Figur: {text}.") for text in planted}
    om = project / "docs" / "sv" / "om.md"
    om.write_text(om.read_text(encoding="utf-8").replace("title: ", "title: Om {{ oops }} ", 1),
                  encoding="utf-8")

    result = build(project, tmp_path / "site", edition="so")

    assert result.returncode != 0
    for text, message in planted.items():
        assert f"docs/sv/tolk.md:{lines[text]}: {message}" in result.output, text
    # the code span on its own line is not reported
    assert result.output.count("'{{ rules.NAMN }}' was not filled in") == 1
    # a title from front matter never reaches the Markdown body: the HTML net catches it
    assert "docs/sv/om.md:2: placeholder '{{ oops }}' was not filled in" in result.output
    assert result.output.count("docs/sv/tolk.md:" + str(lines["{{ x }}"])) == 1, \
        "reported once, not once per edition showing the Swedish page"
    assert not result.site.exists()


def test_front_matter_that_is_not_yaml_fails_at_the_yaml_line(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "docs" / "sv" / "om.md"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "reviewed:", "description: [Om sidorna\nreviewed:", 1), encoding="utf-8")
    translation = project / "docs" / "so" / "tolk.md"
    translation.write_text(translation.read_text(encoding="utf-8").replace(
        "translation_status: draft", "translation_status: draft: yes"), encoding="utf-8")

    result = build(project, tmp_path / "site", edition="so")

    assert result.returncode != 0
    assert (f"docs/sv/om.md:{_line_of(source, 'description: [')}: YAML syntax error"
            in result.output)
    assert (f"docs/so/tolk.md:{_line_of(translation, 'translation_status:')}: YAML syntax "
            "error: mapping values are not allowed" in result.output)
    assert "MkDocs would publish it as page text" in result.output


def test_translation_stub_is_not_published_readers_get_swedish_with_the_notice(tmp_path):
    project = copy_project(tmp_path / "project")
    stub = project / "docs" / "so" / "om.md"
    stub.unlink()
    run = subprocess.run([sys.executable, "-m", "klarinfo.editions.new_page", "--config",
                          str(project / "mkdocs.yml"), "--translate", "om.md", "so"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    first_comment = _line_of(stub, "<!-- sv")

    strict = build(project, tmp_path / "strict", edition="so")
    assert strict.returncode != 0
    assert (f"docs/so/om.md:{first_comment}: the translation has no text yet" in strict.output)

    preview = build(project, tmp_path / "preview", edition="so", strict=False)
    assert preview.returncode == 0, preview.output
    page = (tmp_path / "preview" / "so" / "om" / "index.html").read_text(encoding="utf-8")
    assert "klarinfo-notice--fallback" in page  # the missing-translation notice
    assert 'id="om-de-har-sidorna"' in page  # the Swedish page, not a blank one

    # translators are told the same: missing (a stub), not "draft"
    status = subprocess.run([sys.executable, "-m", "klarinfo.editions.status",
                             "--config", str(project / "mkdocs.yml")],
                            capture_output=True, text=True)
    assert "docs/so/om.md: not translated yet" in status.stdout, status.stdout + status.stderr


def test_an_empty_swedish_page_is_an_error(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "sv" / "tom.md").write_text("---\ntitle: Tom\n---\n\n# Tom\n\n"
                                                    "<!-- Skriv här. -->\n", encoding="utf-8")
    result = build(project, tmp_path / "site", edition="so")
    assert result.returncode != 0
    assert "docs/sv/tom.md:5: the page is empty: only headings and comments" in result.output


def test_links_to_missing_anchors_name_the_markdown_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "sv" / "tolk.md"
    _insert_after(page, "# Din rätt till tolk", "Läs [om oss](om.md#finns-inte).")
    _insert_after(page, "# Din rätt till tolk", "Se [nedan](#saknas).")
    other, same = _line_of(page, "(om.md#finns-inte)"), _line_of(page, "(#saknas)")

    result = build(project, tmp_path / "site", edition="so")

    assert result.returncode != 0
    assert (f"docs/sv/tolk.md:{same}: the link '#saknas' leads to this page, which has no "
            "heading or element with the id 'saknas'") in result.output
    assert (f"docs/sv/tolk.md:{other}: the link 'om.md#finns-inte' leads to docs/sv/om.md, "
            "which has no heading") in result.output
    assert result.output.count(f"docs/sv/tolk.md:{same}:") == 1  # not once per edition


def test_a_page_that_is_not_utf8_is_named_with_its_line_and_left_out(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "so" / "om.md"
    text = page.read_text(encoding="utf-8")
    page.write_bytes(text.replace("\n\n", "\n\nCaf\u00e9 ", 1).encode("cp1252", "replace"))
    line = text[: text.index("\n\n")].count("\n") + 3

    result = build(project, tmp_path / "site", edition="so")

    assert result.returncode != 0
    assert "Traceback" not in result.output and "UnicodeDecodeError" not in result.output
    assert f"docs/so/om.md:{line}: not UTF-8 text: byte 0xe9 in column 4" in result.output


def test_data_files_that_are_not_utf8_are_named_without_a_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    for name in ("glossary/tolk.yml", "data/rules.yml", "locales/so/LC_MESSAGES/theme.po"):
        path = project / name
        original = path.read_bytes()
        lines = original.split(b"\n")
        lines[2] += "\u00e4".encode("cp1252")
        path.write_bytes(b"\n".join(lines))
        result = build(project, tmp_path / "site", edition="so")
        path.write_bytes(original)
        assert result.returncode != 0, name
        assert "Traceback" not in result.output, result.output[-2000:]
        assert f"{name}:3: not UTF-8 text: byte 0xe4" in result.output, name


def test_scripts_name_a_page_that_is_not_utf8(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "sv" / "om.md"
    page.write_bytes(page.read_bytes().replace("här".encode(), "här".encode("cp1252"), 1))
    for script, *args in (("klarinfo.readability.report",), ("klarinfo.editions.status",),
                          ("klarinfo.editions.status", "--diff", "om.md", "so"),
                          ("klarinfo.editions.status", "--done", "om.md", "so")):
        run = subprocess.run([sys.executable, "-m", script, "--config",
                              str(project / "mkdocs.yml"), *args],
                             capture_output=True, text=True)
        assert run.returncode != 0, script
        assert "Traceback" not in run.stderr, run.stderr[-2000:]
        assert "docs/sv/om.md:2: not UTF-8 text" in run.stderr, script


def test_glossary_yaml_error_and_example_field_name_their_lines(tmp_path):
    project = copy_project(tmp_path / "project")
    glossary = project / "glossary" / "tolk.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "      term: tolk\n", "      term: [tolk\n", 1), encoding="utf-8")
    result = build(project, tmp_path / "site", edition="so")
    assert result.returncode != 0
    assert (f"glossary/tolk.yml:{_line_of(glossary, 'term: [tolk')}: YAML syntax error"
            in result.output)

    project = copy_project(tmp_path / "project2")
    page = project / "docs" / "sv" / "tolk.md"
    _insert_after(page, "# Din rätt till tolk", "```housing-allowance\nchildren: 2\n"
                  "housing_cost_per_month: 7000\nestimated_income: 180000\n```")
    result = build(project, tmp_path / "site2", edition="so")
    assert result.returncode != 0
    assert "None" not in result.output
    assert (f"docs/sv/tolk.md:{_line_of(page, 'children: 2')}: taxed_income is missing"
            in result.output)


def test_plain_build_refuses_to_publish_with_warnings_and_keeps_the_last_good_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    good = build(project, site, edition="so", strict=False, allow_warnings=False)
    assert good.returncode == 0, good.output
    before = _snapshot(site)
    page = project / "docs" / "sv" / "tolk.md"
    line = _insert_after(page, "# Din rätt till tolk", "Figur: {{ rules.NAMN }}.")

    plain = build(project, site, edition="so", strict=False, allow_warnings=False)

    assert plain.returncode != 0
    assert f"docs/sv/tolk.md:{line}: placeholder" in plain.output
    assert "warning(s) above: the site was not published" in plain.output
    assert _snapshot(site) == before, "a build with warnings replaced the published site"
    assert sorted(p.name for p in tmp_path.iterdir()) == [  # reports, server: beside site/
        "project", "reports", "server", "site"], "staging left"


def test_an_untranslated_page_linking_to_a_swedish_heading_is_caught_in_the_edition(tmp_path):
    """Heading ids come from the words, so a Swedish page shown untranslated in Somali links
    into the Somali page, where the heading has other words."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "so" / "tolk.md").unlink()  # tolk.md is shown in Swedish in so/
    page = project / "docs" / "sv" / "tolk.md"
    _insert_after(page, "# Din rätt till tolk", "Läs [om oss](om.md#om-de-har-sidorna).")
    line = _line_of(page, "(om.md#om-de-har-sidorna)")

    result = build(project, tmp_path / "site", edition="so")

    assert result.returncode != 0
    assert (f"docs/sv/tolk.md:{line}: the link 'om.md#om-de-har-sidorna' leads to "
            "docs/so/om.md, which has no heading or element with the id 'om-de-har-sidorna' — "
            "in the so edition, where this page is shown untranslated") in result.output
    assert "give the heading the same id in every edition" in result.output
