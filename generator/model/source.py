"""Records of a raw page as read: its lines, metadata and pieces of text.

Every piece of text keeps the source line and column it came from, so that any
stage (and the preservation check) can say where a character went.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
