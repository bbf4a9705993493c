"""Records of what the repair stage and the editors changed or flagged on a page."""
from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.article import Page


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


@dataclass
class Repairs:
    """Everything the repair stage changed, for ``baozhai check`` and the reader."""

    joins: list[Join] = field(default_factory=list)
    punctuation: list[PunctChange] = field(default_factory=list)


@dataclass(frozen=True)
class Located:
    """An erratum and the source columns it covers."""

    erratum: Erratum
    start: int
    end: int


@dataclass
class PageResult:
    """A page after every stage: articles, what was repaired, errata, suspects."""

    page: Page
    repairs: Repairs
    errata: list[Located]
    suspects: list[Suspect]
