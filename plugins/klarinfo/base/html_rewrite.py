"""A base for passes that rewrite a page's HTML and must give back everything else as it was.

Why: the glossary marker and the script net both walk the rendered page with the
standard library's parser; what neither of them changes (entities, comments,
declarations) has to come out byte for byte, so that logic lives once, here.
"""

from __future__ import annotations

from html.parser import HTMLParser


class Rewriter(HTMLParser):
    """Collects output in ``self.out``; subclasses override the handlers they change."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text() or "")

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
