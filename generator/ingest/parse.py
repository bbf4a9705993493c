"""Ingest, parse: a :class:`SourcePage` → a :class:`Page` of :class:`Article` records.

The page's lines are first grouped into units (paragraphs, hard-wrapped or not, and
one-line items: :mod:`generator.ingest.units`). A page with ``#`` marks is parsed by
its marks (this module); a page without them by the evidence it holds
(:mod:`generator.ingest.unmarked`). Rules for marked pages (general, not fitted to one page):

* ``# X`` starts an article with headline X; ``##`` lines directly above it
  are its kicker.
* ``## X`` starts an article when no article is open, when the next line is a
  continuation-in marker ``(上接A01版)``, or when X ends a sentence (a heading
  never does: it is a damaged line, kept as body text, and the article gets a
  provisional title). Directly below a headline it is the deck; otherwise it is
  a section heading of the open article. ``###`` and deeper are sections.
* Text before any headline forms an article without a headline.
* Markers (continuations, bylines, photo credits and captions, closing
  reporter lists and datelines, page furniture) become metadata, not body text.

A heading with no body text under it never stops the build: it joins a neighbouring
article (:func:`settle`) and a doubtful decision names its line. Every decision is
on ``Page.decisions``; ``baozhai check`` lists the doubtful ones as warnings.
"""
from __future__ import annotations

from generator.ingest import classify as c
from generator.ingest import bulletins, tables
from generator.ingest.assemble import Builder, join_texts
from generator.ingest.classify import Kind
from generator.ingest.units import Line, Unit, group, layout_of, raw_lines, read_lines
from generator.model import Article, Block, Decision, Furniture, Page, SourcePage, Text


class MarkedParser(Builder):
    def __init__(self, source: SourcePage, units: list[Unit]):
        super().__init__(source)
        self.units = units
        self.kicker: list[Line] = []
        self.index = 0

    def open_marked(self, line: Line | None) -> Article:
        article = self.open_article(self.heading_text(line) if line is not None else None)
        if self.kicker:
            article.kicker = join_texts([self.heading_text(k) for k in self.kicker])
            self.kicker = []
        return article

    def run(self) -> Page:
        for index, unit in enumerate(self.units):
            self.index = index
            following = self.units[index + 1] if index + 1 < len(self.units) else None
            if unit.kind is Kind.HEADING:
                self.take_heading(unit.first, following)
            else:
                self.take(unit, following)
        for line in self.kicker:  # kicker lines with no headline after them: a section
            self.decide(line.number, "orphan", f"“{_heading(line.text).text}” stands above no headline: "
                                               "kept as a section heading", True)
            self.current().blocks.append(Block("heading", self.heading_text(line)))
        return self.page

    def take_heading(self, line: Line, following: Unit | None) -> None:
        head = c.heading(line.text)
        assert head is not None
        if head.level == 1:
            self.open_marked(line)
        elif self.headline_ahead():
            self.kicker.append(line)
        elif c.ends_sentence(head.text) and head.level >= 3 and self.article is not None:
            self.article.blocks.append(Block("para", self.heading_text(line)))
            self.decide(line.number, "marked-paragraph", f"“{head.text[:20]}…” is marked as a heading but is a "
                                                         "sentence: kept as a paragraph")
        elif c.ends_sentence(head.text):
            article = self.open_marked(None)
            article.blocks.append(Block("para", self.heading_text(line)))
            self.decide(line.number, "damaged-heading", f"heading “{head.text}” ends like a sentence: kept as "
                                                        "body text of an article without headline", True)
        elif head.level == 2 and (self.article is None or _continues_in(following)):
            self.open_marked(line)
        elif self.article is None:
            self.open_marked(line)
        elif head.level == 2 and not self.article.blocks and self.article.deck is None \
                and self.article.headline is not None:
            self.article.deck = self.heading_text(line)
        else:
            self.article.blocks.append(Block("heading", self.heading_text(line)))

    def headline_ahead(self) -> bool:
        """True when only ## lines stand between this line and a # headline (a kicker)."""
        for unit in self.units[self.index + 1:]:
            head = c.heading(unit.first.text) if unit.kind is Kind.HEADING else None
            if head is None or head.level == 1:
                return head is not None
        return False


def _continues_in(unit: Unit | None) -> bool:
    return unit is not None and bool(c.CONT_FROM_RE.match(unit.first.text))


