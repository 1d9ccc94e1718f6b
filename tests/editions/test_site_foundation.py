"""Issue 2: the five editions as built by the real `mkdocs build --strict`."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitebuild import EDITIONS, EXPECTED, edition_of

SITE_URL = "https://klarinfo.example.org/"


class Head(HTMLParser):
    """The few things we check in a page: root attributes, alternates, switcher, URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.html: dict[str, str] = {}
        self.hreflang: list[tuple[str, str]] = []
        self.switcher: dict[str, str] = {}
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html = a
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.hreflang.append((a["hreflang"], a["href"]))
        if tag == "a" and "data-klarinfo-edition" in a:
            self.switcher[a["data-klarinfo-edition"]] = a["href"]
        for name in ("src", "href"):
            if tag in ("script", "img", "iframe", "source", "audio", "video") and name in a:
                self.urls.append(a[name])
        if tag == "link" and a.get("rel") in ("stylesheet", "preconnect", "preload", "icon"):
            self.urls.append(a["href"])


def parse(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def test_every_edition_is_built(site):
    for edition in EDITIONS:
        prefix = site if edition == "sv" else site / edition
        assert (prefix / "index.html").exists(), edition
        assert (prefix / "foraldrapenning" / "index.html").exists(), edition


def test_every_page_has_its_editions_lang_and_dir(site):
    # Arabic is built before Somali and English: a leaking rtl or theme.language would show.
    checked = 0
    for path in pages(site):
        edition = edition_of(site, path)
        lang, direction = EXPECTED[edition]
        head = parse(path)
        assert head.html.get("lang") == lang, path
        assert head.html.get("dir") == direction, path
        body_dir = re.search(r'<body[^>]*\bdir="(\w+)"', path.read_text(encoding="utf-8"))
        assert body_dir and body_dir.group(1) == direction, path
        checked += 1
    assert checked >= 2 * len(EDITIONS) + 1


def test_easy_read_is_swedish_and_never_an_invented_tag(site):
    for path in (site / "sv-latt").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert '<html lang="sv" dir="ltr"' in text
        assert 'hreflang="sv-latt"' not in text and 'lang="sv-latt"' not in text
    assert "sv-latt" not in re.findall(r'hreflang="([^"]+)"', (site / "sitemap.xml").read_text())


def test_switcher_links_lead_to_the_same_topic_in_all_editions(site):
    for edition in EDITIONS:
        prefix = site if edition == "sv" else site / edition
        page = prefix / "foraldrapenning" / "index.html"
        switcher = parse(page).switcher
        assert set(switcher) == set(EDITIONS), page
        for target_edition, href in switcher.items():
            target = (page.parent / href / "index.html").resolve()
            expected = (site if target_edition == "sv" else site / target_edition)
            assert target == (expected / "foraldrapenning" / "index.html").resolve(), (
                f"{page}: switcher to {target_edition} leads to {href}"
            )


def test_hreflang_is_absolute_complete_and_has_x_default(site):
    page = site / "en" / "foraldrapenning" / "index.html"
    links = dict(parse(page).hreflang)
    assert links == {
        "sv": f"{SITE_URL}foraldrapenning/",
        "ar": f"{SITE_URL}ar/foraldrapenning/",
        "so": f"{SITE_URL}so/foraldrapenning/",
        "en": f"{SITE_URL}en/foraldrapenning/",
        "x-default": f"{SITE_URL}foraldrapenning/",
    }
    for path in pages(site):
        if path.name == "404.html" or edition_of(site, path) == "sv-latt":
            continue
        for _, href in parse(path).hreflang:
            assert urlsplit(href).scheme == "https", (path, href)


def test_root_404_is_swedish(site):
    text = (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="sv" dir="ltr"' in text
    assert "Sidan finns inte" in text
    assert "Not found" not in text


@pytest.mark.parametrize(
    ("edition", "placeholder", "skip"),
    [
        ("so", "Raadi", "U gudub qoraalka"),
        ("ar", "ابحث", "انتقل إلى المحتوى"),
        ("sv-latt", "Sök", "Hoppa till texten"),
        ("en", "Search", "Skip to content"),
    ],
)
def test_theme_strings_come_from_the_editions_catalog(site, edition, placeholder, skip):
    text = (site / edition / "foraldrapenning" / "index.html").read_text(encoding="utf-8")
    assert f'placeholder="{placeholder}"' in text
    assert skip in text


def test_somali_pages_have_no_english_theme_strings(site):
    english = ["Skip to content", "Type to start searching", "Back to top", "Copy to clipboard",
               "Select language", "Made with"]
    for path in (site / "so").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for phrase in english:
            assert phrase not in text, (path, phrase)


def test_no_page_references_a_third_party_host(site):
    for path in pages(site):
        for url in parse(path).urls:
            host = urlsplit(url).hostname
            assert host is None, f"{path}: loads {url}"
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path
    for css in site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css


def test_navigation_instant_is_off(site):
    # Material's instant loading swaps pages without reloading <head>, so the
    # switcher and <html lang/dir> would keep the previous edition's values.
    config = re.search(r'<script id="__config"[^>]*>(.*?)</script>',
                       (site / "index.html").read_text(encoding="utf-8"), re.S)
    assert config and "navigation.instant" not in config.group(1)


def test_sitemap_lists_real_translations_with_absolute_alternates(site):
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    assert f"{SITE_URL}so/foraldrapenning/" in locs
    assert f"{SITE_URL}sv-latt/foraldrapenning/" in locs
    assert all(loc.startswith(SITE_URL) for loc in locs)
    assert len(locs) == len(set(locs))


def test_easy_read_menu_lists_its_own_pages_without_a_stray_section(site):
    text = (site / "sv-latt" / "index.html").read_text(encoding="utf-8")
    assert "Sv latt" not in text and "Sv-latt" not in text
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link', text)
    assert "foraldrapenning/" in links


def test_every_page_links_to_its_editions_accessibility_statement(site):
    for path in pages(site):
        if path.name == "404.html" or "reports" in path.parts or "embed" in path.parts:
            continue  # embed views link to the full page instead (tests/test_embed.py)
        text = path.read_text(encoding="utf-8")
        links = re.findall(r'class="klarinfo-footer-link" href="([^"]+)"', text)
        assert len(links) == 2, path
        target = (path.parent / links[0] / "index.html").resolve()
        edition = edition_of(site, path)
        expected = (site if edition == "sv" else site / edition) / "tillganglighet" / "index.html"
        assert target == expected.resolve(), (path, links[0])


@pytest.mark.parametrize(("edition", "notice"), [
    ("so", "Tarjumaaddan weli ma hubin"), ("ar", "لم يراجع هذه الترجمة"),
    ("en", "not yet been checked by a qualified reviewer"), ("sv-latt", "Ingen expert har läst")])
def test_draft_translations_say_so_and_link_the_swedish_original(site, edition, notice):
    page = site / edition / "vald" / "index.html"
    text = page.read_text(encoding="utf-8")
    block = re.search(r'<div class="klarinfo-notice klarinfo-notice--draft" role="note">(.*?)</div>',
                      text, re.S)
    assert block and notice in block.group(1)
    href = re.search(r'<a href="([^"]+)" hreflang="sv">', block.group(1)).group(1)
    assert (page.parent / href / "index.html").resolve() == (site / "vald" / "index.html").resolve()
    assert "klarinfo-notice" not in (site / "vald" / "index.html").read_text(encoding="utf-8")


def _arabic_faces(css: str) -> dict[str, list[tuple[int, int]]]:
    """font-weight → unicode-range spans of each "Klarinfo Arabic" @font-face."""
    faces = {}
    for body in re.findall(r"@font-face\s*\{([^}]*)\}", css):
        if 'font-family: "Klarinfo Arabic";' not in body:
            continue
        weight = re.search(r"font-weight:\s*([^;]+);", body).group(1).strip()
        spans = []
        for part in re.search(r"unicode-range:([^;]+);", body).group(1).split(","):
            low, _, high = part.strip().removeprefix("U+").partition("-")
            spans.append((int(low, 16), int(high or low, 16)))
        faces[weight] = spans
    return faces


def test_arabic_text_is_covered_by_the_self_hosted_font(site):
    """The Arabic font is subset (assets/fonts/README.md): every Arabic-script character
    the Arabic edition shows must lie in its unicode-range, or it would fall back to
    whatever system font the reader has. Regular and bold are separate files, subset
    alike; each face claims only its own weight (a 400–700 range on one regular file
    stops the browser from making bold text bold)."""
    faces = _arabic_faces((site / "assets" / "klarinfo.css").read_text(encoding="utf-8"))
    assert sorted(faces) == ["400", "700"], f"expected one face per weight, got {sorted(faces)}"
    assert faces["400"] == faces["700"], "regular and bold must cover the same characters"
    for weight in faces:
        assert (site / "assets" / "fonts" / f"noto-naskh-arabic-{weight}.woff2").is_file()
    spans = faces["400"]
    used = set()
    for page in (site / "ar").rglob("*.html"):
        used |= {ord(c) for c in page.read_text(encoding="utf-8") if 0x0590 <= ord(c) <= 0x08FF
                 or 0xFB50 <= ord(c) <= 0xFEFF}
    assert used, "no Arabic text found"
    missing = sorted(hex(c) for c in used if not any(lo <= c <= hi for lo, hi in spans))
    assert not missing, f"Arabic characters outside the font subset: {missing}"
