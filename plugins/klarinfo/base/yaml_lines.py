"""YAML that remembers line numbers, so every data error can say path:line."""

from __future__ import annotations

from typing import Any

import yaml

from klarinfo.base.errors import Finding, InputError


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


def load(text: str, path: str, first_line: int = 1) -> Any:
    """Parse YAML; a syntax error becomes an InputError at its line (``first_line`` is the
    file line of the text's first line, for YAML inside a bigger file)."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise InputError(syntax_finding(exc, text, path, first_line)) from None


def syntax_finding(exc: yaml.YAMLError, text: str, path: str, first_line: int = 1) -> Finding:
    """The parser's own mark as ``path:line``. When the parser only notices the problem at
    the end of the text (an unclosed quote or bracket), its mark is past the last line, so
    the line where the unclosed thing started (the context mark) is the one to fix; the
    same for a flow list ``[a, b`` or a quoted string, which the parser reads on into
    the following lines before it gives up."""
    problem = str(getattr(exc, "problem", None) or exc)
    mark = getattr(exc, "problem_mark", None)
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    at_end = mark is not None and (mark.index >= len(text.rstrip()) or "end of stream" in problem)
    unclosed = bool(context) and ("flow" in str(context) or "quoted" in str(context))
    fix = "check indentation and quoting on this line"
    if context_mark is not None and (mark is None or at_end or unclosed):
        mark, fix = context_mark, "close the quote or bracket that opens on this line"
    if context and context_mark is not None and mark is not context_mark:
        problem += f" ({context} from line {context_mark.line + first_line})"
    elif context:
        problem += f" {context}"
        if not at_end and getattr(exc, "problem_mark", None) is not None:
            problem += f" (noticed on line {exc.problem_mark.line + first_line})"
    line_no = mark.line + first_line if mark is not None else None
    return Finding(path, line_no, f"YAML syntax error: {problem}", fix)
