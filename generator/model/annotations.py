"""Annotation records: where glossary terms occur, and the key numbers of an article."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.article import Article
from generator.model.glossary import Term

_SENTENCE_END = "。！？"


@dataclass(frozen=True)
class KeyNumber:
    value: str  # e.g. "6370亿元"
    sentence: str
    anchor: str  # paragraph anchor


@dataclass(frozen=True)
class Occurrence:
    term: Term
    form: str  # the text matched: the term itself or an alias
    article: Article
    anchor: str  # paragraph anchor
    start: int  # offset in the paragraph text
    end: int

    @property
    def context(self) -> tuple[str, str, str]:
        """(before, match, after) within the sentence holding the match."""
        text = self.article_text
        begin = max((text.rfind(c, 0, self.start) for c in _SENTENCE_END), default=-1) + 1
        ends = [i for c in _SENTENCE_END if (i := text.find(c, self.end)) >= 0]
        finish = min(ends) + 1 if ends else len(text)
        return text[begin:self.start], text[self.start:self.end], text[self.end:finish]

    @property
    def article_text(self) -> str:
        block = next(b for b in self.article.blocks if b.anchor == self.anchor)
        return block.text.text


@dataclass
class Annotations:
    """Everything the annotator found, by article slug and by term."""

    occurrences: dict[str, list[Occurrence]] = field(default_factory=dict)
    numbers: dict[str, list[KeyNumber]] = field(default_factory=dict)

    def by_term(self) -> dict[str, list[Occurrence]]:
        result: dict[str, list[Occurrence]] = {}
        for found in self.occurrences.values():
            for occurrence in found:
                result.setdefault(occurrence.term.term, []).append(occurrence)
        return result

    def terms_in(self, article: Article) -> list[Term]:
        seen: dict[str, Term] = {}
        for occurrence in self.occurrences.get(article.slug, []):
            seen.setdefault(occurrence.term.term, occurrence.term)
        return list(seen.values())
