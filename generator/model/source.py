"""Records of a raw page as read: its lines, metadata and pieces of text.

Every piece of text keeps the source line and column it came from, so that any
stage (and the preservation check) can say where a character went.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class PageMeta:
    """What is known about a page or an article; every field optional.

    Given by the editor (front matter, sidecar) or found on the page (a page header, a
    scraper's ``来源：`` line, a paper footer, a record's fields: see
    :mod:`generator.ingest.furniture`). ``publication`` is the outlet (``outlet:`` is
    accepted as its name in metadata); ``region`` is where a Traditional source comes
    from (``tw`` or ``hk``; ``cn`` for Simplified), which decides its conversion."""

    publication: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    page: str | None = None  # e.g. "A02"
    edition: str | None = None
    time: str | None = None  # hh:mm
    reporter: str | None = None
    editor: str | None = None
    region: str | None = None  # "cn" | "tw" | "hk"
    url: str | None = None

    @property
    def outlet(self) -> str | None:
        return self.publication

    def over(self, other: "PageMeta") -> "PageMeta":
        """This metadata, with the fields it lacks taken from ``other``."""
        return PageMeta(**{name: getattr(self, name) if getattr(self, name) is not None else getattr(other, name)
                           for name in META_FIELDS})

    def fields(self) -> dict[str, str]:
        """The fields that are set, by name."""
        return {name: getattr(self, name) for name in META_FIELDS if getattr(self, name) is not None}


META_FIELDS = ("publication", "date", "page", "edition", "time", "reporter", "editor", "region", "url")


@dataclass(frozen=True)
class Origin:
    """Where a reading line comes from when it is not a whole line of its file: the
    file's line, the column its text starts at (in a line split at HTML blocks), and
    for a record file the record (1-based) and field (``content[3]``)."""

    line: int
    column: int = 0
    record: int = 0
    field: str = ""


@dataclass(frozen=True)
class Change:
    """A recorded difference between a file's text and the reading line made from it:
    an OpenCC conversion of a Traditional source, an HTML tag taken out, a character
    reference decoded. ``column`` is in the reading line; ``old`` is the file's text,
    ``new`` the reading text (empty for a tag taken out)."""

    line: int
    column: int
    old: str
    new: str
    kind: str  # "script" | "tag" | "entity"


@dataclass(frozen=True)
class SourceLine:
    """A reading line. For a plain text page it is the file's line ``number``. A line
    read through a layer (a Traditional page converted, an HTML line split at its
    blocks, a record's field) has an ``origin``; the first reading line of a file line
    keeps that line's number, further ones are numbered after the file's last line."""

    number: int  # 1-based
    text: str
    origin: Origin | None = None
    raw: str | None = None  # the file's text, when a layer changed it (HTML taken out, script converted)

    @property
    def record(self) -> Origin:
        """The origin of a line read from a record file (every such line has one)."""
        if self.origin is None:
            raise ValueError(f"line {self.number} was not read from a record")
        return self.origin


@dataclass(frozen=True)
class SourcePage:
    """One raw page file, decoded, split into lines; never modified."""

    path: Path
    key: str  # file stem: stable identity of the page
    lines: tuple[SourceLine, ...]
    meta: PageMeta
    body_start: int = 1  # first line after front matter
    kind: str = "text"  # "text" | "records" (JSON/JSONL scraper records)
    changes: tuple[Change, ...] = ()  # between the file and its reading lines
    script: str = ""  # how its script was decided (generator.ingest.script), for the page's decisions
    script_doubtful: bool = False
    structure: tuple[tuple[int, str], ...] = ()  # the editor's overrides: (line, "paragraphs"|"list"|"articles")

    @property
    def name(self) -> str:
        return self.path.name

    def where(self, number: int) -> int:
        """The file line a reading line comes from (what a report names)."""
        line = self.line(number)
        return line.origin.line if line is not None and line.origin is not None else number

    def line(self, number: int) -> SourceLine | None:
        if 0 < number <= len(self.lines) and self.lines[number - 1].number == number:
            return self.lines[number - 1]
        return self._by_number.get(number)

    @cached_property
    def _by_number(self) -> dict[int, SourceLine]:
        return {ln.number: ln for ln in self.lines}


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
