"""Link records: the features of an article, related articles and continuation jumps."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.article import Article, Continuation
from generator.model.glossary import Term
from generator.model.repairs import PageResult


@dataclass(frozen=True)
class Feature:
    """A glossary term (``term`` set) or a jieba keyword that an article uses."""

    key: str  # "t:新质生产力" | "k:总书记"
    label: str
    term: Term | None = None


@dataclass(frozen=True)
class Weighted:
    feature: Feature
    weight: float


@dataclass(frozen=True)
class Related:
    article: Article
    score: float  # cosine similarity, 0…1
    reasons: tuple[Feature, ...]  # shared features, strongest first


@dataclass(frozen=True)
class Jump:
    """A continuation marker and the article it leads to (None: page not in the digest)."""

    continuation: Continuation
    target: Article | None


@dataclass
class Links:
    features: dict[str, list[Weighted]] = field(default_factory=dict)  # by slug, strongest first
    related: dict[str, list[Related]] = field(default_factory=dict)
    jumps: dict[str, list[Jump]] = field(default_factory=dict)
    placed: dict[str, PageResult] = field(default_factory=dict)  # the page each article is on
    mid_sentence: set[str] = field(default_factory=set)  # articles whose text here begins mid-sentence

    def key_terms(self, article: Article, limit: int = 6) -> list[Term]:
        """The article's glossary terms, strongest (rarest, most used) first."""
        terms = [w.feature.term for w in self.features.get(article.slug, []) if w.feature.term]
        return terms[:limit]
