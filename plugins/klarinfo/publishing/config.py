"""Options of klarinfo/publishing (also accepted under ``- klarinfo:``)."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class PublishingConfig(Config):
    #: true: `mkdocs build` without --strict publishes a site that has warnings. Default
    #: false: such a build fails and keeps the last good site (`mkdocs serve` only warns).
    allow_warnings = opt.Type(bool, default=False)
    #: true: each edition's navigation is rendered once and reused on every page (the
    #: pages come out byte-identical; false is the slow way, kept to prove that).
    render_nav_once = opt.Type(bool, default=True)
    #: true: in `make site`, an edit to a page's text re-renders only that page (in each
    #: edition that shows it), in processes kept from the last full build (adapter/preview.py).
    live_preview = opt.Type(bool, default=True)
    #: true: `mkdocs build` builds the editions after the Swedish one in two processes
    #: (adapter/parallel.py; the same site, byte for byte). Only under `- klarinfo:`.
    parallel_editions = opt.Type(bool, default=True)
    #: true: templates compiled and theme files listed once per build, not once per
    #: edition (adapter/theme_reuse.py; the same site, byte for byte). Only under `- klarinfo:`.
    reuse_across_editions = opt.Type(bool, default=True)
