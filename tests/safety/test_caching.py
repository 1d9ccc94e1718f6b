"""Issue 32 item 6: caching as built — a year and ``immutable`` only for files whose
name changes with their content, revalidation for pages, feeds and embed.js — and the
calculators' scripts do not block rendering."""

from __future__ import annotations

import re

from klarinfo.safety import headers as sh
from selectolax.lexbor import LexborHTMLParser


def test_immutable_only_where_the_name_has_the_content_hash(site):
    """Every file the published ``_headers`` makes immutable has a hash in its name (a
    Material upgrade that adds a fixed name there fails here); pages, feeds, oEmbed and
    embed.js are revalidated; the fonts (fixed names) get a moderate max-age."""
    rules = sh.parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
    immutable = []
    for file in (p for p in site.rglob("*") if p.is_file() and p.name != "_headers"):
        path = "/" + file.relative_to(site).as_posix()
        got = dict(sh.match(rules, path))
        assert got["Cache-Control"].count("max-age") <= 1 and "," not in \
            got["Cache-Control"].replace(", immutable", "").replace("public, ", ""), path
        if "immutable" in got["Cache-Control"]:
            assert sh.FINGERPRINT.search(file.name), f"{path}: immutable without a hash"
            immutable.append(path)
        elif not path.startswith("/assets/"):
            assert got["Cache-Control"] == "no-cache", path
    assert any(re.search(r"/bundle\.[0-9a-f]{8}\.min\.js$", p) for p in immutable)
    assert any(re.search(r"/main\.[0-9a-f]{8}\.min\.css$", p) for p in immutable)
    for path in ("/embed.js", "/feed/ar.json", "/index.html", "/embed/tolk/oembed.json"):
        assert dict(sh.match(rules, path))["Cache-Control"] == "no-cache", path
    fonts = sorted((site / "assets" / "fonts").glob("*.woff2"))
    assert fonts and not any(sh.FINGERPRINT.search(f.name) for f in fonts)
    for font in fonts:
        value = dict(sh.match(rules, f"/assets/fonts/{font.name}"))["Cache-Control"]
        age = int(re.search(r"max-age=(\d+)", value).group(1))
        assert "immutable" not in value and 7 * 86400 <= age < 365 * 86400


def test_calculator_scripts_do_not_block_rendering(site):
    """Lighthouse: a classic script without defer stops the parser. The calculators'
    scripts are deferred (in order: the model before the form's script)."""
    checked = 0
    for page in site.rglob("index.html"):
        if "/embed/" in page.as_posix():
            continue
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        scripts = [s for s in tree.css("script[src]") if "calculator" in s.attributes["src"]]
        if not scripts:
            continue
        checked += 1
        assert [s.attributes["src"].rsplit("/", 1)[1] for s in scripts] == [
            "calculator-model.js", "calculator.js"], page
        for script in scripts:
            assert "defer" in script.attributes or script.attributes.get("type") == "module", \
                f"{page}: {script.html}"
    assert checked >= 10
