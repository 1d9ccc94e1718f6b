"""Partners: our pages on other sites.

Embed views and oEmbed (``embed``), a JSON Feed per edition (``feeds``), response
schemas in ``schemas/``, the snippet partners paste (``snippet``), and who may frame
which pages (``framing``).
"""

from klarinfo.partners.feeds import FEED_TYPE, feed_path
from klarinfo.partners.framing import EMBED_PREFIX, EMBED_SCRIPT

__all__ = ["EMBED_PREFIX", "EMBED_SCRIPT", "FEED_TYPE", "feed_path"]
