"""MkDocs' build with a page cache: a page whose output cannot differ from one already
built is not rendered again; its HTML and its search entries come from the cache.

This is ``mkdocs.commands.build.build`` (MkDocs 1.6.1) step for step, with one
change: after the navigation is made, each Markdown page gets a key — the hash of

* ``base``: the edition's configuration (mkdocs.yml as loaded, the edition's
  overrides, the theme overrides) and the build version (code, installed packages);
* the navigation as every page shows it: each entry's title, address and the
  metadata the templates show of it (the pages in it are always rendered, so
  their titles are their own);
* the page's own address, its Markdown, what the baozhai plugin checks in its HTML,
  and whether each page it links to exists (MkDocs rewrites only links to pages
  that exist).

A page whose key is in the cache is written from it: its HTML as it was written,
its entries of Material's search index put back at its place in the index (so
the index is the same list in the same order), and the preservation checks its
HTML passed counted again. Every other page is read, rendered and written as
MkDocs does, and its result filed under its key; outside the navigation, each is
read and rendered just before it is written (MkDocs renders every page before it
writes any, so a worker held the whole edition's HTML; see :func:`one_by_one`).
Nothing else of a page reaches
another page's HTML (Material's templates read only the navigation, the config
and the page itself; tests/test_incremental.py compares a full build with an
incremental one byte for byte), so the site is the same as a full build's.

``only`` (shard builds): render only the pages it selects among those the cache
lacks; the others are neither rendered nor written (see generator.commands.build).
"""
from __future__ import annotations

import json
import logging
import posixpath
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Link, Navigation, Section, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, clean_directory, write_file

from generator.cache import Cache, key
from generator.engine.config import PLUGIN
from generator.engine.plugin import BaozhaiPlugin
from generator.errors import BuildError as Refused

KIND = "html"  # the cache's folder of rendered pages
log = logging.getLogger("mkdocs.commands.build")


@dataclass(frozen=True)
class Rendered:
    """What rendering one page gave: its file, its search entries, its checks passed."""

    html: bytes
    search: list[dict]
    preserved: int


@dataclass
class Counts:
    rendered: int = 0  # pages read, rendered and written by MkDocs (navigation pages included)
    cached: int = 0  # pages written from the cache
    skipped: int = 0  # pages left to other shards (``only``)
    seconds: dict[str, float] = field(default_factory=dict)


def build(config: MkDocsConfig, cache: Cache, base: str, only: Callable[[str], bool] | None = None) -> Counts:
    """Build ``config``'s site, rendering only the pages ``cache`` lacks (see module doc)."""
    counts = Counts()
    warnings = CountHandler()
    warnings.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    if config.strict:
        logger.addHandler(warnings)
    inclusion = InclusionLevel.is_included
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        doc_files = files.documentation_pages(inclusion=inclusion)
        for file in doc_files:
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
        in_nav = {id(page.file) for page in nav.pages}
        plugin = config.plugins[PLUGIN]
        if not isinstance(plugin, BaozhaiPlugin):  # its checks are counted per page
            raise Refused(f"the {PLUGIN} plugin in mkdocs.yml is not Baozhai's ({type(plugin).__module__})")
        index = _search_index(config)
        preserved: dict[str, int] = {}  # src_uri → checks its HTML passed (rendered pages)

        def populate(file: File) -> None:
            assert file.page is not None
            before = plugin.report.preserved
            _populate_page(file.page, config, files)
            preserved[file.src_uri] = plugin.report.preserved - before

        begin = time.perf_counter()
        for file in doc_files:
            if id(file) in in_nav:  # their titles are in every page's navigation
                populate(file)
        shown = _navigation(nav)
        paths = {f.src_uri for f in files}
        keys: dict[str, str] = {}
        found: set[str] = set()  # read when written, one at a time (memory)
        later: set[str] = set()  # rendered when written, one at a time (memory: see one_by_one)
        by_one = one_by_one(config)
        for file in doc_files:
            if id(file) in in_nav:
                continue
            keys[file.src_uri] = page_key(base, shown, file, plugin.shown.get(file.src_uri), paths)
            if cache.has(KIND, (keys[file.src_uri],)):
                found.add(file.src_uri)
            elif only is None or only(file.src_uri):
                if by_one:
                    later.add(file.src_uri)
                else:
                    populate(file)
        counts.seconds["read and render"] = time.perf_counter() - begin

        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(inclusion=inclusion)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)

        begin = time.perf_counter()
        built: list[File] = []
        for file in doc_files:
            page = file.page
            assert page is not None
            cached = cache.peek(KIND, (keys[file.src_uri],)) if file.src_uri in found else None
            if file.src_uri in later or (file.src_uri in found and not isinstance(cached, Rendered)):
                populate(file)  # not rendered yet, or its cache entry unreadable after all
            if isinstance(cached, Rendered):
                write_file(cached.html, file.abs_dest_path)  # as MkDocs writes a page
                if index is not None:
                    index.entries.extend(cached.search)
                plugin.report.preserved += cached.preserved
                counts.cached += 1
                continue
            if file.src_uri not in preserved:  # another shard's page (``only``)
                counts.skipped += 1
                continue
            start = len(index.entries) if index is not None else 0
            _build_page(page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
            built.append(file)
            counts.rendered += 1
            if file.src_uri in keys:
                output = Path(file.abs_dest_path)
                cache.put(KIND, (keys[file.src_uri],),
                          Rendered(output.read_bytes() if output.exists() else b"",
                                   index.entries[start:] if index is not None else [], preserved[file.src_uri]))
        counts.seconds["write"] = time.perf_counter() - begin

        log_level = config.validation.links.anchors
        for file in built:
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=log_level)
        config.plugins.on_post_build(config=config)
        if found_warnings := warnings.get_counts():
            raise Abort("Aborted with " + ", ".join(f"{v} {k.lower()}s" for k, v in found_warnings)
                        + " in strict mode!")
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            log.error(str(error))
            raise Abort("Aborted with a BuildError!") from None
        raise
    finally:
        logger.removeHandler(warnings)
    return counts


