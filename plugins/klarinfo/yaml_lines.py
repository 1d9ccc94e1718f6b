"""YAML that remembers line numbers, so every data error can say path:line."""

from __future__ import annotations

from typing import Any

import yaml

from klarinfo.errors import Finding, InputError


class LineMapping(dict):
    """A mapping from YAML with the line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMapping:
        mapping = LineMapping(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
        return mapping


_Loader.add_constructor("tag:yaml.org,2002:map",
                        lambda loader, node: loader.construct_mapping(node))


def line(mapping: Any, key: str | None = None) -> int | None:
    """Line of ``mapping`` (or of its ``key``) when it came from :func:`load`."""
    if isinstance(mapping, LineMapping):
        return mapping.key_lines.get(key, mapping.line) if key else mapping.line
    return None


def load(text: str, path: str) -> Any:
    """Parse YAML; a syntax error becomes an InputError at its line."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(Finding(path, mark.line + 1 if mark else None,
                                 f"YAML syntax error: {getattr(exc, 'problem', exc)}",
                                 "check indentation and quoting on this line")) from None
