"""The article model: typed records passed from one pipeline stage to the next.

Every piece of text keeps the source line and column it came from, so that any
stage (and the preservation check) can say where a character went.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


PROVISIONAL_LEAD = 12  # characters of the first paragraph quoted in a provisional title


class Role(str, Enum):
    """What a run of source text is to a reader."""

    HEADLINE = "headline"
    KICKER = "kicker"
    SECTION = "section"
    BODY = "body"
    CAPTION = "caption"
    CREDIT = "credit"
    BYLINE = "byline"
    DATELINE = "dateline"
    REPORTERS = "reporters"
    CONTINUATION = "continuation"
    CHROME = "chrome"
    MARKER = "marker"  # heading marks (#, ##), front matter: structure, not text


@dataclass(frozen=True)
class PageMeta:
    """What is known about the printed page; every field optional."""

    publication: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    page: str | None = None  # e.g. "A02"
    edition: str | None = None


@dataclass(frozen=True)
class SourceLine:
    number: int  # 1-based
    text: str


@dataclass(frozen=True)
class SourcePage:
    """One raw page file, decoded, split into lines; never modified."""

    path: Path
    key: str  # file stem: stable identity of the page
    lines: tuple[SourceLine, ...]
    meta: PageMeta
    body_start: int = 1  # first line after front matter

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class Piece:
    """A run of one source line: ``raw`` as in the file, ``text`` as shown."""

    line: int
    start: int
    raw: str
    text: str = ""

    def __post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", self.raw)


@dataclass(frozen=True)
class Text:
    """Text made of one or more pieces, possibly from several lines."""

    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(sorted({p.line for p in self.pieces}))

    @property
    def first_line(self) -> int:
        return self.pieces[0].line

    def __add__(self, other: "Text") -> "Text":
        return Text(self.pieces + other.pieces)


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


@dataclass
class Block:
    """A paragraph or a section heading inside an article body."""

    kind: str  # "para" | "heading"
    text: Text
    anchor: str = ""


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
    def first_line(self) -> int:
        texts = [self.kicker, self.headline, self.deck] + [b.text for b in self.blocks]
        return min(t.first_line for t in texts if t is not None)


@dataclass(frozen=True)
class Consumed:
    """Source text taken as structure (heading marks, markers, front matter)."""

    piece: Piece
    role: Role
    note: str = ""


@dataclass
class Page:
    """A parsed source page: its articles and everything else the lines held."""

    source: SourcePage
    articles: list[Article]
    chrome: list[Text] = field(default_factory=list)
    consumed: list[Consumed] = field(default_factory=list)


@dataclass(frozen=True)
class Join:
    """Two source lines that extraction broke mid-sentence, joined into one paragraph."""

    source: str
    article: int
    before: int  # line that ended mid-sentence
    after: int  # line that continued it
    reason: str


@dataclass(frozen=True)
class PunctChange:
    """One half-width punctuation mark made full-width (GB/T 15834)."""

    source: str
    line: int
    column: int  # 0-based in the source line
    old: str
    new: str


@dataclass(frozen=True)
class Suspect:
    """Something that looks damaged, found automatically; printed by ``baozhai check``."""

    source: str
    line: int
    kind: str
    message: str


@dataclass(frozen=True)
class Erratum:
    """An editor's correction; shown to readers next to the original text."""

    source: str
    line: int
    original: str
    correction: str | None  # None: the damage is marked, the right text unknown
    reason: str
    kind: str = "text"  # "text" | "move"
    after: int | None = None  # for kind "move": the line it belongs after
    number: int = 0  # display number on its article page


@dataclass
class Repairs:
    """Everything the repair stage changed, for ``baozhai check`` and the reader."""

    joins: list[Join] = field(default_factory=list)
    punctuation: list[PunctChange] = field(default_factory=list)
