"""Options of klarinfo/examples (also accepted under ``- klarinfo:``)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class ExamplesConfig(Config):
    #: Rule parameters and worked-example presets, relative to mkdocs.yml.
    rules_file = opt.Type(str, default="data/rules.yml")
    presets_file = opt.Type(str, default="data/life_income_presets.yml")
    #: Easy-read editions (e.g. sv-latt): their worked examples get a table of at most
    #: three columns and rounded amounts (blocks.Context.easy).
    easy_read = opt.ListOfItems(opt.Type(str), default=[])
    #: Slug of the page that explains how the worked examples are calculated.
    explain_page = opt.Type(str, default="sa-raknar-vi")
    #: The day whose year's rules the pages show as current (YYYY-MM-DD), for previews and
    #: tests; empty: the environment variable KLARINFO_RULES_DATE, else the build's own
    #: date (rule_year.py), so a build in January shows January's rules or fails.
    rules_date = opt.Type(str, default="")
