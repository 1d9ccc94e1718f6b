"""What every edition's build would redo identically: compiling the theme's templates and
listing the theme's files.

mkdocs-static-i18n runs MkDocs' whole build once per edition, and each run asks the theme
for a new Jinja environment (`Theme.get_env`). Jinja then parses and compiles every
template again (about 0.9 s of a 4 s build of the real site: five times the same work),
and MkDocs lists the theme folders' 14 000 files again to find the static ones (0.4 s).
Stock MkDocs pays both per edition too.

Both answers depend only on what we key them by, so reusing them cannot change a page:
- compiled templates through Jinja's own bytecode cache, kept in memory for the process
  (also across `make site` rebuilds). Jinja checks each entry against the template's
  source checksum, and we add the environment's filters and tests (which ones exist,
  and how they take their arguments: that is what the compiled code depends on), so a
  changed template or a differently equipped environment compiles afresh;
- the theme listing for one outer build (one `Theme` object), keyed by the search path
  (each folder once) and the filter MkDocs passes, with the objects it closes over (the
  same config).

``reuse_across_editions: false`` switches both off; a test compares the two sites.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import jinja2


def _shape(environment: jinja2.Environment) -> str:
    """What compiled template code depends on besides its source."""
    parts = [repr((environment.block_start_string, environment.variable_start_string,
                   environment.comment_start_string, environment.line_statement_prefix,
                   environment.line_comment_prefix, environment.trim_blocks,
                   environment.lstrip_blocks, environment.newline_sequence,
                   environment.keep_trailing_newline, environment.optimized,
                   environment.is_async, environment.finalize is not None,
                   sorted(environment.extensions)))]
    for table in (environment.filters, environment.tests):
        parts.append(repr(sorted((name, str(getattr(function, "jinja_pass_arg", "")))
                                 for name, function in table.items())))
    return hashlib.sha1("\n".join(parts).encode(), usedforsecurity=False).hexdigest()


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode cache in memory, keyed also by the environment's shape."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def get_bucket(self, environment: jinja2.Environment, name: str,
                   filename: str | None, source: str) -> jinja2.bccache.Bucket:
        key = self.get_cache_key(name, filename) + _shape(environment)
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # resets itself if the checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def _listing_key(environment: jinja2.Environment, extensions: Any,
                 filter_func: Callable[[str], bool] | None) -> tuple[Any, ...] | None:
    searchpath = getattr(environment.loader, "searchpath", None)
    if searchpath is None:
        return None
    # i18n inserts its sitemap folder again for each edition; a folder listed twice adds
    # no name to the listing (Jinja collects the names into a set)
    searchpath = tuple(dict.fromkeys(searchpath))
    if filter_func is None:
        return (searchpath, repr(extensions))
    code = getattr(filter_func, "__code__", None)
    if code is None:
        return None  # a callable we cannot see into: list afresh
    cells = tuple(id(cell.cell_contents) for cell in filter_func.__closure__ or ())
    return (searchpath, repr(extensions), code, cells)


def reuse_across_editions(theme: Any) -> None:
    """Make ``theme.get_env`` hand out environments that share the two answers above."""
    if getattr(theme, "_klarinfo_reuse", False):
        return
    original = theme.get_env
    listings: dict[tuple[Any, ...], list[str]] = {}

    def get_env() -> jinja2.Environment:
        environment = original()
        environment.bytecode_cache = COMPILED
        plain = environment.list_templates

        def list_templates(extensions: Any = None,
                           filter_func: Callable[[str], bool] | None = None) -> list[str]:
            key = _listing_key(environment, extensions, filter_func)
            if key is None:
                return plain(extensions=extensions, filter_func=filter_func)
            if key not in listings:
                listings[key] = plain(extensions=extensions, filter_func=filter_func)
            return list(listings[key])

        environment.list_templates = list_templates  # type: ignore[method-assign]
        return environment

    theme.get_env = get_env
    theme._klarinfo_reuse = True
