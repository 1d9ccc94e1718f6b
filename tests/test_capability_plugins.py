"""Each capability is its own MkDocs plugin: listing them one by one in mkdocs.yml builds
the same site as the ``klarinfo`` entry that loads them all (tests/test_layers.py checks
the package's shape; this checks the entry points work)."""

from __future__ import annotations

import re
from pathlib import Path

from klarinfo.adapter.config import CAPABILITIES
from sitebuild import build, copy_project


def _split_options(mkdocs_yml: str) -> str:
    """``- klarinfo:`` with all options → one ``- klarinfo/<capability>:`` entry per
    capability with its own options (comments and ``!ENV`` tags kept as written)."""
    lines = mkdocs_yml.split("\n")
    start = lines.index("  - klarinfo:")
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].strip() and not lines[i].startswith("    ")), len(lines))
    owner = {key: cap for cap, cfg in CAPABILITIES.items() for key, _ in cfg._schema}
    blocks: dict[str, list[str]] = {cap: [] for cap in CAPABILITIES}
    pending: list[str] = []  # comments above an option go with it
    current = None
    for line in lines[start + 1:end]:
        key = re.match(r"^      ([a-z_]+):", line)
        if key:
            current = owner[key.group(1)]
            blocks[current] += pending + [line]
            pending = []
        elif line.strip().startswith("#") and line.startswith("      #"):
            pending.append(line)
        elif current is not None:
            blocks[current].append(line)
    entries = []
    for cap, body in blocks.items():
        entries += [f"  - klarinfo/{cap}:" if body else f"  - klarinfo/{cap}"] + body
    return "\n".join(lines[:start] + entries + lines[end:])


def test_the_capabilities_listed_one_by_one_build_the_same_site(site, tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    split = _split_options(config.read_text(encoding="utf-8"))
    assert "  - klarinfo:" not in split and split.count("  - klarinfo/") == len(CAPABILITIES)
    config.write_text(split, encoding="utf-8")
    out = tmp_path / "site"
    result = build(project, out)
    assert result.returncode == 0, result.output
    ours = {p.relative_to(out) for p in out.rglob("*") if p.is_file()}
    theirs = {p.relative_to(site) for p in site.rglob("*") if p.is_file()}
    assert ours == theirs
    # sitemap.xml.gz carries its build time in the gzip header
    different = [str(p) for p in sorted(ours) if p.name != "sitemap.xml.gz"
                 and (out / p).read_bytes() != (site / p).read_bytes()]
    assert not different, different[:10]


def test_a_capability_listed_beside_klarinfo_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - klarinfo:", "  - klarinfo/glossary\n  - klarinfo:"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "'klarinfo/glossary' is listed besides 'klarinfo'" in result.output


def test_the_split_keeps_every_option(tmp_path):
    text = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    split = _split_options(text)
    for key in ("only_edition", "allow_warnings", "partners", "editions", "easy_read",
                "readability"):
        assert f"      {key}:" in split, key
