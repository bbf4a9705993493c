"""The same article twice: published once, the other copy recorded as a duplicate.

Two articles are the same when their body text is the same once spaces and the
width of punctuation are set aside (a feed page that holds an article as HTML and
as text; a record saved under two outlets). The copy kept is the one published
first (date and time, when both are known), then the one with more bylines, then
the one read through fewer conversions (plain text before decoded HTML), then the
first in reading order. The other leaves its page's articles for
``Page.duplicates``: its text stays accounted for and is shown in the source view;
the kept article says where else it was published ("又见于") when the outlet
differs. Each is a recorded decision of its page.
"""
from __future__ import annotations

import re
import unicodedata

from generator.ingest.repair import number_blocks
from generator.model import (Article, Block, Decision, Digest, Duplicate, Page, PageResult, Piece, SourceLine,
                             SourcePage, Text)

MIN_BODY = 30  # characters: shorter bodies (a one-line brief) are not compared
MIN_ANCHOR = 10  # characters: the shortest paragraph a repeated run may start with


def remove_duplicates(digest: Digest) -> int:
    """Move every duplicate article (and every repeated run of paragraphs inside one)
    out of its page; the number moved."""
    moved = sum(remove_repeats(result.page) for result in digest.pages)
    groups: dict[str, list[tuple[PageResult, Article]]] = {}
    for result in digest.pages:
        for article in result.page.articles:
            key = body_key(article)
            if len(key) >= MIN_BODY:
                groups.setdefault(key, []).append((result, article))
    for copies in groups.values():
        if len(copies) > 1:
            moved += _settle_group(sorted(copies, key=_preference))
    return moved


def body_key(article: Article) -> str:
    return "".join(_key(b) for b in article.blocks)


def _key(block: Block) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", block.text.text))


def remove_repeats(page: Page) -> int:
    """An article whose paragraphs come twice (a feed page holding the text as HTML and
    as text, parsed as one article): the copy read through more conversions goes."""
    moved = 0
    for article in page.articles:
        while (found := _repeat(article)) is not None:
            first, second, length = found
            # the copy read through more conversions goes, but not the one the dateline was taken from
            drop = second if first == 0 and article.dateline is not None else \
                max((first, second), key=lambda start: (_converted(page, article.blocks[start:start + length]), start))
            removed = article.blocks[drop:drop + length]
            del article.blocks[drop:drop + length]
            number_blocks(article)
            copy = Article(source=article.source, number=article.number, blocks=removed)
            page.duplicates.append(Duplicate(copy, f"与第{article.number}篇《{article.title}》的正文重复",
                                             "paragraphs repeated"))
            page.decisions.append(Decision(removed[0].text.first_line, "duplicate", f"{length} paragraphs of "
                                           f"“{article.title}” come twice on the page: published once"))
            moved += 1
    return moved


def _repeat(article: Article) -> tuple[int, int, int] | None:
    """(start of a run, start of its repeat, length): the longest run of paragraphs that
    comes again later, not overlapping: two or more paragraphs of MIN_BODY characters, or
    one of twice that (a paragraph so long is not repeated on purpose). A run starts at a
    paragraph of at least MIN_ANCHOR characters (short lines — table cells, labels — recur
    for their own reasons); pairs are found by their text, so a long page stays linear."""
    keys = [_key(b) for b in article.blocks]
    if keys and article.dateline is not None:  # the first paragraph without its dateline is the same text
        keys[0] = _key(Block("para", article.dateline)) + keys[0]
    where: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if len(key) >= MIN_ANCHOR:
            where.setdefault(key, []).append(index)
    best = None
    for places in where.values():
        for first, second in zip(places, places[1:]):
            length = 0
            while second + length < len(keys) and first + length < second and keys[first + length] == \
                    keys[second + length] and keys[first + length]:
                length += 1
            size = sum(map(len, keys[first:first + length]))
            if (length >= 2 and size >= MIN_BODY or size >= 2 * MIN_BODY) and (best is None or length > best[2]):
                best = (first, second, length)
    return best


