"""Search: one index per edition, in that edition's language.

Material's search plugin (with mkdocs-static-i18n) writes one index holding every
edition, so a Somali reader searching a Swedish word got Swedish pages. We write one
index per edition under its prefix (``index``), with a language setting of its own
(``languages``; Somali, which lunr has no stemmer for, gets our separator and stop
words, ``somali``), and point Material's scripts at it (``bundle``).
"""

from klarinfo.search.index import index_path

__all__ = ["index_path"]
