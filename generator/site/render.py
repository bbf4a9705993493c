"""Site, render: the article model → Markdown pages, through Jinja2 templates.

Every value a template prints is Markdown-escaped unless the code built it as
:class:`Markup` from escaped parts (``finalize`` below), so no source,
metadata or glossary text can become markup.
"""
from __future__ import annotations

from dataclasses import dataclass

import jinja2
from markupsafe import Markup, escape

from generator.site.escape import md_text
from generator.model import CELLS, Article, Block, Text
from generator.ingest.sentences import sentence_end


@dataclass(frozen=True)
class Span:
    """Markup placed around part of a block's text (offsets into ``block.text.text``)."""

    start: int
    end: int
    open: Markup
    close: Markup
    priority: int = 0  # higher wins when spans overlap


def _finalize(value: object) -> object:
    """What a template prints: Markup as it is, anything else escaped (Jinja turns the
    result into a plain string, so the escaped text needs no Markup wrapper)."""
    if value is None:
        return ""
    return value if isinstance(value, Markup) else md_text(str(value))


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja, with a quicker ``item.key`` on the plain dicts most template values are."""

    def getattr(self, obj: object, attribute: str) -> object:
        """Jinja tries the attribute first, raising and catching an AttributeError
        for every dict key; a dict has no attributes but its class's, so looking
        the key up at once gives the same value."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def environment() -> jinja2.Environment:
    return _Environment(
        loader=jinja2.PackageLoader("generator.site", "templates"),
        finalize=_finalize,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def marked(text: str, spans: list[Span]) -> Markup:
    """Escape ``text`` and wrap the non-overlapping ``spans`` in their markup."""
    chosen = _non_overlapping(spans)
    out, position = [], 0
    for span in chosen:
        out += [md_text(text[position:span.start]), escape(span.open),
                md_text(text[span.start:span.end]), escape(span.close)]
        position = span.end
    out.append(md_text(text[position:]))
    return Markup("".join(out))  # every part is escaped text or Markup (Markup.join would escape again)


def _non_overlapping(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-s.priority, s.start, -(s.end - s.start))):
        if all(_apart(span, k) for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _apart(a: Span, b: Span) -> bool:
    """Spans may touch but not overlap; an empty span (an insertion) may not split another."""
    return a.end <= b.start or a.start >= b.end if a.start < a.end else not b.start < a.start < b.end


def offset_of(text: Text, line: int, column: int) -> int | None:
    """Where source (line, column) landed in a block's text, if it did."""
    offset = 0
    for piece in text.pieces:
        if piece.line == line and piece.start <= column < piece.start + len(piece.raw):
            return offset + column - piece.start
        offset += len(piece.text)
    return None


def block_range(block: Block, line: int, start: int, end: int) -> tuple[int, int] | None:
    """The part of ``block`` that shows source columns [start, end) of ``line``."""
    offsets = [o for col in range(start, end) if (o := offset_of(block.text, line, col)) is not None]
    return (min(offsets), max(offsets) + 1) if offsets else None


def lede(article: Article, mid_sentence: bool = False, limit: int = 120) -> str:
    """The article's first whole sentence on this page (its description and teaser).

    A lede is a sentence (generator.ingest.sentences) of at least 8 characters; without
    one it is the paragraph's first ``limit`` characters. When the text here begins in the
    middle of a sentence begun on another page (``mid_sentence``, see
    link.begun_mid_sentence), the lede is the first sentence after that one ends.
    """
    texts = [p.text.text for p in article.paragraphs]
    if not texts:
        return ""
    paragraph, column = 0, 0
    if mid_sentence:
        paragraph, column = _after_tail(texts) or (0, 0)
    text = texts[paragraph]
    end = sentence_end(text, column, shortest=8)
    return text[column:end if end is not None else None][:limit]


def _after_tail(texts: list[str]) -> tuple[int, int] | None:
    """(paragraph, column) where the first sentence that begins on this page begins."""
    for index, text in enumerate(texts):
        end = sentence_end(text)
        if end is None:
            continue
        if text[end:].strip():
            return index, len(text) - len(text[end:].lstrip())
        return (index + 1, 0) if index + 1 < len(texts) else None
    return None


@dataclass(frozen=True)
class Note:
    """A footnote shown at the end of an article (an editor's note)."""

    key: str
    text: str


@dataclass(frozen=True)
class RenderedBlock:
    kind: str
    anchor: str
    html: Markup


def front_matter(title: str, description: str) -> dict[str, Markup]:
    """YAML-safe, HTML-escaped values (Material prints meta values unescaped)."""
    from json import dumps

    from generator.site.escape import attr

    return {"title": Markup(dumps(str(attr(title)), ensure_ascii=False)),
            "description": Markup(dumps(str(attr(description)), ensure_ascii=False))}


def render_blocks(article: Article, spans: dict[str, list[Span]]) -> list[RenderedBlock]:
    return [RenderedBlock(b.kind, b.anchor, cells_markdown(b, spans.get(b.anchor, [])) if b.kind in CELLS
                          else marked(b.text.text, spans.get(b.anchor, [])))
            for b in article.blocks]


def cells_markdown(block: Block, spans: list[Span]) -> Markup:
    """A table as a Markdown table (its first row the header), a list as a Markdown list;
    each cell escaped, with its id (``{ #t1-3 }``: the output check finds every cell by
    it) and the spans that fall inside it."""
    cells, offset = [], 0
    for index, cell in enumerate(block.cells):
        length = len(cell.text)
        inside = [Span(s.start - offset, s.end - offset, s.open, s.close, s.priority) for s in spans
                  if offset <= s.start and s.end <= offset + length]
        # attr_list: at the end of a cell's line, on its own line under a list item
        cells.append(f"{marked(cell.text, inside)}{' ' if block.kind == 'table' else chr(10) + '  '}"
                     f"{{ #{block.cell_anchor(index)} }}")
        offset += length
    if block.kind == "list":
        return Markup("\n".join(f"- {cell}" for cell in cells))
    rows = [cells[start:start + block.columns] for start in range(0, len(cells), block.columns)]
    lines = [_row(rows[0]), _row(["---"] * block.columns)] + [_row(row) for row in rows[1:]]
    return Markup("\n".join(lines))


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
