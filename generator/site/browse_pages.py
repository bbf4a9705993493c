"""Browse pages, all generated from the digest: by date (issue → page → article),
by glossary category and term (people and institutions are categories), and
the links an article page gets (continuations, related articles, its page).

An article is filed under its own date (its metadata: the editor's, its own lines or
record, its page's), so a page whose articles carry two dates shows under both;
articles without a date are filed under 日期不详. A page is named by its outlet, page
number and edition as far as they are known, 来源不详 when nothing is: never by its
source file's name. The nav lists only the index pages; each date page lists its
articles, so the nav stays the same size however many articles there are.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from generator.site.escape import md
from generator.model import CATEGORIES, Term
from generator.site.glossary_pages import GLOSSARY, term_url
from generator.model import Feature, Jump, Links, Related
from generator.annotate.link import page_number
from generator.model import Article, PageMeta
from generator.model import Digest, PageResult
from generator.model.words import ArticleWords, Difficulty, level_of
from generator.site.render import front_matter, lede
from generator.site.words_view import badge
from generator.slugs import ARTICLES, slugify

BROWSE = "browse"
ISSUES = "issues"
TOPICS = "topics"
UNDATED = "undated"
PEOPLE = ("person", "institution")
TOPIC_ARTICLES = 5  # newest articles shown per term on its category page; its term page lists every use


@dataclass(frozen=True)
class PrintedPage:
    """One source page as filed in its issue: the anchor on the date page and its label."""

    anchor: str
    label: str
    result: PageResult
    articles: tuple[Article, ...]  # those of this date, in the page's order


@dataclass(frozen=True)
class Issue:
    """Every page of one date (key ``YYYY-MM-DD``), or every undated page (key ``undated``)."""

    key: str
    label: str
    pages: tuple[PrintedPage, ...]

    @property
    def path(self) -> str:
        return f"{ISSUES}/{self.key}.md"

    @property
    def articles(self) -> list[Article]:
        return [a for p in self.pages for a in p.articles]


def issues(digest: Digest) -> list[Issue]:
    """Newest date first, undated last; pages by publication, page number, edition, file.
    Each article is filed under its own date (see the module doc)."""
    by_date: dict[str, list[tuple[PageResult, tuple[Article, ...]]]] = {}
    for result in digest.pages:
        if not result.page.articles and result.page.duplicates:  # a page left empty by duplicates is not listed
            continue
        dated: dict[str, list[Article]] = {}
        for article in result.page.articles:
            dated.setdefault(article_date(result, article) or UNDATED, []).append(article)
        if not result.page.articles:
            dated[result.page.source.meta.date or UNDATED] = []
        for key, found in dated.items():
            by_date.setdefault(key, []).append((result, tuple(found)))
    keys = sorted((k for k in by_date if k != UNDATED), reverse=True) + ([UNDATED] if UNDATED in by_date else [])
    return [Issue(k, date_label(k), tuple(printed(r, a) for r, a in sorted(by_date[k], key=lambda p: _page_order(p[0]))))
            for k in keys]


def article_date(result: PageResult, article: Article) -> str | None:
    """The article's date (its settled metadata), else its page's."""
    return article.meta.date or result.page.source.meta.date


def _page_order(result: PageResult) -> tuple:
    meta = result.page.source.meta
    number = page_number(meta.page) if meta.page else ("", 0)
    return (meta.page is None, meta.publication or "", number, meta.edition or "", result.page.source.name)


def printed(result: PageResult, articles: tuple[Article, ...] | None = None) -> PrintedPage:
    """``result``'s page as filed in one issue, holding ``articles`` (default: all of them)."""
    source = result.page.source
    found = tuple(result.page.articles) if articles is None else articles
    first = result.page.articles[0].slug if result.page.articles else source.key
    return PrintedPage(*_anchor_and_label(source.meta, first), result, found)


@lru_cache(maxsize=8192)  # asked for by every page that lists a page; bounded for `baozhai serve`
def _anchor_and_label(meta: PageMeta, first: str) -> tuple[str, str]:
    """``示例报 A01版 要闻``; without a page number ``示例报`` (版次不详 left unsaid: the
    articles under it are the page), and 来源不详 when nothing is known — never the file's
    name. The anchor is unique in its issue: no two files may claim the same publication,
    date, page and edition, and a page without a number is anchored by its first article."""
    parts = [p for p in (meta.publication, f"{meta.page}版" if meta.page else None, meta.edition) if p]
    label = " ".join(parts) or UNKNOWN_SOURCE
    return "page-" + slugify(" ".join(parts) if meta.page else first, "page"), label


