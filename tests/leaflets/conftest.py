"""A real site built as `make leaflets` builds it, and its leaflets, once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitebuild import build, copy_project

TOPICS = ("foraldrapenning", "bostadsbidrag", "vald", "tolk")
SITE_URL = "https://klarinfo.example.org/"


@dataclass
class Made:
    project: Path
    site: Path
    returncode: int
    output: str


def make_leaflets(project: Path, site: Path, edition: str = "",
                  config: Path | None = None) -> Made:
    """`make leaflets` on a project copy: the build with leaflet links, then the CLI."""
    os.environ["KLARINFO_LEAFLETS"] = "true"
    try:
        result = build(project, site, edition=edition)
    finally:
        del os.environ["KLARINFO_LEAFLETS"]
    assert result.returncode == 0, result.output
    proc = subprocess.run([sys.executable, "-m", "klarinfo.leaflets.build", str(site),
                           "--config", str(config or project / "mkdocs.yml")],
                          cwd=project, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "KLARINFO_SITE_URL": SITE_URL})
    return Made(project, site, proc.returncode, proc.stdout + proc.stderr)


@pytest.fixture(scope="session")
def leaflets(tmp_path_factory) -> Made:
    tmp = tmp_path_factory.mktemp("leaflets")
    made = make_leaflets(copy_project(tmp / "project"), tmp / "site")
    assert made.returncode == 0, made.output
    return made


@pytest.fixture(scope="session")
def artefacts(tmp_path_factory) -> Path:
    """Where rendered leaflet pages are kept for people to look at: KLARINFO_ARTEFACTS
    (CI can upload it), else the session's temporary folder."""
    folder = os.environ.get("KLARINFO_ARTEFACTS")
    out = Path(folder) / "leaflets" if folder else tmp_path_factory.mktemp("leaflet-pages")
    out.mkdir(parents=True, exist_ok=True)
    return out
