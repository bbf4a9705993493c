"""Parse a record file (see :mod:`generator.ingest.records`): one article per record.

The record says what is what: ``title`` is the headline; ``publish_time``,
``source``, ``editor`` and ``url`` are metadata; ``reporter`` is a byline when it is
a plausible name (else a flagged note); ``content`` holds the paragraphs, with the
same checks as a page of text: furniture (a paper footer, an image link) goes to the
record, a ``本报记者 熊 悦`` line is a byline, a leading ``中国经济网北京6月12日讯`` a
dateline, and a short unpunctuated paragraph followed by text a subhead. Any other
field is kept as furniture of its article (``content_text``, a copy of ``content``,
is compared with it). Top-level fields (the file's ``date``) belong to the page.
"""
from __future__ import annotations

from generator.errors import SourceError
from generator.ingest import classify as c
from generator.ingest import furniture, tables
from generator.ingest.classify import Kind
from generator.ingest.metadata import file_furniture, note
from generator.ingest.names import plausible
from generator.ingest.units import Line, Unit
from generator.ingest.records import field_name
from generator.model import Article, Block, Continuation, Decision, Page, Photo, Piece, SourceLine, SourcePage, Text

META = {"source": "publication", "editor": "editor", "url": "url", "link": "url"}
SUBHEAD = 30  # characters: the longest paragraph taken for a subhead


def parse_records(source: SourcePage) -> Page:
    page = Page(source=source, articles=[])
    groups: dict[int, list[SourceLine]] = {}
    for line in source.lines:
        groups.setdefault(line.record.record, []).append(line)
    for line in groups.pop(0, []):
        _top_field(page, line)
    for record, lines in groups.items():
        _record(page, record, lines)
    return page


def _whole(line: SourceLine) -> Text | None:
    stripped = line.text.strip()
    if not stripped:
        return None
    return Text((Piece(line.number, len(line.text) - len(line.text.lstrip()), stripped),))


def _field(line: SourceLine) -> str:
    return field_name(line.record.field.split("#", 1)[0])


def _top_field(page: Page, line: SourceLine) -> None:
    text = _whole(line)
    if text is None:
        return
    name = _field(line)
    found = furniture.Found("file-field", 0, len(text.text))
    if name in ("date", "publish_time"):
        date, _ = furniture.parse_time(text.text)
        if date:
            found = furniture.Found("file-field", 0, len(text.text), (("date", date),))
    file_furniture(page, None, text, found)


def _record(page: Page, record: int, lines: list[SourceLine]) -> None:
    article = Article(source=page.source.name, number=len(page.articles) + 1)
    page.articles.append(article)
    content = [ln for ln in lines if _field(ln) == "content"]
    for line in lines:
        name, text = _field(line), _whole(line)
        if text is None or name == "content":
            continue
        if name == "title":
            article.headline = text if article.headline is None else article.headline + text
        elif name == "publish_time":
            _publish_time(page, article, text)
        elif name == "reporter":
            _reporter(page, article, text)
        elif name in META:
            file_furniture(page, article, text, furniture.Found("record-field", 0, len(text.text),
                                                                ((META[name], text.text),)))
        elif name == "content_text":
            _copy(page, article, text, content)
        else:
            file_furniture(page, article, text, furniture.Found("record-field", 0, len(text.text)))
    _content(page, article, content)
    if not article.has_body:
        raise SourceError(f"record {record} (“{article.title}”) has no body text", page.source.path,
                          page.source.where((content or lines)[0].number))


def _publish_time(page: Page, article: Article, text: Text) -> None:
    date, time = furniture.parse_time(text.text)
    fields = tuple((k, v) for k, v in (("date", date), ("time", time)) if v)
    file_furniture(page, article, text, furniture.Found("record-field", 0, len(text.text), fields))
    if not date:
        page.decisions.append(Decision(text.first_line, "metadata", f"publish_time “{text.text}” is not a date "
                                       "this reader knows (YYYY-MM-DD HH:MM): kept, no date", doubtful=True))