UNKNOWN_SOURCE = "来源不详"
UNKNOWN_DATE = "日期不详"


def date_label(key: str) -> str:
    if key == UNDATED:
        return UNKNOWN_DATE
    year, month, day = key.split("-")
    return f"{year}年{int(month)}月{int(day)}日"


def where(result: PageResult, article: Article) -> tuple[str, str, str]:
    """(issue page path, page anchor, label) of the page ``article`` is filed under."""
    key = article_date(result, article) or UNDATED
    page = printed(result)
    label = "日期、来源不详" if key == UNDATED and page.label == UNKNOWN_SOURCE else f"{date_label(key)} {page.label}"
    return f"{ISSUES}/{key}", page.anchor, label


def article_href(article: Article, prefix: str = "../") -> Markup:
    return Markup(f"{prefix}{ARTICLES}/{article.slug}.html")


# -- the pages ---------------------------------------------------------------------------

def render_browse(env, digest: Digest) -> dict[str, str]:
    found = issues(digest)
    places = {a.slug: where(p.result, a) for issue in found for p in issue.pages for a in p.articles}
    order = [a for issue in found for a in issue.articles]
    groups = topic_groups(digest, order, places)
    files = {f"{BROWSE}/index.md": render_browse_index(env, found, groups),
             f"{ISSUES}/index.md": render_issue_index(env, found)}
    for issue in found:
        files[issue.path] = render_issue(env, issue, digest.links, digest.words)
    files[f"{TOPICS}/index.md"] = env.get_template("topics_index.md.j2").render(
        meta=front_matter("按类别", "按术语类别浏览：每个术语及用到它的文章"), groups=groups)
    for group in groups:
        files[f"{TOPICS}/{group['key']}.md"] = env.get_template("topic.md.j2").render(
            meta=front_matter(group["label"], f"{group['label']}：术语及最近用到它们的文章"), group=group)
    return files


def render_browse_index(env, found: list[Issue], groups: list[dict]) -> str:
    return env.get_template("browse_index.md.j2").render(
        meta=front_matter("浏览", "按日期、版面、类别、人物与机构浏览本摘编"),
        issues=[_issue_summary(i, f"../{ISSUES}/") for i in found], groups=groups)


def render_issue_index(env, found: list[Issue]) -> str:
    return env.get_template("issues_index.md.j2").render(
        meta=front_matter("按日期", f"本摘编共{len(found)}期"), issues=[_issue_summary(i) for i in found])


def _issue_summary(issue: Issue, prefix: str = "") -> dict:
    """An issue's link and its pages' links (raw HTML hrefs, from ``prefix``)."""
    return {"label": issue.label, "url": Markup(f"{prefix}{issue.key}.html"), "count": len(issue.articles),
            "pages": [{"label": p.label, "count": len(p.articles),
                       "url": Markup(f"{prefix}{issue.key}.html#{p.anchor}")} for p in issue.pages]}


def render_issue(env, issue: Issue, links: Links, words: Mapping[str, ArticleWords] | None = None) -> str:
    pages = [{"label": p.label, "anchor": Markup(p.anchor),
              "articles": [_article_item(a, links, level_of(words or {}, a.slug)) for a in p.articles]}
             for p in issue.pages]
    titles = "；".join(a.title for a in issue.articles[:4])
    return env.get_template("issue.md.j2").render(
        meta=front_matter(issue.label, f"{issue.label}：{titles}"), issue=issue, pages=pages)


def _article_item(article: Article, links: Links, level: Difficulty | None = None) -> dict:
    return {"title": article.title, "url": Markup(f"../{ARTICLES}/{article.slug}.md"),
            "anchor": Markup(f"a-{article.slug}"), "kicker": article.kicker.text if article.kicker else None,
            "lede": lede(article, article.slug in links.mid_sentence), "difficulty": badge(level)}


