"""Each edition's navigation is rendered once, and templates are compiled and theme files
listed once per build (issue #18), and the site does not change.

The real site is built with and without these optimisations and compared file by file;
the unit tests show the reuse happens and when it must not.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import material
from hypothesis import given, settings
from hypothesis import strategies as st
from klarinfo.adapter.links import MkDocsLinks
from klarinfo.publishing.navigation import NavigationOnce
from mkdocs.utils.templates import url_filter
from sitebuild import ROOT, build, copy_project, site_files, with_option

MATERIAL_NAV = Path(material.__file__).parent / "templates" / "partials" / "nav.html"
OUR_NAV = ROOT / "plugins" / "klarinfo" / "theme" / "partials" / "nav.html"


def test_the_site_is_byte_identical_without_the_optimisations(site: Path, tmp_path: Path):
    project = copy_project(tmp_path / "project")
    with_option(project, "render_nav_once: false")
    with_option(project, "reuse_across_editions: false")
    slow = build(project, tmp_path / "slow")
    assert slow.returncode == 0, slow.output
    ours, theirs = site_files(site), site_files(slow.site)
    assert sorted(ours) == sorted(theirs)
    assert len(ours) > 200
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == []
    # the comparison covers real navigation: every Swedish topic is linked from a page
    page = ours["so/tolk/index.html"].decode()
    assert page.count('class="md-nav__link') >= 9
    assert 'md-nav__link--active' in page


def test_our_nav_template_is_materials_with_the_loop_replaced_by_one_call():
    """When Material changes partials/nav.html, this says so before a reader sees it."""
    theirs = MATERIAL_NAV.read_text(encoding="utf-8").split("-#}\n", 1)[1]
    ours = OUR_NAV.read_text(encoding="utf-8").split("-#}\n", 1)[1]
    loop = ("{% for nav_item in nav.items %}\n"
            '      {% set path = "__nav_" ~ loop.index %}\n'
            "      {{ item.render(nav_item, path, 1) }}\n"
            "    {% endfor %}")
    assert loop in theirs
    assert ours == theirs.replace(loop, "{{ klarinfo_nav_items(item, nav.items) }}")


ITEM = """{% macro render(nav_item, path, level) -%}
<li class="{{ 'active' if nav_item.active }}" id="{{ path }}">
<a href="{{ nav_item.url | url }}">{{ nav_item.title }}</a>{% if nav_item.active %}
{{ page.toc }}{% endif %}{% for child in nav_item.children %}
<a href="{{ child | url }}">{{ child }}</a>{% endfor %}</li>
{%- endmacro %}"""
#: Material's loop, as in its partials/nav.html, and ours
LOOP = """{% import "partials/nav-item.html" as item with context %}<ul>
    {% for nav_item in nav %}
      {% set path = "__nav_" ~ loop.index %}
      {{ item.render(nav_item, path, 1) }}
    {% endfor %}</ul>"""
ONCE = """{% import "partials/nav-item.html" as item with context %}<ul>
    {{ klarinfo_nav_items(item, nav) }}</ul>"""


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader({
        "partials/nav-item.html": ITEM, "loop.html": LOOP, "once.html": ONCE}))
    env.filters["url"] = url_filter  # MkDocs' own
    return env


def _pages(urls: list[str], children: dict[int, list[str]] | None = None
           ) -> list[SimpleNamespace]:
    return [SimpleNamespace(title=f"T{i}", url=url, active=False, toc=f"[toc {i}]",
                            children=(children or {}).get(i, []))
            for i, url in enumerate(urls)]


def _render_all(env, template: str, items, once: NavigationOnce | None = None) -> list[str]:
    if once is not None:
        env.globals["klarinfo_nav_items"] = once.template_global()
    out = []
    for page in items:
        page.active = True
        out.append(env.get_template(template).render(nav=items, page=page, base_url="."))
        page.active = False
    return out


def test_entries_are_reused_and_the_html_is_materials():
    env = _environment()
    items = _pages(["a/", "b/", "c/", "d/"])
    once = NavigationOnce(MkDocsLinks())
    fast = _render_all(env, "once.html", items, once)
    assert fast == _render_all(env, "loop.html", items)
    assert "[toc 2]" in fast[2] and "[toc 2]" not in fast[1]
    assert 'href="./"' in fast[3] and 'href="../d/"' in fast[0]
    # one live render per page (its own entry); the other entries come from the cache,
    # and sibling pages share resolved links: each entry's links are resolved once
    assert once.rendered_live == 4 and once.reused == 4 * 3
    assert once.resolved == 4
    assert _render_all(env, "once.html", items, NavigationOnce(MkDocsLinks(), False)) == fast


def test_a_page_whose_folder_holds_a_link_target_gets_its_own_links():
    env = _environment()
    # entry 0 links into the folder of page 1 ("b/"), so page 1 cannot share with page 2
    items = _pages(["a/", "b/", "c/", "b/x.html", "/abs/", "#top"], {0: ["b/sub/", "c/"]})
    once = NavigationOnce(MkDocsLinks())
    fast = _render_all(env, "once.html", items, once)
    assert fast == _render_all(env, "loop.html", items)
    assert 'href="sub/"' in fast[1] and 'href="../b/sub/"' in fast[2]


URL_PART = st.sampled_from(["a", "b", "c", "x.html", "..", "."])


@settings(max_examples=300, deadline=None)
@given(urls=st.lists(st.lists(URL_PART, max_size=3).map(
           lambda parts: "/".join(parts) + st_slash(parts)), min_size=1, max_size=6),
       children=st.lists(st.lists(URL_PART, max_size=3).map("/".join), max_size=4),
       absolute=st.sampled_from(["", "/", "#top", "https://example.se/"]))
def test_shared_links_are_what_mkdocs_writes_on_every_page(urls, children, absolute):
    """Any folders and links, including `..`, files and absolute ones: the same HTML."""
    env = _environment()
    items = _pages(urls, {0: children + ([absolute] if absolute else [])})
    assert (_render_all(env, "once.html", items, NavigationOnce(MkDocsLinks()))
            == _render_all(env, "loop.html", items))


def st_slash(parts: list[str]) -> str:
    return "/" if parts and "." not in parts[-1] else ""


def test_a_title_holding_the_mark_character_is_rendered_live_not_guessed():
    env = _environment()
    items = _pages(["a/", "b/"])
    items[0].title = "Ett \ue0000\ue001"
    once = NavigationOnce(MkDocsLinks())
    fast = _render_all(env, "once.html", items, once)
    assert "Ett \ue0000\ue001" in fast[1]
    assert fast == _render_all(env, "loop.html", items)
    assert once.reused == 1  # only "T1", on the first page
