"""Issue 13 §2: the security headers as built — hashes only for template scripts,
``_headers`` within host limits at any size, nginx snippets that work in a real server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from klarinfo.safety import headers as sh
from sitebuild import append_lines, build, copy_project

MATERIAL = Path(__import__("material").__file__).parent / "templates"
PARTNER = "https://www.informationsverige.se"


# -- which inline scripts are allowed ------------------------------------------------------


def test_only_literal_template_scripts_become_snippets():
    source = """{# <script>in a comment</script> #}
<script>var a = new URL("{{ base_url }}", location)</script>
<script src="{{ 'x.js' | url }}"></script>
<script id="__config" type="application/json">{"a": 1}</script>
<script type="module">import "./m.js"</script>
{{ script | script_tag }}"""
    assert sh.template_scripts([source]) == [
        'var a = new URL("{{ base_url }}", location)', 'import "./m.js"']


def test_materials_own_inline_scripts_are_found():
    sources = [p.read_text(encoding="utf-8")
               for p in (MATERIAL / "partials" / "javascripts").glob("*.html")]
    snippets = sh.template_scripts(sources)
    assert any("__md_scope" in s for s in snippets)
    assert any("target.checked" in s for s in snippets)


def test_a_script_from_content_is_never_allowed_even_beside_template_scripts():
    template = 'var target=document.getElementById(location.hash.slice(1))'
    allowed = {sh.script_hash(template)}
    html = (f"<html><body><h1>x</h1><script>alert(1)</script><p>t</p>"
            f"<script>{template}</script><script type=application/json>{{}}</script>"
            "</body></html>")
    used, others = sh.unexpected_scripts(html, allowed)
    assert used == allowed and others == ["alert(1)"]


def test_hash_matches_what_the_browser_hashes():
    # the HTML parser turns CRLF into LF before the script text is hashed
    assert sh.script_hash("a\r\nb") == sh.script_hash("a\nb")
    assert sh.script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_raw_script_in_a_page_fails_the_strict_build_naming_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "sv" / "tolk.md"
    line = append_lines(page, "", '<script>alert("x")</script>')
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/sv/tolk.md:{line}:" in result.output, result.output[-3000:]
    assert not (tmp_path / "site").exists()


# -- _headers ------------------------------------------------------------------------------


FEEDS = ("/feed/sv.json", "/feed/sv-latt.json", "/feed/ar.json", "/feed/so.json",
         "/feed/en.json")


def policy(partners=(PARTNER,)):
    return sh.Policy(tuple(partners), ("'sha256-AAAA'",), feeds=FEEDS)


def test_headers_file_rules_do_not_grow_with_the_site(tmp_path):
    """A fake site of 1000 top-level page folders (the bench corpus' size): the rules do
    not grow with it (two wildcards, /embed.js, and one per edition's feed for its type),
    and every path gets exactly one policy with the right framing; only embed.js may be
    read by other origins (SRI needs CORS)."""
    site = tmp_path / "site"
    for n in range(1000):
        (site / f"sida-{n}").mkdir(parents=True)
        (site / f"sida-{n}" / "index.html").write_text("x")
    (site / "embed" / "sida-1").mkdir(parents=True)
    text = sh.headers_file(policy())
    rules = sh.parse_headers_file(text)
    assert len(rules) == 3 + len(FEEDS) + len(sh.CACHE) - 1 <= sh.MAX_RULES
    assert [p for p, _ in rules[3:3 + len(FEEDS)]] == list(FEEDS)
    paths = ["/" + p.relative_to(site).as_posix() + ("/" if p.is_dir() else "")
             for p in site.rglob("*")]
    for path in paths + ["/", "/404.html", "/no-such/", "/embed.js", "/embed.json"]:
        got = dict(sh.match(rules, path))
        assert got.get("Access-Control-Allow-Origin") == ("*" if path == "/embed.js" else None)
        csp = got["Content-Security-Policy"]
        assert csp.count("default-src") == 1, path
        if path.startswith("/embed/"):
            assert csp.endswith(f"frame-ancestors 'self' {PARTNER}") and \
                "X-Frame-Options" not in got
        else:
            assert csp.endswith("frame-ancestors 'self'") and got["X-Frame-Options"] == "SAMEORIGIN"
        assert got["Permissions-Policy"].startswith("accelerometer=()")
        assert "Content-Type" not in got, path
        assert got["Cache-Control"] == "no-cache", path  # pages and embed.js: revalidated
    for path in FEEDS:  # ours, once, on top of the framing and other headers
        got = dict(sh.match(rules, path))
        assert got["Content-Type"] == "application/feed+json"
        assert got["X-Frame-Options"] == "SAMEORIGIN"
    assert "Content-Type" not in dict(sh.match(rules, "/feed/schema.json"))


def test_headers_file_cap_errors_say_what_to_do():
    many = "".join(f"/p{n}/*\n  X-Test: {n}\n" for n in range(101))
    with pytest.raises(sh.HeadersCapError, match="101 rules, but Cloudflare Pages reads at most"):
        sh.check_caps(many)
    with pytest.raises(sh.HeadersCapError, match=r"_headers:\d+: a line of \d+ characters"):
        sh.headers_file(policy([f"https://partner-{n}.example.org" for n in range(80)]))


def test_too_many_partners_fail_the_build_clearly(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    extra = "".join(f"\n        - https://partner-{n}.example.org" for n in range(80))
    config.write_text(config.read_text(encoding="utf-8").replace(
        f"- {PARTNER}", f"- {PARTNER}{extra}"), encoding="utf-8")
    result = build(project, tmp_path / "site", edition="en")
    assert result.returncode != 0
    assert "but Cloudflare Pages reads at most 2000" in result.output, result.output[-2000:]
    assert "partners:" in result.output


def test_nothing_internal_is_published(site):
    assert (site / "_headers").is_file()  # hosts read it from the root and never serve it
    assert not (site / "reports").exists() and not list(site.glob("*nginx*"))
    assert (site.parent / "server" / "nginx-server.conf").is_file()
    assert (site.parent / "reports" / "readability.json").is_file()


# -- nginx ---------------------------------------------------------------------------------

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
HSTS = "max-age=63072000; includeSubDomains"
SERVER_BLOCK = """{user}daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {server}/nginx-http.conf;

    # a typical existing server block: its own HSTS at server level, location /, 404 page
    server {{
        listen 127.0.0.1:{port};
        root {site};
        add_header Strict-Transport-Security "{hsts}" always;
        include {server}/nginx-server.conf;
        include {server}/nginx-feeds.conf;
        error_page 404 /404.html;
        location / {{
            try_files $uri $uri/ =404;
        }}
    }}
}}
"""


def fetch(url: str) -> tuple[int, dict[str, str]]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (make test installs "
                    "Debian's nginx first; run `make /usr/sbin/nginx`)")
def test_nginx_snippets_in_a_typical_server_block(site, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    conf = tmp_path / "nginx.conf"
    conf.write_text(SERVER_BLOCK.format(
        user="user root;\n" if os.geteuid() == 0 else "", tmp=tmp_path, port=port,
        site=site, server=site.parent / "server", hsts=HSTS), encoding="utf-8")
    args = [NGINX, "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(conf)]
    checked = subprocess.run(args + ["-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    # a deploy that carried a dotfile and a dot-folder along (the site is shared: removed below)
    planted = [site / ".hidden", site / ".git" / "config", site / ".well-known" / "security.txt"]
    for path in planted[1:]:
        path.parent.mkdir()
    for path in planted:
        path.write_text("secret\n", encoding="utf-8")
    server = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "nginx did not answer"
                time.sleep(0.2)
        assets = [p.relative_to(site).as_posix() for p in (
            next((site / "assets" / "stylesheets").glob("main.*.min.css")),
            next((site / "assets" / "javascripts").glob("bundle.*.min.js")),
            site / "assets" / "fonts" / "noto-naskh-arabic-400.woff2",
            site / "assets" / "klarinfo.css", site / "assets" / "javascripts" / "lunr" / "tinyseg.js")]
        missing = fetch(base + "assets/stylesheets/main.00000000.min.css")
        answers = {path: fetch(base + path)
                   for path in (*assets, "tolk/", "ar/vald/", "embed/tolk/", "no-such-page/",
                                "feed/ar.json", "feed/schema.json",
                                "embed/tolk/oembed.json", "embed.js", "",
                                "_headers", ".hidden", ".git/config", ".git/",
                                ".well-known/security.txt")}
    finally:
        server.terminate()
        server.wait(timeout=30)
        for path in planted:
            path.unlink()
        for path in planted[1:]:
            path.parent.rmdir()
    # #32 item 6: caching as in _headers (compared below); a missing asset is no 404 for a year
    assert missing[0] == 404 and "immutable" not in missing[1].get("Cache-Control", "")
    assert answers[assets[0]][1]["Cache-Control"] == sh.IMMUTABLE
    assert answers[assets[1]][1]["Cache-Control"] == sh.IMMUTABLE
    assert answers[assets[2]][1]["Cache-Control"] == sh.FONTS
    for path in ("tolk/", "feed/ar.json", "embed.js", "embed/tolk/oembed.json", ""):
        assert answers[path][1]["Cache-Control"] == "no-cache", path
    # #29 item 11: what a static host never serves, nginx does not either
    assert answers[""][0] == 200 and answers[".well-known/security.txt"][0] == 200
    for path in ("_headers", ".hidden", ".git/config", ".git/"):
        assert answers[path][0] == 404, path
    assert answers["no-such-page/"][0] == 404 and answers["tolk/"][0] == 200
    assert answers["feed/ar.json"][0] == 200
    assert answers["feed/ar.json"][1]["Content-Type"] == "application/feed+json"
    assert answers["feed/schema.json"][1]["Content-Type"] == "application/json"
    assert answers["embed/tolk/oembed.json"][1]["Content-Type"] == "application/json"
    published = sh.parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
    for path, (_, headers) in answers.items():
        assert headers["Strict-Transport-Security"] == HSTS, path  # theirs kept
        expected = dict(sh.match(published, "/" + path))  # ours: the same as _headers
        for name, value in expected.items():
            assert headers[name] == value, (path, name)
        if path.startswith("embed/"):
            assert headers["Content-Security-Policy"].endswith(f"frame-ancestors 'self' {PARTNER}")
            assert "X-Frame-Options" not in headers
        else:
            assert headers["Content-Security-Policy"].endswith("frame-ancestors 'self'")
            assert headers["X-Frame-Options"] == "SAMEORIGIN"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers.get("Access-Control-Allow-Origin") == ("*" if path == "embed.js" else None)


def test_match_combines_rules_as_cloudflare_documents():
    """The example of Cloudflare's _headers documentation, plus a detach."""
    rules = sh.parse_headers_file(
        "/secure/page\n  X-Frame-Options: DENY\n"
        "/static/*\n  X-Robots-Tag: nosnippet\n"
        "/*\n  X-Robots-Tag: noindex\n"
        "/static/private/*\n  ! X-Robots-Tag\n  X-Robots-Tag: none\n")
    assert dict(sh.match(rules, "/secure/page")) == {
        "X-Frame-Options": "DENY", "X-Robots-Tag": "noindex"}
    assert dict(sh.match(rules, "/static/styles.css")) == {"X-Robots-Tag": "nosnippet, noindex"}
    assert dict(sh.match(rules, "/static/private/a")) == {"X-Robots-Tag": "none"}


def test_embed_policy_also_right_with_netlify_semantics():
    """Netlify's parser skips lines without a colon (our ``! Name``) and its matching lets
    the later rule's value of a header win: embed views still get the embed policy."""
    rules = [(pattern, [(n, v) for n, v in headers if not n.startswith("!")])
             for pattern, headers in sh.parse_headers_file(sh.headers_file(policy()))]
    netlify: dict[str, str] = {}
    for pattern, headers in rules:
        if pattern == "/*" or "/embed/x/".startswith(pattern.rstrip("*")):
            netlify.update(headers)
    assert netlify["Content-Security-Policy"].endswith(f"frame-ancestors 'self' {PARTNER}")


def test_cache_rules_also_right_with_netlify_semantics():
    """Netlify: the later rule's value wins (``!`` lines ignored); Cloudflare Pages
    (``match``): detach, then set. Both give each path one Cache-Control."""
    rules = sh.parse_headers_file(sh.headers_file(policy()))
    plain = [(pattern, [(n, v) for n, v in headers if not n.startswith("!")])
             for pattern, headers in rules]
    for path, expected in (("/tolk/", "no-cache"), ("/embed.js", "no-cache"),
                           ("/feed/ar.json", "no-cache"), ("/assets/klarinfo.css", sh.ASSETS),
                           ("/assets/fonts/noto-naskh-arabic-400.woff2", sh.FONTS),
                           ("/assets/stylesheets/main.57a0d79d.min.css", sh.IMMUTABLE),
                           ("/assets/javascripts/bundle.a5f9d56c.min.js", sh.IMMUTABLE),
                           ("/assets/javascripts/lunr/tinyseg.js", sh.ASSETS)):
        netlify: dict[str, str] = {}
        for pattern, headers in plain:
            if pattern == path or (pattern.endswith("*") and path.startswith(pattern[:-1])):
                netlify.update(headers)
        assert netlify["Cache-Control"] == expected, path
        assert dict(sh.match(rules, path))["Cache-Control"] == expected, path
        assert sh.cache_control(path) == expected, path
