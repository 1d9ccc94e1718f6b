"""The HTTP security headers of the site: one policy, written for every place that serves it.

Why: escaping (section 1 of issue 13) is the first defence against script in content or
catalogs; a Content-Security-Policy is the second, so one missed value cannot run script
on our origin. Scripts may come from our own files (``'self'``) and from the few inline
scripts the *theme templates* write, each allowed by its SHA-256 hash.

The hashes are never collected from the built pages: a script injected through a page,
a catalog or the front matter would then get its own hash and be allowed. Instead the
adapter renders the inline scripts it finds in the template *sources* (Material's
``partials/javascripts/*.html``, our overrides) with each page's context
(:func:`template_scripts`, :func:`script_hash`) and allows a hash only if a template
rendered it. Any other inline script found in a built page is reported
(:func:`unexpected_scripts`) — the CSP would block it anyway.

``style-src 'self'`` without ``'unsafe-inline'``: measured in Chromium, neither Material
nor we write a ``style`` attribute or ``<style>`` element (Material changes styles only
through the CSSOM, ``element.style.x = …``, which CSP does not restrict), so nothing needs
it. ``img-src`` adds ``data:`` because Material's CSS draws its icons from ``data:`` SVG
URLs; an image cannot run script.

The same :class:`Policy` becomes ``_headers`` (Netlify, Cloudflare Pages), two nginx
snippets and the headers of `make site`. Framing: main pages only by ourselves, embed
views also by the origins in ``partners:`` (see :mod:`klarinfo.partners.framing`).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from klarinfo.partners import EMBED_PREFIX, EMBED_SCRIPT, FEED_TYPE

#: Cloudflare Pages reads at most 100 rules and 2,000 characters a line of ``_headers``.
MAX_RULES = 100
MAX_LINE = 2000

PERMISSIONS = ("accelerometer=(), camera=(), display-capture=(), geolocation=(), "
               "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
               "serial=(), usb=()")
COMMON = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", PERMISSIONS),
)
#: Partners load embed.js with Subresource Integrity; a browser checks a cross-origin
#: script's hash only if the response allows CORS, and refuses the script otherwise.
#: The file is public and sends no cookies, so any origin may read it.
CORS = ("Access-Control-Allow-Origin", "*")
#: Cache-Control (#32 item 6), by path prefix, general to specific: a later prefix wins.
#: Pages, feeds, oEmbed, search indexes and ``/embed.js`` (its SRI hash is in partners'
#: snippets: a stale copy would still match, but a new one must reach them the day it is
#: published) are revalidated on every use (``no-cache``: the browser asks, the server
#: answers 304 while unchanged). Only Material's files with a content hash in their names
#: (``main.57a0d79d.min.css``, ``bundle.a5f9d56c.min.js``, ``workers/search.….min.js``
#: and their maps; a new version has a new name) are ``immutable`` for a year: a test
#: checks that every file under those folders but ``lunr/`` has a hash. Everything else
#: under ``/assets/`` has a fixed name that a deploy may change while the HTML expects
#: the new one (klarinfo.css, calculator.js, rules JSON, Material's lunr): an hour. Our
#: self-hosted fonts have fixed names too, but a replaced font still shows the same text:
#: 30 days, so partners' readers do not fetch them on every page.
REVALIDATE = "no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"
ASSETS = "public, max-age=3600"
FONTS = "public, max-age=2592000"
CACHE = (("/", REVALIDATE), ("/assets/", ASSETS), ("/assets/fonts/", FONTS),
         ("/assets/stylesheets/", IMMUTABLE), ("/assets/javascripts/", IMMUTABLE),
         ("/assets/javascripts/lunr/", ASSETS))
#: How a fingerprinted name looks (Material: ``name.<8 hex>.min.js``).
FINGERPRINT = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$")


def cache_control(path: str) -> str:
    """The Cache-Control of a URL path, by the longest prefix in :data:`CACHE`."""
    return next(value for prefix, value in reversed(CACHE) if path.startswith(prefix))


#: Types of <script> a browser runs (and CSP checks); others (JSON data) are inert.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "importmap",
                 "speculationrules", "text/ecmascript", "application/ecmascript"}


class HeadersCapError(ValueError):
    """``_headers`` would pass a host's limit; the message says which and what to do."""


