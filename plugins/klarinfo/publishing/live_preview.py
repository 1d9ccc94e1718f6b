"""What an edit in `make site` needs rebuilt: one page (in each edition that shows it), or
the whole site (issue #18).

Why: `mkdocs serve` rebuilds every page of every edition after each save — seconds on our
site, minutes at agency size. Most saves change the text of one page. That page, and the
same page in the other editions when it is Swedish (their outdated notice, or the Swedish
text a missing translation falls back to), are all that change; the adapter re-renders them
in processes kept at the state of the last full build (adapter/preview.py). Anything else —
front matter or title (navigation, feeds), links (which pages carry the quick exit), a page
added or removed, or any file that is not a page (glossary, catalogs, rules, mkdocs.yml) —
takes the full rebuild, which `make build` always is.

Pure functions over file contents: no MkDocs.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from klarinfo.base.prose import front_matter_end

#: Editor litter that must not cost a rebuild (Vim swap files, Emacs backups and locks).
_IGNORED = re.compile(r"(^\.#|^#.*#$|~$|\.sw[a-p]$|^\.DS_Store$|^4913$)")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)


@dataclass(frozen=True)
class Entry:
    stat: tuple[int, int]  # (mtime_ns, size): files whose stat did not change are not read
    digest: str
    structure: str  # front matter, first heading and link targets: see structure()


@dataclass
class Snapshot:
    """Every watched file's content at one moment (the start of the last full build)."""

    entries: dict[Path, Entry] = field(default_factory=dict)

    @classmethod
    def take(cls, roots: Iterable[Path], previous: Snapshot | None = None) -> Snapshot:
        entries: dict[Path, Entry] = {}
        old = previous.entries if previous else {}
        for path in _files(roots):
            try:
                info = path.stat()
                stat = (info.st_mtime_ns, info.st_size)
                if path in old and old[path].stat == stat:
                    entries[path] = old[path]
                    continue
                data = path.read_bytes()
            except OSError:
                continue  # removed while we looked: the next snapshot sees it gone
            entries[path] = Entry(stat, hashlib.sha256(data).hexdigest(),
                                  structure(data.decode("utf-8", "replace"))
                                  if path.suffix == ".md" else "")
        return cls(entries)


def _files(roots: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        if root.is_file():
            found.append(root)
            continue
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
            found += [Path(folder, n) for n in names if not _IGNORED.search(n)]
    return found


def structure(markdown: str) -> str:
    """What other pages or site-wide files take from a page: its front matter (title,
    description, quick exit, translation data), its first heading (the title when front
    matter has none) and its link targets (the quick exit follows them)."""
    lines = markdown.split("\n")
    end = front_matter_end(lines)
    heading = next((line for line in lines[end:] if line.startswith("# ")), "")
    links = sorted({a or b for a, b in _LINK.findall(markdown)})
    return hashlib.sha256("\x00".join(["\n".join(lines[:end]), heading, *links])
                          .encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Plan:
    """Pages to re-render per edition (page path inside the edition folder), or a full
    rebuild with the reason, or nothing when no content changed."""

    pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    full: str | None = None
    changed: tuple[Path, ...] = ()

    @property
    def nothing(self) -> bool:
        return not self.full and not self.pages


def plan(before: Snapshot, after: Snapshot, docs_dir: Path, editions: Iterable[str],
         default: str) -> Plan:
    """What the difference between two snapshots needs rebuilt."""
    editions = list(editions)
    changed = tuple(p for p, e in after.entries.items()
                    if p in before.entries and before.entries[p].digest != e.digest)
    added = [p for p in after.entries if p not in before.entries]
    removed = [p for p in before.entries if p not in after.entries]
    if added or removed:
        return Plan(full=f"{len(added)} file(s) added, {len(removed)} removed",
                    changed=changed)
    pages: dict[str, set[str]] = {}
    for path in changed:
        try:
            inside = path.relative_to(docs_dir)
        except ValueError:
            return Plan(full=f"{path.name} changed", changed=changed)
        if path.suffix != ".md" or len(inside.parts) < 2 or inside.parts[0] not in editions:
            return Plan(full=f"{inside.as_posix()} changed", changed=changed)
        if before.entries[path].structure != after.entries[path].structure:
            return Plan(full=f"{inside.as_posix()}: front matter, title or links changed",
                        changed=changed)
        edition, norm = inside.parts[0], Path(*inside.parts[1:]).as_posix()
        # a Swedish page shows in every edition: as the source of an outdated notice or
        # as the text of a missing translation
        for target in (editions if edition == default else [edition]):
            pages.setdefault(target, set()).add(norm)
    return Plan(pages={e: tuple(sorted(p)) for e, p in pages.items()}, changed=changed)
