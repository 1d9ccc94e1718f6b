"""The code partners paste: a sandboxed frame and embed.js, checked by its hash.

Why: the snippet runs on pages we do not control. The frame gets only what our embed
view needs (its own scripts, its own origin for the height messages, and replacing the
partner's page when the reader clicks the quick exit), and embed.js runs on the partner's
page only if it is byte for byte the file this build published (Subresource Integrity).
The same snippet is the ``html`` of our oEmbed responses, so a frame fits its content
wherever it is shown.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html import escape
from urllib.parse import urljoin

from klarinfo.partners.framing import EMBED_SCRIPT

#: Scripts run as our origin (embed.js checks height messages against it); the frame may
#: replace the partner's page only on a click (the quick exit), never on its own; no
#: pop-ups, forms or plugins.
SANDBOX = "allow-scripts allow-same-origin allow-top-navigation-by-user-activation"
#: The partner's page address is not sent to us: on a page about violence the address
#: alone can tell what a reader is looking at, and framing (frame-ancestors) needs no Referer.
REFERRER_POLICY = "no-referrer"
#: embed.js is a theme file, published in the site root and served with
#: ``Access-Control-Allow-Origin: *`` (klarinfo.safety.headers), which SRI needs cross-origin.
EMBED_JS = EMBED_SCRIPT.lstrip("/")
HEIGHT = 800  # before embed.js sets the real height


def integrity(script: bytes) -> str:
    """The ``integrity`` value of a script (SHA-384, the SRI default of browsers' tools)."""
    return "sha384-" + base64.b64encode(hashlib.sha384(script).digest()).decode("ascii")


def iframe(src: str, title: str, height: int = HEIGHT) -> str:
    """The frame: works alone with a fixed height; embed.js makes it fit its content."""
    return (f'<iframe src="{escape(src)}" title="{escape(title)}" '
            f'style="width:100%;height:{height}px;border:0" loading="lazy" '
            f'sandbox="{SANDBOX}" referrerpolicy="{REFERRER_POLICY}" '
            f'data-klarinfo-embed></iframe>')


def script(site_url: str, sri: str) -> str:
    """embed.js from our site; ``crossorigin`` makes the browser fetch it with CORS, without
    which it refuses a cross-origin script that carries ``integrity``."""
    checked = f' integrity="{sri}" crossorigin="anonymous"' if sri else ""
    return (f'<script src="{escape(urljoin(site_url, EMBED_JS))}"{checked} '
            f'referrerpolicy="{REFERRER_POLICY}" defer></script>')


def snippet(src: str, title: str, site_url: str, sri: str) -> str:
    """Frame plus script for one embed view ``src``."""
    return iframe(src, title) + "\n" + script(site_url, sri)


SNIPPETS_BLOCK = re.compile(r"^```embed-snippets[ \t]*\n```[ \t]*$", re.M)


def snippets_html(frames: Iterable[tuple[str, str]], site_url: str, sri: str) -> str:
    """For the partner page: (title, embed view URL) → one closed <details> each."""
    return "\n\n".join(
        f'<details class="klarinfo-snippet"><summary>{escape(title)}</summary>\n'
        f"<pre><code>{escape(snippet(src, title, site_url, sri))}</code></pre>\n"
        f"</details>" for title, src in sorted(frames, key=lambda f: f[1]))
