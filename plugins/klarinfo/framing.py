"""Who may show our pages in a frame: main pages only we; embed views we and our partners.

Why: a page about violence shown inside an unknown site could be dressed up or
watched; partners we list in mkdocs.yml (``partners:``) may frame the embed views
only. The policy is written as deployable headers — ``_headers`` (Netlify and
Cloudflare Pages) and an nginx snippet — and `make site` serves with the same
headers, so the policy is exercised locally.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

EMBED_PREFIX = "/embed/"
COMMON = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"))
_ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:\d+)?$")


def check_partners(partners: Iterable[str]) -> list[str]:
    """Problems with the partner list: each entry must be an origin, not a page URL."""
    return [f"partners: {p!r} is not an origin — write scheme and host only, e.g. "
            "https://www.informationsverige.se" for p in partners if not _ORIGIN.match(p)]


def headers_for(path: str, partners: Iterable[str]) -> list[tuple[str, str]]:
    """The headers for one URL path of the site."""
    if path.startswith(EMBED_PREFIX):
        ancestors = " ".join(["'self'", *partners])
        return [("Content-Security-Policy", f"frame-ancestors {ancestors}"), *COMMON]
    return [("Content-Security-Policy", "frame-ancestors 'self'"),
            ("X-Frame-Options", "SAMEORIGIN"), *COMMON]


def netlify_headers(site: Path, partners: list[str]) -> str:
    """A ``_headers`` file. Rules must not overlap (hosts merge or pick overlapping rules
    differently), so main pages get one rule per top-level entry of the built site."""
    blocks = []
    paths = ["/"] + [f"/{p.name}/*" if p.is_dir() else f"/{p.name}"
                     for p in sorted(site.iterdir())
                     if p.name not in ("embed", "_headers", "_nginx.conf")]
    for path in paths:
        blocks.append(_block(path, headers_for(path, partners)))
    blocks.append(_block(f"{EMBED_PREFIX}*", headers_for(EMBED_PREFIX, partners)))
    return "# Framing policy of klarinfo (generated from mkdocs.yml partners:)\n" + \
        "\n".join(blocks)


def _block(path: str, headers: list[tuple[str, str]]) -> str:
    return path + "\n" + "".join(f"  {name}: {value}\n" for name, value in headers)


def nginx(partners: list[str]) -> str:
    """The same policy for nginx: include it inside the site's server { } block."""
    def adds(headers: list[tuple[str, str]]) -> str:
        return "".join(f'    add_header {name} "{value}" always;\n' for name, value in headers)
    return ("# Framing policy of klarinfo (generated from mkdocs.yml partners:).\n"
            "# include this file inside the server { } block that serves the site.\n"
            f"location {EMBED_PREFIX} {{\n{adds(headers_for(EMBED_PREFIX, partners))}}}\n"
            f"location / {{\n{adds(headers_for('/', partners))}}}\n")


def parse_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Rules of a ``_headers`` file, for servers (tests, previews) that apply it."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            rules.append((raw.strip(), []))
        elif rules and ":" in raw:
            name, value = raw.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def match(rules: list[tuple[str, list[tuple[str, str]]]], path: str) -> list[tuple[str, str]]:
    """Headers of every rule whose pattern matches ``path`` (``*`` matches anything)."""
    out = []
    for pattern, headers in rules:
        regex = "^" + re.escape(pattern).replace(r"\*", ".*") + "$"
        if re.match(regex, path):
            out += headers
    return out
