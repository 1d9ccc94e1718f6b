"""The termbase (glossary/*.yml) as TBX-Basic, CSV and Vale vocabularies, for CAT
termbases, term banks and teams that lint with Vale.

``python -m klarinfo.exchange.termbase_export [-o reports/glossary]`` (``make
glossary-export``). Every term of every edition: preferred and admitted terms are
``preferredTerm-admn-sts``/``admittedTerm-admn-sts``, deprecated variants
``deprecatedTerm-admn-sts`` in TBX and go to Vale's ``reject.txt``
(``vale/config/vocabularies/klarinfo-<edition>/``; set ``StylesPath`` to ``vale``).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

from lxml import etree
from translate.storage import tbx

from klarinfo.exchange.formats import language_tag
from klarinfo.exchange.model import Setup

#: Where Vale (3.0 and later) looks for vocabularies under its StylesPath; ``Vocab/`` was
#: the place before 3.0 and is no longer read.
VOCABULARIES = "config/vocabularies"
STATUS = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
          "deprecated": "deprecatedTerm-admn-sts"}


def rows(setup: Setup) -> list[tuple[str, str, str, str]]:
    """(term id, edition, term, status) for every term form of every edition."""
    out = []
    for term in setup.termbase.terms:
        for edition in setup.editions:
            entry = term.entries.get(edition)
            if entry is None:
                continue
            out.append((term.id, edition, entry.term, "preferred"))
            out += [(term.id, edition, a, "admitted") for a in entry.admitted]
            out += [(term.id, edition, d.text, "deprecated") for d in entry.deprecated]
    return out


def write_tbx(setup: Setup) -> bytes:
    """TBX-Basic with each language's definition (a terminologist decides from it whether
    two terms are the same concept). ``xml:lang`` must be a BCP 47 tag: easy-read Swedish
    is ``sv-x-latt`` (``formats.language_tag``, as in XLIFF); ``formats.edition_of``
    gives the edition id back."""
    store = tbx.tbxfile(sourcelanguage=setup.default)
    by_term: dict[str, list[tuple[str, str, str]]] = {}
    definitions = {(term.id, edition): entry.definition for term in setup.termbase.terms
                   for edition, entry in term.entries.items()}
    for term_id, edition, text, status in rows(setup):
        by_term.setdefault(term_id, []).append((edition, text, status))
    for term_id, forms in by_term.items():
        unit = store.addsourceunit(forms[0][1])
        unit.setid(term_id)
        for edition in setup.editions:
            texts = [(t, s) for e, t, s in forms if e == edition]
            if not texts:
                continue
            tag = language_tag(edition, setup.languages[edition])
            if edition == setup.default:
                unit.set_source_terms([t for t, _ in texts], lang=tag)
            else:
                unit.set_target_terms([t for t, _ in texts], lang=tag)
            lang = next(n for n in unit.getlanguageNodes()
                        if n.get("{http://www.w3.org/XML/1998/namespace}lang") == tag)
            definition = definitions.get((term_id, edition))
            if definition:  # TBX-Basic: descrip before the tig elements of its langSet
                descrip = etree.Element(unit.namespaced("descrip"), type="definition")
                descrip.text = definition
                lang.insert(0, descrip)
            for tig, (_, status) in zip(lang.findall(unit.namespaced("tig")), texts,
                                        strict=True):
                note = etree.SubElement(tig, unit.namespaced("termNote"))
                note.set("type", "administrativeStatus")
                note.text = STATUS[status]
    store.document.getroot().set("type", "TBX-Basic")
    return bytes(store)


#: What makes a spreadsheet read a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text. Terms come from communicators and
    agencies, and Excel or LibreOffice run a cell starting with ``=``, ``+``, ``-``,
    ``@``, tab or CR as a formula (``=HYPERLINK(…)``, DDE) when a terminologist opens
    the file; OWASP's remedy is a leading single quote, which the spreadsheet hides."""
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell


def write_csv(setup: Setup) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "edition", "term", "status"])
    writer.writerows([inert(cell) for cell in row] for row in rows(setup))
    return out.getvalue()


def vale(setup: Setup, edition: str) -> tuple[str, str]:
    """accept.txt and reject.txt: one regex per line, the term escaped."""
    accept, reject = [], []
    for _, ed, text, status in rows(setup):
        if ed == edition:
            (reject if status == "deprecated" else accept).append(_regex(text))
    return ("\n".join(sorted(set(accept))) + "\n", "\n".join(sorted(set(reject))) + "\n")


def _regex(text: str) -> str:
    """Vale reads each line as a Go (RE2) regex: escape metacharacters, not spaces."""
    return re.sub(r"([.^$*+?()\[\]{}|\\])", r"\\\1", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m klarinfo.exchange.termbase_export")
    parser.add_argument("-o", "--output", default="reports/glossary")
    parser.add_argument("--root", default=".")
    args = parser.parse_args(argv)
    setup = Setup.load(Path(args.root).resolve())
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "klarinfo.tbx").write_bytes(write_tbx(setup))
    (folder / "klarinfo.csv").write_text(write_csv(setup), encoding="utf-8")
    for edition in setup.editions:
        vocab = folder / "vale" / VOCABULARIES / f"klarinfo-{edition}"
        vocab.mkdir(parents=True, exist_ok=True)
        accept, reject = vale(setup, edition)
        (vocab / "accept.txt").write_text(accept, encoding="utf-8")
        (vocab / "reject.txt").write_text(reject, encoding="utf-8")
    print(f"{folder}: klarinfo.tbx, klarinfo.csv, vale/{VOCABULARIES}/klarinfo-<edition>/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
