"""Issue 13 §2 in Chromium: the site served with the headers of its own ``_headers``.

Every page and embed view loads without a single CSP violation, the features that use
JavaScript still work under the policy, and a script planted into a built page (what
escaping would have missed) is blocked.
"""

from __future__ import annotations

import shutil
from contextlib import ExitStack
from pathlib import Path

import pytest
from browser import DESKTOP, PHONE, serve
from serving import free_port
from sitebuild import add_partner, build, copy_project

pytestmark = pytest.mark.browser

#: Records every CSP violation of the page (and of the frames it loads) before any of
#: the page's own scripts run.
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || ""));
});
"""
PARTNER = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
</head><body><h1>Partner</h1>
<iframe id="ours" src="{ours}embed/badda-in/" title="klarinfo" data-klarinfo-embed
 style="width:100%;height:300px;border:0"></iframe>
<script src="{ours}embed.js"></script></body></html>
"""
PLANTED = '<script>alert("planted")</script><img src="x.png" alt="" onerror="alert(2)">'


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Our site served with its _headers (404s too), and a partner origin listed in it."""
    tmp = tmp_path_factory.mktemp("csp")
    ports = {"ours": free_port(), "partner": free_port()}
    project = copy_project(tmp / "project")
    add_partner(project, f"http://127.0.0.1:{ports['partner']}")
    result = build(project, tmp / "site")
    assert result.returncode == 0, result.output
    site = result.site
    # What escaping missed: a script written into a built page and its embed view.
    for source, planted in (("tolk", "planted"), ("embed/tolk", "embed/planted")):
        target = site / planted
        shutil.copytree(site / source, target)
        page = target / "index.html"
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace("</h1>", "</h1>" + PLANTED, 1), encoding="utf-8")
    ours = f"http://127.0.0.1:{ports['ours']}/"
    (tmp / "partner").mkdir()
    (tmp / "partner" / "index.html").write_text(PARTNER.format(ours=ours), encoding="utf-8")
    with ExitStack() as stack:
        stack.enter_context(serve(site, ports["ours"], site / "_headers"))
        partner = stack.enter_context(serve(tmp / "partner", ports["partner"]))
        yield {"site": site, "ours": ours, "partner": partner}


class Watched:
    """A browser context whose pages record CSP violations, console CSP errors and dialogs."""

    def __init__(self, browser, viewport=DESKTOP) -> None:
        self.context = browser.new_context(viewport=viewport)
        self.context.add_init_script(WATCH)
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.console.append(m.text)
                     if "Content Security Policy" in m.text else None)

        def dialog(d) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", dialog)

    def violations(self) -> list[str]:
        found = []
        for frame in self.page.frames:
            try:
                found += frame.evaluate("window.__csp || []")
            except Exception:  # a frame that navigated away meanwhile
                continue
        return found + self.console

    def close(self) -> None:
        self.context.close()


def html_urls(site: Path) -> list[str]:
    urls = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if "planted" not in rel:
            urls.append("" if rel == "." else f"{rel}/")
    return urls + ["404.html", "no-such-page/", "embed/no-such-page/"]


def test_every_page_and_embed_view_loads_without_a_csp_violation(browser, served):
    urls = html_urls(served["site"])
    assert sum(u.startswith("embed/") for u in urls) >= 45 and len(urls) >= 95
    watched = Watched(browser, PHONE)
    failures = []
    for url in urls:
        watched.console.clear()
        response = watched.page.goto(served["ours"] + url, wait_until="networkidle")
        assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
        if problems := watched.violations():
            failures.append(f"/{url}: {problems}")
    watched.close()
    assert not failures, "\n".join(failures)


def test_search_finds_a_page_under_the_policy(browser, served):
    watched = Watched(browser)
    page = watched.page
    page.goto(served["ours"] + "ar/tolk/", wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("مترجم")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert page.locator(".md-search-result__item").count() >= 1
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("networkidle")
    assert "/ar/" in page.url
    assert not watched.violations()
    watched.close()


def test_glossary_popover_and_worked_example_under_the_policy(browser, served):
    watched = Watched(browser)
    page = watched.page
    page.goto(served["ours"] + "foraldrapenning/", wait_until="networkidle")
    button = page.locator("article .klarinfo-term__button").first
    definition = page.locator("#" + button.get_attribute("popovertarget"))
    button.click()
    assert definition.is_visible()
    chart = page.locator("svg.klarinfo-example__chart").first
    assert chart.is_visible() and chart.bounding_box()["height"] > 50
    assert not watched.violations()
    watched.close()


def test_quick_exit_under_the_policy(browser, served):
    watched = Watched(browser, PHONE)
    watched.context.route("https://www.smhi.se/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>SMHI</title>"))
    page = watched.page
    page.goto(served["ours"] + "so/", wait_until="load")
    page.goto(served["ours"] + "so/vald/", wait_until="load")
    assert not watched.violations()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.smhi.se/**")
    page.go_back(wait_until="load")
    assert page.url == served["ours"] + "so/"
    watched.close()


def test_embed_auto_height_in_a_partner_frame_under_the_policy(browser, served):
    watched = Watched(browser)
    page = watched.page
    page.goto(served["partner"], wait_until="networkidle")
    frame = next(f for f in page.frames if "/embed/" in f.url)
    assert frame.locator("h1").is_visible()
    page.wait_for_function(
        "Math.abs(document.getElementById('ours').getBoundingClientRect().height"
        " - 300) > 50", timeout=5000)
    content = frame.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
    box = page.evaluate("document.getElementById('ours').getBoundingClientRect().height")
    assert abs(content - box) <= 5, (content, box)
    assert not watched.violations()
    watched.close()


@pytest.mark.parametrize("url", ["planted/", "embed/planted/"])
def test_a_script_planted_in_a_built_page_is_blocked(browser, served, url):
    watched = Watched(browser)
    watched.page.goto(served["ours"] + url, wait_until="networkidle")
    assert watched.page.locator("h1").first.is_visible()
    assert watched.dialogs == []
    blocked = watched.violations()
    assert any(v.startswith("script-src") and "inline" in v for v in blocked), blocked
    assert len([v for v in blocked if v.startswith("script-src")]) >= 2, blocked  # onerror too
    watched.close()


def test_make_site_serves_the_policy_and_live_reload_still_works(browser, tmp_path):
    """`make site` (mkdocs serve): the published policy on every response, 404s included,
    plus exactly the hash of the live-reload script MkDocs injected into this response."""
    import os
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    from klarinfo.safety import headers as security_headers

    project = copy_project(tmp_path / "project")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KLARINFO_EDITION": "en"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(base + "en/tolk/") as response:
                    csp = response.headers["Content-Security-Policy"]
                    html = response.read().decode("utf-8")
                break
            except OSError:
                assert time.monotonic() < deadline, "mkdocs serve did not answer"
                time.sleep(0.5)
        injected = security_headers.inline_scripts(html)[-1]
        assert "livereload(" in injected
        assert security_headers.script_hash(injected) in csp
        for text in security_headers.inline_scripts(html):
            assert security_headers.script_hash(text) in csp, text[:80]
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "en/no-such-page/")
        assert missing.value.code == 404
        assert "script-src 'self'" in missing.value.headers["Content-Security-Policy"]
        assert missing.value.headers["X-Content-Type-Options"] == "nosniff"

        watched = Watched(browser)
        logs: list[str] = []
        watched.page.on("console", lambda m: logs.append(m.text))
        for url in ("en/tolk/", "embed/en/tolk/", "en/vald/"):
            watched.page.goto(base + url, wait_until="load")
            watched.page.wait_for_timeout(300)
        assert "Enabled live reload" in logs
        assert not watched.violations()
        watched.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
