"""How each edition's index splits and filters words (lunr settings Material's worker reads).

Material's worker takes ``lang`` (which lunr language scripts to load), ``separator``
(where words end) and ``pipeline`` (which of lunr's trimmer, stop-word filter and
stemmer to keep) from the index file itself, so each edition's index carries its own.

No stemmer in any edition: Material turns every query word into a prefix search
("föräldrapenningen*"), and lunr skips the pipeline for prefix terms, so a stemmed
index ("föräldrapenning") would miss the full word the reader typed. Arabic keeps an
empty pipeline, as the site had before (lunr's Arabic trimmer and stop words are
untested here). Somali: lunr's English tokenizer settings without its English stop
words and stemmer, plus our own stop words (``somali``), applied by our worker patch
(``bundle``) as the ``stopwords`` key.
"""

from __future__ import annotations

from typing import Any

from klarinfo.search import somali

DEFAULT_SEPARATOR = r"[\s\-]+"


def index_config(lang: str, search_lang: str) -> dict[str, Any]:
    """The ``config`` object of one edition's index (``fields`` are added by the caller).

    ``lang`` is the edition's language, ``search_lang`` the lunr language mkdocs.yml
    names for it (Somali: ``en``, lunr has none)."""
    if lang == "so":
        return {"lang": ["en"], "separator": somali.SEPARATOR, "pipeline": ["trimmer"],
                "stopwords": list(somali.STOP_WORDS), "apostrophes": True}
    if search_lang == "ar":
        return {"lang": ["ar"], "separator": DEFAULT_SEPARATOR, "pipeline": []}
    return {"lang": [search_lang], "separator": DEFAULT_SEPARATOR,
            "pipeline": ["trimmer", "stopWordFilter"]}


def normalize(lang: str, text: str) -> str:
    """Index text in the form readers type it."""
    return somali.normalize(text) if lang == "so" else text
