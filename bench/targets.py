"""The speed targets of issue #18, read from one `make bench` result under stable keys.

Each target is a ratio or a time measured in the same run as its comparison; pass/fail is
printed and stored, never asserted in tests (timing belongs here, not in `make test`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    key: str  # where the value sits in bench/results/*.json
    what: str
    limit: float
    unit: str
    value: float | None

    @property
    def passed(self) -> bool | None:
        return None if self.value is None else self.value <= self.limit


def _get(result: dict[str, Any], key: str) -> float | None:
    node: Any = result
    for part in key.replace("[", ".").replace("]", "").split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return float(node) if isinstance(node, int | float) else None


#: (key, what, limit, unit)
TARGETS = (
    ("real_site.ratio", "full build of the real site, ours / stock", 1.3, "×"),
    ("corpus[250].ratio", "full build, N = 250 × 5 editions, ours / stock", 1.0, "×"),
    ("corpus[1000].ratio", "full build, N = 1 000 × 5 editions, ours / stock", 1.0, "×"),
    ("corpus[1000].peak_ratio", "peak memory, N = 1 000, ours / stock", 1.5, "×"),
    ("growth.ours_ratio", "our ms per page, N = 1 000 / N = 50 (flat = 1)", 1.25, "×"),
    ("edit_preview.real_site_s", "edit → served page, real site, five editions", 1.0, "s"),
    ("edit_preview.n1000_s", "edit → served page, N = 1 000 × 5 editions", 2.0, "s"),
    ("calculator.gzip_bytes", "calculator JavaScript, gzip (issue #20)", 10240, "bytes"),
)


def evaluate(result: dict[str, Any]) -> list[Target]:
    return [Target(key, what, limit, unit, _get(result, key))
            for key, what, limit, unit in TARGETS]


def table(targets: list[Target]) -> str:
    lines = [f"  {'target':52} {'measured':>10} {'limit':>8}  result"]
    for t in targets:
        value = "—" if t.value is None else (
            f"{t.value:.0f}" if t.unit == "bytes" else f"{t.value:.2f}")
        verdict = {True: "pass", False: "FAIL", None: "not measured"}[t.passed]
        limit = f"{t.limit:.0f}" if t.unit == "bytes" else f"{t.limit:g}"
        lines.append(f"  {t.what:52} {value:>10} {limit:>8}  {verdict}")
    return "\n".join(lines)


def as_json(targets: list[Target]) -> list[dict[str, Any]]:
    return [{**asdict(t), "passed": t.passed} for t in targets]
