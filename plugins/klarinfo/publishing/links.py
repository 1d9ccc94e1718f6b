"""Every internal link, anchor and asset of a built site resolves; external links are listed.

Why: five editions, embed views and generated pages link to each other by relative
paths that MkDocs does not check (raw HTML, templates, our generated pages). We check
the built HTML itself, never fetch anything, and list external links for a human to
review.

    python -m klarinfo.publishing.links SITE_DIR [--site-url URL] [--report FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:")
LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
              ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src"),
              ("form", "action")}


@dataclass(frozen=True)
class Broken:
    page: str  # site-relative file, e.g. "ar/tolk/index.html"
    line: int
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: link '{self.link}' {self.reason}"


@dataclass
class Report:
    checked: int = 0
    broken: list[Broken] = field(default_factory=list)
    external: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"checked": self.checked, "broken": [str(b) for b in self.broken],
                "external": {u: sorted(set(p)) for u, p in sorted(self.external.items())}}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif (tag, name) in LINK_ATTRS:
                self.links.append((value.strip(), self.getpos()[0]))


@cache
def _parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def _target(site: Path, path: str) -> Path | None:
    """The file a site path serves, as a static host would (directories → index.html)."""
    candidate = site / unquote(path).lstrip("/")
    if path.endswith("/") or path == "" or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check(site: Path, site_url: str = "") -> Report:
    _parse.cache_clear()
    report = Report()
    base = urlsplit(site_url)
    root_path = base.path or "/"
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        page_url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        for link, line in _parse(html).links:
            if not link or link.startswith(SKIP_SCHEMES):
                continue
            report.checked += 1
            absolute = urljoin(f"http://site{page_url}", link)
            parts = urlsplit(absolute)
            if link.startswith(("http://", "https://", "//")):
                target = urlsplit(urljoin("http:", link) if link.startswith("//") else link)
                if site_url and target.netloc == base.netloc and \
                        target.path.startswith(root_path):
                    parts = target._replace(path="/" + target.path[len(root_path):])
                else:
                    report.external.setdefault(link.split("#")[0], []).append(rel)
                    continue
            elif parts.netloc != "site":
                continue
            path = parts.path
            if link.startswith("/") and root_path != "/" and path.startswith(root_path):
                path = "/" + path[len(root_path):]
            target_file = _target(site, path)
            if target_file is None:
                report.broken.append(Broken(rel, line, link, "does not resolve"))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target_file.suffix == ".html" and \
                    fragment not in _parse(target_file).ids:
                report.broken.append(Broken(rel, line, link, f"has no anchor '#{fragment}'"))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a built site's links.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--site-url", default="")
    parser.add_argument("--report", type=Path, help="write the report (JSON) here")
    args = parser.parse_args(argv)
    report = check(args.site, args.site_url)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=1),
                               encoding="utf-8")
    for broken in report.broken:
        print(f"{args.site}/{broken} — fix the link or create its target", file=sys.stderr)
    print(f"{report.checked} links checked, {len(report.broken)} broken, "
          f"{len(report.external)} external (listed, not fetched)")
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
