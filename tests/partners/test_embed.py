"""Issue 8 in the built site: embed views, oEmbed, feeds, and the framing headers."""

from __future__ import annotations

import json
import re
from datetime import datetime
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from klarinfo.safety import headers as security_headers
from sitebuild import EDITIONS, EXPECTED, build, copy_project

SITE_URL = "https://klarinfo.example.org/"
SCHEMAS = Path(__file__).resolve().parents[2] / "plugins" / "klarinfo" / "partners" / "schemas"


def main_pages(site: Path) -> list[Path]:
    skip = {"embed", "assets", "search", "reports", "feed"}
    return [p for p in site.rglob("index.html")
            if p.relative_to(site).parts[0] not in skip and p.parent != site / "404"]


def local(site: Path, url: str) -> Path:
    """The built file an absolute site URL points to."""
    assert url.startswith(SITE_URL), url
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def test_every_page_has_an_embed_view_in_its_language(site):
    pages = main_pages(site)
    assert len(pages) >= 45
    for page in pages:
        rel = page.relative_to(site).parent.as_posix()
        url = "" if rel == "." else f"{rel}/"
        view = site / "embed" / url / "index.html"
        assert view.exists(), f"no embed view for /{url}"
        html = view.read_text(encoding="utf-8")
        edition = url.split("/")[0] if url.split("/")[0] in EDITIONS else "sv"
        lang, direction = EXPECTED[edition]
        assert f'<html lang="{lang}" dir="{direction}">' in html
        assert f'<link rel="canonical" href="{SITE_URL}{url}">' in html
        assert f'href="{SITE_URL}{url}" target="_top"' in html  # "read the full page"
        for chrome in ("md-header", "md-search", "md-footer", "md-sidebar", "md-nav"):
            assert chrome not in html, f"/embed/{url} has {chrome}"
        assets = re.findall(r'<(?:script|link rel="stylesheet")[^>]*(?:src|href)="([^"]+)"', html)
        assert assets and all(a.startswith("../") or a.startswith("assets/") for a in assets)
        main = page.read_text(encoding="utf-8")
        assert (f'<link rel="alternate" type="application/json+oembed" '
                f'href="{SITE_URL}embed/{url}oembed.json"') in main


def test_embed_views_keep_examples_glossary_notices_and_quick_exit(site):
    money = (site / "embed" / "foraldrapenning" / "index.html").read_text(encoding="utf-8")
    assert '<svg class="klarinfo-example__chart"' in money and "klarinfo-term__button" in money
    arabic = (site / "embed" / "ar" / "bostadsbidrag" / "index.html").read_text(encoding="utf-8")
    assert "klarinfo-notice--draft" in arabic and "klarinfo-example" in arabic
    for edition in EDITIONS:
        prefix = "" if edition == "sv" else f"{edition}/"
        violence = (site / "embed" / prefix / "vald" / "index.html").read_text(encoding="utf-8")
        assert "data-klarinfo-exit" in violence and 'target="_top"' in violence
        assert "assets/quick-exit.js" in violence
        calm = (site / "embed" / prefix / "tolk" / "index.html").read_text(encoding="utf-8")
        assert "data-klarinfo-exit" not in calm


@pytest.mark.parametrize("edition", EDITIONS)
def test_embed_views_leave_the_calculators_out(site, edition):
    """A partner's page runs none of the calculator's scripts: its embed view keeps the
    worked examples but not the form (nor the 'needs JavaScript' line), which the full
    page has."""
    prefix = "" if edition == "sv" else f"{edition}/"
    for page in ("foraldrapenning", "bostadsbidrag"):
        full = (site / prefix / page / "index.html").read_text(encoding="utf-8")
        view = (site / "embed" / prefix / page / "index.html").read_text(encoding="utf-8")
        assert "data-klarinfo-calc=" in full and "data-klarinfo-calc-nojs" in full
        assert "klarinfo-calc" not in view, f"embed/{prefix}{page}/ shows the calculator"
        assert 'class="klarinfo-example"' in view
        # what follows the calculator on the page is still there
        after = re.search(r'data-klarinfo-embed="omit".*?</section>\s*(<h2[^>]*>)', full, re.S)
        if after:
            assert after.group(1) in view


def test_only_a_marked_section_is_left_out():
    from klarinfo.partners import embed

    page = embed.EmbedPage(
        url="x/", edition="sv", lang="sv", dir="ltr", title="X",
        content='<p>före</p><section class="a" data-klarinfo-embed="omit"><div><p>form'
                '</p></div></section><section class="b"><p>kvar</p></section>')
    html = embed.render(page, SITE_URL, "Klarinfo", {}, "https://example.org/")
    assert "<p>form</p>" not in html and "<p>före</p>" in html and "<p>kvar</p>" in html


