"""Leaflets: every topic page as a printable A4 PDF in every edition, for service offices.

Made after the build from the site's own HTML (``python -m klarinfo.leaflets.build SITE``,
``make leaflets``): ``layout`` (which pages, where the PDF goes), ``article`` (the page's
article without screen chrome), ``compose`` (the leaflet's HTML: header, QR code, reviewed
date), ``staff_page`` (the list for service-office staff), ``build`` (WeasyPrint, the CLI),
``fetcher`` (what WeasyPrint may read: the site's files and ``data:`` images, issue #29).
Only ``build`` and ``fetcher`` import WeasyPrint: the site plugin needs the names, not
the renderer.
"""

from klarinfo.leaflets.layout import LINK_CLASS, STAFF_FOLDER, leaflet_name

__all__ = ["LINK_CLASS", "STAFF_FOLDER", "leaflet_name"]