def _reporter(page: Page, article: Article, text: Text) -> None:
    if plausible(text.text):
        article.bylines.append(text)
    else:
        note(page, article, text, "reporter-note", f"reporter field “{text.text}” is not a plausible name: "
             "kept as a note, not shown as a byline")


def _copy(page: Page, article: Article, text: Text, content: list[SourceLine]) -> None:
    """``content_text``: the paragraphs joined, a copy; a copy that differs is flagged."""
    same = [ln.text.strip() for ln in content if ln.text.strip()]
    # the copy is split into lines like content; compare the whole field, line by line
    file_furniture(page, article, text, furniture.Found("copy", 0, len(text.text)))
    if text.text not in same:
        page.decisions.append(Decision(text.first_line, "copy", "content_text line is not a paragraph of "
                                       "content: kept in the source view only", doubtful=True))


def _content(page: Page, article: Article, lines: list[SourceLine]) -> None:
    texts = [t for t in (_whole(ln) for ln in lines) if t is not None]
    cells = {f.start: f for f in tables.find([_unit(t) for t in texts])}  # a table's cells, one a paragraph
    skip = 0
    for index, text in enumerate(texts):
        if index < skip:
            continue
        if index in cells:
            table = cells[index]
            article.blocks.append(Block("table" if table.columns else "list", Text(tuple(table.cells)),
                                        columns=table.columns))
            page.decisions.append(table.decision)
            skip = table.end
            continue
        found = furniture.classify(text.text)
        kind = c.kind_of(text.text) if found is None else Kind.CHROME
        if found is not None:
            file_furniture(page, article, text, found)
        elif kind is Kind.BYLINE or _bulleted_name(text.text):
            article.bylines.append(text)
        elif kind is Kind.CREDIT:
            article.photos.append(Photo(None, text))
        elif kind is Kind.CONTINUATION:
            piece = text.pieces[0]
            article.continuations.append(Continuation("from" if c.CONT_FROM_RE.match(piece.raw) else "to",
                                                      c.continuation_page(piece.raw), piece))
        elif _subhead(text.text, [t.text for t in texts[index + 1:]]):
            article.blocks.append(Block("heading", text))
            page.decisions.append(Decision(text.first_line, "subhead", f"“{text.text}”: a short paragraph without "
                                           "a sentence end, before text: a subhead"))
        else:
            _paragraph(page, article, text)


def _unit(text: Text) -> Unit:
    piece = text.pieces[0]
    return Unit([Line(piece.line, piece.start, piece.raw, c.kind_of(piece.raw))])


def _bulleted_name(text: str) -> bool:
    """``■ 李 文``: a bullet and a plausible name, nothing else (a columnist's byline)."""
    return text[:1] in "■●◆▲★☆□◇○•" and plausible(text)


def _subhead(text: str, following: list[str]) -> bool:
    """Short, no sentence end or clause mark, and the next paragraph (or the one after a
    second such line: a subhead set over two lines) is running text."""
    if not _short(text):
        return False
    for after in following[:2]:
        if furniture.classify(after) is not None:
            continue
        if not _short(after):
            return c.is_prose(after) and len(after) > len(text)
    return False


def _short(text: str) -> bool:
    return len(text) <= SUBHEAD and not c.ends_sentence(text) and not any(m in text for m in "，,；;：:")


def _paragraph(page: Page, article: Article, text: Text) -> None:
    piece = text.pieces[0]
    start, end = 0, len(piece.raw)
    if not article.blocks and article.dateline is None:
        match = c.LEADING_DATELINE_RE.match(piece.raw)
        if match and match.end() < end:
            article.dateline = Text((_cut(piece, 0, len(match.group().rstrip())),))
            start = match.end()
    tail = furniture.trailing(piece.raw[start:end])
    if tail is not None:
        file_furniture(page, article, Text((_cut(piece, start + tail.start, end),)), tail)
        end = start + tail.start
    body = piece.raw[start:end].rstrip()
    if body:
        article.blocks.append(Block("para", Text((_cut(piece, start, start + len(body)),))))


def _cut(piece: Piece, start: int, end: int) -> Piece:
    return Piece(piece.line, piece.start + start, piece.raw[start:end])
