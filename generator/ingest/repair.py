"""Ingest, repair: normalise punctuation and join paragraphs broken mid-sentence.

Both are automatic changes, so both are recorded (source line and column) in
:class:`Repairs`, listed by ``baozhai check`` and proved harmless by the
preservation check.
"""
from __future__ import annotations

from dataclasses import replace
from typing import overload

from generator.ingest import classify as c
from generator.ingest.punctuation import normalise
from generator.model import Article, Block, Join, Page, Photo, Piece, PunctChange, Repairs, Text


def repair_page(page: Page) -> Repairs:
    """Normalise and join in place; return what was changed."""
    repairs = Repairs()
    normalised = _normalise_lines(page, repairs)
    for article in page.articles:
        _renormalise(article, normalised)
        repairs.joins += _join_broken(article)
        number_blocks(article)
    page.chrome = [_text(t, normalised) for t in page.chrome]
    page.furniture = [replace(f, text=_text(f.text, normalised)) for f in page.furniture]
    return repairs


def _normalise_lines(page: Page, repairs: Repairs) -> dict[int, str]:
    result = {}
    for line in page.source.lines:
        if line.number < page.source.body_start:
            continue
        text, changes = normalise(line.text)
        result[line.number] = text
        repairs.punctuation += [PunctChange(page.source.name, line.number, col, old, new)
                                for col, old, new in changes]
    return result


@overload
def _text(text: Text, normalised: dict[int, str]) -> Text: ...


@overload
def _text(text: None, normalised: dict[int, str]) -> None: ...


def _text(text: Text | None, normalised: dict[int, str]) -> Text | None:
    if text is None:
        return None
    return Text(tuple(_piece(p, normalised) for p in text.pieces))


def _piece(piece: Piece, normalised: dict[int, str]) -> Piece:
    shown = normalised[piece.line][piece.start:piece.start + len(piece.raw)]
    return Piece(piece.line, piece.start, piece.raw, shown)


def _renormalise(article: Article, normalised: dict[int, str]) -> None:
    for name in ("headline", "kicker", "deck", "dateline", "reporters"):
        setattr(article, name, _text(getattr(article, name), normalised))
    article.bylines = [_text(t, normalised) for t in article.bylines]
    article.photos = [Photo(_text(p.caption, normalised), _text(p.credit, normalised)) for p in article.photos]
    article.continuations = [replace(x, marker=_piece(x.marker, normalised)) for x in article.continuations]
    article.blocks = [replace(b, text=_text(b.text, normalised)) for b in article.blocks]


def _join_broken(article: Article) -> list[Join]:
    joins: list[Join] = []
    merged: list[Block] = []
    for block in article.blocks:
        previous = merged[-1] if merged else None
        if previous is not None and should_join(previous, block):
            joins.append(Join(article.source, article.number, previous.text.pieces[-1].line,
                              block.text.first_line, _reason(previous.text.text, block.text.text)))
            merged[-1] = Block("para", previous.text + block.text)
        else:
            merged.append(block)
    article.blocks = merged
    return joins


def should_join(first: Block, second: Block) -> bool:
    """A paragraph that stops mid-sentence continues in the next one.

    Lists ended by ；, quotes, headings and short unpunctuated lines (table
    cells, labels) are never joined.
    """
    if first.kind != "para" or second.kind != "para":
        return False
    a, b = first.text.text, second.text.text
    return c.ends_open(a) and c.is_prose(a) and c.is_prose(b)


def _reason(before: str, after: str) -> str:
    return f"line ends mid-sentence: “…{before[-6:]}” + “{after[:6]}…”"


def number_blocks(article: Article) -> None:
    """Stable anchors: p1, p2… for paragraphs, s1, s2… for section headings, t1… for
    tables, l1… for lists (their cells t1-1, t1-2…)."""
    counts = {"para": 0, "heading": 0, "table": 0, "list": 0}
    for block in article.blocks:
        counts[block.kind] += 1
        block.anchor = _PREFIX[block.kind] + str(counts[block.kind])


_PREFIX = {"para": "p", "heading": "s", "table": "t", "list": "l"}
