"""One error type for every kind of bad input, formatted the same way everywhere.

Communicators and translators fix problems from the message alone, so every
message names the file and line, says what is wrong and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Finding:
    """A problem in one of our input files, located precisely enough to fix it."""

    path: str
    line: int | None
    problem: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem} — {self.fix}"


class InputError(ValueError):
    """Raised when input cannot be used at all; carries one or more findings."""

    def __init__(self, findings: list[Finding] | Finding):
        self.findings = [findings] if isinstance(findings, Finding) else list(findings)
        super().__init__("\n".join(str(f) for f in self.findings))


def shown_path(path: Path, root: Path) -> str:
    """A file as findings name it: relative to ``root`` (the project) when it lies below it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
