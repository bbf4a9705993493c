"""Furniture into the record, metadata into place, bylines checked.

``file_furniture`` is called by the parsers for every run of furniture they meet
(:mod:`generator.ingest.furniture` says what it is): the run becomes a
:class:`Furniture` record of the page, its values metadata of its article (or of
the page, for a page header or footer), and the decision is recorded with its line.

``settle`` runs once a page is parsed. Precedence, per field: what the editor gave
(front matter, sidecar) over what an article's own lines or record say over what
the page's header/footer says. The page's own metadata (used to file it by date and
page) is the editor's, then the page's furniture, then any value every article
agrees on (not the page number: articles scraped from one printed page are not that
page, and two of them must not claim it). Disagreements are recorded as doubtful decisions. Bylines and reporter
fields that are not plausible names (:mod:`generator.ingest.names`) are taken out of
the article, kept as ``reporter-note`` furniture and flagged.
"""
from __future__ import annotations

from dataclasses import replace

from generator.ingest.furniture import Found
from generator.ingest.names import plausible
from generator.model import Article, Decision, Furniture, Page, PageMeta, Text

PAGE_KINDS = {"page-header", "page-number", "staff", "boilerplate", "share", "list-number"}
FIELD_LABELS = {"publication": "出处", "date": "日期", "time": "时间", "page": "版次", "edition": "版名",
                "reporter": "记者", "editor": "编辑", "region": "地区", "url": "链接"}


def file_furniture(page: Page, article: Article | None, text: Text, found: Found) -> None:
    """Record a run of furniture; fill the metadata it carries."""
    owner = None if found.kind in PAGE_KINDS else article
    filled = []
    for name, value in found.fields:
        if name not in FIELD_LABELS:
            continue
        if name == "reporter" and not plausible(value):
            page.decisions.append(Decision(text.first_line, "reporter-note", f"reporter “{_short(value)}” is not a "
                                           "plausible name: kept in the source view, not shown", doubtful=True))
            continue
        meta = owner.meta if owner is not None else page.meta
        current = getattr(meta, name)
        if current is None:
            meta = replace(meta, **{name: value})
            filled.append(name)
            if owner is not None:
                owner.meta = meta
            else:
                page.meta = meta
        elif current != value:  # 人民日报 in a paper footer under 人民网－人民日报: not a contradiction
            page.decisions.append(Decision(text.first_line, "metadata", f"{FIELD_LABELS[name]} “{value}” differs "
                                           f"from “{current}” found before; kept “{current}”",
                                           doubtful=value not in current and current not in value))
    page.furniture.append(Furniture(text, found.kind, tuple(filled), owner.number if owner is not None else 0))
    what = "，".join(f"{FIELD_LABELS[n]}={getattr((owner or page).meta, n)}" for n in filled)
    page.decisions.append(Decision(text.first_line, "furniture", f"{found.kind}: “{_short(text.text)}” out of the "
                                   f"body" + (f"; {what}" if what else ""), doubtful=found.guess))


def note(page: Page, article: Article | None, text: Text, kind: str, message: str, doubtful: bool = True) -> None:
    """Keep source text that is neither body nor metadata (a bogus byline) as a flagged note."""
    page.furniture.append(Furniture(text, kind, (), article.number if article is not None else 0))
    page.decisions.append(Decision(text.first_line, kind, message, doubtful=doubtful))


def settle(page: Page) -> None:
    """Bylines checked; each article's metadata and the page's own, by precedence."""
    given = page.source.meta
    if page.source.script:
        page.decisions.append(Decision(page.source.body_start, "script", page.source.script,
                                       doubtful=page.source.script_doubtful))
    for article in page.articles:
        check_bylines(page, article)
    common = replace(_agreed([a.meta for a in page.articles]), page=None, edition=None)  # a printed page is the page's
    for name, value in given.fields().items():
        found = getattr(page.meta.over(common), name)
        if found is not None and found != value:
            page.decisions.append(Decision(page.source.body_start, "metadata", f"{FIELD_LABELS[name]}: the page "
                                           f"says “{found}”, the metadata given “{value}”; kept the given"))
    page.source = replace(page.source, meta=given.over(page.meta.over(common)))
    for article in page.articles:
        article.meta = given.over(article.meta.over(page.meta))


def check_bylines(page: Page, article: Article) -> None:
    """A byline that is not a plausible name is not shown as one (a reporter field in
    furniture is checked when it is filed)."""
    kept = []
    for byline in article.bylines:
        if plausible(byline.text):
            kept.append(byline)
        else:
            note(page, article, byline, "reporter-note", f"byline “{_short(byline.text)}” is not a plausible "
                 "name: kept as a note, not shown as a byline")
    article.bylines = kept


def _agreed(metas: list[PageMeta]) -> PageMeta:
    """The fields every one of ``metas`` has, with the same value."""
    if not metas:
        return PageMeta()
    first = metas[0].fields()
    return PageMeta(**{k: v for k, v in first.items() if all(m.fields().get(k) == v for m in metas[1:])})


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
