"""Articles being put together from a page's units: what each kind of unit adds to the
open article (or to the page's furniture). Both parsers use it: the one for pages
marked with ``#`` (:mod:`generator.ingest.parse`) and the one that infers structure
from the page's evidence (:mod:`generator.ingest.unmarked`)."""
from __future__ import annotations

from generator.ingest import classify as c
from generator.ingest import furniture
from generator.ingest.classify import Kind
from generator.ingest.metadata import file_furniture
from generator.ingest.units import Line, Unit
from generator.model import Article, Block, Consumed, Continuation, Decision, Page, Photo, SourcePage, Text


class Builder:
    def __init__(self, source: SourcePage):
        self.source = source
        self.page = Page(source=source, articles=[])
        self.article: Article | None = None

    # -- articles -----------------------------------------------------
    def open_article(self, headline: Text | None) -> Article:
        article = Article(source=self.source.name, number=len(self.page.articles) + 1, headline=headline)
        self.page.articles.append(article)
        self.article = article
        return article

    def current(self) -> Article:
        return self.article if self.article is not None else self.open_article(None)

    def heading_text(self, line: Line) -> Text:
        """A ``#`` line's text; its marks are consumed structure."""
        head = c.heading(line.text)
        assert head is not None
        self.page.consumed.append(Consumed(line.piece(0, head.start)))
        return Text((line.piece(head.start),))

    def decide(self, line: int, kind: str, message: str, doubtful: bool = False) -> None:
        self.page.decisions.append(Decision(line, kind, message, doubtful))

    def take_furniture(self, line: Line, found: furniture.Found | None = None) -> None:
        """Page furniture (:mod:`generator.ingest.furniture`) into the page's record, its values
        into metadata (:func:`generator.ingest.metadata.file_furniture`); a feed's ``标题：``
        label opens an article with that headline."""
        found = found or furniture.classify(line.text) or furniture.Found("chrome", 0, len(line.text))
        title = found.get("title")
        if title is not None:
            start = line.text.index(title, len(line.text) - len(title) - 2) if title in line.text else 0
            article = self.open_article(None)
            article.headline = Text((line.piece(start, start + len(title)),))
            found = furniture.Found("label", 0, start)
            self.page.consumed.append(Consumed(line.piece(start + len(title))))
        file_furniture(self.page, self.article, Text((line.piece(found.start, found.end),)), found)

    # -- units --------------------------------------------------------
    def take(self, unit: Unit, following: Unit | None) -> None:
        """Everything but headings: markers, bylines, credits, captions, paragraphs."""
        line, kind = unit.first, unit.kind
        if unit.item:
            self.take_item(unit)
        elif unit.is_cells:
            self.take_cells(unit)
        elif kind is Kind.CHROME:
            self.take_furniture(line)
        elif kind is Kind.CONTINUATION:
            self.current().continuations.append(continuation(line, 0, len(line.text)))
        elif kind is Kind.CREDIT:
            self.take_credit(line)
        elif kind is Kind.BYLINE:
            self.current().bylines.append(line.whole())
        elif kind is Kind.DATE:
            self.take_date(line)
        elif (following is not None and following.kind is Kind.CREDIT) or c.is_caption_start(unit.text):
            self.current().photos.append(Photo(_text_of(unit), None))
        else:
            self.take_text(unit)

    def take_cells(self, unit: Unit) -> None:
        """A flattened table or list (:mod:`generator.ingest.tables`): one block, each cell a piece."""
        self.current().blocks.append(Block("table" if unit.columns else "list", Text(unit.cells),
                                           columns=unit.columns, sizes=unit.sizes))
        if unit.decision is not None:
            self.page.decisions.append(unit.decision)

    def take_item(self, unit: Unit) -> None:
        """An item of a bulletin split by item (:mod:`generator.ingest.bulletins`): it opens an
        article; its marker is structure; its first line is the headline, or its text opens
        with the article's dateline."""
        if unit.decision is not None:
            self.page.decisions.append(unit.decision)
        first = unit.first
        self.page.consumed.append(Consumed(first.piece(0, unit.item)))
        if unit.opens == "headline":
            self.open_article(Text((first.piece(unit.item),)))
            self.decide(first.number, "headline", f"“{first.text[unit.item:]}”: headline of a bulletin item")
            return
        self.open_article(None)
        self.take_text(unit, unit.item)

    def take_date(self, line: Line) -> None:
        """A date line at the head of an article is its dateline; elsewhere (a page header,
        a second date) it is page furniture."""
        article = self.article
        if article is not None and not article.blocks and article.dateline is None:
            article.dateline = line.whole()
        else:
            self.take_furniture(line, furniture.Found("date-line", 0, len(line.text)))

    def take_credit(self, line: Line) -> None:
        article = self.current()
        if article.photos and article.photos[-1].credit is None:
            article.photos[-1] = Photo(article.photos[-1].caption, line.whole())
        else:
            article.photos.append(Photo(None, line.whole()))

    def take_text(self, unit: Unit, start: int = 0) -> None:
        """A paragraph (from column ``start`` of its first line), with the markers and
        furniture at its ends taken off."""
        article = self.current()
        first, last = unit.lines[0], unit.lines[-1]
        lead = c.CONT_FROM_RE.match(first.text[start:])
        if lead:
            article.continuations.append(continuation(first, start, start + lead.end()))
            start += lead.end()
        found = furniture.leading(first.text[start:])
        if found is not None:
            file_furniture(self.page, article, Text((first.piece(start, start + found.end),)), found)
            start += found.end
        if not article.blocks:
            start = self.take_leading_dateline(first, start, len(unit.lines) > 1)
        begin = start if last is first else 0
        end = self.take_trailing(last, begin, len(last.text))
        tail = furniture.trailing(last.text[begin:end])
        if tail is not None:
            file_furniture(self.page, article, Text((last.piece(begin + tail.start, end),)), tail)
            end = begin + tail.start
        pieces = []
        for line in unit.lines:
            begin = start if line is first else 0
            stop = end if line is last else len(line.text)
            if begin < stop:
                pieces.append(line.piece(begin, stop))
        if pieces:
            article.blocks.append(Block("para", Text(tuple(pieces))))

    def take_leading_dateline(self, line: Line, start: int, more: bool = False) -> int:
        match = c.LEADING_DATELINE_RE.match(line.text[start:])
        if not match or (start + match.end() >= len(line.text) and not more) or self.current().dateline is not None:
            return start
        end = start + len(match.group().rstrip())
        self.current().dateline = Text((line.piece(start, end),))
        self.decide(line.number, "dateline", f"dateline “{match.group().strip()}” taken off the first paragraph")
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
                        article.continuations.append(continuation(line, piece_start, end))
                    else:
                        setattr(article, setter, Text((line.piece(piece_start, end),)))
                    end = piece_start
                    break
            else:
                return end


def _text_of(unit: Unit) -> Text:
    return Text(tuple(line.piece() for line in unit.lines))


def continuation(line: Line, start: int, end: int) -> Continuation:
    marker = line.piece(start, end)
    direction = "from" if c.CONT_FROM_RE.match(marker.raw) else "to"
    return Continuation(direction, c.continuation_page(marker.raw), marker)


def join_texts(texts: list[Text]) -> Text:
    result = texts[0]
    for text in texts[1:]:
        result = result + text
    return result
