"""Which translations are missing, outdated, draft or reviewed, from the page folders alone.

A translation records in its front matter the hash of the Swedish text it was made
from (``source_hash``). When the Swedish page changes, its hash changes and the
translation is *outdated* until a translator brings it up to date and records the
new hash. The Swedish text behind every recorded hash is kept in
``locales/sources/`` so a translator sees only the paragraphs that changed, without
needing git.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from klarinfo.base import page_checks, prose, text_files, yaml_lines
from klarinfo.base.errors import Finding, InputError, shown_path
from klarinfo.base.yaml_lines import line

HASH_LENGTH = 12
REVIEW_STATES = ("draft", "reviewed")


@dataclass(frozen=True)
class Translation:
    page: str  # path inside the edition folder, e.g. "tolk.md"
    edition: str
    status: str  # missing | outdated | draft | reviewed
    path: str  # the translation's file, shown relative to the project
    source_path: str
    current_hash: str
    recorded_hash: str | None = None
    review: str | None = None  # draft | reviewed, as the front matter says
    stub: bool = False  # the file exists but has no text yet: readers get the Swedish page


# --- the Swedish text and its version ---------------------------------------------------

def split(text: str) -> tuple[str, str, int]:
    """(front matter YAML, body, line number where the body starts), with the same idea
    of front matter as the readability gate (prose.front_matter_end)."""
    lines = text.split("\n")
    end = prose.front_matter_end(lines)
    if not end:
        return "", text, 1
    yaml = "".join(f"{line}\n" for line in lines[1:end - 1])
    return yaml, "\n".join(lines[end:]), end + 1


# A line that starts a Markdown block of its own (list item, heading, table row, quote,
# fence, admonition, HTML comment, footnote, abbreviation, rule): kept on its own line
# when a block is normalised; any other line continues the one before it.
_BLOCK_START = re.compile(r"([-*+]\s|\d+[.)]\s|#{1,6}(\s|$)|>|\||`{3,}|~{3,}|!!!|\?\?\?|:::|"
                          r"<!--|\[\^|\*\[|:\s|([-*_])( *\3){2,}\s*$)")
_FENCE = re.compile(r"\s*(`{3,}|~{3,})")


def normalised_body(body: str) -> str:
    """The body with every whitespace-only difference taken out: blocks separated by one
    blank line, each paragraph on one line with single spaces. Re-wrapping a paragraph,
    trailing spaces, indentation or extra blank lines change nothing a translator has to
    translate. Lines inside code fences keep their inner spacing (only trailing spaces go)."""
    blocks: list[list[str]] = []
    block: list[str] = []
    fence = ""
    for raw in body.split("\n"):
        text = raw.strip()
        if fence:
            block.append(raw.rstrip())
            if text.startswith(fence) and not text.strip("`~"):
                fence = ""
            continue
        if not text:
            if block:
                blocks.append(block)
                block = []
            continue
        opening = _FENCE.match(raw)
        if opening:
            fence = opening.group(1)
            block.append(text)
        elif block and not _BLOCK_START.match(text):
            block[-1] += " " + " ".join(text.split())
        else:
            block.append(" ".join(text.split()))
    if block:
        blocks.append(block)
    return "\n\n".join("\n".join(lines) for lines in blocks)


def source_hash(text: str) -> str:
    """The version of a Swedish page: a hash of its normalised body, so a new `reviewed:`
    date or a whitespace-only edit does not make every translation outdated."""
    body = normalised_body(split(text)[1])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def legacy_source_hash(text: str) -> str:
    """The version hash used until November 2026 (trailing spaces and blank lines at the
    ends ignored, nothing else). Only `migrate_hashes` needs it."""
    body = "\n".join(line.rstrip() for line in split(text)[1].strip("\n").splitlines())
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def front_matter(text: str, shown: str) -> dict[str, Any]:
    raw = split(text)[0]
    if not raw:
        return {}
    data = yaml_lines.load("#\n" + raw, shown)  # the comment stands for the first '---' line
    if not isinstance(data, dict):
        raise InputError(Finding(shown, 1, "the front matter is not a mapping",
                                 "write key: value lines between the two --- lines"))
    return data


def check_translation(text: str, shown: str, page: str, edition: str
                      ) -> list[Finding]:
    """What a translation's front matter must say: which Swedish page and version it
    translates, and whether a qualified translator has checked it."""
    try:
        data = front_matter(text, shown)
    except InputError as exc:
        return list(exc.findings)
    findings = []
    if data.get("translation_of") != Path(page).name:
        findings.append(Finding(shown, line(data, "translation_of") or 1,
                                _value("translation_of", data),
                                f"write translation_of: {Path(page).name}"))
    if data.get("translation_status") not in REVIEW_STATES:
        findings.append(Finding(shown, line(data, "translation_status") or 1,
                                _value("translation_status", data),
                                "write translation_status: draft (or reviewed once a "
                                "qualified translator has checked it)"))
    recorded = data.get("source_hash")
    if not (isinstance(recorded, str) and re.fullmatch(r"[0-9a-f]{12}", recorded)):
        findings.append(Finding(shown, line(data, "source_hash") or 1,
                                "the page does not record which Swedish version it translates",
                                f"run: make translation-done PAGE={page} EDITION={edition}"))
    return findings


def check_page(text: str, shown: str, page: str, edition: str, source: Path,
               recorded: object) -> tuple[list[Finding], bool]:
    """What the build says of one translation while building it: its front-matter
    findings (unless the front matter is broken, which the page checks report), and
    whether the Swedish page ``source`` changed since the version it records
    (``recorded``: its ``source_hash`` as the generator parsed it) — outdated: readers
    see a notice."""
    findings = [] if page_checks.front_matter(text, shown) else check_translation(
        text, shown, page, edition)
    if not source.exists():
        return findings, False
    try:
        current = source_hash(text_files.read(source))
    except InputError:
        return findings, False  # reported in the Swedish build
    return findings, recorded != current


def _value(key: str, data: dict[str, Any]) -> str:
    """'key is missing' rather than 'key is None' (the line is then the front matter's)."""
    if key not in data:
        return f"{key} is missing"
    return f"{key} has no value" if data[key] is None else f"{key} is {data[key]!r}"


# --- status of every page in every edition -----------------------------------------------

def collect(docs: Path, default: str, editions: list[str], root: Path) -> list[Translation]:
    """One entry per Swedish page and other edition."""
    out = []
    source_dir = docs / default
    for source in sorted(source_dir.rglob("*.md")):
        page = source.relative_to(source_dir).as_posix()
        current = source_hash(text_files.read(source, shown_path(source, root)))
        for edition in editions:
            if edition == default:
                continue
            path = docs / edition / page
            entry = {"page": page, "edition": edition, "path": shown_path(path, root),
                     "source_path": shown_path(source, root), "current_hash": current}
            if not path.exists():
                out.append(Translation(status="missing", **entry))
                continue
            try:
                text = text_files.read(path, entry["path"])
            except InputError:  # not UTF-8: the build names the byte; left out there too
                text = None
            # a stub: the build leaves it out, so readers get the Swedish page
            if text is not None and page_checks.is_scaffold(text):
                out.append(Translation(status="missing", stub=True, **entry))
                continue
            try:
                data = front_matter(text or "", entry["path"])
            except InputError:
                data = {}
            recorded = data.get("source_hash")
            review = data.get("translation_status")
            review = review if review in REVIEW_STATES else None
            status = "outdated" if recorded != current else (review or "draft")
            out.append(Translation(status=status, recorded_hash=recorded, review=review,
                                   **entry))
    return out


# --- what changed in the Swedish text -------------------------------------------------------

def snapshot_path(snapshots: Path, page: str, digest: str) -> Path:
    return snapshots / Path(page).with_suffix("") / f"{digest}.md"


def save_snapshot(snapshots: Path, page: str, text: str) -> Path:
    path = snapshot_path(snapshots, page, source_hash(text))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def prune_snapshots(snapshots: Path, page: str, recorded: set[str]) -> list[Path]:
    """Remove kept Swedish versions of a page that no translation records any more."""
    folder = snapshot_path(snapshots, page, "x").parent
    gone = [p for p in folder.glob("*.md") if p.stem not in recorded] if folder.exists() else []
    for path in gone:
        path.unlink()
    return gone


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line, text) of each block separated by blank lines, in the page body."""
    _, body, first = split(text)
    out: list[tuple[int, str]] = []
    block: list[str] = []
    start = first
    for number, raw in enumerate(body.splitlines(), start=first):
        if raw.strip():
            if not block:
                start = number
            block.append(raw.rstrip())
        elif block:
            out.append((start, "\n".join(block)))
            block = []
    if block:
        out.append((start, "\n".join(block)))
    return out


def paragraph_diff(old: str, new: str, shown: str) -> list[str]:
    """The Swedish paragraphs added, changed or removed, each headed by ``path:line``."""
    a, b = paragraphs(old), paragraphs(new)
    matcher = difflib.SequenceMatcher(a=[normalised_body(t) for _, t in a],
                                      b=[normalised_body(t) for _, t in b], autojunk=False)
    out: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        where = b[j1][0] if j1 < len(b) else (b[-1][0] if b else 1)
        label = {"replace": "changed", "delete": "removed", "insert": "added"}[op]
        out.append(f"{shown}:{where}: {label}")
        out += [f"  - {ln}" for _, t in a[i1:i2] for ln in t.splitlines()]
        out += [f"  + {ln}" for _, t in b[j1:j2] for ln in t.splitlines()]
    return out


# --- recording that a translation is up to date -----------------------------------------

def with_source_hash(text: str, digest: str) -> str:
    """The translation's text with ``source_hash: digest`` in its front matter."""
    raw, body, first = split(text)
    if first == 1:
        return f"---\nsource_hash: {digest}\n---\n\n{text}"
    if re.search(r"^source_hash:.*$", raw, re.M):
        raw = re.sub(r"^source_hash:.*$", f"source_hash: {digest}", raw, count=1, flags=re.M)
    else:
        raw = re.sub(r"^(translation_of:.*\n)", rf"\g<1>source_hash: {digest}\n", raw,
                     count=1, flags=re.M) if "translation_of:" in raw \
            else raw + f"source_hash: {digest}\n"
    return f"---\n{raw}---\n{body}"


