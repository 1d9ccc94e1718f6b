"""klarinfo/publishing: pages readers must not get are left out, the site is built in a
staging folder and swapped in only when the whole build succeeded, and a build with
warnings does not publish."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.utils import get_relative_url

from klarinfo.adapter import pages
from klarinfo.adapter.base import CapabilityPlugin, log
from klarinfo.adapter.links import MkDocsLinks
from klarinfo.adapter.preview import LivePreview
from klarinfo.base import page_checks
from klarinfo.base.errors import Finding, shown_path
from klarinfo.findings import Collector, preview, sarif, tag
from klarinfo.publishing import material_bundle, published_files, staging
from klarinfo.publishing.log_watch import LogWatch
from klarinfo.publishing.navigation import NavigationOnce

from .config import PublishingConfig


class PublishingPlugin(CapabilityPlugin[PublishingConfig]):
    site_dir: Path | None = None
    served_site: Path | None = None  # make site: the folder mkdocs serve serves
    staging: Path | None = None
    log_watch: LogWatch | None = None
    collector: Collector | None = None
    failed = False
    preview_processes: LivePreview | None = None
    parallel_gathered = ("log_watch", "collector")

    @event_priority(-109)  # first of ours: every warning from here on is counted
    def on_config(self, config: Any) -> Any:
        if self.begin(config):
            self._stop_watching()
            self.failed = False
            self.site_dir = self.staging = None
            self.source_checks: dict[str, tuple[bool, list[Finding]]] = {}  # path → result
            self.log_watch = LogWatch(Path(config.docs_dir), self.context.root)
            self.log_watch.start(config.strict or not self.config.allow_warnings)
            self.collector = Collector(lambda: tuple(e.id for e in self.context.editions))
            self.context.findings = self.collector
            log.logger.addHandler(self.collector)
            self.page_urls: dict[str, str] = {}  # a page's shown path → its URL (serve)
            if self.command == "build":
                self.site_dir = Path(config.site_dir)
                self.staging = staging.staging_dir(self.site_dir)
                config.site_dir = str(self.staging)
        return config

    @event_priority(-50)  # before i18n (-100) picks each page or its Swedish fallback
    def on_files(self, files: Any, *, config: Any) -> Any:
        """Leave out what readers must not get, before i18n sees the files: files of docs/
        that are not data (published_files), translations with no text yet (make
        new-translation's scaffold) and pages not in UTF-8, for which i18n then serves the
        Swedish page under the missing-translation notice. Every build drops them (each
        lists all of docs/); a page is reported by its own edition's build, a file by the first.
        """
        if self.command == "serve" and self.config.live_preview and not self.context.inner_build:
            self.preview_processes = self.preview_processes or LivePreview()
            self.preview_processes.begin(config, self.context)  # before any page is read
        for file, finding in published_files.refused(files, config.docs_dir, self.context.root):
            files.remove(file)  # not copied, even where warnings are allowed (a preview)
            if not self.context.inner_build:
                log.warning(str(finding), **tag("source"))
        ids = {e.id for e in self.context.editions}
        for file in list(files.documentation_pages()):
            parts = Path(file.src_uri).parts
            if file.generated_by or file.abs_src_path is None or parts[0] not in ids:
                continue
            if file.abs_src_path not in self.source_checks:  # once per file and build
                self.source_checks[file.abs_src_path] = page_checks.source(
                    Path(file.abs_src_path), shown_path(Path(file.abs_src_path), self.context.root),
                    parts[0], self.context.default.id, Path(*parts[1:]).as_posix())
            drop, problems = self.source_checks[file.abs_src_path]
            if drop:
                files.remove(file)
            for finding in problems if parts[0] == self.context.edition.id else ():
                log.warning(str(finding), **tag("source"))
        return files

    def _navigation_once(self, env: Any, *, config: Any, files: Any) -> Any:
        """Our partials/nav.html asks this for the top-level navigation entries."""
        once = NavigationOnce(MkDocsLinks(), enabled=self.config.render_nav_once)
        env.globals["klarinfo_nav_items"] = once.template_global()
        return env

    @event_priority(-200)  # last: every page read, every plugin's env ready
    def _fork_preview(self, env: Any, *, config: Any, files: Any) -> Any:
        if self.command == "serve" and self.preview_processes and self.config.live_preview:
            self.preview_processes.fork(self.context.edition.id, config, files, env)
        return env

    on_env = CombinedEvent(_navigation_once, _fork_preview)

    @event_priority(-200)
    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        if self.preview_processes is not None:
            self.preview_processes.nav = nav
        return nav

    def preview_prepare(self, file: Any) -> str | None:
        """In a preview process: the page's old findings go before it is re-rendered."""
        if self.collector is not None and file.abs_src_path:
            self.collector.forget(shown_path(Path(file.abs_src_path), self.context.root))
        return None

    def preview_report(self, files: list[Any]) -> dict[str, list[Any]]:
        """In a preview process: the findings of the pages it just re-rendered."""
        shown = [shown_path(Path(f.abs_src_path), self.context.root)
                 for f in files if f.abs_src_path]
        return {path: self.collector.for_page(path) for path in shown} if self.collector else {}

    def preview_merge(self, reports: list[dict[str, list[Any]]]) -> None:
        """In the serving process: the findings of the pages a preview re-rendered
        (``preview_report``) replace theirs on /_findings/, written anew if they changed."""
        if self.collector is not None and self.served_site is not None and (
                preview.replace(self.collector, reports) or not reports):
            preview.write_index(self.served_site, self.collector.items, self.page_urls,
                                self.context.default, self.context.translator)

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        server = super().on_serve(server, config=config, builder=builder)
        if self.preview_processes is not None:
            self.preview_processes.serve(server, builder)
        return server

    @event_priority(5)  # after safety's HTML net (10), before glossary popovers (0)
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        """`make site` only: the page's findings in a panel, their text highlighted."""
        context = self.context
        if self.command != "serve" or page.file.generated_by or not pages.is_own(page, context):
            return html
        shown = pages.shown(page, context)
        self.page_urls[shown] = page.url
        return preview.page(html, self.collector.for_page(shown),
                            context.translator(context.edition),
                            get_relative_url(f"{preview.FOLDER}/", page.url))

    @event_priority(-120)  # the outer build, after everything else has written its files
    def on_post_build(self, *, config: Any) -> None:
        if self.context.inner_build:
            return
        if self.command == "serve":  # the preview's index of every finding (never published)
            self.served_site = Path(config.site_dir)
            self.preview_merge([])
        else:
            self.context.beside_site["reports/findings.sarif"] = sarif.dumps(self.collector.items)
        try:
            if not material_bundle.patch_site(Path(config.site_dir)):
                raise PluginError("Material's JavaScript bundle was not found in the built site")
        except material_bundle.BundleChanged as exc:
            raise PluginError(str(exc)) from None
        self._refuse_warnings(config)

    def _refuse_warnings(self, config: Any) -> None:
        """`mkdocs build` without --strict must not publish a site with findings either:
        fail before the staging folder is swapped in, so the last good site stays.
        `mkdocs serve` (make site) only shows them; allow_warnings: true publishes anyway."""
        watch = self.log_watch
        if (self.command != "build" or config.strict or self.config.allow_warnings
                or watch is None or not watch.warnings):
            return
        raise PluginError(
            f"{watch.warnings} warning(s) above: the site was not published "
            f"({self.site_dir} still holds the last good site) — fix them (make site shows "
            "them while you edit), or set KLARINFO_ALLOW_WARNINGS=true to publish anyway")

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True

    def on_shutdown(self) -> None:
        if self.staging is not None and self.site_dir is not None:
            if self.failed or not self.staging.exists():
                staging.discard(self.staging)
                log.error(f"build failed; {self.site_dir} still holds the last good site")
            else:
                staging.promote(self.staging, self.site_dir)
                self._write_beside_site(self.site_dir.parent)
        self.staging = None
        self._stop_watching()
        if self.preview_processes is not None:
            self.preview_processes.stop()

    def _write_beside_site(self, folder: Path) -> None:
        """Server config and internal reports go next to the site folder, never into it:
        everything in the site folder is published."""
        for name, text in (self.context.beside_site if self.context else {}).items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def _stop_watching(self) -> None:
        if self.collector is not None:
            log.logger.removeHandler(self.collector)
            self.collector = None
        if self.log_watch is not None:
            self.log_watch.stop()
            self.log_watch = None
