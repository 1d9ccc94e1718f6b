"""Issue 30: `make findings` carries every finding of the build, MkDocs' own link and
anchor warnings included, each at its file and line, and the log passes Microsoft's SARIF
validator (`@microsoft/sarif-multitool validate`) without an error or a warning.

The validator is a devDependency in package.json; `make test` installs node_modules
(`npm ci`) before pytest runs, so it is required here, never skipped.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

import jsonschema
from maketool import ROOT, make, project_with_tools, stand_in_venv
from sitebuild import append_lines

SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0-rtm.5.json").read_text("utf-8"))
PAGE = "docs/sv/om.md"
ANCHOR_LINK = "Läs om [tolk](tolk.md#no-such-anchor)."
PAGE_LINK = "Läs om [något](nope.md)."


def multitool_problems(log: Path, work: Path) -> list[str]:
    """What `sarif-multitool validate` reports about ``log`` at level error or warning.

    The binary comes from the platform package the npm package names (`require` resolves
    it as `npx sarif-multitool` does). `npm ci --ignore-scripts` skips the package's own
    `chmod u+x` (its postinstall), so an unexecutable binary is run from an executable
    copy rather than changed in node_modules."""
    binary = Path(subprocess.run(
        ["node", "-e", "process.stdout.write(require('@microsoft/sarif-multitool'))"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    assert binary.is_file(), f"{binary}: run npm ci (package.json pins the validator)"
    if not binary.stat().st_mode & 0o100:
        copy = work / "Sarif.Multitool"
        shutil.copy(binary, copy)
        copy.chmod(0o755)
        binary = copy
    out = work / "validation.sarif"
    run = subprocess.run([str(binary), "validate", str(log), "-o", str(out)],
                         capture_output=True, text=True, timeout=120,
                         env={"DOTNET_CLI_TELEMETRY_OPTOUT": "1", "PATH": "/usr/bin:/bin",
                              "HOME": str(work)})
    assert out.is_file(), run.stdout + run.stderr
    report = json.loads(out.read_text(encoding="utf-8-sig"))["runs"][0]
    assert all(i.get("executionSuccessful") for i in report.get("invocations", [])), \
        run.stdout + run.stderr
    return [f"{r['ruleId']}: {r['message'].get('text', r['message'])}"
            for r in report.get("results", []) if r.get("level", "warning") in
            ("error", "warning")]


def test_make_findings_carries_mkdocs_link_warnings_and_validates(tmp_path):
    project = project_with_tools(tmp_path / "project")
    append_lines(project / PAGE, "", ANCHOR_LINK)
    page_line = append_lines(project / PAGE, "", PAGE_LINK)
    anchor_line = page_line - 2
    run = make(stand_in_venv(tmp_path / "venv"), "findings", cwd=project, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    log_path = project / "reports" / "findings.sarif"
    log = json.loads(log_path.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run0 = log["runs"][0]
    driver = run0["tool"]["driver"]
    assert driver["version"] == metadata.version("klarinfo")
    assert driver["informationUri"]
    for result in run0["results"]:  # every result at a file and a line
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] and not \
            location["artifactLocation"]["uri"].startswith("/")
        assert location["region"]["startLine"] >= 1
    assert {r["ruleId"] for r in run0["results"]} <= {r["id"] for r in driver["rules"]}
    here = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["message"]["text"]) for r in run0["results"]
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == PAGE]
    # MkDocs' checks share the rule "other": every rule needs a label in every catalog
    anchors = [h for h in here if "no-such-anchor" in h[2]]
    pages = [h for h in here if "nope.md" in h[2]]
    assert {h[0] for h in anchors + pages} == {"other"}
    assert [line for _, line, _ in anchors] == [anchor_line], here
    assert "no-such-anchor" in anchors[0][2]
    assert [line for _, line, _ in pages] == [page_line], here
    assert "'nope.md' points to a page that does not exist" in pages[0][2]
    assert multitool_problems(log_path, tmp_path) == []
