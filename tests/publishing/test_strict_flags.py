"""Strict means strict, whatever the flags (issue 29, item 10).

MkDocs drops a warning below its logger's level before --strict counts it: under -q
(level ERROR) every warning, ours and MkDocs' own, and the build exits 0 (mkdocs#4126).
Under -v (level DEBUG) MkDocs does not even collect the links to anchors, so a link to a
missing heading is never checked (mkdocs#3991). Either flag published a broken site.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import append_lines, copy_project

FLAGS = ("-q", "-v")


def _build(project: Path, site: Path, flag: str) -> tuple[int, str]:
    """`mkdocs build --strict` with ``flag``, with the environment of sitebuild.build."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", flag,
           "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KLARINFO_EDITION": "",
           "KLARINFO_SITE_URL": "https://klarinfo.example.org/",
           "KLARINFO_ALLOW_WARNINGS": "false"}
    proc = subprocess.run(cmd, cwd=project, capture_output=True, text=True, env=env, timeout=600)
    return proc.returncode, proc.stdout + proc.stderr


@pytest.mark.parametrize("flag", FLAGS)
def test_missing_anchor_and_deprecated_term_fail_strict_build(tmp_path, flag):
    """One build per flag with both planted: MkDocs' own warning (the anchor) and one of
    ours (the term) must each stop it, with its message."""
    project = copy_project(tmp_path / "project")
    anchor = append_lines(project / "docs/sv/om.md", "",
                          "Läs mer om [tolk](tolk.md#no-such-anchor).")
    term = append_lines(project / "docs/sv/om.md", "",
                        "Många tror att föräldrapengen är lika för alla.")
    site = tmp_path / "site"
    code, output = _build(project, site, flag)
    assert code != 0, output
    assert (f"docs/sv/om.md:{anchor}: the link 'tolk.md#no-such-anchor' leads to "
            "docs/sv/tolk.md, which has no heading or element with the id 'no-such-anchor'"
            ) in output
    assert " — link to a heading that exists" in output
    assert (f"docs/sv/om.md:{term}: ”föräldrapengen” är inte en godkänd term "
            "(foraldrapenning) — skriv ”föräldrapenning” i stället") in output
    assert not site.exists(), "a strict build with findings published the site"
