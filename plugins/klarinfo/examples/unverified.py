"""The rule values we could not check against an official text, shown to readers.

Why: a figure marked ``verified: false`` in data/rules.yml is an assumption. The
"how we calculate" page must say which ones, in every edition, and the list must
follow the data — a value that becomes unverified appears on the page with the
next build, one that gets checked disappears. Communicators write

    ```unverified-rules
    housing_allowance_cost_ceiling_1_child: Högsta hyra som räknas, ett barn
    ```

with a label in the page's language per parameter (optional: without one the
parameter's name is shown). The build replaces the block with a list: label,
the value per rule year formatted for the edition, and a link to the source to
check. A label for a name that is not in data/rules.yml is a finding at its line.
"""

from __future__ import annotations

import gettext
from html import escape
from urllib.parse import urlsplit

from klarinfo.base import yaml_lines
from klarinfo.base.errors import Finding, InputError
from klarinfo.base.yaml_lines import line
from klarinfo.examples.placeholders import format_value
from klarinfo.examples.rules import Parameter, Rules, unverified


def labels_from(text: str, path: str, rules: Rules, first_line: int = 0) -> dict[str, str]:
    """``name: label`` lines of a block → labels; unknown names and non-text labels are
    findings at their line (``first_line`` is the line of the opening fence)."""
    if not text.strip():
        return {}
    try:
        data = yaml_lines.load(text, path)
    except InputError as exc:
        raise InputError([Finding(f.path, (f.line or 0) + first_line, f.problem, f.fix)
                          for f in exc.findings]) from None
    if not isinstance(data, dict):
        raise InputError(Finding(path, first_line + 1, "an unverified-rules block must be "
                                 "'name: label' lines", "write e.g. "
                                 "housing_allowance_reduction_rate: Hur mycket bidraget minskar"))
    findings = []
    labels: dict[str, str] = {}
    for name, label in data.items():
        at = first_line + (line(data, name) or 1)
        if name not in rules.parameters:
            findings.append(Finding(path, at, f"unknown rule parameter '{name}'",
                                    "use a name from data/rules.yml"))
        elif not isinstance(label, str) or not label.strip():
            findings.append(Finding(path, at, f"'{name}' has no label text",
                                    f"write {name}: followed by a short label for readers"))
        else:
            labels[str(name)] = label.strip()
    if findings:
        raise InputError(findings)
    return labels


def _values(parameter: Parameter, locale: str, unknown: str) -> str:
    """Each rule year with its value; a year marked unknown (``null``) says so in the
    edition's word, so the reader sees that the figure is missing, not an empty line."""
    shown = {year: format_value(value, parameter.unit, locale)
             for year, value in parameter.values.items()}
    shown.update({year: unknown for year in parameter.unknown_years})
    return ", ".join(f"{year}: {text}" for year, text in sorted(shown.items()))


def unknown_word(tr: gettext.NullTranslations | None) -> str:
    """The edition's word for a value nobody has checked yet ("okänt", "unknown")."""
    if tr is None:
        tr = gettext.NullTranslations()
    # Translators: shown instead of a figure in the list of unverified rule values
    # when the official amount is not known yet, e.g. "2026: unknown".
    return tr.pgettext("rule value", "unknown")


def render(rules: Rules, locale: str, labels: dict[str, str],
           tr: gettext.NullTranslations | None = None) -> str:
    """A list of every unverified parameter (label or name, values, source link), escaped;
    an empty list when every value is checked. ``tr``: the edition's catalog."""
    unknown = unknown_word(tr)
    items = []
    for parameter in unverified(rules):
        label = labels.get(parameter.name)
        shown = escape(label) if label else f"<code>{escape(parameter.name)}</code>"
        host = urlsplit(parameter.source.url).hostname or parameter.source.url
        items.append(f'<li>{shown}: {escape(_values(parameter, locale, unknown))} '
                     f'(<a href="{escape(parameter.source.url, quote=True)}">'
                     f'{escape(host.removeprefix("www."))}</a>)</li>')
    return f'<ul class="klarinfo-unverified">{"".join(items)}</ul>'
