"""Findings as SARIF 2.1.0, so VS Code's SARIF viewer and CI code-quality annotations put
each one at its file and line (``make findings`` writes ``reports/findings.sarif``).

The log holds every warning of the build, MkDocs' own included (collect), and passes
``@microsoft/sarif-multitool validate`` without an error or warning (tests/findings), so
CI can refuse a report it cannot read: each result has its file and a start line, and
the tool says which version of it wrote the log and where to read about it (SARIF2005).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from klarinfo.findings.collect import Item

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL = "klarinfo"

#: What each kind of finding checks (the rule's short description, in English: rules are
#: for tools and developers; each result's message is in the page's language).
RULES = {
    "readability.sentence": "A sentence longer than its edition's limit",
    "readability.score": "A page's readability score outside its edition's limit",
    "readability.detail": "One of the hardest sentences of a page that fails its score",
    "readability.override": "A readability limit changed in the page's front matter",
    "language": "A paragraph in another language than its edition's",
    "glossary.deprecated": "A term the termbase marks as not approved",
    "glossary.consistency": "A term of the Swedish page whose approved form a translation "
                            "never uses",
    "glossary.termbase": "A problem in the termbase (glossary/*.yml)",
    "placeholder": "A figure placeholder or example block that cannot be filled in",
    "safety": "Markup or script in a page that is refused or made inert",
    "translation": "A translation that is outdated, missing or has a bad status",
    "catalog": "A problem in a PO catalog (locales/)",
    "source": "A page file that cannot be used as it is (encoding, front matter, empty)",
    "other": "Another finding of the build: a link to a missing page or anchor, or any "
             "other warning of MkDocs, its theme or a plugin",
}


@cache
def version() -> str:
    """The installed klarinfo's version: which checks wrote the log."""
    return metadata.version(TOOL)


@cache
def information_uri() -> str:
    """Where to read about the tool: the package's home page if its metadata names one
    (``[project.urls]``), else its README (the project ships no other documentation)."""
    for entry in metadata.metadata(TOOL).get_all("Project-URL") or ():
        _, _, url = entry.partition(", ")
        if url.startswith(("https://", "http://")):
            return url
    readme = Path(__file__).resolve().parents[3] / "README.md"
    return (readme if readme.is_file() else Path(__file__).resolve().parent).as_uri()


def rule_ids(items: Iterable[Item]) -> list[str]:
    used = {i.kind for i in items}
    return [k for k in RULES if k in used] + sorted(used - RULES.keys())


def to_sarif(items: list[Item]) -> dict:
    """One run of our tool; one rule per kind of finding; one result per finding, its
    location relative to the project root (where the SARIF file's consumers open it)."""
    ids = rule_ids(items)
    rules = [{"id": k, "shortDescription": {"text": RULES.get(k, k)}} for k in ids]
    results = []
    for item in items:
        # a finding about a whole file (a page's score) is shown at its first line
        location = {"artifactLocation": {"uri": item.path},
                    "region": {"startLine": item.line or 1}}
        text = f"{item.message} — {item.fix}" if item.fix else item.message
        results.append({
            "ruleId": item.kind, "ruleIndex": ids.index(item.kind),
            "level": "warning" if item.level == "warning" else "note",
            "message": {"text": text},
            "locations": [{"physicalLocation": location}],
            **({"properties": {"edition": item.edition}} if item.edition else {}),
        })
    return {"$schema": SCHEMA, "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": TOOL, "version": version(),
                                          "informationUri": information_uri(),
                                          "rules": rules}},
                      "results": results}]}


def dumps(items: list[Item]) -> str:
    return json.dumps(to_sarif(items), ensure_ascii=False, indent=1) + "\n"
