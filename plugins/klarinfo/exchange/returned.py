"""Reading a file an agency sent back (XLIFF 1.2 or PO) into units, as they came back.

What a CAT tool or an editor may have done to the file is recorded here, not judged:
the checks are ``apply``'s, so every problem of a file is reported at once. Recorded:
unit ids that occur twice (a dict would keep only the last, and its text would then
look like a changed Swedish source), ``target-language`` tags that contradict our
``k:edition``, and XML elements in a target that are not our locked ``<ph>`` codes
(translate-toolkit reads ``<script>x</script>`` as the text ``x``, so the tag would be
lost silently and its text would land in the page).

Pretty-printers (``xml.dom.minidom``'s ``toprettyxml``, a CAT tool's "format XML") put a
newline and indentation before and after every element in mixed content. A segment's
text never starts with whitespace (``segments.Page.slot`` strips it), so a ``<source>``
or ``<target>`` whose text does was re-indented: one newline plus indentation is then
taken off at each element boundary, which gives the exported text back exactly,
intended line breaks (list items, continuation lines) included.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree
from translate.storage import po, xliff

from klarinfo.base.errors import Finding, InputError
from klarinfo.exchange import guard

KLARINFO = "urn:klarinfo:exchange"
XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
#: XLIFF states a CAT tool may write back, and what they mean here.
DONE_STATES = {"translated", "final", "signed-off"}
#: Inline elements whose text is part of the segment: our codes, and the markers CAT
#: tools put around segments and terms (their content is the text itself).
_CODE, _TRANSPARENT = "ph", {"mrk"}
_BOUNDARY_START, _BOUNDARY_END = re.compile(r"^\n[ \t]*"), re.compile(r"\n[ \t]*$")


@dataclass
class Returned:
    """A unit as it came back from the agency."""

    id: str
    source: str
    target: str
    done: bool  # the translator marked it translated (not new, not needs review)
    #: XML elements in the target that are none of our codes (``<script>``, ``<g>``, …)
    foreign: tuple[str, ...] = ()


@dataclass
class ReturnedFile:
    edition: str
    versions: dict[str, tuple[str, str]]  # page → (source_hash, target_hash)
    units: dict[str, Returned]
    order: list[str]  # unit ids in file order, per page prefix
    #: page → the edition its own XLIFF ``<file>`` names (a file may carry several)
    editions: dict[str, str] = field(default_factory=dict)
    #: page → where the file names it, for messages: a PO header line ("12"), else ""
    where: dict[str, str] = field(default_factory=dict)
    #: unit ids that occur more than once, with how often
    duplicates: dict[str, int] = field(default_factory=dict)
    #: page → its ``target-language`` when that is not the tag of its ``k:edition``
    tags: dict[str, str] = field(default_factory=dict)


def edition_of(tag: str) -> str:
    """The edition a ``formats.language_tag`` came from (for a file whose ``k:edition`` a
    CAT tool dropped): ``sv-x-latt`` → ``sv-latt``."""
    lang, _, private = tag.partition("-x-")
    return f"{lang}-{private}" if private else tag


def _without_pretty_print(runs: list[str]) -> list[str]:
    """The text runs between inline elements, with what a pretty-printer added taken off
    (see the module docstring): the newline and indentation it put before each run (the
    indentation is the one it gave the first, since a segment never starts with
    whitespace) and the newline and indentation after it. Unchanged when the first run
    does not start with a newline, i.e. the element was not re-indented."""
    indent = _BOUNDARY_START.match(runs[0])
    if not indent:
        return runs
    return [_BOUNDARY_END.sub("", run.removeprefix(indent.group(0)), count=1)
            for run in runs]


def flatten(element: etree._Element | None) -> tuple[str, tuple[str, ...]]:
    """(the segment text of a ``<source>``/``<target>``, names of foreign elements in it):
    ``<ph>`` gives its code text, ``<mrk>`` its content, anything else is foreign (its
    text is kept, so the markup check sees it too)."""
    if element is None:
        return "", ()
    runs, codes, foreign = [element.text or ""], [], []
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            runs[-1] += child.tail or ""
            continue
        name = etree.QName(child).localname
        if name in _TRANSPARENT:
            text, inner = flatten(child)
            foreign += inner
            runs[-1] += text + (child.tail or "")
            continue
        if name != _CODE:
            foreign.append(name)
        codes.append("".join(child.itertext()))
        runs.append(child.tail or "")
    runs = _without_pretty_print(runs)
    text = runs[0] + "".join(code + run for code, run in zip(codes, runs[1:], strict=True))
    return text.strip(), tuple(foreign)


def _version_problem(root: etree._Element, shown: str) -> None:
    """XLIFF 2.0 has another structure (``<unit>``/``<segment>``); translate-toolkit's 1.x
    reader finds no unit in it, and the import would say "nothing changed"."""
    version = root.get("version") or ""
    namespace = etree.QName(root).namespace or ""
    if version.startswith("1.") or (not version and not namespace.endswith(":2.0")):
        return
    raise InputError(Finding(shown, root.sourceline or 1,
                             f"XLIFF {version or '2.0'} is not supported",
                             "export as XLIFF 1.2 from your CAT tool"))


def read_xliff(data: bytes, shown: str = "the file") -> ReturnedFile:
    """The units of a returned XLIFF file; InputError (``shown:line: …``) when it is not
    well-formed XLIFF 1.x or declares a DTD (``guard.xml_root`` checks before
    translate-toolkit parses it again)."""
    _version_problem(guard.xml_root(data, shown), shown)
    try:
        store = xliff.xlifffile.parsestring(data)
    except (AssertionError, ValueError, etree.Error) as exc:
        raise InputError(Finding(shown, 1, f"not an XLIFF 1.2 file ({exc or 'wrong root'})",
                                 "give the .xlf file made by make translation-export")) from None
    versions, units, order, editions, tags = {}, {}, [], {}, {}
    edition = ""
    for node in store.document.getroot().iterchildren(store.namespaced("file")):
        own, tag = node.get(f"{{{KLARINFO}}}edition"), node.get("target-language") or ""
        edition = own or edition_of(tag) or edition
        page = node.get("original") or ""
        versions[page] = (node.get(f"{{{KLARINFO}}}source-hash") or "",
                          node.get(f"{{{KLARINFO}}}target-hash") or "")
        editions[page] = edition
        if own and tag and edition_of(tag) != own:
            tags[page] = tag
    for unit in store.units:
        ident = (unit.getid() or "").split("\x04")[-1]
        element = unit.xmlelement.find(unit.namespaced("target"))
        state = element.get("state", "translated") if element is not None else "new"
        source, _ = flatten(unit.xmlelement.find(unit.namespaced("source")))
        target, foreign = flatten(element)
        units[ident] = Returned(ident, source, target, state in DONE_STATES, foreign)
        order.append(ident)
    duplicates = {i: n for i, n in Counter(order).items() if n > 1}
    return ReturnedFile(edition, versions, units, order, editions, duplicates=duplicates,
                        tags=tags)


def read_po(data: bytes, shown: str = "the file") -> ReturnedFile:
    """The units of a returned PO file; InputError when translate-toolkit cannot read it.
    Each page's ``where`` is the line of the header that names it (file:line messages)."""
    try:
        store = po.pofile.parsestring(data)
        header = store.parseheader()
    except (ValueError, UnicodeDecodeError) as exc:
        at = re.search(r"on line (\d+)", str(exc))
        raise InputError(Finding(shown, int(at.group(1)) if at else 1,
                                 f"not a PO file ({' '.join(str(exc).split())})",
                                 "give the .po file made by make translation-export")) from None
    versions, where = {}, {}
    text = data.decode("utf-8", "replace")
    start = max(text.find("X-Klarinfo-Versions"), 0)
    for item in str(header.get("X-Klarinfo-Versions", "")).split():
        page, _, hashes = item.partition("=")
        source_hash, _, target_hash = hashes.partition(":")
        versions[page] = (source_hash, target_hash)
        found = text.find(page, start) if page else -1
        where[page] = str(text.count("\n", 0, found if found >= 0 else start) + 1)
    units, order = {}, []
    for unit in store.units:
        if unit.isheader():
            continue
        ident = unit.getcontext()
        units[ident] = Returned(ident, unit.source, unit.target or "",
                                bool(unit.target) and not unit.isfuzzy())
        order.append(ident)
    duplicates = {i: n for i, n in Counter(order).items() if n > 1}
    return ReturnedFile(str(header.get("Language", "")), versions, units, order, where=where,
                        duplicates=duplicates)
