"""Pair the Swedish segments with the segments of a translation.

Translations mostly follow the Swedish structure, but not always (a sentence split into
two paragraphs, an extra list item). The kinds of the segments (heading level,
paragraph, list item, cell, label) are matched with difflib: runs of the same kinds
pair one to one; a stretch that differs becomes one *merged* unit that covers all its
Swedish segments and all its translated ones, the translation carried as the raw
Markdown between them. Every translated segment belongs to exactly one unit, in order,
so writing the units back into the translation's skeleton gives the page back exactly,
whatever the alignment found.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from klarinfo.exchange.segments import Page, Slot


@dataclass(frozen=True)
class Group:
    """Swedish segments ``source`` (start, end) and translated segments ``target``."""

    source: tuple[int, int]
    target: tuple[int, int]


def groups(source: list[Slot], target: list[Slot]) -> list[Group]:
    """Contiguous groups covering both sequences; each has at least one Swedish
    segment, and at least one translated one whenever the translation has any."""
    if not target:
        return [Group((i, i + 1), (0, 0)) for i in range(len(source))]
    matcher = difflib.SequenceMatcher(a=[s.kind for s in source], b=[t.kind for t in target],
                                      autojunk=False)
    out: list[Group] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [Group((i1 + k, i1 + k + 1), (j1 + k, j1 + k + 1)) for k in range(i2 - i1)]
        else:
            out.append(Group((i1, i2), (j1, j2)))
    merged: list[Group] = []
    pending: Group | None = None  # a one-sided group before the first full one
    for group in out:
        if pending:
            group = Group((pending.source[0], group.source[1]),
                          (pending.target[0], group.target[1]))
            pending = None
        one_sided = group.source[0] == group.source[1] or group.target[0] == group.target[1]
        if one_sided and merged:
            last = merged.pop()
            group = Group((last.source[0], group.source[1]), (last.target[0], group.target[1]))
        elif one_sided:
            pending = group
            continue
        merged.append(group)
    if pending:  # only possible when one side is empty
        merged.append(pending)
    return merged


def merge(page: Page, spans: list[tuple[int, int]]) -> Page:
    """The page with the segments of each span (start, end) made one segment whose text
    is the raw Markdown from the first to the last (skeleton between them included)."""
    starts = {start: end for start, end in spans if end - start > 1}
    out = Page()
    index = 0
    buffer: list[str] | None = None
    until = -1
    for piece in page.pieces:
        if isinstance(piece, Slot):
            if buffer is None and index in starts:
                buffer, until = [], starts[index] - 1
            if buffer is not None:
                buffer.append(piece.text)
                if index == until:
                    out.pieces.append(Slot("merged", "".join(buffer)))
                    buffer = None
            else:
                out.pieces.append(piece)
            index += 1
        elif buffer is not None:
            buffer.append(piece)
        else:
            out.literal(piece)
    return out
