from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from serving import Server, free_port  # noqa: E402
from sitebuild import ROOT, build, copy_project  # noqa: E402


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per test session with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build(ROOT, out)
    assert result.returncode == 0, result.output
    return out


@pytest.fixture(scope="session")
def base_url(site) -> str:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def served(tmp_path):
    """`mkdocs serve` on a private copy of the project (Swedish and English editions):
    (project, server)."""
    project = copy_project(tmp_path / "project")
    server = Server(project, free_port())
    try:
        server.wait_for(r"Serving on http://")
        yield project, server
    finally:
        server.close()
