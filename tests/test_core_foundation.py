"""Unit tests of the core modules behind the five-edition foundation (no MkDocs involved)."""

from __future__ import annotations

import time
from pathlib import Path

import jinja2
import pytest
from klarinfo.base.errors import InputError
from klarinfo.editions import catalogs
from klarinfo.editions.alternates import Alternate, absolute, hreflang_links
from klarinfo.editions.edition import Edition, build_editions
from klarinfo.editions.html_root import set_root_attributes
from klarinfo.editions.theme_strings import render_partial, template_strings
from klarinfo.publishing import material_bundle
from klarinfo.publishing import staging as publish

ROOT = Path(__file__).resolve().parent.parent
SV = Edition("sv", "Svenska", "sv", "ltr", "sv", "sv", default=True)
LATT = Edition("sv-latt", "Lättläst", "sv", "ltr", None, "sv")
AR = Edition("ar", "العربية", "ar", "rtl", "ar", "ar")
SO = Edition("so", "Soomaali", "so", "ltr", "so", "en")


def test_editions_keep_switcher_order_and_separate_id_from_lang():
    editions = build_editions(
        {"sv": {"lang": "sv"}, "sv-latt": {"lang": "sv", "hreflang": None},
         "ar": {"lang": "ar", "dir": "rtl"}},
        [{"locale": "sv", "name": "Svenska", "default": True},
         {"locale": "sv-latt", "name": "Lättläst"}, {"locale": "ar", "name": "العربية"}],
    )
    assert [e.id for e in editions] == ["sv", "sv-latt", "ar"]
    assert editions[1].lang == "sv" and editions[1].hreflang is None
    assert editions[2].dir == "rtl" and editions[2].url_prefix == "ar/"
    assert editions[0].url_prefix == ""


def test_editions_reject_a_language_without_settings_and_a_bad_dir():
    with pytest.raises(InputError) as err:
        build_editions({"sv": {"dir": "up"}},
                       [{"locale": "sv", "default": True}, {"locale": "so"}])
    text = str(err.value)
    assert "mkdocs.yml: edition 'sv' has dir 'up' — use 'ltr' or 'rtl'" in text
    assert "i18n language 'so' has no entry under plugins.klarinfo.editions" in text


def _po(tmp_path: Path, body: str, name: str = "theme.po") -> Path:
    path = tmp_path / name
    path.write_text('msgid ""\nmsgstr ""\n"Language: so\\n"\n\n' + body, encoding="utf-8")
    return path


def test_po_syntax_error_names_file_and_line(tmp_path):
    path = _po(tmp_path, 'msgctxt "search"\nmsgid "Search"\nmsgstr Raadi\n')
    with pytest.raises(InputError) as err:
        catalogs.load(path, "locales/so/LC_MESSAGES/theme.po")
    assert str(err.value).startswith("locales/so/LC_MESSAGES/theme.po:7: PO syntax error")
    assert " — " in str(err.value)


def test_catalog_check_reports_missing_empty_fuzzy_and_lost_placeholders(tmp_path):
    template = catalogs.load(_po(tmp_path, (
        'msgctxt "a"\nmsgid "Search"\nmsgstr ""\n\n'
        'msgctxt "b"\nmsgid "Clear"\nmsgstr ""\n\n'
        'msgctxt "c"\nmsgid "# pages found"\nmsgstr ""\n\n'
        'msgctxt "d"\nmsgid "Next"\nmsgstr ""\n\n'
        'msgctxt "e"\nmsgid "Back"\nmsgstr ""\n'), "theme.pot"))
    catalog = catalogs.load(_po(tmp_path, (
        'msgctxt "a"\nmsgid "Search"\nmsgstr "Raadi"\n\n'
        'msgctxt "b"\nmsgid "Clear"\nmsgstr ""\n\n'
        'msgctxt "c"\nmsgid "# pages found"\nmsgstr "bogag ayaa la helay"\n\n'
        '#, fuzzy\nmsgctxt "d"\nmsgid "Next"\nmsgstr "Xiga"\n')))
    findings = {f.problem.split("'")[1]: f for f in catalogs.check(catalog, template, "so.po")}
    assert set(findings) == {"b", "c", "d", "e"}
    assert findings["b"].line == 10 and "not translated" in findings["b"].problem
    assert "placeholders ['#']" in findings["c"].problem
    assert "fuzzy" in findings["d"].problem
    assert "missing" in findings["e"].problem
    assert catalogs.completeness(catalog, template) == (1, 5)


