"""Issue #16 item 9: Arabic heading anchors are readable and stay put; every other
edition's anchors are exactly what they were."""

from __future__ import annotations

import re
import unicodedata

import markdown
from hypothesis import given
from hypothesis import strategies as st
from klarinfo.editions.slugs import _ARABIC, _fold, slugify
from markdown.extensions.toc import slugify as default_slugify
from sitebuild import ROOT, build, copy_project

HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s*\{[^}]*\})?\s*$")


def _headings(edition: str) -> list[str]:
    return [m.group(1) for page in sorted((ROOT / "docs" / edition).glob("*.md"))
            for line in page.read_text(encoding="utf-8").splitlines()
            if (m := HEADING.match(line))]


def _ids(text: str, slug) -> list[str]:
    md = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"slugify": slug}})
    return re.findall(r'<h\d id="([^"]*)"', md.convert(text))


def test_arabic_slugs_keep_the_words():
    assert slugify("كيف تعمل الأيام", "-") == "كيف-تعمل-الأيام"
    assert slugify("أولا مبدئية، ثم نهائية", "-") == "أولا-مبدئية-ثم-نهائية"
    # vowel marks, tatweel and presentation forms do not change an anchor
    assert slugify("أَطْفَال", "-") == slugify("أطـــفال", "-") == "أطفال"
    assert slugify("\ufefb", "-") == "لا"
    assert all(slugify(h, "-").strip("-_") for h in _headings("ar"))


def test_other_editions_keep_their_anchors():
    """Swedish, easy-read, English and Somali anchors stay as Python-Markdown made them,
    so links from other editions and other sites keep working."""
    headings = [h for e in ("sv", "sv-latt", "en", "so") for h in _headings(e)]
    assert len(headings) > 100
    changed = [h for h in headings if slugify(h, "-") != default_slugify(h, "-")]
    assert not changed, changed
    assert slugify("Så räknar vi – Straße", "-") == default_slugify("Så räknar vi – Straße", "-")


@given(st.text())
def test_any_heading_without_arabic_gets_the_default_anchor(text):
    """The fast path for headings with no Arabic letter is exactly the default slug,
    and the letter-by-letter path gives the same for them too."""
    if _ARABIC.search(text):
        text = _ARABIC.sub("", text)
    assert slugify(text, "-") == default_slugify(text, "-")
    slow = "".join(_fold(c) for c in unicodedata.normalize("NFC", text))
    assert slow == unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def test_anchors_do_not_move_when_a_heading_is_added_above():
    page = "## كيف تعمل الأيام\n\nنص.\n\n## المصادر\n"
    added = "## إذا لم تكن تعمل\n\nنص.\n\n" + page
    assert _ids(added, slugify)[1:] == _ids(page, slugify) == ["كيف-تعمل-الأيام", "المصادر"]
    # the check can fail: Python-Markdown's default numbered them, so they moved
    assert _ids(added, default_slugify)[1:] != _ids(page, default_slugify)


def test_built_arabic_pages_have_no_numbered_anchors(site):
    numbered = {str(p.relative_to(site)): ids for p in (site / "ar").rglob("*.html")
                if (ids := re.findall(r'<h\d id="(_\d+)"', p.read_text(encoding="utf-8")))}
    assert not numbered, numbered
    page = (site / "ar" / "foraldrapenning" / "index.html").read_text(encoding="utf-8")
    assert 'id="كيف-تعمل-الأيام"' in page and 'href="#كيف-تعمل-الأيام"' in page


def test_links_to_arabic_anchors_are_checked(tmp_path):
    """A link to a readable Arabic anchor builds; one to an old numbered anchor fails the
    strict build with its file and line."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "ar" / "tolk.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[title + 1:title + 1] = ["", "اقرأ [كيف تعمل الأيام](foraldrapenning.md#كيف-تعمل-الأيام).",
                                  "", "اقرأ [المصادر](foraldrapenning.md#_2).", ""]
    page.write_text("\n".join(lines), encoding="utf-8")

    result = build(project, tmp_path / "site", edition="ar")

    assert result.returncode != 0
    assert (f"docs/ar/tolk.md:{title + 5}: the link 'foraldrapenning.md#_2' leads to "
            "docs/ar/foraldrapenning.md, which has no heading") in result.output
    assert "#كيف-تعمل-الأيام" not in result.output
