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
from jinja2 import pass_context
from klarinfo.publishing.navigation import NavigationOnce
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


def test_our_nav_template_is_materials_with_one_line_changed():
    """When Material changes partials/nav.html, this says so before a reader sees it."""
    theirs = MATERIAL_NAV.read_text(encoding="utf-8").split("-#}\n", 1)[1]
    ours = OUR_NAV.read_text(encoding="utf-8").split("-#}\n", 1)[1]
    assert ours == theirs.replace("{{ item.render(nav_item, path, 1) }}",
                                  "{{ klarinfo_nav_item(item, nav_item, path) }}")
    assert ours != theirs


ITEM = """{% macro render(nav_item, path, level) -%}
<li class="{{ 'active' if nav_item.active }}" id="{{ path }}">
<a href="{{ nav_item.url | url }}">{{ nav_item.title }}</a>{% if nav_item.active %}
{{ page.toc }}{% endif %}</li>
{%- endmacro %}"""
NAV = """{% import "partials/nav-item.html" as item with context %}<ul>
{% for nav_item in nav %}{{ KIND(item, nav_item, "__nav_" ~ loop.index) }}{% endfor %}</ul>"""


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader({
        "partials/nav-item.html": ITEM,
        "once.html": NAV.replace("KIND", "klarinfo_nav_item")}))

    @pass_context
    def url(context, value):
        return _relative(str(value), context["page"].url)

    env.filters["url"] = url
    return env


def _relative(url: str, page_url: str) -> str:
    depth = page_url.count("/")
    return "../" * depth + url if url != page_url else "./"


def _pages(titles: list[str]) -> list[SimpleNamespace]:
    return [SimpleNamespace(title=t, url=f"p{i}/", active=False, toc=f"[toc {i}]")
            for i, t in enumerate(titles)]


def _render_all(env, template: str, items) -> list[str]:
    out = []
    for page in items:
        page.active = True
        out.append(env.get_template(template).render(nav=items, page=page, base_url="."))
        page.active = False
    return out


def test_entries_are_reused_and_the_html_is_the_same():
    env = _environment()
    items = _pages(["Ett", "Två", "Tre", "Fyra"])
    once = NavigationOnce(lambda url, page, base: _relative(url, page.url))
    env.globals["klarinfo_nav_item"] = once.template_global()
    fast = _render_all(env, "once.html", items)
    env.globals["klarinfo_nav_item"] = NavigationOnce(
        lambda url, page, base: _relative(url, page.url), enabled=False).template_global()
    slow = _render_all(env, "once.html", items)
    assert fast == slow
    assert "[toc 2]" in fast[2] and "[toc 2]" not in fast[1]
    assert 'href="./"' in fast[3] and 'href="../p3/"' in fast[0]
    # one live render per page (its own entry); the other entries come from the cache
    assert once.rendered_live == 4 and once.reused == 4 * 3


def test_a_title_holding_the_mark_character_is_rendered_live_not_guessed():
    env = _environment()
    items = _pages(["Ett \ue0000\ue001", "Två"])
    once = NavigationOnce(lambda url, page, base: _relative(url, page.url))
    env.globals["klarinfo_nav_item"] = once.template_global()
    fast = _render_all(env, "once.html", items)
    assert "Ett \ue0000\ue001" in fast[1]
    assert once.reused == 1  # only "Två", on the first page
