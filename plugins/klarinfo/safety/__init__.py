"""Safety: untrusted text stays data, and readers at risk can leave quickly.

Raw HTML, unsafe attributes and script links refused or made inert (``markup``), the
Content-Security-Policy and other headers (``headers``), the inline scripts the theme's
templates write and the dev server that sends our headers (``template_scripts``), the
same headers as nginx snippets (``nginx``), and which pages get the quick exit
(``quick_exit``).
"""

from klarinfo.safety.markup import check_markdown, dangerous_url

__all__ = ["check_markdown", "dangerous_url"]
