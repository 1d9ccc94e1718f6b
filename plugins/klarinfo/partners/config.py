"""Options of klarinfo/partners (also accepted under ``- klarinfo:``)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class PartnersConfig(Config):
    #: Origins of partner sites that may show our embed views in a frame, e.g.
    #: https://www.informationsverige.se. Main pages can only be framed by the site itself.
    partners = opt.ListOfItems(opt.Type(str), default=[])
    #: Site name shown under embedded pages and in oEmbed/feeds (default: site_name).
    provider_name = opt.Type(str, default="")
    #: Topic pages made into printable A4 leaflets after the build (klarinfo/leaflets).
    leaflets = opt.ListOfItems(opt.Type(str), default=[])
    #: Link each topic page to its leaflet: only in a build whose leaflets are made
    #: (`make leaflets` sets KLARINFO_LEAFLETS=true), so no link ever points nowhere.
    leaflet_links = opt.Type(bool, default=False)
