"""Build into a staging folder and swap it in only when the build succeeded.

A failed build must never leave a half-written site where the last good one was:
people and partner sites are served from that folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    """A sibling of the site folder, so the final rename stays on one filesystem."""
    return site_dir.parent / f".{site_dir.name}.staging-{os.getpid()}"


def promote(staging: Path, site_dir: Path) -> None:
    """Replace site_dir by staging; the old site is only removed once the new one is in place."""
    old = site_dir.parent / f".{site_dir.name}.old-{os.getpid()}"
    if site_dir.exists():
        site_dir.rename(old)
    try:
        staging.rename(site_dir)
    except OSError:
        if old.exists():
            old.rename(site_dir)
        raise
    remove_later(old)


def remove_later(folder: Path) -> None:
    """Delete the previous site without making the reader of the build wait for it: the
    new site is already in place. A detached `rm` outlives us; without it, delete now."""
    rm = shutil.which("rm")
    if rm:
        subprocess.Popen([rm, "-rf", str(folder)], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    else:
        shutil.rmtree(folder, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
