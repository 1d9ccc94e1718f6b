"""Edit → preview, as a communicator waits for it: `mkdocs serve` (what `make site` runs) is
started on a project, one Swedish page is saved with a new sentence, and we time until the
served HTML of that page contains it (issue #18).

    python bench/preview.py PROJECT_DIR [PAGE] [RUNS]   # prints seconds per run
        (PROJECT_DIR holds mkdocs.yml and docs/)
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

READY_TIMEOUT_S = 1800.0  # the first full build of N = 1000 × 5 takes minutes
EDIT_TIMEOUT_S = 600.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - localhost
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, needle: str | None, timeout: float, proc: subprocess.Popen) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit {proc.returncode})")
        body = _get(url)
        if body is not None and (needle is None or needle in body):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {needle!r} within {timeout:.0f} s")


def measure(config: Path, docs: Path, page: str = "sv/tolk.md", runs: int = 3,
            edition: str = "") -> list[float]:
    """Seconds from saving ``docs/<page>`` to the served page showing the edit, per run
    (``config``: the mkdocs.yml to serve; stock's lives apart from its docs)."""
    project = config.parent
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KLARINFO_EDITION": edition}
    log = open(project / ".preview-bench.log", "w", encoding="utf-8")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config),
         "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    source = docs / page
    original = source.read_text(encoding="utf-8")
    edition_dir, _, name = page.partition("/")
    prefix = "" if edition_dir == "sv" else f"{edition_dir}/"
    url = f"http://127.0.0.1:{port}/{prefix}{name.removesuffix('.md')}/"
    times = []
    try:
        _wait_for(url, None, READY_TIMEOUT_S, proc)
        time.sleep(1.0)  # let the watcher settle after the first build
        for run in range(runs):
            token = f"Mätpunkt{run}q{time.monotonic_ns() % 100000}"
            source.write_text(original + f"\nHär är en ny mening om {token}.\n",
                              encoding="utf-8")
            times.append(_wait_for(url, token, EDIT_TIMEOUT_S, proc))
            time.sleep(0.5)
    finally:
        source.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    return times


if __name__ == "__main__":
    args = sys.argv[1:]
    root = Path(args[0]).resolve()
    print(measure(root / "mkdocs.yml", root / "docs", *(args[1:2] or ["sv/tolk.md"]),
                  *([int(args[2])] if len(args) > 2 else [])))