def with_review(text: str, review: str) -> str:
    """The translation's text with ``translation_status: review`` in its front matter."""
    raw, body, first = split(text)
    if first == 1:
        return f"---\ntranslation_status: {review}\n---\n\n{text}"
    if re.search(r"^translation_status:.*$", raw, re.M):
        raw = re.sub(r"^translation_status:.*$", f"translation_status: {review}", raw, count=1,
                     flags=re.M)
    else:
        raw += f"translation_status: {review}\n"
    return f"---\n{raw}---\n{body}"


# --- changing the hash function without making anything outdated ---------------------------

def migrate_hashes(docs: Path, default: str, editions: list[str], snapshots: Path,
                   root: Path) -> list[str]:
    """Re-key the kept Swedish versions and the versions translations record from
    `legacy_source_hash` to `source_hash`, so the change of hash function itself makes
    no translation outdated: one that recorded the current Swedish text still does, one
    that recorded an older kept version still gets its paragraph diff. A recorded hash
    that matches neither is left alone (it was outdated and stays so). Safe to run again:
    after the first run no recorded hash is a legacy one. Returns what it changed."""
    done: list[str] = []
    source_dir = docs / default
    for source in sorted(source_dir.rglob("*.md")):
        page = source.relative_to(source_dir).as_posix()
        text = source.read_text(encoding="utf-8")
        renamed = {legacy_source_hash(text): source_hash(text)}
        folder = snapshot_path(snapshots, page, "x").parent
        for kept in sorted(folder.glob("*.md")) if folder.exists() else []:
            old_text = kept.read_text(encoding="utf-8")
            if kept.stem != legacy_source_hash(old_text):
                continue  # already keyed by the current hash function
            new = source_hash(old_text)
            renamed[kept.stem] = new
            if new != kept.stem:
                target = kept.with_name(f"{new}.md")
                if target.exists():
                    kept.unlink()  # two versions that differ only in whitespace
                else:
                    kept.rename(target)
                done.append(f"{shown_path(kept, root)} → {target.name}")
        for edition in editions:
            path = docs / edition / page
            if edition == default or not path.exists():
                continue
            text_ = path.read_text(encoding="utf-8")
            try:
                recorded = front_matter(text_, shown_path(path, root)).get("source_hash")
            except InputError:
                continue
            if recorded in renamed and renamed[recorded] != recorded:
                path.write_text(with_source_hash(text_, renamed[recorded]), encoding="utf-8")
                done.append(f"{shown_path(path, root)}: source_hash {recorded} → "
                            f"{renamed[recorded]}")
    return done


def as_json(entries: list[Translation], catalogs: dict[str, dict[str, tuple[int, int]]]
            ) -> dict[str, Any]:
    pages: dict[str, dict[str, Any]] = {}
    for entry in entries:
        item = asdict(entry)
        pages.setdefault(entry.page, {})[entry.edition] = {
            k: item[k]
            for k in ("status", "stub", "path", "review", "recorded_hash", "current_hash")}
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.status] = counts.get(entry.status, 0) + 1
    return {"pages": pages, "totals": counts,
            "catalogs": {ed: {d: {"translated": t, "total": n} for d, (t, n) in domains.items()}
                         for ed, domains in catalogs.items()}}
