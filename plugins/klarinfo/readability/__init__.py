"""Readability: is each page easy enough to read, and written in its edition's language?

Scores per edition profile (``score``: LIX, Flesch, OSMAN; ``syllables_en``), findings
in the writer's language (``findings``), the wrong-language check per paragraph
(``language``), and a worker that computes both on the second core while MkDocs builds
(``ahead``).
"""
