"""Options of klarinfo/editions (also accepted under ``- klarinfo:``)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class EditionsConfig(Config):
    #: Per i18n language: lang (BCP 47 for <html lang>), dir (ltr/rtl), hreflang
    #: (null to leave the edition out of hreflang) and search_lang (lunr language).
    editions = opt.Type(dict, default={})
    #: Folder of gettext catalogs, relative to mkdocs.yml.
    locales_dir = opt.Type(str, default="locales")
    #: Build only this edition besides the Swedish source (a quick preview while
    #: translating: `make site LANG=ar`); empty builds every edition.
    only_edition = opt.Type(str, default="")
