"""Stage 2, parse: a :class:`SourcePage` → a :class:`Page` of :class:`Article` records.

Rules (general, not fitted to one page):

* ``# X`` starts an article with headline X; ``##`` lines directly above it
  are its kicker.
* ``## X`` starts an article when no article is open, when the next line is a
  continuation-in marker ``(上接A01版)``, or when X ends a sentence (a heading
  never does: it is a damaged line, kept as body text, and the article gets a
  provisional title). Directly below a headline it is the deck; otherwise it is
  a section heading of the open article. ``###`` and deeper are sections.
* Text before any headline forms an article without a headline.
* A page with no ``#`` marks is one article whose first short unpunctuated line
  is its headline; dates, sources and bylines may follow it.
* Markers (continuations, bylines, photo credits and captions, closing
  reporter lists and datelines, page chrome) become metadata, not body text.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.errors import SourceError
from generator.ingest import classify as c
from generator.ingest import furniture
from generator.ingest.classify import Kind
from generator.ingest.metadata import file_furniture
from generator.model import Article, Block, Consumed, Continuation, Page, Photo, Piece, Role, SourcePage, Text


@dataclass(frozen=True)
class Line:
    number: int
    start: int
    text: str  # stripped
    kind: Kind

    def piece(self, start: int = 0, end: int | None = None) -> Piece:
        end = len(self.text) if end is None else end
        return Piece(self.number, self.start + start, self.text[start:end])

    def whole(self) -> Text:
        return Text((self.piece(),))


def page_lines(source: SourcePage, order: list[int] | None = None) -> list[Line]:
    """Non-blank lines of the page body, in reading order (editor moves applied)."""
    by_number = {ln.number: ln for ln in source.lines}
    numbers = order or [ln.number for ln in source.lines if ln.number >= source.body_start]
    result = []
    for number in numbers:
        raw = by_number[number].text
        text = raw.strip()
        if text:
            result.append(Line(number, len(raw) - len(raw.lstrip()), text, c.kind_of(text)))
    return result


class _PageParser:
    def __init__(self, source: SourcePage, lines: list[Line]):
        self.source = source
        self.lines = lines
        self.page = Page(source=source, articles=[])
        self.article: Article | None = None
        self.kicker: list[Line] = []
        self.index = 0

    # -- articles -----------------------------------------------------
    def open_article(self, headline: Line | None) -> Article:
        article = Article(source=self.source.name, number=len(self.page.articles) + 1)
        if headline is not None:
            article.headline = self.heading_text(headline)
        if self.kicker:
            article.kicker = _join_texts([self.heading_text(k) for k in self.kicker])
            self.kicker = []
        self.page.articles.append(article)
        self.article = article
        return article

    def heading_text(self, line: Line) -> Text:
        head = c.heading(line.text)
        assert head is not None
        self.page.consumed.append(Consumed(line.piece(0, head.start), Role.MARKER, "heading mark"))
        return Text((line.piece(head.start),))

    # -- lines --------------------------------------------------------
    def run(self) -> Page:
        if not any(line.kind is Kind.HEADING for line in self.lines):
            self.headless_start()
        for index, line in enumerate(self.lines):
            self.index = index
            following = self.lines[index + 1] if index + 1 < len(self.lines) else None
            self.take(line, following)
        if self.kicker:
            raise SourceError("kicker line with no headline after it", self.source.path, self.kicker[0].number)
        return self.page

    def headless_start(self) -> None:
        """One-article page without # marks: first short line is the headline."""
        for index, line in enumerate(self.lines):
            if line.kind is Kind.TEXT and c.looks_like_headline(line.text):
                if index + 1 < len(self.lines):
                    article = self.open_article(None)
                    article.headline = line.whole()
                    self.lines = self.lines[:index] + self.lines[index + 1:]
                return
            if line.kind is Kind.TEXT:
                return

    def take(self, line: Line, following: Line | None) -> None:
        if line.kind is Kind.HEADING:
            self.take_heading(line, following)
        elif line.kind is Kind.CHROME:
            self.take_furniture(line)
        elif line.kind is Kind.CONTINUATION:
            self.current().continuations.append(_continuation(line, 0, len(line.text)))
        elif line.kind is Kind.CREDIT:
            self.take_credit(line)
        elif line.kind is Kind.BYLINE:
            self.current().bylines.append(line.whole())
        elif line.kind is Kind.DATE and self.article is not None and not self.article.blocks \
                and self.article.dateline is None:
            self.article.dateline = line.whole()
        elif following is not None and following.kind is Kind.CREDIT or c.is_caption_start(line.text):
            self.current().photos.append(Photo(line.whole(), None))
        else:
            self.take_text(line)

    def take_furniture(self, line: Line) -> None:
        """Page furniture (generator.ingest.furniture) into the page's record, its values
        into metadata; a feed's ``标题：`` label opens an article with that headline."""
        found = furniture.classify(line.text) or furniture.Found("chrome", 0, len(line.text))
        title = found.get("title")
        if title is not None:
            start = line.text.index(title, len(line.text) - len(title) - 2) if title in line.text else 0
            article = self.open_article(None)
            article.headline = Text((line.piece(start, start + len(title)),))
            found = furniture.Found("label", 0, start)
            self.page.consumed.append(Consumed(line.piece(start + len(title)), Role.MARKER, "label"))
        file_furniture(self.page, self.article, Text((line.piece(found.start, found.end),)), found)

    def take_heading(self, line: Line, following: Line | None) -> None:
        head = c.heading(line.text)
        assert head is not None
        if head.level == 1:
            self.open_article(line)
        elif self.headline_ahead():
            self.kicker.append(line)
        elif c.ends_sentence(head.text):
            self.open_damaged(line)
        elif head.level == 2 and (self.article is None or _continues_in(following)):
            self.open_article(line)
        elif self.article is None:
            self.open_article(line)
        elif head.level == 2 and not self.article.blocks and self.article.deck is None \
                and self.article.headline is not None:
            self.article.deck = self.heading_text(line)
        else:
            self.article.blocks.append(Block("heading", self.heading_text(line)))

    def headline_ahead(self) -> bool:
        """True when only ## lines stand between this line and a # headline (a kicker)."""
        for line in self.lines[self.index + 1:]:
            head = c.heading(line.text) if line.kind is Kind.HEADING else None
            if head is None or head.level == 1:
                return head is not None
        return False

    def open_damaged(self, line: Line) -> None:
        """A heading that is a sentence: new article, line kept as body text."""
        article = self.open_article(None)
        article.blocks.append(Block("para", self.heading_text(line)))

    def take_credit(self, line: Line) -> None:
        article = self.current()
        if article.photos and article.photos[-1].credit is None:
            article.photos[-1] = Photo(article.photos[-1].caption, line.whole())
        else:
            article.photos.append(Photo(None, line.whole()))

    def take_text(self, line: Line) -> None:
        article = self.current()
        start, end = 0, len(line.text)
        lead = c.CONT_FROM_RE.match(line.text)
        if lead:
            article.continuations.append(_continuation(line, 0, lead.end()))
            start = lead.end()
        lead = furniture.leading(line.text[start:end])
        if lead is not None:
            file_furniture(self.page, article, Text((line.piece(start, start + lead.end),)), lead)
            start += lead.end
        if not article.blocks:
            start = self.take_leading_dateline(line, start)
        end = self.take_trailing(line, start, end)
        tail = furniture.trailing(line.text[start:end])
        if tail is not None:
            file_furniture(self.page, article, Text((line.piece(start + tail.start, end),)), tail)
            end = start + tail.start
        if start < end:
            article.blocks.append(Block("para", Text((line.piece(start, end),))))

    def take_leading_dateline(self, line: Line, start: int) -> int:
        match = c.LEADING_DATELINE_RE.match(line.text[start:])
        if not match or start + match.end() >= len(line.text) or self.current().dateline is not None:
            return start
        end = start + len(match.group().rstrip())
        self.current().dateline = Text((line.piece(start, end),))
        return start + match.end()

    def take_trailing(self, line: Line, start: int, end: int) -> int:
        """Peel a closing continuation, reporter list and dateline off a paragraph."""
        article = self.current()
        while True:
            body = line.text[start:end].rstrip()
            end = start + len(body)
            for regex, setter in ((c.CONT_TO_RE, None), (c.TRAILING_REPORTERS_RE, "reporters"),
                                  (c.TRAILING_DATELINE_RE, "dateline")):
                match = regex.search(body)
                if match and match.start() > 0 and (setter is None or getattr(article, setter) is None):
                    piece_start = start + match.start()
                    if setter is None:
                        article.continuations.append(_continuation(line, piece_start, end))
                    else:
                        setattr(article, setter, Text((line.piece(piece_start, end),)))
                    end = piece_start
                    break
            else:
                return end

    def current(self) -> Article:
        return self.article if self.article is not None else self.open_article(None)


def _continues_in(line: Line | None) -> bool:
    return line is not None and bool(c.CONT_FROM_RE.match(line.text))


def _continuation(line: Line, start: int, end: int) -> Continuation:
    marker = line.piece(start, end)
    direction = "from" if c.CONT_FROM_RE.match(marker.raw) else "to"
    return Continuation(direction, c.continuation_page(marker.raw), marker)


def _join_texts(texts: list[Text]) -> Text:
    result = texts[0]
    for text in texts[1:]:
        result = result + text
    return result


def parse_page(source: SourcePage, order: list[int] | None = None) -> Page:
    """Split a page into articles; ``order`` is the line order after editor moves."""
    page = _PageParser(source, page_lines(source, order)).run()
    if not page.articles or not any(a.paragraphs for a in page.articles):
        raise SourceError("no recognisable article: no body text found", source.path, source.body_start)
    for article in page.articles:
        if not article.paragraphs:
            raise SourceError(f"article “{article.title}” has a headline but no body text",
                              source.path, article.first_line)
    return page