@dataclass(frozen=True)
class Policy:
    """Everything the headers depend on: partner origins and allowed inline-script hashes."""

    partners: tuple[str, ...] = ()
    script_hashes: tuple[str, ...] = ()
    extra: tuple[str, ...] = field(default=())  # per-response hashes (live reload only)
    #: URL paths of the JSON Feeds ("/feed/sv.json"): served as application/feed+json,
    #: which no host or server knows by the .json extension
    feeds: tuple[str, ...] = ()

    def csp(self, embed: bool) -> str:
        scripts = " ".join(["'self'", *self.script_hashes, *self.extra])
        ancestors = " ".join(["'self'", *self.partners]) if embed else "'self'"
        return (f"default-src 'self'; script-src {scripts}; style-src 'self'; "
                "img-src 'self' data:; font-src 'self'; object-src 'none'; "
                f"base-uri 'none'; form-action 'self'; frame-ancestors {ancestors}")


def headers_for(path: str, policy: Policy) -> list[tuple[str, str]]:
    """The headers for one URL path: embed views may be framed by partners, the rest not.
    ``X-Frame-Options`` (for browsers without CSP level 2) only where partners may not frame."""
    if path.startswith(EMBED_PREFIX):
        return [("Content-Security-Policy", policy.csp(embed=True)), *COMMON]
    cors = [CORS] if path == EMBED_SCRIPT else []
    return [("Content-Security-Policy", policy.csp(embed=False)),
            ("X-Frame-Options", "SAMEORIGIN"), *COMMON, *cors]


def content_type(path: str, policy: Policy) -> str | None:
    """The media type we set ourselves for a path (the feeds), or None: the server's own."""
    return FEED_TYPE if path in policy.feeds else None


# -- inline scripts -----------------------------------------------------------------------


def script_hash(text: str) -> str:
    """The CSP source of one inline script. The browser hashes the text after its HTML
    parser normalised line breaks, so we do the same."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


_SCRIPT_ELEMENT = re.compile(
    r"""<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>(.*?)</script""", re.I | re.S)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _runs(attributes: str) -> bool:
    """Whether a <script> with these attributes is inline code a browser would run."""
    named = {m.group(1).lower(): (m.group(2) or m.group(3) or m.group(4) or "")
             for m in _ATTRIBUTE.finditer(attributes)}
    return "src" not in named and named.get("type", "").strip().lower() in _SCRIPT_TYPES


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run in ``html`` (not ``src=``
    scripts, not JSON data blocks). Script text ends at the first ``</script``, as in
    the browser's tokenizer; a regular expression, because a full HTML parse of every
    page costs milliseconds a page. It errs towards finding too much (a ``<script>``
    inside a comment or ``<title>`` counts), never too little."""
    return [body for attributes, body in _SCRIPT_ELEMENT.findall(html) if _runs(attributes)]


_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)


def template_scripts(sources: Iterable[str]) -> list[str]:
    """The inline scripts written literally in template sources, as Jinja snippets to
    render with a page's context. Tags with ``src`` and non-script types are skipped;
    a script built by an expression (``{{ x | script_tag }}``) is not literal, so it is
    never trusted."""
    snippets: list[str] = []
    for source in sources:
        for attributes, body in _SCRIPT_ELEMENT.findall(_JINJA_COMMENT.sub("", source)):
            if _runs(attributes) and body not in snippets:
                snippets.append(body)
    return snippets


def unexpected_scripts(html: str, allowed: Iterable[str]) -> tuple[set[str], list[str]]:
    """(hashes of ``html``'s inline scripts that a template rendered, texts of the others)."""
    allowed = set(allowed)
    used: set[str] = set()
    others: list[str] = []
    for text in inline_scripts(html):
        digest = script_hash(text)
        if digest in allowed:
            used.add(digest)
        else:
            others.append(text)
    return used, others


def livereload_script(html: str, template: str) -> str | None:
    """The script `mkdocs serve` injected into this response, recognised by MkDocs' own
    template (its ``${epoch}`` and ``${request_id}`` are numbers), or None."""
    pattern = re.escape(template).replace(r"\$\{epoch\}", r"\d+") \
        .replace(r"\$\{request_id\}", r"\d+")
    for text in reversed(inline_scripts(html)):
        if re.fullmatch(pattern, text):
            return text
    return None