def topic_groups(digest: Digest, order: list[Article], places: dict) -> list[dict]:
    """Per category with terms: each term, how many articles use it and the first
    ``TOPIC_ARTICLES`` of them in reading order (newest first). The rest are a click
    away on the term's page, which lists every use: a category page keeps its size
    however large the digest grows."""
    uses: dict[str, dict[str, int]] = {}
    for article in order:
        for occurrence in digest.annotations.all_uses(article.slug):
            counts = uses.setdefault(occurrence.term.term, {})
            counts[article.slug] = counts.get(article.slug, 0) + 1
    by_slug = {a.slug: a for a in order}
    groups = []
    for key, label in CATEGORIES.items():
        terms = [_topic_term(t, uses.get(t.term, {}), by_slug, places)
                 for t in digest.glossary.terms if t.category == key]
        if terms:
            using = {slug for t in digest.glossary.terms if t.category == key for slug in uses.get(t.term, ())}
            groups.append({"key": Markup(key), "label": label, "url": Markup(f"{key}.html"), "terms": terms,
                           "articles": len(using)})
    return groups


def _topic_term(term: Term, counts: dict[str, int], by_slug: dict, places: dict) -> dict:
    shown = list(counts.items())[:TOPIC_ARTICLES]
    articles = [{"title": by_slug[s].title, "url": article_href(by_slug[s]), "count": n,
                 "where": places[s][2]} for s, n in shown]
    return {"term": term.term, "anchor": Markup(f"t-{term.slug}"), "pinyin": term.pinyin, "gloss": term.gloss,
            "url": term_url(term, f"../{GLOSSARY}/"), "articles": articles, "total": len(counts),
            "more": len(counts) - len(shown)}


# -- what an article page links to ---------------------------------------------------------

MORE_FROM_DATE = 12  # other articles of the same date listed under an article (the date page has all)


def neighbours(found: list[Issue]) -> dict[str, dict]:
    """Per article: where it is filed (breadcrumbs: the date, the page), the previous and
    next article of the same date in reading order (page by page, the source's order),
    and the other articles of that date (the first ``MORE_FROM_DATE``)."""
    around: dict[str, dict] = {}
    for issue in found:
        order = [(page, article) for page in issue.pages for article in page.articles]
        date = {"label": issue.label, "url": Markup(f"../{ISSUES}/{issue.key}.html")}
        for i, (page, article) in enumerate(order):
            others = [a for _, a in order if a.slug != article.slug]
            around[article.slug] = {
                "date": date, "dated": issue.key != UNDATED,
                "page": {"label": page.label, "url": Markup(f"../{ISSUES}/{issue.key}.html#{page.anchor}")},
                "previous": _neighbour(order[i - 1][1]) if i else None,
                "next": _neighbour(order[i + 1][1]) if i + 1 < len(order) else None,
                "more": [_neighbour(a) for a in others[:MORE_FROM_DATE]], "more_count": len(others)}
    return around


def _neighbour(article: Article) -> dict:
    return {"title": article.title, "url": article_href(article)}


def article_links(result: PageResult, article: Article, links: Links | None) -> dict:
    """Template context of an article's continuation notes, related articles and page."""
    links = links or Links()
    jumps = links.jumps.get(article.slug) or [Jump(c, None) for c in article.continuations]
    path, anchor, label = where(result, article)
    return {"continuations": [continuation_note(j.continuation.marker.text, j.continuation.direction,
                                                j.continuation.page, j.target) for j in jumps],
            "related": [related_item(r, links) for r in links.related.get(article.slug, [])],
            "printed_page": {"label": label, "url": Markup(f"../{path}.html#{anchor}")}}


def continuation_note(marker: str, direction: str, page: str, target: Article | None = None) -> Markup:
    """``（下转A05版）：本文下转A05版，续见《…》。`` — or that the page is not in the digest."""
    side = "上接" if direction == "from" else "下转"
    if target is None:
        return md(f"{marker}：本文{side}{page}版，该版不在本摘编中。")
    link = Markup('<a class="bz-jump" href="{}">{}</a>').format(article_href(target), md(f"《{target.title}》"))
    verb = "前文见" if direction == "from" else "续见"
    return md(f"{marker}：本文{side}{page}版，{verb}") + link + md("。")


def related_item(related: Related, links: Links) -> dict:
    return {"title": related.article.title, "url": article_href(related.article),
            "reasons": Markup("、".join(reason(f) for f in related.reasons)),  # Markup parts, as they are
            "where": where(links.placed[related.article.slug], related.article)[2]}


def reason(feature: Feature) -> Markup:
    """A shared feature as shown: a glossary term links to its page, a keyword is text.
    (Both parts are Markup: joined as they are, the same as ``Markup.format`` gives.)"""
    if not feature.term:
        return md(feature.label)
    return Markup(f'<a href="{term_url(feature.term)}">{md(feature.label)}</a>')


__all__ = ["render_browse", "issues", "article_links", "continuation_note", "neighbours"]
