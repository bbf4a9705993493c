"""Thin MkDocs glue: make sure Chinese search segmentation is really on.

Material's search plugin segments Chinese with jieba only if jieba imports,
and silently skips it otherwise; this plugin fails the build instead, and
feeds the glossary (written by the generator beside the edition's docs
folder as ``<edition>.jieba.txt``) to jieba as a user dictionary so that
terms such as 新质生产力 are indexed as whole words.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin


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


def user_dict_path(docs_dir: Path) -> Path:
    return docs_dir.with_name(docs_dir.name + ".jieba.txt")