def test_real_catalogs_are_complete_for_every_edition():
    template = catalogs.load(ROOT / "locales/theme.pot")
    for edition in ("sv", "sv-latt", "ar", "so", "en"):
        path = ROOT / f"locales/{edition}/LC_MESSAGES/theme.po"
        assert catalogs.check(catalogs.load(path), template, str(path)) == []


def test_template_has_material_strings_we_show_and_none_we_dont():
    english = (ROOT / ".venv/lib/python3.11/site-packages/material/templates/partials/"
               "languages/en.html")
    if not english.exists():
        import material
        english = Path(material.__file__).parent / "templates/partials/languages/en.html"
    strings = template_strings(english.read_text(encoding="utf-8"))
    assert strings["search.placeholder"] == "Search"
    assert "blog.archive" not in strings and "language" not in strings
    assert strings["klarinfo.notfound.title"] == "Page not found"


def test_rendered_partial_is_valid_jinja_with_config_from_the_edition():
    source = render_partial({"search.placeholder": "ابحث", "x": 'a "quoted" \\ text'}, AR)
    env = jinja2.Environment(loader=jinja2.DictLoader({"p.html": source}))
    module = env.get_template("p.html").module
    assert module.t("search.placeholder") == "ابحث"
    assert module.t("x") == "a &quot;quoted&quot; \\ text"  # escaped for attributes too
    assert module.t("direction") == "rtl" and module.t("language") == "ar"
    assert module.t("search.config.pipeline") == " "
    assert module.t("not.there") == ""


def test_hreflang_links_are_absolute_skip_fallbacks_and_add_x_default():
    alts = [Alternate(SV, "stod/", True), Alternate(LATT, "sv-latt/stod/", True),
            Alternate(AR, "ar/stod/", True), Alternate(SO, "so/stod/", False)]
    assert hreflang_links("https://x.example/base", alts, AR) == [
        ("sv", "https://x.example/base/stod/"),
        ("ar", "https://x.example/base/ar/stod/"),
        ("x-default", "https://x.example/base/stod/"),
    ]
    assert hreflang_links("https://x.example/", alts, LATT) == []
    assert absolute("https://x.example/", "") == "https://x.example/"


def test_root_attributes_replace_existing_ones():
    html = '<!doctype html>\n<html lang="en" class="no-js"><body dir="ltr">'
    out = set_root_attributes(html, "ar", "rtl")
    assert out.startswith('<!doctype html>\n<html lang="ar" dir="rtl" class="no-js">')
    assert out.count('lang="') == 1


def test_promote_replaces_site_and_discard_keeps_the_old_one(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    staging = publish.staging_dir(site)
    staging.mkdir()
    (staging / "index.html").write_text("new")
    publish.promote(staging, site)
    assert (site / "index.html").read_text() == "new"
    # the previous site is removed in the background once the new one is in place
    deadline = time.monotonic() + 10
    while sorted(p.name for p in tmp_path.iterdir()) != ["site"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not staging.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    failed = publish.staging_dir(site)
    failed.mkdir()
    (failed / "index.html").write_text("half")
    publish.discard(failed)
    assert (site / "index.html").read_text() == "new" and not failed.exists()


def test_bundle_patch_is_exact_and_refuses_an_unknown_bundle():
    js = ('a;e.pipe(b(()=>M("link[rel=alternate]")),m(r=>1));'
          'var Or=Te(),zi=document.forms.namedItem("search")?ks():tt,fo=new T;')
    patched = material_bundle.patch_source(js)
    assert 'M("link[rel=alternate]")' not in patched and "?ks():tt" not in patched
    assert '"focusin"' in patched  # the index waits for search to be used
    assert material_bundle.patch_source(patched) == patched
    # the installed Material bundle has each patched spot exactly once
    import material

    bundle = next((Path(material.__file__).parent / "templates" / "assets" / "javascripts")
                  .glob("bundle.*.min.js"))
    material_bundle.patch_source(bundle.read_text(encoding="utf-8"))
    with pytest.raises(material_bundle.BundleChanged):
        material_bundle.patch_source("no such code")
