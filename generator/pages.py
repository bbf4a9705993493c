"""Assemble each output page's template context and render it (Simplified text).

One function per kind of page; each returns ``{relative path: Markdown}``.
"""
from __future__ import annotations

from markupsafe import Markup

from .annotate import Annotations
from .errata import Located
from .escape import attr
from .glossary_pages import render_glossary, term_url, term_view, tooltip
from .model import Article, Erratum
from .pipeline import Digest, PageResult
from .render import Note, Span, block_range, environment, front_matter, lede, render_blocks

ARTICLES = "articles"


def article_path(article: Article) -> str:
    return f"{ARTICLES}/{article.slug}.md"


def article_url(article: Article, depth: int = 0) -> Markup:
    """Relative URL of an article page from a page ``depth`` folders deep."""
    return Markup("../" * depth + f"{ARTICLES}/{article.slug}.html")


def render_digest(digest: Digest, site_title: str) -> dict[str, str]:
    env = environment()
    files: dict[str, str] = {"index.md": render_home(env, digest, site_title)}
    for result in digest.pages:
        for article in result.page.articles:
            files[article_path(article)] = render_article(env, result, article, digest.annotations)
    files.update(render_glossary(env, digest.glossary, digest.annotations))
    return files


def navigation(digest: Digest) -> list:
    """MkDocs nav: home, articles by page, glossary. Titles come from the pages' own
    (escaped) titles; section labels are escaped here because Material prints nav
    titles unescaped."""
    by_page = [{str(attr(source_label(r, r.page.articles[0]).rsplit("，", 1)[0])):
                [article_path(a) for a in r.page.articles]} for r in digest.pages]
    return [{"首页": "index.md"}, {"文章": by_page}, {"术语表": "glossary/index.md"}]


def render_article(env, result: PageResult, article: Article, annotations: Annotations) -> str:
    spans, notes = errata_marks(article, result.errata)
    for anchor, found in term_marks(article, annotations).items():
        spans.setdefault(anchor, []).extend(found)
    return env.get_template("article.md.j2").render(
        article=article,
        meta=front_matter(article.title, lede(article)),
        source_label=source_label(result, article),
        continuations=[continuation_note(c.marker.text, c.direction, c.page) for c in article.continuations],
        blocks=render_blocks(article, spans),
        notes=notes,
        terms=[term_view(t) for t in annotations.terms_in(article)],
        numbers=annotations.numbers.get(article.slug, []),
    )


def term_marks(article: Article, annotations: Annotations) -> dict[str, list[Span]]:
    """A link with a tooltip around every glossary term in the body."""
    spans: dict[str, list[Span]] = {}
    for found in annotations.occurrences.get(article.slug, []):
        term = found.term
        opening = Markup('<a class="bz-term" href="{}" title="{}" data-pinyin="{}">').format(
            term_url(term), attr(tooltip(term)), attr(term.pinyin))
        spans.setdefault(found.anchor, []).append(Span(found.start, found.end, opening, Markup("</a>")))
    return spans


def source_label(result: PageResult, article: Article) -> str:
    meta = result.page.source.meta
    parts = [p for p in (meta.publication, meta.date, f"{meta.page}版" if meta.page else None) if p]
    where = " ".join(parts) if parts else result.page.source.name
    return f"{where}，第{article.number}篇"


def continuation_note(marker: str, direction: str, page: str) -> str:
    side = "上接" if direction == "from" else "下转"
    return f"{marker}：本文{side}{page}版，该版不在本摘编中。"


def errata_marks(article: Article, located: list[Located]) -> tuple[dict[str, list[Span]], list[Note]]:
    """Mark each erratum's text in its paragraph and add the editor's note."""
    spans: dict[str, list[Span]] = {}
    notes: list[Note] = []
    for block in article.blocks:
        for loc in located:
            where = block_range(block, loc.erratum.line, loc.start, loc.end)
            if where is None or (loc.erratum.kind == "move" and where[0] != _line_start(block, loc)):
                continue
            key = f"e{len(notes) + 1}"
            notes.append(Note(key, erratum_text(loc.erratum)))
            start, end = where
            if loc.erratum.kind == "move":
                end = start
            spans.setdefault(block.anchor, []).append(Span(
                start, end, Markup(f'<span class="bz-erratum" id="{key}">'),
                Markup(f"</span>[^{key}]"), priority=10))
    return spans, notes


def _line_start(block, loc: Located) -> int:
    where = block_range(block, loc.erratum.line, loc.start, loc.end)
    return where[0] if where else -1


def erratum_text(erratum: Erratum) -> str:
    if erratum.kind == "move":
        return f"编者注：{erratum.reason}（原文第{erratum.line}行）"
    fix = f"应为“{erratum.correction}”。" if erratum.correction else "正确文字不详，未作改动。"
    return f"编者注：原文作“{erratum.original}”，{fix}{erratum.reason}"


def render_home(env, digest: Digest, site_title: str) -> str:
    pages = []
    for result in digest.pages:
        items = [{
            "kicker": a.kicker.text if a.kicker else None,
            "title": a.title,
            "url": Markup(article_path(a)),
            "byline": "　".join(b.text for b in a.bylines) or None,
            "lede": lede(a),
            "notes": len(errata_marks(a, result.errata)[1]),
        } for a in result.page.articles]
        pages.append({"label": source_label(result, result.page.articles[0]).rsplit("，", 1)[0],
                      "articles": items})
    description = "；".join(a.title for a in digest.articles[:4])
    return env.get_template("home.md.j2").render(
        meta=front_matter(site_title, description), site_title=site_title, pages=pages)


__all__ = ["render_digest", "article_path", "article_url", "attr"]
