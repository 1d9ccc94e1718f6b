"""Issue 13, section 6: what `make` installs is pinned, hashed and announced.

These read the files `make` installs from; the install itself is exercised by
every fresh clone (`make setup`), where pip refuses a file whose hash is not locked.
"""

from __future__ import annotations

import re
import tomllib

from maketool import ROOT

REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\$", re.M)


def name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def locked(path: str) -> dict[str, str]:
    """package → version of a lock, after checking every entry carries a sha256 hash."""
    text = (ROOT / path).read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    out = {}
    for entry in entries:
        match = REQUIREMENT.match(entry)
        assert match, f"{path}: not a pinned requirement: {entry[:80]!r}"
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), f"{path}: no hash: {entry[:60]}"
        out[name(match.group(1))] = match.group(2)
    return out


def pins(requirements: list[str]) -> dict[str, str]:
    out = {}
    for requirement in requirements:
        package, _, version = requirement.partition("==")
        assert version, f"not pinned exactly: {requirement}"
        out[name(package)] = version
    return out


def test_every_pin_in_pyproject_is_locked_at_that_version():
    """Catches a dependency added to pyproject.toml without `make lock`."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = pins(project["dependencies"] + project["optional-dependencies"]["test"]
                  + project["optional-dependencies"]["bench"])
    lock = locked("requirements.lock")
    assert {p: lock.get(p) for p in wanted} == wanted


def test_installers_are_pinned_and_locked():
    lines = (ROOT / "bootstrap.in").read_text(encoding="utf-8").splitlines()
    wanted = pins([ln for ln in lines if ln and not ln.startswith("#")])
    assert set(wanted) == {"pip", "setuptools", "uv"}
    assert locked("bootstrap.lock") == wanted
    # the one package both locks hold must be the same release
    assert locked("requirements.lock").get("setuptools", wanted["setuptools"]) \
        == wanted["setuptools"]


def test_no_unexplained_packages():
    lock = locked("requirements.lock")
    assert "lazy-importer" not in lock
    assert not (ROOT / "constraints.txt").exists()  # requirements.lock is the one source


def test_make_installs_only_with_hashes():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = re.findall(r"pip install[^\n]*", makefile)
    assert installs, "no pip install in the Makefile"
    for line in installs:
        assert ("--require-hashes --no-deps -r " in line) or \
            ("--no-deps --no-build-isolation -e ." in line), line
    assert "pip check" in makefile
    assert "npm ci --no-audit --no-fund --ignore-scripts" in makefile


def test_make_says_what_it_installs_with_apt_before_doing_so():
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    installs = [(i, m.group(1)) for i, ln in enumerate(lines)
                for m in [re.search(r"apt-get install -y -qq (\S+?);?\s*}?( >&2)?;?\s*\\?$", ln)]
                if m]
    assert {package for _, package in installs} == {"python3-venv", "chromium", "npm", "nginx",
                                                    "$(LEAFLET_DEBS)"}
    for index, package in installs:
        said = [ln for ln in lines[max(0, index - 3):index + 1]
                if re.search(rf"echo \"Installing {re.escape(package)} with apt \(Debian\): \S", ln)]
        assert said, f"Makefile line {index + 1}: apt installs {package} without saying so first"
