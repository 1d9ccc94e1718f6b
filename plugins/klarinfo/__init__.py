"""klarinfo: quality-enforcing core for a multilingual citizen-information site.

The modules in this package are plain Python and never import mkdocs, so the
logic can move to another site generator when MkDocs 1.x / Material reach end
of life. Only :mod:`klarinfo.adapter` knows about MkDocs.
"""

__version__ = "0.1.0"