# -- deployable files ---------------------------------------------------------------------


def headers_file(policy: Policy) -> str:
    """``_headers`` for Netlify and Cloudflare Pages: the same number of rules at any site
    size — two wildcards, ``/embed.js`` with CORS for partners' SRI, one exact rule per
    edition's feed for its ``Content-Type`` (both hosts let a rule replace the type they
    would send; a wildcard ``/feed/*`` would also retype the JSON Schemas beside the feeds),
    and one wildcard per :data:`CACHE` prefix under ``/assets/``, in the same way as
    ``/embed/*`` replaces the CSP.

    Both hosts give a path the headers of every rule that matches it. Cloudflare Pages
    applies the matching rules in file order, joins a repeated header with a comma (for a
    CSP: two policies, both enforced) and drops a header a later rule names with ``!``;
    Netlify ignores ``!`` lines and lets the later rule's value of a header win. So
    ``/embed/*`` comes last and replaces the CSP of ``/*`` on both hosts. X-Frame-Options
    stays on embed views on Netlify, where browsers ignore it because the CSP has
    ``frame-ancestors``. The file must stay in the site root: both hosts read it there
    and do not serve it.
    """
    main = headers_for("/", policy)
    embed = dict(headers_for(EMBED_PREFIX, policy))
    lines = ["# Security headers of klarinfo, generated by the build (security_headers.py).",
             "# Netlify and Cloudflare Pages read it from the site root and do not serve it.",
             "/*"]
    lines += [f"  {name}: {value}" for name, value in main]
    lines += [f"  Cache-Control: {REVALIDATE}"]
    lines += [f"{EMBED_PREFIX}*", "  ! Content-Security-Policy", "  ! X-Frame-Options",
              f"  Content-Security-Policy: {embed['Content-Security-Policy']}",
              EMBED_SCRIPT, f"  {CORS[0]}: {CORS[1]}"]
    for path in policy.feeds:
        lines += [path, f"  Content-Type: {FEED_TYPE}"]
    for prefix, value in CACHE[1:]:  # each replaces what a shorter prefix set
        lines += [f"{prefix}*", "  ! Cache-Control", f"  Cache-Control: {value}"]
    text = "\n".join(lines) + "\n"
    check_caps(text)
    return text


def check_caps(text: str, max_rules: int = MAX_RULES, max_line: int = MAX_LINE) -> None:
    """Fail with a message a person can act on when a host would cut ``_headers`` short."""
    rules = parse_headers_file(text)
    if len(rules) > max_rules:
        raise HeadersCapError(
            f"_headers: {len(rules)} rules, but Cloudflare Pages reads at most {max_rules} — "
            "use wildcard rules (/*, /embed/*), not one rule per page or folder")
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > max_line:
            raise HeadersCapError(
                f"_headers:{number}: a line of {len(line)} characters, but Cloudflare Pages "
                f"reads at most {max_line} — list fewer partner origins in mkdocs.yml "
                "(partners:) or fewer inline scripts in the theme")


def parse_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Rules of a ``_headers`` file; a detach line ``! Name`` is kept as (``!Name``, "")."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            rules.append((raw.strip(), []))
        elif rules and raw.strip().startswith("!"):
            rules[-1][1].append(("!" + raw.strip()[1:].strip(), ""))
        elif rules and ":" in raw:
            name, value = raw.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def match(rules: list[tuple[str, list[tuple[str, str]]]], path: str) -> list[tuple[str, str]]:
    """The headers a path gets, as Cloudflare Pages combines them (workers-sdk asset
    server): matching rules in file order; in each, first its ``! Name`` lines remove
    what earlier rules set, then its headers are set, a repeated one joined with ", "."""
    out: dict[str, tuple[str, str]] = {}
    for pattern, headers in rules:
        regex = "^" + re.escape(pattern).replace(r"\*", ".*") + "$"
        if not re.match(regex, path):
            continue
        for name, _ in headers:
            if name.startswith("!"):
                out.pop(name[1:].lower(), None)
        for name, value in headers:
            key = name.lower()
            if name.startswith("!"):
                continue
            if key in out:
                out[key] = (out[key][0], f"{out[key][1]}, {value}")
            else:
                out[key] = (name, value)
    return list(out.values())