# plugins whose events read no other page than the one they are given (and the navigation's):
# with only these, a page can be rendered just before it is written (see one_by_one)
PAGE_BY_PAGE = frozenset({PLUGIN, "search", "material/search", "material/offline"})


def one_by_one(config: MkDocsConfig) -> bool:
    """Whether each page outside the navigation can be read and rendered just before it is
    written, instead of every page before any is written as MkDocs does: then a worker holds
    one page's HTML at a time, not the edition's (at 10,000 articles hundreds of MB). Only
    when every plugin is one of :data:`PAGE_BY_PAGE`: a plugin such as Material's tags or
    blog collects every page before ``on_env`` and renders pages from what it collected."""
    return set(config.plugins) <= PAGE_BY_PAGE


_LINK = re.compile(r"""\]\(\s*<?([^)\s>#]+\.md)|href=["']([^"'#]+\.md)""")


def page_key(base: str, navigation: str, file: File, shown: Any, paths: set[str]) -> str:
    """The key of one page's output (see module doc)."""
    source = Path(file.abs_src_path).read_bytes() if file.abs_src_path else b""
    folder = posixpath.dirname(file.src_uri)
    targets = sorted({a or b for a, b in _LINK.findall(source.decode("utf-8", "replace"))})
    exists = [f"{t}={posixpath.normpath(posixpath.join(folder, t)) in paths}" for t in targets]
    return key(base, navigation, file.src_uri, file.dest_uri, file.url, source,
               json.dumps(shown, sort_keys=True, ensure_ascii=False), "\n".join(exists))


# what Material's templates read of a navigation page's metadata (partials/nav-item.html,
# tabs-item.html): a page's description, e.g., is in its own HTML only
NAV_META = ("icon", "subtitle", "status")


def _navigation(nav: Navigation) -> str:
    """The navigation as the templates see it: titles, addresses, nesting, what of its
    pages' metadata they show (:data:`NAV_META`)."""
    def walk(items: list) -> list:
        out: list = []
        for item in items:
            if isinstance(item, Section):
                out.append(["section", item.title, walk(item.children)])
            elif isinstance(item, Link):
                out.append(["link", item.title, item.url])
            else:
                shown = {k: v for k, v in (item.meta or {}).items() if k in NAV_META}
                out.append(["page", item.title, item.url, item.file.src_uri, bool(item.meta), shown])
        return out
    return json.dumps(walk(nav.items), sort_keys=True, ensure_ascii=False, default=str)


def _search_index(config: MkDocsConfig):
    """Material's search index of this build (its entries are filed with each page)."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            return index
    return None

