"""The digest: every page after every stage, with the glossary, annotations and links."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.annotations import Annotations
from generator.model.article import Article
from generator.model.glossary import Glossary
from generator.model.links import Links
from generator.model.repairs import PageResult
from generator.model.words import ArticleWords


@dataclass
class Digest:
    content: Path
    pages: list[PageResult] = field(default_factory=list)
    glossary: Glossary = field(default_factory=lambda: Glossary(()))
    annotations: Annotations = field(default_factory=Annotations)
    links: Links = field(default_factory=Links)
    words: Mapping[str, ArticleWords] = field(default_factory=dict)  # by article slug (see Words)
    # by article slug: the hash of what its words were computed from (annotate.words.word_keys)
    word_keys: dict[str, str] = field(default_factory=dict)
    dictionary: bool = True  # whether the dictionary layer was built (the plugin's ``words`` option)

    @property
    def articles(self) -> list[Article]:
        return [a for result in self.pages for a in result.page.articles]
