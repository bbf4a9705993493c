"""Thin MkDocs glue: make sure Chinese search segmentation is really on.

Material's search plugin segments Chinese with jieba only if jieba imports,
and silently skips it otherwise; this plugin fails the build instead, and
feeds the glossary (written by the generator beside the edition's docs
folder as ``<edition>.jieba.txt``) to jieba as a user dictionary so that
terms such as 新质生产力 are indexed as whole words. After the build it adds
Baozhai's fields and query layer to the search (:mod:`generator.search_index`).
"""
from __future__ import annotations

from pathlib import Path

import json

from mkdocs.config import base
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .search_index import rewrite_site


class BaozhaiConfig(base.Config):
    pass


class BaozhaiPlugin(BasePlugin[BaozhaiConfig]):
    def on_config(self, config):
        try:
            import jieba
        except ImportError:  # pragma: no cover - exercised by a test that hides jieba
            raise PluginError("jieba is not installed: Chinese search would not be segmented") from None
        jieba.setLogLevel(60)
        user_dict = user_dict_path(Path(config["docs_dir"]))
        if user_dict.exists():
            jieba.load_userdict(str(user_dict))
        return config


    @event_priority(-50)  # after Material's search writes its index, before offline inlines it
    def on_post_build(self, *, config):
        options_file = search_options_path(Path(config["docs_dir"]))
        options = json.loads(options_file.read_text(encoding="utf-8")) if options_file.exists() else {}
        site_dir = Path(config["site_dir"])
        if "twin" in options:
            options["twin"] = str((site_dir / options["twin"]).resolve())
        rewrite_site(site_dir, options)


def user_dict_path(docs_dir: Path) -> Path:
    return docs_dir.with_name(docs_dir.name + ".jieba.txt")


def search_options_path(docs_dir: Path) -> Path:
    """Written by the generator beside the edition's docs: twin index, pinyin."""
    return docs_dir.with_name(docs_dir.name + ".search.json")
