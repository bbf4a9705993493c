"""Records of a parsed page: its articles and what the parser took as structure."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.source import PageMeta, Piece, SourcePage, Text

PROVISIONAL_LEAD = 12  # characters of the first paragraph quoted in a provisional title


@dataclass(frozen=True)
class Continuation:
    """A jump marker: ``(上接A01版)`` is direction "from", ``(下转A05版)`` is "to"."""

    direction: str  # "from" | "to"
    page: str  # "A01"
    marker: Piece


@dataclass(frozen=True)
class Photo:
    """A photo's caption and credit (the photo itself is not in the text)."""

    caption: Text | None
    credit: Text | None


CELLS = ("table", "list")  # blocks made of cells: each piece of the text one cell (or list item)


@dataclass
class Block:
    """A paragraph, a section heading, a table or a list inside an article body.

    A table's (or list's) text is its cells in reading order, each cell one piece
    (:mod:`generator.ingest.tables`); ``columns`` says how they make rows (the first
    row is the header), 0 for a list."""

    kind: str  # "para" | "heading" | "table" | "list"
    text: Text
    anchor: str = ""
    columns: int = 0
    sizes: tuple[int, ...] = ()  # pieces of each list item, when not one each (an item over several lines)

    @property
    def cells(self) -> tuple[Text, ...]:
        """A table's cells (a list's items) as texts; a paragraph or heading is one."""
        if self.kind not in CELLS:
            return (self.text,)
        pieces = self.text.pieces
        if not self.sizes:
            return tuple(Text((p,)) for p in pieces)
        starts = [sum(self.sizes[:i]) for i in range(len(self.sizes))]
        return tuple(Text(pieces[s:s + n]) for s, n in zip(starts, self.sizes))

    def cell_anchor(self, index: int) -> str:
        """The id of a table's cell (a list's item), 0-based ``index``: ``t1-3``."""
        return f"{self.anchor}-{index + 1}"


@dataclass
class Article:
    source: str  # source file name
    number: int  # position on the page, 1-based
    headline: Text | None = None
    kicker: Text | None = None
    deck: Text | None = None  # a subtitle directly below the headline
    photos: list["Photo"] = field(default_factory=list)
    bylines: list[Text] = field(default_factory=list)
    dateline: Text | None = None
    reporters: Text | None = None
    continuations: list[Continuation] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    slug: str = ""
    meta: PageMeta = PageMeta()  # found in the article's own lines or record; after ingest, with the page's
    also: list[str] = field(default_factory=list)  # where else the same text was published ("证券日报 2026-06-12")

    @property
    def provisional(self) -> bool:
        """True when the page gives the article no headline of its own."""
        return self.headline is None

    @property
    def title(self) -> str:
        if self.headline is not None:
            return self.headline.text
        lead = self.blocks[0].text.text[:PROVISIONAL_LEAD] if self.blocks else ""
        return f"无标题稿件（始于“{lead}…”）"

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "para"]

    @property
    def has_body(self) -> bool:
        """True when the article has text of its own: a paragraph, a table or a list."""
        return any(b.kind != "heading" for b in self.blocks)

    @property
    def first_line(self) -> int:
        texts = [self.kicker, self.headline, self.deck] + [b.text for b in self.blocks]
        return min(t.first_line for t in texts if t is not None)


@dataclass(frozen=True)
class Consumed:
    """Source text taken as structure (heading marks, markers, front matter)."""

    piece: Piece


@dataclass(frozen=True)
class Furniture:
    """A line (or part of one) that is not article text: a page header or footer, a paper
    footer, a scraper's wrapper line, site boilerplate, an image link. Never in a body;
    listed by ``baozhai check`` and shown in the page's source view."""

    text: Text
    kind: str  # e.g. "page-header", "paper-footer", "scraper-header", "boilerplate", "image"
    fields: tuple[str, ...] = ()  # the metadata it filled: "date", "publication", "reporter"…
    article: int = 0  # the article it belongs to (its number), 0 for the page


@dataclass(frozen=True)
class Decision:
    """An automatic structural decision (headline, join, split, furniture, byline…), kept so
    that ``baozhai check`` can report it with file:line; ``doubtful`` ones are warnings."""

    line: int
    kind: str
    message: str
    doubtful: bool = False


@dataclass
class Page:
    """A parsed source page: its articles and everything else the lines held."""

    source: SourcePage
    articles: list[Article]
    chrome: list[Text] = field(default_factory=list)
    consumed: list[Consumed] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    meta: PageMeta = PageMeta()  # found on the page outside its articles (page header, footer)
    duplicates: list["Duplicate"] = field(default_factory=list)


@dataclass(frozen=True)
class Duplicate:
    """An article not published because the same text is published elsewhere: on this
    page (a feed page holding it as HTML and as text) or under another outlet. Its text
    stays accounted for and is shown in the page's source view."""

    article: Article
    kept: str  # where the published copy is: "x.json:12 “headline” (outlet date)"
    reason: str
