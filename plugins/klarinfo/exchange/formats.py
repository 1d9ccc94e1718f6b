"""XLIFF 1.2 and PO files through translate-toolkit (what Weblate builds on), so the
files are what CAT tools expect without a hand-written XML or PO writer.

XLIFF: one ``<file original="page">`` per page with the Swedish and exported versions
as ``k:source-hash``/``k:target-hash`` attributes, ``target-language`` a valid BCP 47
tag (``language_tag``) and our edition name in ``k:edition``, protected codes as ``<ph>``, the
state on ``<target state>``, glossary terms as notes. PO: ``msgctxt`` is the unit id,
needs-review is ``fuzzy``, notes are extracted comments, versions are in the header,
and protected codes are a Weblate ``placeholders:`` flag (``#,``), so Weblate
highlights them and its placeholder check fails a translation that drops one.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import quoteattr

from translate.storage import po, xliff
from translate.storage.placeables import StringElem
from translate.storage.placeables import xliff as inline

from klarinfo.exchange import codes
from klarinfo.exchange.model import NEEDS_REVIEW, NEW, TRANSLATED, PageExport
from klarinfo.exchange.returned import (  # noqa: F401 (read back here, as before)
    KLARINFO,
    Returned,
    ReturnedFile,
    edition_of,
    read_po,
    read_xliff,
)

_XLIFF_12 = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
             'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original={} '
             'datatype="plaintext"><body/></file></xliff>')
_TO_XLIFF = {TRANSLATED: "translated", NEEDS_REVIEW: "needs-review-translation", NEW: "new"}
#: RFC 5646 private-use subtags: 1 to 8 letters or digits each.
_PRIVATE = re.compile(r"[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*", re.A)


class _Unit(xliff.xliffunit):
    """A trans-unit in the XLIFF 1.2 namespace (translate-toolkit's default is 1.1)."""

    namespace = "urn:oasis:names:tc:xliff:document:1.2"


def language_tag(edition: str, lang: str) -> str:
    """The BCP 47 tag for an edition whose language is ``lang`` (mkdocs.yml ``editions:``).

    XLIFF's ``target-language`` must be a BCP 47 tag, and ``sv-latt`` is not a valid
    one: it parses as Swedish in the script "Latt", which ISO 15924 does not have.
    Easy-read Swedish is Swedish, so the tag is ``sv`` plus a private-use part,
    ``sv-x-latt``: valid, read as plain Swedish by tools that only know registered
    languages (RFC 4647 lookup drops the ``x-`` part), and still different from the
    ``sv`` source, so a translation memory keeps the two Swedish editions apart."""
    if edition == lang:
        return edition
    rest = edition[len(lang) + 1:] if edition.startswith(f"{lang}-") else edition
    if not _PRIVATE.fullmatch(rest):
        raise ValueError(f"edition '{edition}' gives no BCP 47 private-use tag — name it "
                         f"{lang}-<1 to 8 ASCII letters or digits>")
    return f"{lang}-x-{rest}"


def _rich(text: str, ids: dict[str, str]) -> list[StringElem]:
    parts: list = []
    for is_code, run in codes.split(text):
        if is_code:
            ids.setdefault(run, str(len(ids) + 1))
            parts.append(inline.Ph([run], id=ids[run]))
        else:
            parts.append(run)
    return [StringElem(parts)]


def write_xliff(pages: list[PageExport], source: str, edition: str, lang: str = "") -> bytes:
    """``lang``: the edition's language (mkdocs.yml ``editions:``), for its BCP 47 tag."""
    target_tag = language_tag(edition, lang or edition)
    first = pages[0].page if pages else "empty"
    store = xliff.xlifffile.parsestring(_XLIFF_12.format(quoteattr(first)).encode())
    store.setsourcelanguage(source)
    store.settargetlanguage(target_tag)
    for page in pages:
        store.switchfile(page.page, createifmissing=True)
        node = store.getfilenode(page.page)
        node.set("source-language", source)
        node.set("target-language", target_tag)
        node.set(f"{{{KLARINFO}}}edition", edition)
        node.set(f"{{{KLARINFO}}}source-hash", page.source_hash)
        node.set(f"{{{KLARINFO}}}target-hash", page.target_hash)
        for item in page.units:
            unit = _Unit("")
            ids: dict[str, str] = {}
            unit.rich_source = _rich(item.source, ids)
            unit.rich_target = _rich(item.target, ids)
            unit.setid(item.id)
            store.addunit(unit)
            unit.xmlelement.find(unit.namespaced("target")).set("state", _TO_XLIFF[item.state])
            for note in item.notes:
                unit.addnote(note, origin="klarinfo")
    return bytes(store)


def write_po(pages: list[PageExport], source: str, edition: str) -> bytes:
    store = po.pofile()
    store.updateheader(add=True, Language=edition, Content_Type="text/plain; charset=UTF-8",
                       X_Klarinfo_Source_Language=source,
                       X_Klarinfo_Versions=" ".join(f"{p.page}={p.source_hash}:{p.target_hash}"
                                                    for p in pages))
    for page in pages:
        for item in page.units:
            unit = store.addsourceunit(item.source)
            unit.setcontext(item.id)
            unit.target = item.target
            for note in item.notes:
                unit.addnote(note, origin="developer")
            flag = placeholders_flag(item.source)
            if flag:
                unit.settypecomment(flag)
            if item.state == NEEDS_REVIEW:
                unit.markfuzzy(True)
    return bytes(store)


def placeholders_flag(source: str) -> str:
    """Weblate's ``placeholders:"a":"b"`` flag for the codes a translation must keep:
    ``{{ … }}`` placeholders, link targets and inline code, each a literal string
    (not a regex), quoted with backslash escapes as Weblate's flag syntax wants.
    No gettext format flag fits (``python-brace-format`` would read ``{{`` as an
    escaped brace); codes across lines stay out (a ``#,`` comment is one line)."""
    found = [c for c in codes.codes(source) if c.startswith(("{{", "`", "](")) and "\n" not in c]
    if not found:
        return ""
    quoted = (c.replace("\\", "\\\\").replace('"', '\\"') for c in sorted(found))
    return "placeholders:" + ":".join(f'"{c}"' for c in quoted)
