"""Somali for search: where words end, and which words carry no topic.

lunr (Material's search) ships no Somali stemmer or stop-word list, and its English
ones would mangle Somali ("waa" is no English word; "in" is Somali for "that").

Separator: whitespace, hyphens and dashes, slashes and punctuation. The apostrophe is
*not* a separator: Somali's Latin orthography (1972) writes the glottal stop with it
inside words — go'aan "decision", hay'ad "agency", su'aal "question" — so splitting
there would index "go" and "aan". ``normalize`` stores a curly ’ in our pages as the
straight ' that keyboards type, so go’aan in a page is found by go'aan.

Stop words: grammatical particles only, so a search for a topic word is not drowned
by pages that merely contain "waa" or "iyo". Chosen from the most frequent words of
our own Somali pages (docs/so, counted 2025: ka, ah, la, u, oo, ku, iyo, waa, ee,
aad, ama, in, ugu, loo, aan, soo, lagu, ayaa, ay, …), keeping only those that
standard descriptions of Somali grammar class as prepositional/verbal particles,
conjunctions, focus or declarative markers and subject clitics; every noun, verb and
adjective stays searchable (a reader may well search "lacag" or "maalmo"). Not yet
reviewed by a Somali-speaking editor: a wrong entry only makes one short word
unsearchable, never hides a page.
"""

from __future__ import annotations

#: Whitespace, hyphen/dashes, slash and punctuation; never the apostrophe (see above).
SEPARATOR = r"[\s\-\u2010-\u2015/.,;:!?()\[\]\"\u201c\u201d\u00ab\u00bb]+"

STOP_WORDS: tuple[str, ...] = (
    # prepositional particles and their combinations with the impersonal "la"
    "u", "ku", "ka", "la", "loo", "lagu", "laga", "ugu", "uga", "kaga", "kula", "kuma",
    # directional particles
    "soo", "sii",
    # conjunctions: and (nouns / clauses), or, if, that
    "iyo", "oo", "ee", "ama", "haddii", "in",
    # focus and declarative markers
    "waa", "baa", "ayaa", "waxa", "waxaa",
    # subject clitics (I/we, you, they/she, he) and the negative "ma"
    "aan", "aad", "ay", "uu", "ma",
    # copula "is" (relative form) and "which/that is"
    "ah",
)

APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})


def normalize(text: str) -> str:
    """Straight apostrophes for the glottal stop, so go’aan and go'aan are one word."""
    return text.translate(APOSTROPHES)
