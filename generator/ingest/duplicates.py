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

from generator.model import Article, Decision, Digest, Duplicate, PageResult

MIN_BODY = 30  # characters: shorter bodies (a one-line brief) are not compared


def remove_duplicates(digest: Digest) -> int:
    """Move every duplicate article out of its page; the number moved."""
    groups: dict[str, list[tuple[PageResult, Article]]] = {}
    for result in digest.pages:
        for article in result.page.articles:
            key = body_key(article)
            if len(key) >= MIN_BODY:
                groups.setdefault(key, []).append((result, article))
    moved = 0
    for copies in groups.values():
        if len(copies) > 1:
            moved += _settle_group(sorted(copies, key=_preference))
    return moved


def body_key(article: Article) -> str:
    text = "".join(b.text.text for b in article.blocks)
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


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
