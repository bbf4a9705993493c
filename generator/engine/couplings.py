"""Each use of a MkDocs, Material or Python-Markdown internal, and the versions it was
checked against (the package docstring says the same in prose; a test compares them
with what is installed and names every coupling whose package moved)."""
from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass

# the versions every coupling below was read against and tested with
CHECKED = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.2", "Markdown": "3.11.3", "pagefind": "1.5.2",
           "pagefind-bin": "1.5.2"}


@dataclass(frozen=True)
class Coupling:
    name: str  # as the package docstring lists it
    internal: str  # what of theirs it relies on
    packages: tuple[str, ...]  # whose version decides whether it still holds


MKDOCS, MATERIAL, MARKDOWN = ("mkdocs",), ("mkdocs-material",), ("Markdown",)
PAGEFIND = ("pagefind", "pagefind-bin")
COUPLINGS = (
    Coupling("plugin events", "on_config, on_page_content, on_post_page, on_post_build, event_priority; "
             "page.markdown and page.content dropped once used", MKDOCS),
    Coupling("plugin options", "mkdocs.config.base.Config, config_options Type/Choice/ListOfItems, a "
             "plugin's own `enabled` option", MKDOCS),
    Coupling("config loading", "mkdocs.config.load_config, mkdocs.utils.yaml.yaml_load (!ENV, INHERIT), "
             "the 'mkdocs' logger's \"Config value '…'\" and \"Plugin '…' option '…'\" messages", MKDOCS),
    Coupling("build", "mkdocs.commands.build.build in-process; strict warnings counted by the logger", MKDOCS),
    Coupling("theme folder", "Theme.dirs (Baozhai's templates inserted after custom_dir), "
             "Theme.static_templates", MKDOCS),
    Coupling("jieba switch", "material.plugins.search.plugin.jieba set to None", MATERIAL),
    Coupling("offline", "Material's offline plugin (writes search/search_index.js) and extra.polyfills "
             "(the vendored iframe-worker shim)", MATERIAL),
    Coupling("search index", "search/search_index.json: docs of location/title/text, Lunr config.fields",
             MATERIAL),
    Coupling("search worker", "assets/javascripts/workers/search.*.min.js and its message protocol "
             "(SETUP 0 with the index, QUERY 2, RESULT 3 and the result items' location/title/text/score/"
             "terms that its renderer reads; engine/worker.js); the page script posting SETUP as {config, docs, options} "
             "of the index it fetched (the hosted stub's config.pagefind); Lunr files under assets/javascripts/lunr",
             MATERIAL),
    Coupling("theme templates", "base.html blocks extrahead, config (#__config JSON, features), scripts; "
             "404.html block content; partials/alternate.html, partials/languages/zh.html, partials/language.html "
             "(replaced: its import of partials/languages/<language>.html and en.html), .icons/", MATERIAL),
    Coupling("page script", "#__config base, the header kept by instant navigation, document$, "
             ".md-search (engine/theme/assets/javascripts/baozhai-material.js)", MATERIAL),
    Coupling("output files", "404.html, sitemap.xml(.gz), search/search_index.json and .js "
             "(options.HOSTED_ONLY, OFFLINE_ONLY)", MKDOCS + MATERIAL),
    Coupling("page cache", "mkdocs.commands.build.build's steps in order, its _populate_page, _build_page, "
             "_build_theme_template, _build_extra_template; Material's SearchIndex.entries (a page's entries "
             "appended in on_page_context); nav-item.html and tabs-item.html reading meta icon, subtitle, "
             "status", MKDOCS + MATERIAL),
    Coupling("pagefind", "the pagefind command (python -m pagefind --site --output-path) over pages with data-pagefind-body, data-pagefind-meta, "
             "<html lang>, and its writing on leaving the context; the files "
             "written (pagefind-entry.json, pagefind.js, *.pf_meta, *.pf_index, *.pf_fragment: gzip, a record "
             "'pagefind_dcd' then JSON); pagefind.js options/init/search, results' score and data().meta, a "
             "quoted query as an exact phrase, no query segmentation for language und (engine/pagefind.py, "
             "worker.js)", PAGEFIND),
    Coupling("raw blocks", "a Preprocessor between normalize_whitespace (30) and html_block (20) "
             "storing blocks in md.htmlStash", MARKDOWN),
)


def installed(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def mismatches() -> list[str]:
    """One line per coupling whose packages are not installed at the checked versions."""
    moved = {p: installed(p) for p, version in CHECKED.items() if installed(p) != version}
    return [f"coupling “{c.name}” ({c.internal}) was checked against "
            + ", ".join(f"{p} {CHECKED[p]}, installed {moved[p] or 'none'}" for p in c.packages if p in moved)
            for c in COUPLINGS if any(p in moved for p in c.packages)]
