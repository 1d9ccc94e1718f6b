"""The command line shared by the worked-example models, for translators and reviewers:
read a YAML file, pick the rule year, compute, print text or JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from klarinfo.base import text_files, yaml_lines
from klarinfo.base.errors import InputError
from klarinfo.examples import rules as rules_module

RULES = Path(__file__).resolve().parents[3] / "data" / "rules.yml"


def run(argv: list[str] | None, description: str, what: str,
        compute: Callable[[Any, str, rules_module.Rules], Any],
        as_json: Callable[[Any], str], as_text: Callable[[Any], str],
        errors: tuple[type[Exception], ...] = ()) -> int:
    """``compute(data, path, rules)`` turns the file's YAML into results; exit 2 with the
    finding (``path:line: problem — fix``) when the file or the rules are wrong."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(what, type=Path)
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--year", type=int, help="rule year (default: the file's)")
    parser.add_argument("--rules", type=Path, default=RULES)
    args = parser.parse_args(argv)
    path: Path = getattr(args, what)
    try:
        rules = rules_module.load(args.rules)
        data = yaml_lines.load(text_files.read(path), str(path))
        if args.year and isinstance(data, dict):
            data["year"] = args.year
        results = compute(data, str(path), rules)
    except (InputError, KeyError, *errors) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(as_json(results) if args.json else as_text(results))
    return 0
