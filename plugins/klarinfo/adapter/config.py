"""Options of the klarinfo MkDocs plugin (``plugins: - klarinfo:`` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class KlarinfoConfig(Config):
    #: Per i18n language: lang (BCP 47 for <html lang>), dir (ltr/rtl), hreflang
    #: (null to leave the edition out of hreflang) and search_lang (lunr language).
    editions = opt.Type(dict, default={})
    #: Folder of gettext catalogs, relative to mkdocs.yml.
    locales_dir = opt.Type(str, default="locales")
    #: Per-edition readability limits, merged over klarinfo.readability.DEFAULT_PROFILES.
    readability = opt.Type(dict, default={})
    #: warn: findings are warnings (a --strict build fails on them); off: not measured.
    readability_mode = opt.Choice(["warn", "off"], default="warn")
    #: warn: a paragraph in another language than its edition's is a warning (a --strict
    #: build fails on it); off: not checked.
    language_check = opt.Choice(["warn", "off"], default="warn")
    #: Where the machine-readable reports and the nginx snippets go, relative to the
    #: folder that holds the site folder: beside the site, never in it (all of it is
    #: published). Written by `mkdocs build` only.
    reports_dir = opt.Type(str, default="reports")
    server_dir = opt.Type(str, default="server")
    #: Termbase folder (glossary/*.yml), relative to mkdocs.yml.
    glossary_dir = opt.Type(str, default="glossary")
    #: Rule parameters and worked-example presets, relative to mkdocs.yml.
    rules_file = opt.Type(str, default="data/rules.yml")
    presets_file = opt.Type(str, default="data/life_income_presets.yml")
    #: Easy-read editions (e.g. sv-latt): their worked examples get a table of at most
    #: three columns and rounded amounts (examples.Context.easy).
    easy_read = opt.ListOfItems(opt.Type(str), default=[])
    #: Slug of the page that explains how the worked examples are calculated.
    explain_page = opt.Type(str, default="sa-raknar-vi")
    #: Build only this edition besides the Swedish source (a quick preview while
    #: translating: `make site LANG=ar`); empty builds every edition.
    only_edition = opt.Type(str, default="")
    #: Origins of partner sites that may show our embed views in a frame, e.g.
    #: https://www.informationsverige.se. Main pages can only be framed by the site itself.
    partners = opt.ListOfItems(opt.Type(str), default=[])
    #: Site name shown under embedded pages and in oEmbed/feeds (default: site_name).
    provider_name = opt.Type(str, default="")
    #: true: `mkdocs build` without --strict publishes a site that has warnings. Default
    #: false: such a build fails and keeps the last good site (`mkdocs serve` only warns).
    allow_warnings = opt.Type(bool, default=False)
