"""Which pages carry the quick exit: violence pages and every page they lead to.

A reader on a violence page (front matter ``quick_exit: true``) who follows a link
inside the site must still find the exit on the next page: leaving it out there is
exactly when someone walks in. So the exit goes on each page a violence page links
to — links in its text, the glossary (every term on the page opens a popover that
links to it) and its previous/next page in the footer — computed from the pages at
build time, not kept as a hand list that goes stale.

Pages are matched by their path inside an edition (``tolk.md``) across all editions:
editions are translations of the same pages, a reader can switch edition on any page,
and a link that only one edition's violence page has (a translator's addition) still
puts the exit on that page in every edition.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

import yaml

from klarinfo.base.prose import front_matter_end

_INLINE_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
_CODE = re.compile(r"^\s*(`{3,}|~{3,}).*?^\s*\1\s*$|`[^`\n]*`", re.S | re.M)


def is_quick_exit(markdown: str) -> bool:
    """``quick_exit: true`` in the page's front matter (a page whose front matter does
    not parse has none: the build reports that file on its own)."""
    lines = markdown.split("\n")
    end = front_matter_end(lines)
    if not end:
        return False
    text = "\n".join(lines[1:end - 1])
    if "quick_exit" not in text:
        return False  # most pages: no need to parse (this runs on every page of the site)
    try:
        meta = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError:
        return False
    return isinstance(meta, dict) and meta.get("quick_exit") is True


def links(markdown: str) -> list[str]:
    """Link targets written in a page (inline and reference links; not images, code)."""
    body = _CODE.sub("", markdown)
    return _INLINE_LINK.findall(body) + _REFERENCE.findall(body)


def resolve(target: str, page: str) -> str | None:
    """The page (path inside the edition, ``tolk.md``) a link in ``page`` points to, or
    None for links that leave the site or stay on the page."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # https:, tel:, mailto:, or only an #anchor
    path = unquote(parts.path)
    if path.startswith("/"):
        return None  # site-absolute URLs are not how our pages link (MkDocs warns)
    if path.endswith(".md"):  # relative to the Markdown file, as MkDocs resolves it
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        return None if joined.startswith("..") else joined
    if "." in posixpath.basename(path.rstrip("/")).strip("."):
        return None  # an asset (pdf, image)
    # A URL, relative to the page's own URL: vald.md is served at vald/.
    name = posixpath.basename(page)[:-3]
    url_dir = posixpath.dirname(page) if name == "index" else page[:-3]
    joined = posixpath.normpath(posixpath.join(url_dir, path))
    if joined.startswith(".."):
        return None
    return "index.md" if joined == "." else f"{joined}.md"


def targets(sources: Iterable[tuple[str, str]]) -> set[str]:
    """Pages linked from the text of the quick-exit pages, given as (path, Markdown)."""
    out: set[str] = set()
    for path, markdown in sources:
        for target in links(markdown):
            resolved = resolve(target, path)
            if resolved is not None and resolved != path:
                out.add(resolved)
    return out