def settle(page: Page) -> None:
    """An article with no body text is not published on its own: its headline, kicker,
    deck and section headings become section headings of the article before it (or the
    kicker of the one after it, at the top of a page), with its bylines, photos, markers
    and dateline. A page with no body text at all keeps its articles of headings. Each
    such case is a doubtful decision."""
    if not page.articles:
        page.decisions.append(Decision(page.source.body_start, "no-article", "no article found on the page", True))
    if not any(a.has_body for a in page.articles):
        for article in page.articles:
            page.decisions.append(_no_body(article, "the page has no body text: published as it is"))
        return
    kept: list[Article] = []
    held: list[Article] = []  # articles without body above the first one with body
    for article in page.articles:
        if article.has_body:
            if held:
                texts = [t for a in held for t in _headings(a)] + ([article.kicker] if article.kicker else [])
                if texts:  # an article held only for its markers (a continuation, a byline) adds no kicker
                    article.kicker = join_texts(texts)
                for earlier in held:
                    _carry(page, earlier, article)
                held = []
            kept.append(article)
        elif kept:
            page.decisions.append(_no_body(article, f"kept as section heading(s) of “{kept[-1].title}”"))
            kept[-1].blocks += [Block("heading", t) for t in _headings(article)]
            _carry(page, article, kept[-1])
        else:
            page.decisions.append(_no_body(article, "kept as the kicker of the next article" if _headings(article)
                                           else "its markers go with the next article"))
            held.append(article)
    for number, article in enumerate(kept, 1):
        article.number = number
        warned = {d.line for d in page.decisions if d.kind == "no-body"}
        if article.blocks and article.blocks[-1].kind == "heading" and article.blocks[-1].text.first_line not in warned:
            last = article.blocks[-1].text
            page.decisions.append(Decision(last.first_line, "no-body", f"subhead “{last.text}” has no text after "
                                           "it: kept at the end of the article", True))
    page.articles = kept


def _headings(article: Article) -> list[Text]:
    return [t for t in (article.kicker, article.headline, article.deck) if t is not None] + \
        [b.text for b in article.blocks]


def _carry(page: Page, article: Article, into: Article) -> None:
    """The bylines, photos, markers and datelines of ``article``, merged into ``into``."""
    into.bylines += article.bylines
    into.photos += article.photos
    into.continuations += article.continuations
    for name in ("dateline", "reporters"):
        value = getattr(article, name)
        if value is not None and getattr(into, name) is None:
            setattr(into, name, value)
        elif value is not None:
            page.furniture.append(Furniture(value, name))


def _no_body(article: Article, what: str) -> Decision:
    texts = [article.kicker, article.headline, article.deck, *article.bylines, article.dateline, article.reporters,
             *(t for photo in article.photos for t in (photo.caption, photo.credit))]
    pieces = [p for t in texts if t is not None for p in t.pieces] + [p for b in article.blocks for p in b.text.pieces] \
        + [jump.marker for jump in article.continuations]
    line = min((p.line for p in pieces), default=0)
    name = f"“{article.title}”" if _headings(article) else "an article of markers only (no headline, no text)"
    return Decision(line, "no-body", f"{name} has no body text: {what}", True)


def parse_page(source: SourcePage, order: list[int] | None = None) -> Page:
    """Split a page into articles; ``order`` is the line order after editor moves."""
    from generator.ingest.unmarked import UnmarkedParser

    rows = raw_lines(source, order)
    lines = read_lines(rows)
    layout = layout_of(rows, lines)
    overrides, chosen = dict(source.structure), list[Decision]()
    units = tables.merge(group(rows, lines, layout), overrides, chosen)
    marked = any(u.kind is Kind.HEADING and _heading(u.first.text).level == 1 for u in units)
    units = bulletins.apply(units, overrides, chosen, split=not marked)  # on a marked page, marks make articles
    if marked:
        page = MarkedParser(source, units).run()
    else:
        page = UnmarkedParser(source, units, layout).run()
    page.decisions = layout.decisions + page.decisions + chosen
    page.decisions += [Decision(line, "override", f"structure: {line}: {choice} names no table, list or bulletin the "
                                                  "parser found at that line: nothing changed", True)
                       for line, choice in overrides.items()]
    settle(page)
    page.decisions.sort(key=lambda d: d.line)
    return page


def _heading(text: str) -> c.Heading:
    """The heading of a line classified as one (Kind.HEADING)."""
    head = c.heading(text)
    assert head is not None, text
    return head
