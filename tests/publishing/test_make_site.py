"""Issue 13, section 4: `make site` — live reload for every input, a busy port reported first.

The reload test runs the real `mkdocs serve` against a copy of the project, edits the
termbase, a rule figure and an interface string, and reads the served pages until the
edits show (a deadline only stops a hung server from hanging the suite).
"""

from __future__ import annotations

import socket
import time
from pathlib import Path

from klarinfo.publishing import ports
from maketool import make, stand_in_venv
from serving import Server, alive, child_pids, free_port, shows
from sitebuild import copy_project

# --- a busy port ----------------------------------------------------------------------------

def test_busy_port_is_reported_before_building(tmp_path):
    venv = stand_in_venv(tmp_path / "venv")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = make(venv, "site", f"PORT={port}", timeout=120)
    assert run.returncode != 0
    assert f"make site: cannot serve on http://127.0.0.1:{port}/" in run.stderr
    assert f"choose another port: make site PORT={port + 1}" in run.stderr
    output = run.stdout + run.stderr
    assert "Building documentation" not in output and "mkdocs serve" not in output
    assert "Traceback" not in output


def test_port_check():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert ports.busy("127.0.0.1", port)
        assert ports.main(["127.0.0.1", str(port)]) == 1
    assert ports.busy("127.0.0.1", port) is None  # free again once released
    assert ports.busy("127.0.0.1", 70000)  # no such port
    assert ports.busy("no-such-host.invalid", 8000).startswith("cannot resolve the host")


# --- live reload ----------------------------------------------------------------------------



def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_make_site_reloads_on_glossary_data_and_locales(served):
    project, server = served
    assert "Den myndighet som betalar ut pengar" in server.page("ordlista/")

    edit(project / "glossary" / "allmant.yml", "Den myndighet som betalar ut pengar",
         "Myndigheten (omskriven i testet) som betalar ut pengar")
    assert shows(server, "ordlista/", "Myndigheten (omskriven i testet) som betalar ut pengar")

    assert "1\u00a0200" in server.page("bostadsbidrag/").replace("&nbsp;", "\u00a0")
    edit(project / "data" / "rules.yml", "values: {2025: 1200, 2026: 1200}",
         "values: {2025: 1300, 2026: 1300}")
    assert shows(server, "bostadsbidrag/", "1\u00a0300")

    edit(project / "locales" / "sv" / "LC_MESSAGES" / "theme.po",
         'msgstr "Gå till innehållet"', 'msgstr "Hoppa till texten"')
    assert shows(server, "", "Hoppa till texten")


def test_stopping_make_site_leaves_no_worker_behind(tmp_path):
    """The readability worker is a fork of `mkdocs serve`; a SIGTERM to the server (an
    editor or a process manager stopping the preview) must not leave it running."""
    server = Server(copy_project(tmp_path / "project"), free_port())
    try:
        server.wait_for(r"Serving on http://")
        workers = child_pids(server.proc.pid)
        assert workers, "no readability worker: the test would prove nothing"
    finally:
        server.close()
    end = time.monotonic() + 30
    while any(alive(w) for w in workers) and time.monotonic() < end:
        time.sleep(0.5)
    assert not [w for w in workers if alive(w)], "worker outlived the stopped server"
