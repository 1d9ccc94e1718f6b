"""What every capability plugin asks of an MkDocs page: where its file is as findings
name it, which edition its text is written in, where its body starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from klarinfo.base.errors import shown_path
from klarinfo.base.prose import front_matter_end
from klarinfo.editions import Alternate, Edition, by_id

from .context import Context


def shown(page: Any, context: Context) -> str:
    if page.file.abs_src_path is None:  # generated (the glossary page)
        return page.file.src_uri
    return shown_path(Path(page.file.abs_src_path), context.root)


def norm(file: Any) -> str:
    """The page's path inside its edition folder (i18n's ``norm_src_uri``)."""
    return getattr(file, "norm_src_uri", file.src_uri)


def swedish_source(docs_dir: str | Path, context: Context, norm: str) -> Path:
    """Where the default edition's page of this ``norm`` is (it may not exist)."""
    return Path(docs_dir) / context.default.id / norm


def is_own(page: Any, context: Context) -> bool:
    """True for a page written for the edition being built (not a Swedish fallback)."""
    return getattr(page.file, "locale", context.edition.id) == context.edition.id


def source_edition(page: Any, context: Context) -> Edition:
    """The edition the page's text is written in (Swedish for a fallback page)."""
    return by_id(context.editions).get(getattr(page.file, "locale", context.edition.id),
                                       context.edition)


def title(markdown: str, path: str) -> str:
    """A page's title from front matter or its first heading, for glossary links."""
    for line in markdown.splitlines()[:40]:
        if line.startswith("title:"):
            return line.split(":", 1)[1].strip().strip("'\"")
        if line.startswith("# "):
            return line[2:].strip()
    return path


def first_content_line(markdown: str) -> int:
    return front_matter_end(markdown.split("\n")) + 1


def body_offset(markdown: str, page: Any) -> int:
    """Lines MkDocs removed above the body (front matter and the blank lines after it),
    so findings in ``markdown`` point into the file."""
    raw = page.file.content_string
    head = markdown.lstrip("\n")[:200]
    return raw[:max(0, raw.find(head))].count("\n") - (len(markdown) - len(
        markdown.lstrip("\n")))


def alternates(page: Any, context: Context) -> list[Alternate]:
    """The page in every edition that has it (i18n's alternates), in edition order."""
    files = getattr(page.file, "alternates", {}) or {}
    out = []
    for edition in context.editions:
        file = files.get(edition.id)
        if file is not None:
            out.append(Alternate(edition=edition, url=file.url,
                                 translated=file.locale == edition.id))
    return out
