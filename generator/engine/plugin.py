"""The ``baozhai`` MkDocs plugin: what Baozhai adds to a MkDocs + Material build.

* Theme: Baozhai's templates (:data:`THEME`: Open Graph tags, the edition switch, the
  404 page, robots.txt, the file:// script) go after the project's ``custom_dir`` and
  before Material's.
* Preservation: the output half of the preservation check (generator.ingest.preserve)
  runs on the HTML MkDocs renders for each article of the Simplified edition, so a
  source character that the Markdown lost fails the build, naming its line.
* Search: Baozhai indexes Chinese by itself (:mod:`generator.search`: every Han
  character of the Simplified text as a token, a query layer in the browser), so
  Material's own jieba segmentation of the index is switched off (it would add a
  quarter to the build time and zero-width spaces to the index); after the build
  Baozhai's fields and query layer are added to Material's search. jieba must still
  be installed: the generator needs it (glossary readings, keywords).

What ran is kept in :attr:`BaozhaiPlugin.report`, which ``baozhai build`` checks
(generator.engine.build): a check that did not run fails the build.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from generator.engine.config import BaozhaiConfig
from generator.engine.search import exclude_furniture, rewrite_site
from generator.errors import BuildError
from generator.ingest.preserve import Shown, check_html

THEME = Path(__file__).parent / "theme"
STATIC_TEMPLATES = ("robots.txt",)  # rendered as templates (lists every edition's sitemap)


@dataclass
class Report:
    """What the plugin did in one build."""

    preserved: int = 0  # articles whose HTML passed the preservation check
    search: bool = False  # Baozhai's fields and query layer are in the search
    rendered: int = 0  # pages MkDocs rendered (with the page cache: generator.engine.pages)
    cached: int = 0  # pages written from the page cache


class BaozhaiPlugin(BasePlugin[BaozhaiConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.shown: dict[str, dict] = {}  # article Markdown path → its Shown, as JSON
        self.report = Report()

    @property
    def active(self) -> bool:
        return bool(self.config.get("enabled", True))

    def on_config(self, config):
        if not self.active:
            return config
        try:
            import jieba  # noqa: F401  (the generator needs it; see module doc)
        except ImportError:
            raise PluginError("jieba is not installed: Baozhai needs it for readings and keywords") from None
        from material.plugins.search import plugin as material_search

        material_search.jieba = None  # Baozhai's character index replaces Material's word segmentation
        self.report = Report()
        shown = shown_path(Path(config["docs_dir"]))
        self.shown = json.loads(shown.read_text(encoding="utf-8")) if shown.exists() else {}
        theme = config.get("theme")
        if theme is not None:  # after the project's custom_dir, before Material
            theme.dirs.insert(1 if theme.custom_dir else 0, str(THEME))
            theme.static_templates.update(STATIC_TEMPLATES)
        return config

    def on_page_content(self, html, *, page, config, files):
        data = self.shown.get(page.file.src_uri) if self.active else None
        if data is not None:
            losses = check_html(Shown.from_json(data), html)
            if losses:
                raise BuildError("preservation check failed: " + "; ".join(map(str, losses[:5])))
            self.report.preserved += 1
        # MkDocs renders every page before it writes any and keeps them all to the end:
        # the Markdown is not needed again once rendered (a large digest's worth of it)
        page.markdown = None
        return exclude_furniture(html)  # before Material's search reads the page (on_page_context)

    def on_post_page(self, output, *, page, config):
        page.content = None  # written: its HTML is not needed again either (see on_page_content)
        return output

    @event_priority(-50)  # after Material's search writes its index, before offline inlines it
    def on_post_build(self, *, config):
        if not self.active:
            return
        options_file = search_options_path(Path(config["docs_dir"]))
        if not options_file.exists():
            raise PluginError(f"{options_file} not found: the search options `baozhai build` writes beside "
                              "the docs folder")
        options = json.loads(options_file.read_text(encoding="utf-8"))
        self.report.search = rewrite_site(Path(config["site_dir"]), options)


def shown_path(docs_dir: Path) -> Path:
    """Written by the generator beside the Simplified docs: what each article must show."""
    return docs_dir.with_name(docs_dir.name + ".shown.json")


def search_options_path(docs_dir: Path) -> Path:
    """Written by the generator beside the edition's docs (see editions.search_options)."""
    return docs_dir.with_name(docs_dir.name + ".search.json")
