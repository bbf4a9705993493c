"""Each edition's Atom feed (``feed.xml`` at the edition's root), written with feedgenerator.

One entry per article, in the browse pages' order (newest date first, page by page):
its headline, link, outlet (a category, and the first words of the summary), date
(``published``, when the article has one), bylines (author) and lede (summary), in the
edition's script. Every page links the feed (``<link rel="alternate"
type="application/atom+xml">``, generator/engine/theme/main.html), and the offline
bundles hold it.

Dates: the sources are from mainland China, Taiwan and Hong Kong, all at UTC+8, so a
date and time is read there; a date without a time is that day's midnight there. An
article without a date gets no ``published``; Atom still needs an ``updated``, which is
then the newest date of the digest, or 1980-01-01 UTC (the date of the bundles' zip
entries) when nothing has a date — never a date made up for
the article.

Links are absolute under ``site_url`` when the site has a real one (see
:mod:`generator.site.hosting`); without it they are relative to the feed, and the ids
are ``urn:baozhai:`` names of the articles.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Callable

from feedgenerator import Atom1Feed
from markupsafe import escape

from generator.model import Article, Digest, PageResult
from generator.site.browse_pages import article_date, issues
from generator.site.pages import source_facts
from generator.site.render import lede
from generator.slugs import ARTICLES

FEED = "feed.xml"
CHINA = timezone(timedelta(hours=8), "UTC+8")
EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)  # the bundles' zip entries' date too


def atom(digest: Digest, site_title: str, language: str, base: str | None,
         text: Callable[[str], str] | None = None) -> str:
    """The Atom feed of an edition: ``language`` its code (zh-Hans, zh-Hant), ``base`` its
    root's absolute URL (None: relative links), ``text`` its conversion (None: as is)."""
    convert = text or (lambda s: s)
    found = issues(digest)
    dates = [d for d in (article_date(r, a) for r, a in _entries(digest, found)) if d]
    newest = _moment(max(dates), None) if dates else EPOCH
    root = base.rstrip("/") + "/" if base else ""
    feed = Atom1Feed(title=convert(site_title), link=root or "./", description=convert("报纸版面摘编：每篇文章的标题、出处、日期和导语"),
                     language=language, feed_url=f"{root}{FEED}" if base else None,
                     feed_guid=f"{root}{FEED}" if base else f"urn:baozhai:{language}:feed")
    for result, article in _entries(digest, found):
        facts = source_facts(result, article)
        when = article_date(result, article)
        published = _moment(when, article.meta.time) if when else None
        summary = convert(f"{facts['where']}，{facts['date']}：{lede(article, article.slug in digest.links.mid_sentence)}")
        bylines = "　".join(b.text for b in article.bylines) or article.meta.reporter
        feed.add_item(title=convert(article.title), link=f"{root}{ARTICLES}/{article.slug}.html",
                      description=str(escape(summary)),  # the summary is of type html: text escaped
                      pubdate=published, updateddate=published or newest,
                      unique_id=f"{root}{ARTICLES}/{article.slug}.html" if base else
                      f"urn:baozhai:article:{article.slug}",
                      author_name=convert(bylines) if bylines else None,
                      categories=[convert(facts["outlet"])] if facts["outlet"] else ())
    if not feed.items:  # the feed's own <updated>: feedgenerator would take the clock's time
        feed.latest_post_date = lambda: newest
    return feed.writeString("utf-8")


def _entries(digest: Digest, found) -> list[tuple[PageResult, Article]]:
    return [(page.result, article) for issue in found for page in issue.pages for article in page.articles]


def _moment(date: str, time: str | None) -> datetime:
    return datetime.fromisoformat(f"{date}T{time or '00:00'}").replace(tzinfo=CHINA)
