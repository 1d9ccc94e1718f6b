"""PO units carry Weblate's ``placeholders:`` flag, so Weblate highlights the protected
codes and its placeholder check fails a translation that drops or breaks one — the
same codes ``make translation-import`` insists on."""

from __future__ import annotations

import re

from klarinfo.exchange import formats, model
from sitebuild import ROOT
from translate.storage import po

# Weblate's flag syntax: placeholders:"a":"b", strings quoted, \ escapes the next char.
_FLAG = re.compile(r'(?:^|, )placeholders((?::"(?:[^"\\]|\\.)*")+)')
_VALUE = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _placeholders(typecomments: list[str]) -> list[str]:
    """What Weblate reads from a unit's ``#,`` line."""
    line = "".join(typecomments).removeprefix("#, ").strip()
    match = _FLAG.search(line)
    if not match:
        return []
    return [re.sub(r"\\(.)", r"\1", v) for v in _VALUE.findall(match.group(1))]


def _units(data: bytes) -> list[po.pounit]:
    return [u for u in po.pofile.parsestring(data).units if not u.isheader()]


def test_flag_quotes_codes_exactly_and_keeps_fuzzy() -> None:
    source = 'Se [här](a.md "Titel, med \\ bakstreck") och {{ rules.x }} och `kod`.'
    unit = model.Unit("p.md#1", source, "See [here](a.md) and {{ rules.x }}.",
                      model.NEEDS_REVIEW)
    data = formats.write_po([model.PageExport("p.md", "abc", "def", [unit])], "sv", "en")
    (back,) = _units(data)
    assert sorted(_placeholders(back.typecomments)) == sorted(
        ['](a.md "Titel, med \\ bakstreck")', "`kod`", "{{ rules.x }}"])
    assert '"](a.md \\"Titel, med \\\\ bakstreck\\")"' in back.typecomments[0]
    assert back.isfuzzy()
    assert formats.read_po(data).units["p.md#1"].done is False


def test_real_export_flags_every_placeholder_and_weblate_check_agrees() -> None:
    setup = model.Setup.load(ROOT)
    pages = model.export(setup, "en", ["foraldrapenning.md", "tolk.md"])
    units = _units(formats.write_po(pages, "sv", "en"))
    flagged = {u.getcontext(): _placeholders(u.typecomments) for u in units}
    with_codes = [u for u in units if re.search(r"\{\{|\]\(|`", u.source)]
    assert with_codes and all(flagged[u.getcontext()] for u in with_codes)
    assert any("{{ rules.parental_days_total }}" in flagged[u.getcontext()] for u in units)
    assert all(not flagged[u.getcontext()] for u in units if u not in with_codes)
    # Weblate's check on the real translations: every {{ }} of the source is kept.
    for unit in units:
        for code in flagged[unit.getcontext()]:
            if code.startswith("{{"):
                assert code in unit.target, (unit.getcontext(), code)
