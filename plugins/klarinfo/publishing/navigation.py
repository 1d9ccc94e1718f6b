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

Resolving every link on every page would still be N × N calls, so a resolved entry is
shared between pages whose links to it are provably the same. A relative link depends on
the page only through the page's folder B (MkDocs' ``get_relative_url``: the common
leading parts of B and the target A, then ``..`` for each remaining part of B). If no
target of the entry lies inside B, the common part of A and B is the same as that of A
and B's parent P, so every page with parent folder P gets the same links: sibling pages
share. Otherwise the page's own folder is the key. Links that do not depend on the page
(absolute, ``#…``) are left out of the reasoning.

One template call per page renders all top-level entries (a call per entry cost more in
Jinja than the rendering it saved). Pure Jinja, no MkDocs: the adapter passes in how a
link is resolved and how MkDocs reads a page's folder and a link's target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from jinja2 import pass_context
from jinja2.runtime import Context

#: Private-use characters: no Markdown title or URL of ours contains them, and if a
#: translated title ever does, the count check below renders that entry live instead.
_OPEN, _CLOSE = "\ue000", "\ue001"
TEMPLATE = "partials/nav-item.html"
#: What Material's loop in partials/nav.html writes around each entry (our nav.html has
#: one call in place of the loop; the byte-identical test holds us to this).
_BEFORE, _AFTER = "\n      \n      ", "\n    "

Parts = tuple[str, ...]


class Links(Protocol):
    def resolve(self, link: str, page: Any, base: str) -> str:
        """The link as MkDocs' ``url`` filter writes it on ``page``."""

    def folder(self, page: Any) -> Parts | None:
        """The folder links on ``page`` are made relative to; None: do not share."""

    def target(self, link: str) -> Parts | None:
        """Where a page-relative link points, as path parts; None: it does not depend
        on the page."""


@dataclass
class _Entry:
    item: Any
    path: str
    #: literal HTML and link values, alternating; None: this entry is always rendered live
    parts: list[str] | None
    #: every leading part of every page-relative target (is a folder inside a target?)
    prefixes: set[Parts] = field(default_factory=set)
    shared: dict[tuple[str, Parts], str] = field(default_factory=dict)


class NavigationOnce:
    """One instance per build: the cache holds the navigation objects of that build."""

    def __init__(self, links: Links, enabled: bool = True) -> None:
        self.links, self.enabled = links, enabled
        self._entries: dict[int, _Entry] = {}
        # for the bench's curiosity and for tests
        self.rendered_live = self.reused = self.resolved = 0

    def template_global(self) -> Callable[..., str]:
        """``klarinfo_nav_items(item_module, items)`` for our partials/nav.html."""

        @pass_context
        def klarinfo_nav_items(context: Context, module: Any, items: Any) -> str:
            return self.render_all(context, module, items)

        return klarinfo_nav_items

    def render_all(self, context: Context, module: Any, items: Any) -> str:
        page, base = context["page"], context["base_url"]
        folder = self.links.folder(page) if self.enabled else None
        out = []
        for index, item in enumerate(items, start=1):
            html = self.render(context, module, item, f"__nav_{index}", page, base, folder)
            out += [_BEFORE, html, _AFTER]
        return "".join(out)

    def render(self, context: Context, module: Any, item: Any, path: str, page: Any,
               base: str, folder: Parts | None) -> str:
        if not self.enabled or getattr(item, "active", False):
            self.rendered_live += 1
            return str(module.render(item, path, 1))
        entry = self._entries.get(id(item))
        if entry is None or entry.item is not item or entry.path != path:
            entry = self._entry(context, item, path)
            self._entries[id(item)] = entry
        if entry.parts is None:
            self.rendered_live += 1
            return str(module.render(item, path, 1))
        self.reused += 1
        key = None if folder is None else (
            ("in", folder) if not folder or folder in entry.prefixes else ("under", folder[:-1]))
        if key is not None and key in entry.shared:
            return entry.shared[key]
        self.resolved += 1
        parts = entry.parts.copy()
        for index in range(1, len(parts), 2):
            parts[index] = self.links.resolve(parts[index], page, base)
        html = "".join(parts)
        if key is not None:
            entry.shared[key] = html
        return html

    def _entry(self, context: Context, item: Any, path: str) -> _Entry:
        entry = _Entry(item, path, _marked(context, item, path))
        for link in (entry.parts or [])[1::2]:
            target = self.links.target(link)
            if target is not None:
                entry.prefixes.update(target[:n] for n in range(len(target) + 1))
        return entry


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
