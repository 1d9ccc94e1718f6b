"""Issue 21 in Chromium: the staff page and a topic page with its leaflet link pass axe
and the site's Content-Security-Policy (served with the site's own _headers)."""

from __future__ import annotations

import pytest
from browser import DESKTOP, PHONE, describe, run_axe, serve

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["leaflets/", "ar/foraldrapenning/", "so/vald/"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_passes_axe_and_csp(browser, leaflets, path, viewport):
    with serve(leaflets.site, headers_file=leaflets.site / "_headers") as url:
        # the site's CSP enforced: nothing on the page is blocked
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        blocked: list[str] = []
        page.on("console", lambda m: blocked.append(m.text)
                if "Content Security Policy" in m.text else None)
        response = page.goto(f"{url}{path}", wait_until="networkidle")
        assert "default-src 'self'" in response.headers["content-security-policy"]
        selector = "a[type='application/pdf']" if path == "leaflets/" else "p.klarinfo-leaflet a"
        links = page.locator(selector)
        assert links.count() == (20 if path == "leaflets/" else 1)
        assert links.first.is_visible()
        pdf = page.request.get(f"{url}{path}{links.first.get_attribute('href')}")
        assert pdf.ok and pdf.body().startswith(b"%PDF")
        context.close()
        # axe is injected as an inline script, which that CSP rightly refuses
        context = browser.new_context(viewport=viewport, bypass_csp=True)
        page = context.new_page()
        page.goto(f"{url}{path}", wait_until="networkidle")
        violations = run_axe(page)
        context.close()
    assert not blocked, blocked
    assert not violations, describe(violations)
