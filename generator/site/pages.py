"""Assemble each output page's template context and render it (Simplified text).

One function per kind of page; each returns ``{relative path: Markdown}``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial

from markupsafe import Markup

from generator.cache import Cache, fingerprint

from generator.model import Annotations
from generator.site.browse_pages import (BROWSE, ISSUES, PEOPLE, TOPICS, UNDATED, UNKNOWN_DATE, UNKNOWN_SOURCE,
                                         article_links, date_label, issues, neighbours, render_browse)
from generator.model import Located
from generator.site.escape import attr
from generator.model import Links
from generator.model import CATEGORIES, Term
from generator.site.glossary_pages import render_glossary, term_url, term_view, tooltip
from generator.model import Article, Erratum
from generator.model import Digest, PageResult
from generator.ingest.preserve import article_pieces
from generator.site.render import Note, Span, block_range, environment, front_matter, lede, render_blocks
from generator.model.words import ArticleWords, Difficulty, level_of
from generator.site.source_view import render_sources, source_href, source_paths
from generator.slugs import ARTICLES
from generator.site.words_view import CREDITS, badge, difficulty, render_credits, words_view



def article_path(article: Article) -> str:
    return f"{ARTICLES}/{article.slug}.md"


def render_digest(digest: Digest, site_title: str, cache: Cache | None = None) -> dict[str, str]:
    """Every page's Markdown; an article page whose template values are unchanged comes
    from ``cache`` (see :func:`render_article`)."""
    env = environment()
    files: dict[str, str] = {"index.md": render_home(env, digest, site_title)}
    sources = source_paths(digest)
    around = neighbours(issues(digest))
    for result in digest.pages:
        for article in result.page.articles:
            files[article_path(article)] = render_article(env, result, article, digest.annotations, digest.links,
                                                          sources.get(result.page.source.name),
                                                          _words(digest, article.slug), around.get(article.slug),
                                                          cache, digest.word_keys.get(article.slug))
    files.update(render_sources(env, digest, sources))
    files.update(render_glossary(env, digest.glossary, digest.annotations))
    if digest.dictionary:
        files[CREDITS] = render_credits(env)
    files.update(render_browse(env, digest))
    return files


def _words(digest: Digest, slug: str) -> Callable[[], ArticleWords] | None:
    """A loader of an article's words (read from the cache only if its page is rendered)."""
    return partial(digest.words.__getitem__, slug) if slug in digest.words else None


def navigation(digest: Digest) -> list:
    """MkDocs nav: home, the browse index pages, glossary — the same few entries however
    many articles (each date page lists its own). Labels are escaped here because
    Material prints nav titles unescaped."""
    used = {t.category for t in digest.glossary.terms}
    browse = [f"{BROWSE}/index.md", {"按日期": f"{ISSUES}/index.md"}, {"按类别": f"{TOPICS}/index.md"}]
    browse += [{CATEGORIES[c]: f"{TOPICS}/{c}.md"} for c in PEOPLE if c in used]
    items = [{"首页": "index.md"}, {"浏览": browse}, {"术语表": "glossary/index.md"}]
    if digest.dictionary:
        items.append({"来源与许可": CREDITS})
    return _escaped(items)


def _escaped(nav):
    if isinstance(nav, list):
        return [_escaped(item) for item in nav]
    if isinstance(nav, dict):
        return {str(attr(k)): _escaped(v) for k, v in nav.items()}
    return nav


ARTICLE = "article page"  # the cache's rendered article pages, by their template values


