"""The preview's `/_findings/` page: every finding of the build across editions, counted
per edition and per kind, each linking to the page it is about.

A page of its own (not a MkDocs page: the findings are known only once every edition is
built), styled by the site's own stylesheets, no script, so the site's
Content-Security-Policy holds. Only `mkdocs serve` writes it.
"""

from __future__ import annotations

import gettext
import html
from collections import Counter
from collections.abc import Mapping, Sequence

from klarinfo.findings.collect import Item
from klarinfo.findings.panel import PANEL_ID

FOLDER = "_findings"


def kind_labels(tr: gettext.NullTranslations) -> dict[str, str]:
    """Each kind of finding (``sarif.RULES``' ids) as communicators call it, in ``tr``'s
    language: the ids are for tools. Literal calls, so `i18n extract` finds every label."""
    return {
        "readability.sentence": tr.pgettext("finding kind", "Long sentence"),
        "readability.score": tr.pgettext("finding kind", "Page hard to read"),
        "readability.detail": tr.pgettext("finding kind", "One of the hardest sentences"),
        "readability.override": tr.pgettext("finding kind", "Changed readability limit"),
        "language": tr.pgettext("finding kind", "Wrong language"),
        "glossary.deprecated": tr.pgettext("finding kind", "Term that is not approved"),
        "glossary.consistency": tr.pgettext("finding kind", "Term not used as on the Swedish page"),
        "glossary.termbase": tr.pgettext("finding kind", "Problem in the glossary"),
        "placeholder": tr.pgettext("finding kind", "Figure that cannot be filled in"),
        "safety": tr.pgettext("finding kind", "Refused markup"),
        "translation": tr.pgettext("finding kind", "Translation"),
        "catalog": tr.pgettext("finding kind", "Problem in a translation catalog"),
        "source": tr.pgettext("finding kind", "Page file that cannot be used"),
        "other": tr.pgettext("finding kind", "Other"),
    }


def _table(caption: str, head: str, counts: Counter[str], count_head: str) -> str:
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{n}</td></tr>"
                   for k, n in sorted(counts.items()))
    return (f"<table><caption>{html.escape(caption)}</caption><thead><tr>"
            f'<th scope="col">{html.escape(head)}</th><th scope="col">{html.escape(count_head)}'
            f"</th></tr></thead><tbody>{rows}</tbody></table>")


def render(items: Sequence[Item], urls: Mapping[str, str], stylesheets: Sequence[str],
           lang: str, direction: str, tr: gettext.NullTranslations) -> str:
    """The whole HTML document. ``urls`` maps a finding's path to its page's URL relative
    to this page (files that are not pages, the termbase, are listed without a link)."""
    title = tr.gettext("Findings in all editions")
    n = tr.gettext("Findings")
    none = tr.gettext("No findings.")
    editions = Counter(i.edition or "—" for i in items)
    labels = kind_labels(tr)
    kinds = Counter(labels.get(i.kind, i.kind) for i in items)
    rows = []
    for item in items:
        where = f"{item.path}:{item.line}" if item.line else item.path
        url = urls.get(item.path)
        cell = (f'<a href="{html.escape(url)}#{PANEL_ID}">{html.escape(where)}</a>' if url
                else html.escape(where))
        text = f"{item.message} — {item.fix}" if item.fix else item.message
        rows.append(f"<tr><td>{cell}</td><td>{html.escape(item.edition or '—')}</td>"
                    f"<td>{html.escape(labels.get(item.kind, item.kind))}</td>"
                    f"<td>{html.escape(text)}</td></tr>")
    listing = (
        f'<table><caption>{html.escape(n)}</caption><thead><tr>'
        + "".join(f'<th scope="col">{html.escape(h)}</th>' for h in (
            tr.gettext("Page and line"), tr.gettext("Edition"), tr.gettext("Kind"),
            tr.gettext("What is wrong and how to fix it")))
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows else f"<p>{html.escape(none)}</p>")
    links = "".join(f'<link rel="stylesheet" href="{html.escape(s)}">' for s in stylesheets)
    summary = tr.ngettext("{n} finding", "{n} findings", len(items)).format(n=len(items))
    return (
        f'<!doctype html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="robots" content="noindex"><title>{html.escape(title)}</title>{links}'
        f'</head><body><main class="md-main"><div class="md-content">'
        f'<article class="md-content__inner md-typeset"><h1>{html.escape(title)}</h1>'
        f"<p>{html.escape(summary)}</p>"
        + _table(tr.gettext("Per edition"), tr.gettext("Edition"), editions, n)
        + _table(tr.gettext("Per kind"), tr.gettext("Kind"), kinds, n)
        + listing + "</article></div></main></body></html>\n")
