"""Each edition's navigation rendered once, not once per page.

Why: Material renders the whole navigation into every page, so an edition of N pages
renders N × N navigation entries — the part of a build that grows with the square of the
site (issue #18). A top-level entry that does not hold the current page renders the same on
every page of its edition except for its links, which MkDocs' ``url`` filter makes relative
to the page. So we render such an entry once with its links left as marks, and on each page
only resolve the marks with the very function the filter calls. The entry that holds the
current page (it is "active": open section, current-page link, table of contents) is
rendered by Material's own macro, as before. The pages come out byte-identical
(tests/publishing/test_navigation_once.py builds the site both ways and compares).

Pure Jinja, no MkDocs: the adapter passes in how a link is resolved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

#: Private-use characters: no Markdown title or URL of ours contains them, and if a
#: translated title ever does, the count check below renders that entry live instead.
_OPEN, _CLOSE = "\ue000", "\ue001"
TEMPLATE = "partials/nav-item.html"

#: (link as the template gave it, the page, the base URL) → the link as MkDocs writes it
Resolve = Callable[[str, Any, str], str]


@dataclass
class _Entry:
    item: Any
    path: str
    #: literal HTML and link values, alternating; None: this entry is always rendered live
    parts: list[str] | None


class NavigationOnce:
    """One instance per build: the cache holds the navigation objects of that build."""

    def __init__(self, resolve: Resolve, enabled: bool = True) -> None:
        self.resolve, self.enabled = resolve, enabled
        self._entries: dict[int, _Entry] = {}
        self.rendered_live = self.reused = 0  # for the bench's curiosity and for tests

    def template_global(self) -> Callable[..., str]:
        """``klarinfo_nav_item(item_module, nav_item, path)`` for our partials/nav.html."""

        @pass_context
        def klarinfo_nav_item(context: Context, module: Any, nav_item: Any, path: str) -> str:
            return self.render(context, module, nav_item, path)

        return klarinfo_nav_item

    def render(self, context: Context, module: Any, item: Any, path: str) -> str:
        if not self.enabled or getattr(item, "active", False):
            self.rendered_live += 1
            return module.render(item, path, 1)
        entry = self._entries.get(id(item))
        if entry is None or entry.item is not item or entry.path != path:
            entry = _Entry(item, path, _marked(context, item, path))
            self._entries[id(item)] = entry
        if entry.parts is None:
            self.rendered_live += 1
            return module.render(item, path, 1)
        self.reused += 1
        page, base = context["page"], context["base_url"]
        parts = entry.parts.copy()
        for index in range(1, len(parts), 2):
            parts[index] = self.resolve(parts[index], page, base)
        return "".join(parts)


def _marked(context: Context, item: Any, path: str) -> list[str] | None:
    """The entry rendered by Material's macro with each link left as a numbered mark.

    Jinja binds a template's filters when the template module is made, so we make a
    module of nav-item.html of our own while the ``url`` filter is swapped for the marker.
    """
    env = context.environment
    links: list[str] = []

    @pass_context
    def mark(_: Context, value: Any) -> str:
        links.append(str(value))
        return f"{_OPEN}{len(links) - 1}{_CLOSE}"

    original = env.filters["url"]
    env.filters["url"] = mark
    try:
        module = env.get_template(TEMPLATE).make_module(context.get_all())
    finally:
        env.filters["url"] = original
    html = str(module.render(item, path, 1))
    if html.count(_OPEN) != len(links) or html.count(_CLOSE) != len(links):
        return None  # a mark character in the text itself: never guess, render live
    parts: list[str] = []
    rest = html
    for number, link in enumerate(links):
        before, found, rest = rest.partition(f"{_OPEN}{number}{_CLOSE}")
        if not found:
            return None
        parts += [before, link]
    parts.append(rest)
    return parts
