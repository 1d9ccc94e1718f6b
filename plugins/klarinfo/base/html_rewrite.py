"""A base for passes that rewrite a page's HTML and must give back everything else as it was.

Why: the glossary marker and the script net both walk the rendered page with the
standard library's parser; what neither of them changes (entities, comments,
declarations) has to come out byte for byte, so that logic lives once, here.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

Attributes = list[tuple[str, str | None]]


class Rewriter(HTMLParser):
    """Collects output in ``self.out``; subclasses override the handlers they change."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []

    def attributes(self, tag: str, attrs: Attributes) -> Attributes | None:
        """The attributes a start tag is written with, or None to keep it as written."""
        return None

    def start_tag(self, tag: str, attrs: Attributes, close: bool) -> None:
        kept = self.attributes(tag, attrs)
        if kept is None:
            self.out.append(self.get_starttag_text() or "")
            return
        written = "".join(f" {name}" if value is None
                          else f' {name}="{escape(value, quote=True)}"' for name, value in kept)
        self.out.append(f"<{tag}{written}{' /' if close else ''}>")

    def handle_starttag(self, tag, attrs):
        self.start_tag(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self.start_tag(tag, attrs, True)

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def rewrite(self, html: str) -> str:
        self.feed(html)
        self.close()
        return "".join(self.out)
