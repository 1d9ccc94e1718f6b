"""Build the real site with the real MkDocs CLI, as `make build` does, into a chosen folder.

Tests never mock our build: they run it in a subprocess against a copy of the
project (or the project itself) and read what it wrote.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = ("sv", "sv-latt", "ar", "so", "en")
EXPECTED = {  # edition → (lang, dir)
    "sv": ("sv", "ltr"),
    "sv-latt": ("sv", "ltr"),
    "ar": ("ar", "rtl"),
    "so": ("so", "ltr"),
    "en": ("en", "ltr"),
}


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def copy_project(dest: Path) -> Path:
    """A private copy of everything a build reads, so a test can break it safely."""
    for name in ("docs", "locales", "glossary", "data"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def add_partner(project: Path, origin: str) -> None:
    """List one more partner origin (a local test server) in the copy's mkdocs.yml."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "- https://www.informationsverige.se",
        f"- https://www.informationsverige.se\n        - {origin}"), encoding="utf-8")


def append_lines(page: Path, *new: str) -> int:
    """Add lines at the end of a page; returns the line number of the last one."""
    lines = page.read_text(encoding="utf-8").splitlines() + list(new)
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def build(project: Path, site: Path, strict: bool = True, edition: str = "",
          allow_warnings: bool | None = None) -> BuildResult:
    """``strict=False`` is a build that publishes despite warnings (to look at planted
    defects), unless ``allow_warnings=False``: then it fails on them, as `mkdocs build`
    without --strict does for people."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
           "-d", str(site)]
    if strict:
        cmd.append("--strict")
    allow = (not strict) if allow_warnings is None else allow_warnings
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KLARINFO_EDITION": edition,
           "KLARINFO_SITE_URL": "https://klarinfo.example.org/",
           "KLARINFO_ALLOW_WARNINGS": "true" if allow else "false"}
    proc = subprocess.run(cmd, cwd=project, capture_output=True, text=True, env=env, timeout=600)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site (or of the folders beside it) by relative path; gzip
    files uncompressed (their header holds the build time)."""
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = data
    return out


def with_option(project: Path, line: str) -> None:
    """Set one klarinfo option in the copy's mkdocs.yml (``line`` like ``key: value``)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - klarinfo:\n" in text
    config.write_text(text.replace("  - klarinfo:\n", f"  - klarinfo:\n      {line}\n"),
                      encoding="utf-8")


def edition_of(site: Path, html: Path) -> str:
    parts = html.relative_to(site).parts
    if parts[0] == "embed" and len(parts) > 1:  # embed views mirror the site's folders
        parts = parts[1:]
    return parts[0] if parts[0] in EDITIONS else "sv"
