"""Exchange with translation agencies and term banks (core only, no MkDocs).

Swedish pages cut into segments with their skeleton (``segments``), protected inline
codes (``codes``), Swedish and translated segments paired (``align``), units with
state and glossary notes (``model``), the front matter's title and description as units
of their own, written back in place (``front_fields``), XLIFF 1.2 and PO through
translate-toolkit (``formats``), reading a returned file as it came back (``returned``: duplicates,
relabelled tags, foreign XML elements, pretty-printing undone), what a target may put into
a page (``target_checks``: markup, whitespace-only edits, the page schema), writing a
returned file back (``apply``), what a returned file may read and write (``guard``: page
paths inside their edition, hardened XML), the termbase
as TBX, CSV and Vale vocabularies (``termbase_export``). Command lines:
``python -m klarinfo.exchange.cli`` and ``python -m klarinfo.exchange.termbase_export``.
"""

__all__: list[str] = []
