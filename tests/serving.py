"""`mkdocs serve` for tests: the real preview server (`make site`) in a subprocess on a
free port, read until an edit shows; shared by the publishing, findings and other tests
that need a live server rather than a built site.

A deadline only stops a hung server from hanging the suite; no test asserts a time.
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

DEADLINE = 180  # seconds a rebuild may take on a loaded 2-core machine before we give up


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
            cwd=project, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True)
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

    def press_enter(self) -> None:
        """A key in the terminal `make site` runs in."""
        assert self.proc.stdin
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()

    def page(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=60) as response:
            return response.read().decode("utf-8")

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def shows(server: Server, path: str, text: str) -> bool:
    """Wait until the served page shows `text` (the rebuild after an edit is done); the
    server's log lines are not a signal: a rebuild may end without "Documentation built"."""
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if text in server.page(path).replace("&nbsp;", "\u00a0"):
            return True
        time.sleep(0.5)
    return False


def child_pids(pid: int) -> list[int]:
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


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