def test_oembed_responses_validate(site):
    schema = json.loads((SCHEMAS / "oembed.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    responses = list((site / "embed").rglob("oembed.json"))
    assert len(responses) == len(main_pages(site))
    for path in responses:
        data = json.loads(path.read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, f"{path}: {errors}"
        src = re.search(r'src="([^"]+)"', data["html"]).group(1)
        assert local(site, src).exists() and data["provider_url"] == SITE_URL


def test_feeds_validate_and_every_url_resolves(site):
    schema = json.loads((site / "feed" / "schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    for edition in EDITIONS:
        data = json.loads((site / "feed" / f"{edition}.json").read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, f"{edition}: {errors}"
        assert data["language"] == EXPECTED[edition][0]
        assert local(site, data["feed_url"]).exists() and local(site, data["home_page_url"]).exists()
        assert len(data["items"]) >= 9
        for item in data["items"]:
            extra = item["_klarinfo"]
            for url in (item["url"], extra["embed_url"], extra["oembed_url"],
                        *(a["url"] for a in extra["alternates"])):
                assert local(site, url).exists(), f"{edition}: {url} does not resolve"
            if "date_modified" in item:
                datetime.fromisoformat(item["date_modified"])
            assert "klarinfo-term" not in item["summary"] and "<" not in item["summary"]


def test_headers_files_carry_the_framing_policy(site):
    """Main pages: frame-ancestors 'self' and X-Frame-Options; embed views: partners too."""
    rules = security_headers.parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
    main = dict(security_headers.match(rules, "/tolk/"))
    assert main["Content-Security-Policy"].endswith("; frame-ancestors 'self'")
    assert main["X-Frame-Options"] == "SAMEORIGIN"
    assert dict(security_headers.match(rules, "/ar/vald/"))["X-Frame-Options"] == "SAMEORIGIN"
    embedded = dict(security_headers.match(rules, "/embed/ar/tolk/"))
    assert embedded["Content-Security-Policy"].endswith(
        "; frame-ancestors 'self' https://www.informationsverige.se")
    assert "X-Frame-Options" not in embedded
    # no path gets a header twice (Cloudflare would join two CSPs into one stricter pair)
    for path in ("/", "/tolk/", "/embed/", "/embed/tolk/", "/assets/klarinfo.css"):
        names = [n for n, _ in security_headers.match(rules, path)]
        assert len(names) == len(set(names)), path
        assert all(", default-src" not in v for _, v in security_headers.match(rules, path))
    server = site.parent / "server"
    assert "~^/embed/" in (server / "nginx-http.conf").read_text(encoding="utf-8")
    assert "https://www.informationsverige.se" in \
        (server / "nginx-http.conf").read_text(encoding="utf-8")
    assert not list(site.glob("_nginx*")) and not (site / "reports").exists()


def test_partner_list_must_hold_origins(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "- https://www.informationsverige.se", "- https://www.informationsverige.se/sv/"),
        encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "partners: 'https://www.informationsverige.se/sv/' is not an origin" in result.output


@pytest.mark.parametrize("edition", EDITIONS)
def test_partner_page_lists_a_snippet_per_page(site, edition):
    prefix = site if edition == "sv" else site / edition
    html = (prefix / "badda-in" / "index.html").read_text(encoding="utf-8")
    snippets = re.findall(r'<details class="klarinfo-snippet"><summary>(.*?)</summary>', html)
    assert len(snippets) >= 9
    base = SITE_URL + ("" if edition == "sv" else f"{edition}/")
    assert f"{SITE_URL}embed/{base[len(SITE_URL):]}tolk/" in html


@pytest.mark.parametrize("partners, refused", [
    (["https://example.se", "https://www.example.se"], []),
    (["https://example.se", "https://*.example.se", "http://localhost:8000"], []),
    (["https://www.example.se/", "https://*.*.example.se", "example.se"],
     ["https://www.example.se/", "https://*.*.example.se", "example.se"]),
])
def test_partners_take_both_forms_of_a_host(partners, refused):
    """Issue 17 (5): browsers compare origins exactly, so the bare and the www. host are
    listed each (or with a CSP wildcard); a path or a bare host name is refused."""
    from klarinfo.partners import framing

    problems = framing.check_partners(partners)
    assert [p.split("'")[1] for p in problems] == refused
    assert all("https://informationsverige.se too" in p for p in problems)


def test_mkdocs_serve_sends_the_framing_headers(tmp_path):
    """`make site` serves what we deploy: main pages 'self' only, embed views partners too."""
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    project = copy_project(tmp_path / "project")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KLARINFO_EDITION": "en"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        headers = {}
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                for path in ("tolk/", "embed/en/tolk/", "feed/en.json", "feed/schema.json",
                             "embed.js"):
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}") as response:
                        headers[path] = dict(response.headers)
                break
            except OSError:
                time.sleep(0.5)
        assert headers, "mkdocs serve did not answer"
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert headers["tolk/"]["Content-Security-Policy"].endswith("; frame-ancestors 'self'")
    assert headers["tolk/"]["X-Frame-Options"] == "SAMEORIGIN"
    assert "https://www.informationsverige.se" in \
        headers["embed/en/tolk/"]["Content-Security-Policy"]
    assert "X-Frame-Options" not in headers["embed/en/tolk/"]
    # the feed as JSON Feed (one Content-Type, ours), the schema beside it untouched
    assert headers["feed/en.json"]["Content-Type"] == "application/feed+json"
    assert headers["feed/schema.json"]["Content-Type"].startswith("application/json")
    # partners load embed.js with SRI from another origin: only it is readable by them
    assert headers["embed.js"]["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in headers["tolk/"]


def test_snippets_pin_the_published_embed_js(site):
    """Issue 17 (3): the integrity in every snippet and oEmbed response is the hash of the
    embed.js in the built site; a changed file would be refused by partners' browsers."""
    from klarinfo.partners import snippet

    sri = snippet.integrity((site / "embed.js").read_bytes())
    wanted = (f'<script src="{SITE_URL}embed.js" integrity="{sri}" crossorigin="anonymous" '
              'referrerpolicy="no-referrer" defer></script>')
    frame = ('sandbox="allow-scripts allow-same-origin allow-top-navigation-by-user-activation" '
             'referrerpolicy="no-referrer" data-klarinfo-embed></iframe>')
    for edition in EDITIONS:
        prefix = site if edition == "sv" else site / edition
        html = unescape((prefix / "badda-in" / "index.html").read_text(encoding="utf-8"))
        snippets = re.findall(r'<details class="klarinfo-snippet">.*?</details>', html, re.S)
        assert len(snippets) >= 9
        for text in snippets:
            assert frame + "\n" + wanted in text, text
    for path in (site / "embed").rglob("oembed.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["html"].endswith(frame + "\n" + wanted)


def test_oembed_consumed_by_micawber(site):
    """Issue 17 (2): a real consumer (micawber) finds the endpoint the page names, asks
    with maxwidth/maxheight (a static file ignores them) and gets our resizing snippet."""
    from browser import serve
    from micawber import Provider, ProviderRegistry, parse_text

    with serve(site) as base:
        page = f"{SITE_URL}ar/tolk/"
        main = (site / "ar" / "tolk" / "index.html").read_text(encoding="utf-8")
        endpoint = re.search(r'<link rel="alternate" type="application/json\+oembed" '
                             r'href="([^"]+)"', main).group(1).replace(SITE_URL, base)
        registry = ProviderRegistry()
        registry.register(re.escape(SITE_URL) + "ar/tolk/$", Provider(endpoint))
        data = registry.request(page, maxwidth=320, maxheight=400)
        assert data["type"] == "rich" and data["title"] and data["provider_url"] == SITE_URL
        assert data["html"].startswith(f'<iframe src="{SITE_URL}embed/ar/tolk/"')
        assert 'style="width:100%;' in data["html"]  # never wider than the consumer's column
        assert "/embed.js\" integrity=\"sha384-" in data["html"]
        shown = parse_text(page, registry)
        assert data["html"] in shown


def test_an_embed_js_in_docs_is_refused_and_ours_stays_pinned(tmp_path):
    """docs/ is written by communicators and agencies: a .js there would be a script of
    our origin (#29), so it is refused at its path, and the embed.js published (and
    pinned by the snippets' hash) is the theme's."""
    from klarinfo.partners import snippet

    project = copy_project(tmp_path / "project")
    (project / "docs" / "sv" / "embed.js").write_text("/* a site's own embed.js */\n",
                                                       encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0 and "docs/sv/embed.js:1: a .js file" in result.output
    allowed = build(project, tmp_path / "allowed", strict=False)
    published = (allowed.site / "embed.js").read_bytes()
    assert b"a site's own embed.js" not in published
    html = (allowed.site / "badda-in" / "index.html").read_text(encoding="utf-8")
    assert f'integrity="{snippet.integrity(published)}"' in unescape(html)
