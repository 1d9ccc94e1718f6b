"""Run our Makefile's targets as a person does (`make translation-status ...`), from the
project folder, with the interpreter running the tests instead of the project's `.venv`.

A stand-in venv folder holds a `bin/python` that hands over to this interpreter and
stamps newer than the locks, so make runs the target's recipe itself, exactly as
written, and never installs anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project_with_tools(dest: Path) -> Path:
    """A copy of the project plus what make needs to run our tools in it, so a target
    that writes (translation-done) changes the copy only."""
    from sitebuild import copy_project

    copy_project(dest)
    shutil.copytree(ROOT / "scripts", dest / "scripts")
    for name in ("Makefile", "pyproject.toml", "bootstrap.lock", "requirements.lock"):
        shutil.copy(ROOT / name, dest / name)
    return dest


def stand_in_venv(folder: Path) -> Path:
    """A folder that make accepts as an installed `.venv`, running this interpreter."""
    python = folder / "bin" / "python"
    python.parent.mkdir(parents=True, exist_ok=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    for stamp in (".bootstrapped", ".installed"):
        (folder / stamp).touch()
    return folder


def make(venv: Path, *args: str, timeout: float = 300, cwd: Path = ROOT
         ) -> subprocess.CompletedProcess:
    """`make ARGS` in the project folder, stdout and stderr kept apart."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "plugins"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    return subprocess.run(["make", f"VENV={venv}", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=timeout)
