"""Partners: our pages on other sites.

Embed views, oEmbed and JSON Feed per edition (``embed``, response schemas in
``schemas/``), the snippet partners paste (``snippet``), and who may frame which
pages (``framing``).
"""

from klarinfo.partners.framing import EMBED_PREFIX, EMBED_SCRIPT

__all__ = ["EMBED_PREFIX", "EMBED_SCRIPT"]
