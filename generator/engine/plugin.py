"""Thin MkDocs glue for Baozhai's search.

Baozhai indexes Chinese by itself (:mod:`generator.search.index`: every Han
character of the Simplified text as a token, a query layer in the browser),
so Material's own jieba segmentation of the index is not needed: it would add
a quarter to the build time and zero-width spaces to the index. This plugin
switches it off for the build, and fails the build if jieba is missing,
because the generator itself needs it (glossary readings, keywords).
After the build it adds Baozhai's fields and query layer to the search.

It also runs the output half of the preservation check (generator.ingest.preserve)
on the HTML MkDocs renders for each article of the Simplified edition, so a
source character that the Markdown lost fails the build, naming its line.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config import base
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from generator.engine.search import rewrite_site
from generator.errors import BuildError
from generator.ingest.preserve import Shown, check_html


class BaozhaiConfig(base.Config):
    pass


class BaozhaiPlugin(BasePlugin[BaozhaiConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.shown: dict[str, dict] = {}  # article Markdown path → its Shown, as JSON

    def on_config(self, config):
        try:
            import jieba  # noqa: F401  (the generator needs it; see module doc)
        except ImportError:
            raise PluginError("jieba is not installed: Baozhai needs it for readings and keywords") from None
        from material.plugins.search import plugin as material_search

        material_search.jieba = None  # Baozhai's character index replaces Material's word segmentation
        shown = shown_path(Path(config["docs_dir"]))
        self.shown = json.loads(shown.read_text(encoding="utf-8")) if shown.exists() else {}
        return config

    def on_page_content(self, html, *, page, config, files):
        data = self.shown.get(page.file.src_uri)
        if data is not None:
            losses = check_html(Shown.from_json(data), html)
            if losses:
                raise BuildError("preservation check failed: " + "; ".join(map(str, losses[:5])))
        # MkDocs renders every page before it writes any and keeps them all to the end:
        # the Markdown is not needed again once rendered (a large digest's worth of it)
        page.markdown = None
        return html

    def on_post_page(self, output, *, page, config):
        page.content = None  # written: its HTML is not needed again either (see on_page_content)
        return output

    @event_priority(-50)  # after Material's search writes its index, before offline inlines it
    def on_post_build(self, *, config):
        options_file = search_options_path(Path(config["docs_dir"]))
        options = json.loads(options_file.read_text(encoding="utf-8")) if options_file.exists() else {}
        rewrite_site(Path(config["site_dir"]), options)


def shown_path(docs_dir: Path) -> Path:
    """Written by the generator beside the Simplified docs: what each article must show."""
    return docs_dir.with_name(docs_dir.name + ".shown.json")


def search_options_path(docs_dir: Path) -> Path:
    """Written by the generator beside the edition's docs (see editions.search_options)."""
    return docs_dir.with_name(docs_dir.name + ".search.json")
