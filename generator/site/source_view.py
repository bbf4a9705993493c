"""The source view: a page per source file listing its lines and what became of each.

Every reading line of the source (for a record file, each field's text; for a
converted Traditional page, the file's text and the reading text) is shown as it is
in the file, with where each part of it went: the headline, a paragraph of article
N, a metadata field, a kind of page furniture, a flagged note, a duplicate not
published. Each article links here ("原文") to its first line, so an editor and a
reader can see every furniture line; the preservation check proves that every
furniture piece is visible on this page (:func:`shown`).
"""
from __future__ import annotations

from markupsafe import Markup

from generator.ingest.metadata import FIELD_LABELS
from generator.ingest.preserve import Shown, article_pieces, recorded_pieces
from generator.model import Article, Digest, Page, PageResult, Piece, SourceLine
from generator.site.render import front_matter
from generator.slugs import slugify, unique

SOURCES = "sources"
KINDS = {  # furniture kinds, as the source view names them
    "paper-footer": "报纸出处行", "scraper-header": "网页抬头", "label": "抓取标签", "staff": "版面署名",
    "page-header": "版面页眉", "page-number": "版次", "list-number": "列表编号", "boilerplate": "网站版权或备案信息",
    "share": "分享订阅提示", "image": "图片链接", "url": "网址", "editor": "责任编辑", "record-field": "记录字段",
    "file-field": "文件字段", "copy": "正文副本", "reporter-note": "存疑署名（未作署名显示）", "chrome": "版面附件",
}


def source_paths(digest: Digest) -> dict[str, str]:
    """The source view's Markdown path of each source file, by file name."""
    names = [r.page.source.name for r in digest.pages]
    slugs = unique([slugify(name, "source") for name in names])
    return {name: f"{SOURCES}/{slug}.md" for name, slug in zip(names, slugs)}


def source_href(path: str, article: Article, prefix: str = "../") -> Markup:
    """The link to ``article``'s first line on its source view."""
    lines = [p.line for group in article_pieces(article) for p in group]
    return Markup(f"{prefix}{path[:-3]}.html" + (f"#L{min(lines)}" if lines else ""))


def render_sources(env, digest: Digest, paths: dict[str, str]) -> dict[str, str]:
    return {paths[r.page.source.name]: render_source(env, r) for r in digest.pages}


def render_source(env, result: PageResult) -> str:
    page = result.page
    fates = line_fates(page)
    rows = [{"number": line.number, "where": _where(line), "text": line.text,
             "original": _original(page, line), "fates": fates.get(line.number, [])}
            for line in page.source.lines if line.number >= page.source.body_start and line.text.strip()]
    title = f"原文逐行：{label(page)}"
    return env.get_template("source.md.j2").render(
        meta=front_matter(title, f"{label(page)}的原文逐行，及每行在本站的去向（正文、标题、元数据或版面附件）。"),
        title=title, rows=rows, articles=[{"number": a.number, "title": a.title} for a in page.articles],
        changes=sum(1 for c in page.source.changes if c.kind == "script"),
        markup=sum(1 for c in page.source.changes if c.kind != "script"))


def label(page: Page) -> str:
    meta = page.source.meta
    parts = [p for p in (meta.publication, meta.date, f"{meta.page}版" if meta.page else None) if p]
    if parts:
        return " ".join(parts)
    return f"《{page.articles[0].title}》等{len(page.articles)}篇" if page.articles else "来源页"


def _where(line: SourceLine) -> str:
    if line.origin is None:
        return str(line.number)
    field = f" · 第{line.origin.record}条 {line.origin.field}" if line.origin.record else \
        (f" · {line.origin.field}" if line.origin.field else "")
    return f"{line.origin.line}{field}"


def _original(page: Page, line: SourceLine) -> str | None:
    """The file's text of a line read through a layer (HTML, a Traditional page), if it differs."""
    return line.raw if line.raw is not None and line.raw != line.text else None


def line_fates(page: Page) -> dict[int, list[str]]:
    """What became of each reading line, part by part, in column order."""
    found: dict[int, list[tuple[int, str]]] = {}

    def put(pieces, what: str) -> None:
        for piece in pieces:
            found.setdefault(piece.line, []).append((piece.start, what))

    for article in page.articles:
        _article_fates(article, put, f"第{article.number}篇")
    for item in page.furniture:
        put(item.text.pieces, _furniture(item.kind, item.fields, item.article))
    for text in page.chrome:
        put(text.pieces, KINDS["chrome"])
    for duplicate in page.duplicates:
        for group in article_pieces(duplicate.article):
            put(group, f"重复稿件，未单独发表（{duplicate.kept}）")
    for consumed in page.consumed:
        put([consumed.piece], "结构标记")
    return {line: [what for _, what in sorted(parts, key=lambda p: p[0])] for line, parts in found.items()}


def _article_fates(article: Article, put, name: str) -> None:
    for field, what in (("headline", "标题"), ("kicker", "引题"), ("deck", "副题"), ("dateline", "电头"),
                        ("reporters", "记者")):
        text = getattr(article, field)
        if text is not None:
            put(text.pieces, f"{name} {what}")
    for byline in article.bylines:
        put(byline.pieces, f"{name} 署名")
    for photo in article.photos:
        put(photo.caption.pieces if photo.caption else (), f"{name} 图片说明")
        put(photo.credit.pieces if photo.credit else (), f"{name} 图片来源")
    put([c.marker for c in article.continuations], f"{name} 接续标记")
    for block in article.blocks:
        what = {"para": f"第{block.anchor[1:]}段", "table": f"表格{block.anchor[1:]}",
                "list": f"列表{block.anchor[1:]}"}.get(block.kind, "小标题")
        put(block.text.pieces, f"{name} {what}")


def _furniture(kind: str, fields: tuple[str, ...], article: int) -> str:
    owner = f"第{article}篇" if article else "本页"
    filled = "、".join(FIELD_LABELS[f] for f in fields if f in FIELD_LABELS)
    return f"版面附件：{KINDS.get(kind, kind)}" + (f"（{owner}{filled}）" if filled else "")


def shown(page: Page) -> Shown:
    """What the source view must show: every piece kept out of the articles' bodies
    (furniture, notes, duplicates), as its source text, anywhere on the page."""
    pieces: list[Piece] = recorded_pieces(page)
    return Shown(page.source.name, (), tuple((p.raw, page.source.where(p.line)) for p in pieces if p.raw.strip()))
