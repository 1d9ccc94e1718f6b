"""Findings as data: every `path:line: what — how to fix` the build logs, collected where
communicators look (core only; the publishing plugin hooks it into the build).

``collect`` (a log handler turning our findings into ``Item``s, and ``tag`` for the
kind and text span a capability passes along), ``sarif`` (SARIF 2.1.0 for editors and
CI), ``panel`` (the preview's per-page panel and highlights), ``index_page`` (the
preview's `/_findings/` page), ``preview`` (what `make site` adds, in one call each).
"""

from klarinfo.findings import preview, sarif
from klarinfo.findings.collect import Collector, Item, tag

__all__ = ["Collector", "Item", "preview", "sarif", "tag"]