def render_article(env, result: PageResult, article: Article, annotations: Annotations,
                   links: Links | None = None, source_view: str | None = None,
                   words: ArticleWords | Callable[[], ArticleWords] | None = None, around: dict | None = None,
                   cache: Cache | None = None, words_key: str | None = None) -> str:
    """An article page; ``around``: its place among the articles (browse_pages.neighbours).

    With ``cache``, the page is taken from it when everything the template is given is
    unchanged: the article itself (its text, metadata and duplicates' places), the values
    computed for it from the rest of the digest (related articles and their reasons,
    continuations, its terms as their entries now read, the marks of its terms and errata,
    its date page neighbours, its source view), and its words, by ``words_key`` (the hash
    of what they were computed from: annotate.words.word_keys). The key is those values
    themselves (:func:`generator.cache.fingerprint`), so a value added to the template's
    context is in the key without more code; only the marked blocks and the words'
    values, which cost the most, are keyed by what they are made of (the article, the
    marks and the words' key). Articles with words but no key are rendered every time."""
    spans, notes = errata_marks(article, result.errata)
    for anchor, found in term_marks(article, annotations).items():
        spans.setdefault(anchor, []).extend(found)
    context = dict(
        article=article,
        meta=front_matter(article.title, lede(article, article.slug in (links or Links()).mid_sentence)),
        facts=source_facts(result, article),
        source_view=source_href(source_view, article) if source_view else None,
        **article_links(result, article, links),
        notes=notes,
        meta_notes=metadata_errata(article, result.errata),
        terms=[term_view(t) for t in annotations.terms_in(article)],
        numbers=numbers_by_sentence(annotations.numbers.get(article.slug, [])),
        around=around,
    )

    def render() -> str:
        found = words() if callable(words) else words
        return env.get_template("article.md.j2").render(
            **context, blocks=render_blocks(article, spans), words=words_view(article, found),
            difficulty=difficulty(found))
    if cache is None or (words is not None and words_key is None):
        return render()
    made_of = ("words", words_key) if words is not None else ("no words", "")
    return cache.get(ARTICLE, (fingerprint((context, spans)), *made_of), render)


def numbers_by_sentence(numbers: list) -> list[dict]:
    """One row per sentence: the numbers it states, in order, and the sentence."""
    rows: list[dict] = []
    for number in numbers:
        if rows and rows[-1]["sentence"] == number.sentence and rows[-1]["anchor"] == number.anchor:
            rows[-1]["values"].append(number.value)
        else:
            rows.append({"values": [number.value], "sentence": number.sentence, "anchor": number.anchor})
    return rows


def term_marks(article: Article, annotations: Annotations) -> dict[str, list[Span]]:
    """A link with a tooltip around every glossary term in the body: the first use
    of a term in the article says pinyin, gloss and definition, later ones pinyin
    and gloss (the page stays small; the definition is a click away). The reading
    is the form's own (an alias has its own); an editor's page note on the use is
    added to its tooltip. Uses outside paragraphs (headline, caption …) are counted
    and listed on the term page, not linked."""
    spans: dict[str, list[Span]] = {}
    seen: set[str] = set()
    closing = Markup("</a>")
    for found in annotations.occurrences.get(article.slug, []):
        if found.place != "para":
            continue
        term = found.term
        first, later = term_openings(term, found.form, found.note)
        opening = first if term.term not in seen else later
        seen.add(term.term)
        spans.setdefault(found.anchor, []).append(Span(found.start, found.end, opening, closing))
    return spans


@lru_cache(maxsize=4096)  # bounded: a long `baozhai serve` meets new glossaries
def term_openings(term: Term, form: str | None = None, note: str | None = None) -> tuple[Markup, Markup]:
    """The opening tag of a term's link: (first use in an article, later uses). Built
    once per term and form, not once per occurrence (a term recurs in thousands of
    paragraphs)."""
    reading = term.reading(form or term.term)
    extra = f"｜编者注：{note}" if note else ""
    tag = Markup('<a class="bz-term" href="{}" title="{}" data-pinyin="{}">')
    return (tag.format(term_url(term), attr(tooltip(term, reading) + extra), attr(reading)),
            tag.format(term_url(term), attr(f"{reading}｜{term.gloss}{extra}"), attr(reading)))


def source_facts(result: PageResult, article: Article) -> dict:
    """What the article's header says of where and when it appeared, from its metadata
    (the editor's front matter or sidecar, its own lines or record, its page's): outlet,
    page and edition (来源不详 when none is known), date and time (日期不详), the date
    as ISO for ``<time datetime>``. Never the source file's name."""
    meta = article.meta.over(result.page.source.meta)
    where = [p for p in (meta.publication, f"{meta.page}版" if meta.page else None, meta.edition) if p]
    when = date_label(meta.date) if meta.date else UNKNOWN_DATE
    return {"outlet": meta.publication, "page": f"{meta.page}版" if meta.page else None, "edition": meta.edition,
            "where": " ".join(where) or UNKNOWN_SOURCE, "known": bool(where),
            "date": when + (f" {meta.time}" if meta.date and meta.time else ""), "iso": meta.date,
            "datetime": f"{meta.date}T{meta.time}" if meta.date and meta.time else meta.date}


