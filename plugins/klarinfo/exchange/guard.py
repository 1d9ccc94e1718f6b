"""What an exchange file may do: be read safely and write only pages of its edition.

Translation agencies are outside the project and the repository is public, so a
returned XLIFF or PO file is untrusted data. It names the pages it writes (XLIFF
``<file original>``, the PO header ``X-Klarinfo-Versions``): a path like
``../../plugins/klarinfo/theme/main.html`` would put Jinja into a theme template that
the next build runs. So a page path must be a relative ``.md`` path without ``..`` that,
resolved with symbolic links, stays inside ``docs/<edition>/``. The XML is read with
no DTD, no entities and no network, at most :data:`MAX_BYTES`, so a billion-laughs file
or a huge one is refused with a message instead of eating memory or a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from lxml import etree

from klarinfo.base.errors import Finding, InputError

MAX_BYTES = 20 * 1024 * 1024
LIMIT = "20 MB"
#: An exchange file never needs a DTD; one can declare entities that expand to
#: gigabytes (billion laughs) or read local files (external entities).
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
_AGAIN = "get the file again from the agency, or export again (make translation-export)"


def read(path: Path) -> bytes:
    """The bytes of a returned file, refused (InputError) when missing or too big."""
    shown = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(Finding(shown, None, "no such file", "give the path of the file "
                                 "the agency sent back, e.g. make translation-import "
                                 "FILE=reports/translation/klarinfo-so.xlf")) from None
    except OSError as exc:
        raise InputError(Finding(shown, None, f"cannot be read ({exc.strerror})",
                                 "check the path and its permissions")) from None
    if not path.is_file():
        raise InputError(Finding(shown, None, "is not a file", "give the path of the "
                                 "XLIFF (.xlf) or PO (.po) file itself"))
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)  # the size again: the file may have grown
    if max(size, len(data)) > MAX_BYTES:
        raise InputError(Finding(shown, 1, f"the file has {max(size, len(data)):,} bytes, "
                                 f"more than the {LIMIT} an exchange file may have",
                                 "export fewer pages per file (make translation-export "
                                 "PAGES=a.md,b.md)"))
    return data


def _line(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def xml_root(data: bytes, shown: str) -> etree._Element:
    """Parse an exchange file's XML hardened: no DOCTYPE at all, no entity expansion, no
    DTD or network access, lxml's default limits (``huge_tree=False``)."""
    declared = _DECLARATION.search(data)
    if declared:
        raise InputError(Finding(shown, _line(data, declared.start()),
                                 f"the file declares a {declared.group(1).decode().upper()}, "
                                 "which an exchange file never needs (entities can expand to "
                                 "gigabytes or read other files)",
                                 "save it from the CAT tool as plain XLIFF 1.2, or " + _AGAIN))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        what = " ".join(str(exc.msg or exc).split())
        raise InputError(Finding(shown, exc.lineno or 1, f"not well-formed XML ({what})",
                                 "the file is cut off or damaged: " + _AGAIN)) from None
    except ValueError as exc:  # e.g. an empty file or a bad encoding declaration
        raise InputError(Finding(shown, 1, f"not XML ({exc})", _AGAIN)) from None
    tree = root.getroottree()
    entity = next(root.iter(etree.Entity), None)
    if tree.docinfo.doctype or entity is not None:  # a DOCTYPE the byte scan missed (UTF-16)
        raise InputError(Finding(shown, getattr(entity, "sourceline", None) or 1,
                                 "the file has a DOCTYPE or entity, which an exchange file "
                                 "never needs", _AGAIN))
    if etree.QName(root).localname != "xliff":
        raise InputError(Finding(shown, root.sourceline or 1,
                                 f"not an XLIFF file (its root is <{etree.QName(root).localname}>)",
                                 "give the .xlf file made by make translation-export"))
    return root


def page_problem(docs: Path, edition: str, page: str) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) when ``page`` is no page of ``docs/<edition>/``:
    absolute, with ``..``, not ``.md``, or leading elsewhere through a symbolic link."""
    folder = f"docs/{edition}/"
    fix = (f"name the page as it is in {folder}, e.g. tolk.md (export again with make "
           "translation-export)")
    pure = PurePosixPath(page)
    if not page or any(c in page for c in "\x00\\") or any(ord(c) < 32 for c in page):
        return f"the page path {page!r} is not a plain file path", fix
    if pure.is_absolute() or re.match(r"[A-Za-z]:", page):
        return f"the page path {page!r} is absolute", fix
    if ".." in pure.parts:
        return f"the page path {page!r} leaves {folder} ('..')", fix
    if pure.suffix != ".md":
        return f"the page path {page!r} is not a Markdown page (.md)", fix
    base = (docs / edition).resolve()
    resolved = (docs / edition / page).resolve()
    if not resolved.is_relative_to(base) or resolved.suffix != ".md":
        return (f"the page path {page!r} leads to {resolved} through a symbolic link, "
                f"outside {folder} or to no .md file",
                f"replace the link in {folder} by the page itself, or leave the page out")
    return None


__all__ = ["LIMIT", "MAX_BYTES", "page_problem", "read", "xml_root"]
