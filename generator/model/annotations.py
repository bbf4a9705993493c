"""Annotation records: where glossary terms occur, and the key numbers of an article."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.article import Article
from generator.model.glossary import Term
from generator.model.source import Text

_SENTENCE_END = "。！？"


@dataclass(frozen=True)
class KeyNumber:
    value: str  # e.g. "6370亿元"
    sentence: str
    anchor: str  # paragraph anchor


# Where on an article page a use stands, as a reader would name it.
PLACES = {"para": "正文", "heading": "小标题", "kicker": "眉题", "headline": "标题", "deck": "副题",
          "byline": "署名", "dateline": "电头", "reporters": "记者", "caption": "图片说明", "credit": "图片署名"}


@dataclass(frozen=True)
class Occurrence:
    term: Term
    form: str  # the text matched: the term itself or an alias
    article: Article
    anchor: str  # anchor of the paragraph or section heading; "title" for the article's head and photos
    start: int  # offset in the text
    end: int
    place: str = "para"  # a key of PLACES
    text: Text | None = None  # the text it stands in (None: the block with ``anchor``)
    note: str | None = None  # the editor's page note on this use (glossary ``page_notes``)

    @property
    def line(self) -> int:
        """The source line the use starts on."""
        text = self.text or self._block_text()
        position = 0
        for piece in text.pieces:
            position += len(piece.text)
            if self.start < position:
                return piece.line
        return text.pieces[-1].line

    @property
    def place_label(self) -> str:
        return PLACES[self.place]

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
        return (self.text or self._block_text()).text

    def _block_text(self) -> Text:
        return next(b for b in self.article.blocks if b.anchor == self.anchor).text


@dataclass
class Annotations:
    """Everything the annotator found, by article slug and by term.

    ``occurrences`` are the uses in body paragraphs (the ones linked in the text and
    weighed for related articles); ``uses`` every use a reader sees, in page order
    (headline, kicker, deck, bylines, dateline, captions, credits, section headings,
    paragraphs, reporters): the term pages, the article's term list and the checks
    count these."""

    occurrences: dict[str, list[Occurrence]] = field(default_factory=dict)
    numbers: dict[str, list[KeyNumber]] = field(default_factory=dict)
    uses: dict[str, list[Occurrence]] = field(default_factory=dict)

    def all_uses(self, slug: str) -> list[Occurrence]:
        return self.uses.get(slug, self.occurrences.get(slug, []))

    def by_term(self) -> dict[str, list[Occurrence]]:
        result: dict[str, list[Occurrence]] = {}
        for slug in self.uses or self.occurrences:
            for occurrence in self.all_uses(slug):
                result.setdefault(occurrence.term.term, []).append(occurrence)
        return result

    def terms_in(self, article: Article) -> list[Term]:
        seen: dict[str, Term] = {}
        for occurrence in self.all_uses(article.slug):
            seen.setdefault(occurrence.term.term, occurrence.term)
        return list(seen.values())
