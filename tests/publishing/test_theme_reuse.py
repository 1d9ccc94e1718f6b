"""Templates compiled once and the theme listed once per build, not per edition (#18).

That the real site does not change is shown by the byte-identical comparison in
test_navigation_once.py; here: the reuse happens, and stops where it would be wrong.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from klarinfo.adapter import theme_reuse
from mkdocs.theme import Theme


@pytest.fixture
def compiles(monkeypatch):
    """How many times Jinja compiled a template from its source."""
    seen: list[str] = []
    plain = jinja2.Environment._parse

    def parse(self, source, name, filename):
        seen.append(name)
        return plain(self, source, name, filename)

    monkeypatch.setattr(jinja2.Environment, "_parse", parse)
    monkeypatch.setattr(theme_reuse, "COMPILED", theme_reuse.CompiledTemplates())
    return seen


def _environment(folder: Path, **filters) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)))
    env.bytecode_cache = theme_reuse.COMPILED
    env.filters.update(filters)
    return env


def test_a_template_is_compiled_once_for_environments_alike(tmp_path: Path, compiles):
    (tmp_path / "page.html").write_text("{{ title | shout }} {{ n + 1 }}", encoding="utf-8")
    out = [_environment(tmp_path, shout=str.upper).get_template("page.html")
           .render(title=t, n=1) for t in ("a", "b", "c")]
    assert out == ["A 2", "B 2", "C 2"]
    assert compiles == ["page.html"]


def test_a_changed_source_or_a_differently_equipped_environment_compiles_afresh(
        tmp_path: Path, compiles):
    page = tmp_path / "page.html"
    page.write_text("{{ title | shout }}", encoding="utf-8")
    assert _environment(tmp_path, shout=str.upper).get_template("page.html").render(
        title="a") == "A"
    page.write_text("{{ title | shout }}!", encoding="utf-8")
    assert _environment(tmp_path, shout=str.upper).get_template("page.html").render(
        title="a") == "A!"
    assert len(compiles) == 2

    @jinja2.pass_context  # compiled code passes the context: it depends on this
    def shout_with_context(context, value):
        return f"{value.upper()}{context.get('mark', '')}"

    env = _environment(tmp_path, shout=shout_with_context)
    assert env.get_template("page.html").render(title="a", mark="?") == "A?!"
    assert len(compiles) == 3
    with pytest.raises(jinja2.TemplateAssertionError):  # no filter: Jinja's own error
        _environment(tmp_path).get_template("page.html")


def _theme(tmp_path: Path) -> Theme:
    custom = tmp_path / "custom"
    (custom / "assets").mkdir(parents=True, exist_ok=True)
    (custom / "assets" / "ours.css").write_text("a{}", encoding="utf-8")
    return Theme(name="mkdocs", custom_dir=str(custom))


def test_the_theme_is_listed_once_per_build(tmp_path: Path, monkeypatch):
    theme = _theme(tmp_path)
    plain = [theme.get_env().list_templates(filter_func=lambda n: n.endswith(".css"))]
    theme_reuse.reuse_across_editions(theme)
    calls: list[str] = []
    original = jinja2.FileSystemLoader.list_templates

    def counted(self):
        calls.append("listed")
        return original(self)

    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", counted)

    def only_css(name: str) -> bool:
        return name.endswith(".css")

    listings = [theme.get_env().list_templates(filter_func=only_css) for _ in range(3)]
    assert listings == plain * 3 and "assets/ours.css" in plain[0]
    assert calls == ["listed"]
    # i18n adds its sitemap folder again for each edition: the same names, still one listing
    theme.dirs.insert(1, theme.dirs[0])
    assert theme.get_env().list_templates(filter_func=only_css) == plain[0]
    assert calls == ["listed"]
    # another folder, or a filter over other objects, is listed afresh
    theme.dirs.insert(0, str(tmp_path))
    theme.get_env().list_templates(filter_func=only_css)
    assert len(calls) == 2

    def ending(suffix: str):
        return lambda name: name.endswith(suffix)

    css, js = ".css", ".js"
    theme.get_env().list_templates(filter_func=ending(css))
    theme.get_env().list_templates(filter_func=ending(css))
    assert len(calls) == 3  # same code over the same object: listed once
    theme.get_env().list_templates(filter_func=ending(js))
    assert len(calls) == 4


def test_a_new_build_lists_the_theme_again(tmp_path: Path):
    """`make site` rebuilds with a new config and so a new Theme: a new file shows."""
    theme = _theme(tmp_path)
    theme_reuse.reuse_across_editions(theme)
    assert "assets/new.css" not in theme.get_env().list_templates()
    (tmp_path / "custom" / "assets" / "new.css").write_text("b{}", encoding="utf-8")
    again = _theme(tmp_path)
    theme_reuse.reuse_across_editions(again)
    assert "assets/new.css" in again.get_env().list_templates()
