"""Which files of docs/ may be published: data, never code (issue 29, item 2).

MkDocs copies every file it finds in docs/ into the site. Communicators and translation
agencies write docs/ (ARCHITECTURE.md, trust model), so a ``.js`` there became a script
of this site's origin, which ``script-src 'self'`` lets run, and an ``.html`` or an SVG
with ``<script>`` beside it ran it when opened. So docs/ publishes only types that cannot
run: the Markdown pages (rendered through our checks), raster images and PDF, each also
checked by its first bytes, so a renamed SVG or HTML file is not served as an image.
Everything else is refused at its path and left out of the site, even in a build that
allows warnings (a preview), since the preview is a site too. Theme assets and generated
files do not come from docs/ and are not affected.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol, TypeVar

from klarinfo.base.errors import Finding, shown_path

#: What MkDocs renders as a page (``mkdocs.utils.is_markdown_file``).
PAGES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd"})


def _webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _avif(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis")


#: suffix → (what it is, a test of the file's first bytes)
DATA = {
    ".png": ("a PNG image", lambda h: h.startswith(b"\x89PNG\r\n\x1a\n")),
    ".jpg": ("a JPEG image", lambda h: h.startswith(b"\xff\xd8\xff")),
    ".jpeg": ("a JPEG image", lambda h: h.startswith(b"\xff\xd8\xff")),
    ".gif": ("a GIF image", lambda h: h[:6] in (b"GIF87a", b"GIF89a")),
    ".webp": ("a WebP image", _webp),
    ".avif": ("an AVIF image", _avif),
    ".pdf": ("a PDF document", lambda h: h.startswith(b"%PDF-")),
}
HEAD = 16  # bytes enough for every test above
#: What a desktop leaves in every folder it shows (macOS Finder): MkDocs never publishes
#: hidden files, and refusing it would stop every build of a communicator on a Mac.
QUIET = frozenset({".DS_Store"})

ALLOWED = "pages are Markdown, images PNG/JPEG/WebP/GIF, documents PDF"
#: suffix → why it must not be published (the rest: it would be published as it is)
RISKS = {
    ".js": "could run as this site's script",
    ".mjs": "could run as this site's script",
    ".html": "could run scripts as a page of this site that none of our checks read",
    ".htm": "could run scripts as a page of this site that none of our checks read",
    ".css": "would restyle pages outside our theme",
    ".wasm": "could run as this site's code",
}


class SourceFile(Protocol):
    """What this module reads of a file MkDocs lists (``mkdocs.structure.files.File``)."""

    abs_src_path: str | None
    generated_by: str | None


F = TypeVar("F", bound=SourceFile)


def refusal(relative: Path, head: bytes, shown: str) -> Finding | None:
    """Why the file at ``relative`` (to docs/) must not be published, or None if it may.
    ``head``: its first bytes; ``shown``: its path as findings name it."""
    suffix = relative.suffix.lower()
    if relative.name in QUIET:
        return None
    hidden = next((part for part in relative.parts if part.startswith(".")), None)
    if hidden is None and suffix in PAGES:
        return None
    if hidden is None and suffix in DATA:
        kind, test = DATA[suffix]
        if test(head):
            return None
        return Finding(shown, 1, f"this {suffix} file is not {kind}, so it would be "
                       "published as something else under a harmless name",
                       f"save it again as {kind} from the program that made it, or remove it")
    if hidden is not None:
        problem = (f"'{hidden}' is hidden (its name begins with a dot): a hidden file in "
                   "docs/ could configure the web server or carry anything unseen")
    elif suffix == ".svg":
        return Finding(shown, 1, "an SVG image in docs/ would be published and can carry "
                       "scripts that run as this site's (docs/ has no SVG so far)",
                       "convert it to PNG or ask us")
    elif not suffix:
        problem = "a file without an extension in docs/ would be published as it is"
    else:
        risk = RISKS.get(suffix, "would be published as it is, unchecked")
        problem = f"a {suffix} file in docs/ would be published and {risk}"
    return Finding(shown, 1, problem, f"remove it; {ALLOWED}")


def refused(files: Iterable[F], docs_dir: str | Path, root: Path) -> list[tuple[F, Finding]]:
    """The files of docs/ among ``files`` that must not be published, each with why.

    Files from elsewhere (the theme's assets) and files a plugin generated are not
    docs/'s to judge; every edition folder and docs/ itself are judged alike.
    """
    out = []
    for file in files:
        path = Path(file.abs_src_path or "")
        if file.generated_by or not file.abs_src_path or not path.is_relative_to(docs_dir):
            continue
        relative = path.relative_to(docs_dir)
        head = b""
        if relative.suffix.lower() in DATA:
            with path.open("rb") as stream:
                head = stream.read(HEAD)
        finding = refusal(relative, head, shown_path(path, root))
        if finding is not None:
            out.append((file, finding))
    return out