def _converted(page: Page, blocks: list[Block]) -> int:
    lines = {p.line for b in blocks for p in b.text.pieces}
    return sum(1 for c in page.source.changes if c.line in lines)


def _preference(copy: tuple[PageResult, Article]) -> tuple:
    result, article = copy
    meta = article.meta
    published = (meta.date or "9999-99-99", meta.time or "99:99")
    lines = {p.line for b in article.blocks for p in b.text.pieces}
    converted = sum(1 for c in result.page.source.changes if c.line in lines)
    return published, -len(article.bylines), converted, result.page.source.name, article.number


def _settle_group(copies: list[tuple[PageResult, Article]]) -> int:
    kept_result, kept = copies[0]
    for result, copy in copies[1:]:
        result.page.articles.remove(copy)
        result.page.duplicates.append(Duplicate(copy, describe(kept), "same body text"))
        where = f"{kept_result.page.source.name}:{kept_result.page.source.where(kept.first_line)}"
        result.page.decisions.append(Decision(copy.first_line, "duplicate", f"“{copy.title}” is the same text as "
                                              f"{where} “{kept.title}”: published once, there"))
        outlet = copy.meta.publication
        if outlet and outlet != kept.meta.publication:
            also = " ".join(p for p in (outlet, copy.meta.date, copy.meta.time) if p)
            if also not in kept.also:
                kept.also.append(also)
    return len(copies) - 1


def describe(article: Article) -> str:
    """《headline》 and its outlet and date, as the source view names the copy kept."""
    meta = article.meta
    where = " ".join(p for p in (meta.publication, meta.date) if p)
    return f"与《{article.title}》相同" + (f"（{where}）" if where else "")


def html_copies(source: SourcePage) -> set[int]:
    """Reading lines of leftover HTML whose text the page also holds as plain lines, in the
    same order (a feed page saving an article as HTML and as text): the copy to leave out
    of parsing, so that it neither doubles the article nor splits it."""
    groups: dict[int, list[SourceLine]] = {}
    for line in source.lines:
        if line.number >= source.body_start and _from_html(source, line):
            groups.setdefault(source.where(line.number), []).append(line)
    html = {ln.number for lines in groups.values() for ln in lines}
    plain = [_text_key(ln.text) for ln in source.lines if ln.number >= source.body_start
             and ln.number not in html and ln.text.strip()]
    copies: set[int] = set()
    for lines in groups.values():
        keys = [_text_key(ln.text) for ln in lines if ln.text.strip()]
        size = sum(map(len, keys))
        if keys and (size >= 2 * MIN_BODY or len(keys) >= 2 and size >= MIN_BODY) and _holds(plain, keys):
            copies |= {ln.number for ln in lines}
    return copies


def record_html_copies(page: Page, copies: set[int]) -> None:
    """The HTML copy left out of parsing, recorded as a duplicate of the page's text."""
    lines = [ln for ln in page.source.lines if ln.number in copies and ln.text.strip()]
    if not lines:
        return
    blocks = [Block("para", Text((Piece(ln.number, len(ln.text) - len(ln.text.lstrip()), ln.text.strip()),)))
              for ln in lines]
    first = page.articles[0].title if page.articles else ""
    page.duplicates.append(Duplicate(Article(source=page.source.name, number=0, blocks=blocks),
                                     "与本页正文相同的网页代码副本", "HTML copy of the page's text"))
    page.decisions.append(Decision(lines[0].number, "duplicate", f"{len(lines)} HTML paragraphs repeat the page's "
                                   f"text (“{first}”): left out, shown in the source view"))


def _from_html(source: SourcePage, line: SourceLine) -> bool:
    return line.raw is not None and "<" in line.raw


def _text_key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _holds(plain: list[str], keys: list[str]) -> bool:
    return any(plain[i:i + len(keys)] == keys for i in range(len(plain) - len(keys) + 1))
