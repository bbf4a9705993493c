"""The preservation check: nothing of a source is lost or silently changed.

1. Accounting: every non-space character of every source line belongs to
   exactly one piece of the article model (text, metadata) or to consumed
   structure (heading marks, front matter).
2. Faithful pieces: each piece's shown text is its source text with only the
   recorded punctuation changes applied.
3. Output: the article's HTML shows every piece: each paragraph and section
   heading exactly, in its own element (``id="p1"``…) and in source order;
   metadata anywhere on the page. ``baozhai build`` checks the HTML MkDocs
   itself renders (the Baozhai plugin reads each article's :class:`Shown`
   from a file beside the Simplified docs); ``baozhai check``, which builds
   nothing, renders the Markdown with Python-Markdown and mkdocs.yml's
   ``markdown_extensions`` (the ``render`` argument: Markdown → HTML).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Callable

from generator.ingest.layers import apply
from generator.model import CELLS, Article, Block, Change, Page, Piece, PunctChange, Repairs, Text

Render = Callable[[str], str]  # Markdown → HTML, as the site's pages are rendered (Settings.markdown_html)


@dataclass(frozen=True)
class Loss:
    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


def article_pieces(article: Article) -> tuple[list[Piece], list[Piece]]:
    """(body pieces in reading order, metadata pieces)."""
    body = [p for block in article.blocks for p in block.text.pieces]
    meta_texts = [article.headline, article.kicker, article.deck, article.dateline, article.reporters]
    meta_texts += article.bylines + [t for ph in article.photos for t in (ph.caption, ph.credit)]
    meta = [p for t in meta_texts if t is not None for p in t.pieces]
    meta += [c.marker for c in article.continuations]
    return body, meta


def recorded_pieces(page: Page) -> list[Piece]:
    """Source text kept out of every article body and shown in the page's source view:
    page furniture, notes (a bogus byline), the text of duplicate articles."""
    pieces = [p for f in page.furniture for p in f.text.pieces] + [p for t in page.chrome for p in t.pieces]
    return pieces + [p for d in page.duplicates for group in article_pieces(d.article) for p in group]


def check_accounting(page: Page, repairs: Repairs) -> list[Loss]:
    """Every non-space character of every reading line belongs to exactly one piece:
    of an article (body or metadata), of recorded furniture, or of consumed structure.
    A line (or part) that is none of these is reported lost, naming its file line."""
    source = page.source
    covered: dict[int, list[tuple[Piece, bool]]] = {}
    shown = [p for a in page.articles for group in article_pieces(a) for p in group]
    for piece, faithful in [(p, True) for p in shown] + [(p, False) for p in recorded_pieces(page)] \
            + [(c.piece, False) for c in page.consumed]:
        covered.setdefault(piece.line, []).append((piece, faithful))
    changes = _changes_by_line(repairs.punctuation)
    losses = check_layers(page)
    for line in source.lines:
        if line.number < source.body_start:
            continue
        found = _line_losses(source.name, line.number, line.text, covered.get(line.number, []), changes)
        losses += [Loss(x.source, source.where(x.line), x.message) for x in found]
    return losses


def check_layers(page: Page) -> list[Loss]:
    """A reading line made through a layer (HTML taken apart, a Traditional page
    converted) is its file text with exactly the recorded changes applied."""
    source = page.source
    by_line: dict[int, list[Change]] = {}
    for change in source.changes:
        by_line.setdefault(change.line, []).append(change)
    losses = []
    for line in source.lines:
        recorded = by_line.pop(line.number, [])
        if line.raw is None and not recorded:
            continue
        if line.raw is None or apply(line.raw, recorded) != line.text:
            losses.append(Loss(source.name, source.where(line.number),
                               f"reading text “{line.text[:20]}” is not the file's text with the recorded changes"))
    losses += [Loss(source.name, source.where(n), "a change is recorded for a line that is not read") for n in by_line]
    return losses


def _line_losses(name: str, number: int, text: str, pieces: list[tuple[Piece, bool]],
                 changes: dict[int, dict[int, PunctChange]]) -> list[Loss]:
    """``faithful`` pieces are shown as text (their shown text must be the source's with
    the recorded changes); the others are shown as the source line itself."""
    owner = [0] * len(text)
    losses = []
    for piece, faithful in pieces:
        if text[piece.start:piece.start + len(piece.raw)] != piece.raw:
            losses.append(Loss(name, number, f"piece “{piece.raw}” is not the source text"))
        expected = _apply(piece, changes.get(number, {}))
        if faithful and piece.text and expected != piece.text:
            losses.append(Loss(name, number, f"“{piece.text}” differs from the source beyond recorded changes"))
        for column in range(piece.start, min(piece.start + len(piece.raw), len(text))):
            owner[column] += 1
    for column, char in enumerate(text):
        if not char.isspace() and owner[column] != 1:
            what = "lost" if owner[column] == 0 else "used twice"
            losses.append(Loss(name, number, f"character “{char}” at column {column + 1} {what}"))
    return losses


def _apply(piece: Piece, changes: dict[int, PunctChange]) -> str:
    chars = list(piece.raw)
    for offset in range(len(chars)):
        change = changes.get(piece.start + offset)
        if change is not None:
            chars[offset] = change.new
    return "".join(chars)


def _changes_by_line(changes: list[PunctChange]) -> dict[int, dict[int, PunctChange]]:
    result: dict[int, dict[int, PunctChange]] = {}
    for change in changes:
        result.setdefault(change.line, {})[change.column] = change
    return result


class _Text(HTMLParser):
    """Visible text of rendered HTML, without footnote markers and notes, and
    the text of each element that has an id (a paragraph's ``p3``)."""

    SKIP = {"footnote-ref", "footnote"}
    SKIP_TAGS = {"rt", "rp", "script", "style"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []
        self.open: list[tuple[str, str | None]] = []
        self.by_id: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag in self.VOID:
            return
        if self.skipping or set((attributes.get("class") or "").split()) & self.SKIP or tag in self.SKIP_TAGS:
            self.skipping.append(tag)
            return
        ident = attributes.get("id")
        self.open.append((tag, ident))
        if ident:
            self.by_id.setdefault(ident, [])

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if self.skipping[-1] == tag:
                self.skipping.pop()
            return
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self.parts.append(data)
        for _, ident in self.open:
            if ident:
                self.by_id[ident].append(data)


def _rendered(markdown_text: str, render: Render) -> _Text:
    body = markdown_text.split("\n---\n", 1)[1] if markdown_text.startswith("---\n") else markdown_text
    return _parsed(render(body))


def _parsed(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser


def visible_text(markdown_text: str, render: Render) -> str:
    return "".join(_rendered(markdown_text, render).parts)


@dataclass(frozen=True)
class Shown:
    """What an article's page must show: each block (anchor, text, first line) in
    order, and each metadata piece (text, line) somewhere."""

    source: str
    blocks: tuple[tuple[str, str, int], ...]
    meta: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, article: Article) -> "Shown":
        return cls(article.source,
                   tuple((anchor, text.text, text.first_line) for b in article.blocks for anchor, text in _shown(b)),
                   tuple((p.text, p.line) for p in article_pieces(article)[1]))

    def as_json(self) -> dict:
        return {"source": self.source, "blocks": self.blocks, "meta": self.meta}

    @classmethod
    def from_json(cls, data: dict) -> "Shown":
        return cls(data["source"], tuple(map(tuple, data["blocks"])), tuple(map(tuple, data["meta"])))


def _shown(block: Block) -> list[tuple[str, Text]]:
    """(id, text) of the elements a block is shown in: itself, or each cell of a table or list."""
    if block.kind in CELLS:
        return [(block.cell_anchor(index), cell) for index, cell in enumerate(block.cells)]
    return [(block.anchor, block.text)]


def shown_json(pages: dict[str, Article], others: dict[str, Shown] | None = None) -> str:
    """The :class:`Shown` of each article (and of each source view, ``others``), by its
    Markdown path, for the MkDocs plugin."""
    shown = {path: Shown.of(article) for path, article in pages.items()} | (others or {})
    return json.dumps({path: item.as_json() for path, item in sorted(shown.items())}, ensure_ascii=False)


def check_output(article: Article, markdown_text: str, render: Render) -> list[Loss]:
    """The output check of one article on its Markdown, rendered by ``render``."""
    return check_shown(Shown.of(article), _rendered(markdown_text, render))


def check_markdown(shown: "Shown", markdown_text: str, render: Render) -> list[Loss]:
    """The output check of any page (a source view) on its Markdown, rendered by ``render``."""
    return check_shown(shown, _rendered(markdown_text, render))


def check_html(shown: Shown, html: str) -> list[Loss]:
    """The output check of one article on its page's HTML (as MkDocs rendered it)."""
    return check_shown(shown, _parsed(html))


def check_shown(shown: Shown, page: _Text) -> list[Loss]:
    """Each block's element (id ``p1``, ``s1``…) shows exactly its text, in source
    order; every metadata piece is visible somewhere on the page."""
    order = {ident: index for index, ident in enumerate(page.by_id)}
    losses = []
    position = -1
    for anchor, text, line in shown.blocks:
        parts = page.by_id.get(anchor)
        if parts is None or "".join(parts) != text:
            losses.append(Loss(shown.source, line, f"text not shown: “{text[:20]}…”"))
        elif order[anchor] < position:
            losses.append(Loss(shown.source, line, f"text not shown in order: “{text[:20]}…”"))
        else:
            position = order[anchor]
    visible = "".join(page.parts)
    for text, line in shown.meta:
        if text.strip() not in visible:
            losses.append(Loss(shown.source, line, f"metadata not shown: “{text}”"))
    return losses
