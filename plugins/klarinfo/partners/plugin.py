"""klarinfo/partners: an embed view of every page, oEmbed and a JSON Feed per edition,
and the partner page's ready-made snippets."""

from __future__ import annotations

from html import unescape
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from klarinfo.adapter import pages
from klarinfo.adapter.base import CapabilityPlugin, log
from klarinfo.base import config_checks
from klarinfo.editions import Alternate
from klarinfo.findings import tag
from klarinfo.leaflets import STAFF_FOLDER, leaflet_name
from klarinfo.partners import embed, feeds, framing, snippet

from .config import PartnersConfig


class PartnersPlugin(CapabilityPlugin[PartnersConfig]):

    @event_priority(-111)  # after klarinfo/editions knows the editions
    def on_config(self, config: Any) -> Any:
        if self.begin(config):
            problems = framing.check_partners(self.config.partners)
            if problems:
                raise PluginError("mkdocs.yml: " + "; ".join(problems))
            self.context.partners = tuple(self.config.partners)
            self.embeds: list[embed.EmbedPage] = []
            text = Path(config.config_file_path).read_text(encoding="utf-8")
            for finding in [*config_checks.site_url(config.site_url, text), *(
                    config_checks.missing_leaflets(self.config.leaflets, Path(config.docs_dir)
                                                   / self.context.default.id, text))]:
                log.warning(str(finding), **tag("source"))
        return config

    @event_priority(-10)  # last: the snippets block's lines would shift every finding
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        if "```embed-snippets" in markdown:
            site_url = config.site_url or ""
            frames = [(title, urljoin(site_url, embed.embed_url(url)))
                      for title, url in self.context.titles]
            markdown = snippet.SNIPPETS_BLOCK.sub(
                lambda _: snippet.snippets_html(frames, site_url, self.sri), markdown)
        return markdown

    @event_priority(-200)  # last: the embed.js this build will publish, after any change
    def on_files(self, files: Any, *, config: Any) -> Any:
        """SRI of embed.js as MkDocs will copy it (a file in docs/ overrides the theme's)."""
        script = files.get_file_from_path(snippet.EMBED_JS)
        if script is None:
            raise PluginError(f"mkdocs.yml: no {snippet.EMBED_JS} among the site's files — "
                              "partners' snippets load it; reinstall klarinfo (its theme "
                              "ships one) or add your own to docs/")
        self.sri = snippet.integrity(script.content_bytes)
        return files

    @event_priority(-10)  # after klarinfo/safety decided which pages get the quick exit
    def on_page_context(self, context: dict, *, page: Any, config: Any, nav: Any) -> dict:
        edition = self.context.edition
        alternates = pages.alternates(page, self.context)
        site_url = config.site_url or ""
        if page.file.locale == edition.id or edition.default:
            context["klarinfo_oembed"] = urljoin(site_url, embed.oembed_url(page.url))
            # feed discovery: every page of the edition links the edition's feed
            context["klarinfo_feed"] = (urljoin(site_url, feeds.feed_path(edition.id)),
                                        self._feed_title(config))
            self.embeds.append(self._embed_page(page, alternates, site_url))
            # a translated topic page links its printable leaflet (made after the build)
            name = PurePosixPath(page.file.src_uri).stem
            if self.config.leaflet_links and name in self.config.leaflets:
                context["klarinfo_leaflet"] = leaflet_name(name, edition.id)
        elif not page.file.generated_by:
            self.embeds.append(self._embed_page(page, alternates, site_url, fallback=True))
        if self.config.leaflet_links and edition.default:  # the staff list, Swedish footer
            context["klarinfo_staff_leaflets"] = STAFF_FOLDER
        return context

    def _embed_page(self, page: Any, alternates: list[Alternate], site_url: str,
                    fallback: bool = False) -> embed.EmbedPage:
        edition = self.context.edition
        original = next((a.url for a in alternates if a.edition.default), None)
        texts = self.context.theme_texts.get(edition.id, {})
        meta = page.meta
        return embed.EmbedPage(
            url=page.url, edition=edition.id, lang=edition.lang, dir=edition.dir,
            title=unescape(page.title or ""), content=page.content or "",
            reviewed=str(meta["reviewed"]) if meta.get("reviewed") else None,
            summary=unescape(str(meta.get("description") or ""))
            or embed.summary_of(page.content or ""),
            # embed views stand alone on a partner's page: no footer or glossary of ours
            # leads there from a violence page, so only the violence page's own view
            quick_exit=bool(meta.get("quick_exit")) and not meta.get("klarinfo_exit_linked"),
            notices=embed.notices(
                texts, urljoin(site_url, original) if original is not None else None,
                draft=meta.get("translation_status") == "draft",
                outdated=bool(meta.get("klarinfo_outdated")), fallback=fallback),
            alternates=tuple((a.edition.id, a.edition.lang, a.url) for a in alternates
                             if a.translated and a.edition != edition),
            fallback=fallback,
            translation_status=("outdated" if meta.get("klarinfo_outdated") else
                                str(meta.get("translation_status") or "original")),
            generated=meta.get("klarinfo_generated") == "glossary",
        )

    def _feed_title(self, config: Any) -> str:
        """The title of this edition's feed, the same in the feed and its discovery link."""
        return f"{self.config.provider_name or config.site_name} ({self.context.edition.id})"

    @event_priority(-90)  # each edition's build, before i18n (-100) starts the next one
    def on_post_build(self, *, config: Any) -> None:
        """This edition's embed views, oEmbed and feed, written as soon as it is built: the
        pages' HTML is not kept for all five editions at once (peak memory, issue #18)."""
        name = self.config.provider_name or config.site_name  # feeds: see _feed_title
        built = {e.edition for e in self.embeds}
        embed.write(Path(config.site_dir), self.embeds, config.site_url or "", name,
                    self.context.theme_texts,
                    str(config.extra.get("quick_exit_url") or "https://www.smhi.se/"),
                    [(e.id, e.lang, e.url_prefix) for e in self.context.editions
                     if e.id in built], sri=self.sri)
        self.embeds = []
