"""Issue 13, section 4: `make site` — live reload for every input, a busy port reported first.

The reload test runs the real `mkdocs serve` against a copy of the project, edits the
termbase, a rule figure and an interface string, and reads the served pages until the
edits show (a deadline only stops a hung server from hanging the suite).
"""

from __future__ import annotations

import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from klarinfo.publishing import ports
from maketool import make, stand_in_venv
from sitebuild import copy_project

DEADLINE = 180  # seconds a rebuild may take on a loaded 2-core machine before we give up


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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

class Server:
    """`mkdocs serve` in a subprocess; its output collected line by line."""

    def __init__(self, project: Path, port: int, edition: str = "en"):
        """Serves Swedish and ``edition`` (as `make site LANG=<edition>` does)."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KLARINFO_EDITION": edition,
               "KLARINFO_SITE_URL": "https://klarinfo.example.org/"}
        self.base = f"http://127.0.0.1:{port}/"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
             "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout
        for line in self.proc.stdout:
            self.lines.put(line)

    def wait_for(self, pattern: str) -> str:
        """The next output line matching `pattern`; fails with the output at the deadline."""
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.proc.poll() is None, "".join(self.output)
                continue
            self.output.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no {pattern!r} in time:\n{''.join(self.output)}")

    def page(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=60) as response:
            return response.read().decode("utf-8")

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "project")
    server = Server(project, free_port())
    try:
        server.wait_for(r"Serving on http://")
        yield project, server
    finally:
        server.close()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def shows(server: Server, path: str, text: str) -> bool:
    """Wait until the served page shows `text` (the rebuild after an edit is done); the
    server's log lines are not a signal: a rebuild may end without "Documentation built"."""
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if text in server.page(path).replace("&nbsp;", "\u00a0"):
            return True
        time.sleep(0.5)
    return False


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


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_stopping_make_site_leaves_no_worker_behind(tmp_path):
    """The readability worker is a fork of `mkdocs serve`; a SIGTERM to the server (an
    editor or a process manager stopping the preview) must not leave it running."""
    server = Server(copy_project(tmp_path / "project"), free_port())
    try:
        server.wait_for(r"Serving on http://")
        workers = _children(server.proc.pid)
        assert workers, "no readability worker: the test would prove nothing"
    finally:
        server.close()
    end = time.monotonic() + 30
    while any(_alive(w) for w in workers) and time.monotonic() < end:
        time.sleep(0.5)
    assert not [w for w in workers if _alive(w)], "worker outlived the stopped server"