def source_label(result: PageResult, article: Article) -> str:
    """The header's facts in one line: ``示例报 A02版 · 2026年1月5日``, ``来源不详 · 日期不详``."""
    facts = source_facts(result, article)
    return f"{facts['where']} · {facts['date']}"


def metadata_errata(article: Article, located: list[Located]) -> list[str]:
    """Editor's notes on lines shown as metadata (headline, byline, caption…)."""
    _, meta = article_pieces(article)
    lines = {piece.line for piece in meta} - {p.line for b in article.blocks for p in b.text.pieces}
    return [erratum_text(loc.erratum) for loc in located if loc.erratum.line in lines]


def errata_marks(article: Article, located: list[Located]) -> tuple[dict[str, list[Span]], list[Note]]:
    """Mark each erratum's text in its paragraph and add the editor's note. A moved
    paragraph gets the note's marker where it now starts (no empty mark: its text is
    the whole paragraph, whose term links stay)."""
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
                spans.setdefault(block.anchor, []).append(Span(start, start, Markup(""), Markup(f"[^{key}]"),
                                                               priority=10))
                continue
            spans.setdefault(block.anchor, []).append(Span(
                start, end, Markup(f'<span class="bz-erratum" id="{key}">'),
                Markup(f"</span>[^{key}]"), priority=10))
    return spans, notes


def _line_start(block, loc: Located) -> int:
    where = block_range(block, loc.erratum.line, loc.start, loc.end)
    return where[0] if where else -1


_HEADING_MARKS = re.compile(r"^#{1,6}\s+")


def erratum_text(erratum: Erratum) -> str:
    """The editor's note as prose: the text as the reader sees it (never the source's
    heading marks or line numbers), quoted once (inner quotation marks become
    single ones, GB/T 15834), the correction or that it is unknown, the reason."""
    if erratum.kind == "move":
        return f"编者注：{erratum.reason}"
    original = quoted(_HEADING_MARKS.sub("", erratum.original))
    fix = f"应为{quoted(erratum.correction)}。" if erratum.correction else "正确文字不详，未作改动。"
    return f"编者注：原文作{original}，{fix}{erratum.reason}"


def quoted(text: str) -> str:
    """“text”, with the text's own double quotation marks made single: never ““…””."""
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def render_home(env, digest: Digest, site_title: str) -> str:
    """The latest issue's digest (newest date; the undated pages if none has a date),
    then links into the browse pages and the glossary."""
    found = issues(digest)
    latest = found[0]
    pages = [{"label": page.label, "anchor": Markup(page.anchor),
              "articles": [_home_item(a, page.result, digest.links, level_of(digest.words, a.slug))
                           for a in page.articles]}
             for page in latest.pages]
    return env.get_template("home.md.j2").render(
        meta=front_matter(site_title, "；".join(a.title for a in latest.articles[:4])),
        site_title=site_title, latest=latest, dated=latest.key != UNDATED, latest_url=Markup(f"{ISSUES}/{latest.key}.html"), pages=pages,
        others=[{"label": i.label, "url": Markup(f"{ISSUES}/{i.key}.html"), "count": len(i.articles)}
                for i in found[1:8]],
        categories=[{"label": label, "url": Markup(f"{TOPICS}/{key}.md")}
                    for key, label in CATEGORIES.items() if key in {t.category for t in digest.glossary.terms}],
        issue_count=len(found), term_count=len(digest.glossary.terms))


def _home_item(article: Article, result: PageResult, links: Links, level: Difficulty | None = None) -> dict:
    return {"kicker": article.kicker.text if article.kicker else None, "title": article.title,
            "url": Markup(article_path(article)), "anchor": Markup(f"a-{article.slug}"),
            "byline": "　".join(b.text for b in article.bylines) or None,
            "lede": lede(article, article.slug in links.mid_sentence),
            "terms": [term_view(t, "glossary/") for t in links.key_terms(article)],
            "notes": len(errata_marks(article, result.errata)[1]) + len(metadata_errata(article, result.errata)),
            "difficulty": badge(level)}

