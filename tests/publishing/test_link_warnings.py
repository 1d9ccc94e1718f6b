"""Issue 30 item 2: a link to a missing page fails the strict build with one line that
names the page, the line and a fix — not MkDocs' bare "Doc file … is not found among
documentation files" — once, though the Swedish page is shown in two editions; and a
`javascript:` link gives safety's line only, not MkDocs' second line about an anchor."""

from __future__ import annotations

import re

from sitebuild import append_lines, build, copy_project

PAGE = "docs/sv/om.md"


def test_missing_page_and_script_link_give_one_clear_line_each(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "en" / "om.md").unlink()  # the English edition shows the Swedish page
    page_line = append_lines(project / PAGE, "", "Läs om [något](nope.md).")
    script_line = append_lines(project / PAGE, "", "Klicka [här](javascript:alert(1)).")
    result = build(project, tmp_path / "site", strict=True)
    assert result.returncode != 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("WARNING")
                and "came from the editions built alongside" not in line]
    missing = [w for w in warnings if "nope.md" in w]
    assert len(missing) == 1, warnings
    assert re.fullmatch(
        rf"WARNING -  {re.escape(PAGE)}:{page_line}: the link 'nope\.md' points to a page "
        r"that does not exist — write the path of an existing page \(e\.g\. [\w./-]+\.md\) "
        r"or remove the link", missing[0]), missing[0]
    scripts = [w for w in warnings if "javascript" in w or "blocked" in w]
    assert len(scripts) == 1 and f"{PAGE}:{script_line}: link target" in scripts[0], warnings
    assert len(warnings) == 2, warnings
    assert "Doc file" not in result.output
