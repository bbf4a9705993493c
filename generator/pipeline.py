"""The one place that knows the order of the stages.

read → parse (with editor moves) → repair → find suspects → … → render.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import errata as errata_stage
from .cache import Cache
from .timing import Stopwatch
from .annotate import Annotations, annotate
from .glossary import Glossary, load_glossary
from .link import Links, link
from .errors import SourceError
from .model import Article, Page, Repairs, Suspect
from .parse import parse_page
from .read import META_SUFFIX, find_sources, read_page
from .repair import repair_page
from .slugs import slugify, unique
from .suspects import find_suspects


@dataclass
class PageResult:
    """A page after every stage: articles, what was repaired, errata, suspects."""

    page: Page
    repairs: Repairs
    errata: list[errata_stage.Located]
    suspects: list[Suspect]


@dataclass
class Digest:
    content: Path
    pages: list[PageResult] = field(default_factory=list)
    glossary: Glossary = field(default_factory=lambda: Glossary(()))
    annotations: Annotations = field(default_factory=Annotations)
    links: Links = field(default_factory=Links)

    @property
    def articles(self) -> list[Article]:
        return [a for result in self.pages for a in result.page.articles]


def process_page(path: Path, errata: list, errata_file: Path, watch: Stopwatch | None = None) -> PageResult:
    watch = watch or Stopwatch()
    with watch.stage("read"):
        source = read_page(path)
        located = errata_stage.for_page(errata, source, errata_file)
    with watch.stage("parse"):
        page = parse_page(source, errata_stage.line_order(source, located))
    with watch.stage("repair"):
        repairs = repair_page(page)
        suspects = find_suspects(page)
    return PageResult(page, repairs, located, suspects)


def process(content: Path, cache: Cache | None = None, watch: Stopwatch | None = None) -> Digest:
    """Run every stage over a content folder; raise on the first bad input.

    Pages whose source, sidecar and errata are unchanged come from ``cache``.
    """
    cache = cache or Cache(None)
    watch = watch or Stopwatch()
    with watch.stage("load"):  # the glossary's readings load jieba's dictionary
        paths = find_sources(content)
        errata_file = content / errata_stage.FILE
        errata = errata_stage.load_errata(content)
        errata_stage.check_sources(errata, {p.name for p in paths}, errata_file)
        glossary = load_glossary(content)
    pages = []
    for number, path in enumerate(paths, 1):
        mine = [(e, line) for e, line in errata if e.source == path.name]
        pages.append(cache.get("page", _page_key(path, mine, errata_file),
                               lambda: process_page(path, errata, errata_file, watch)))
        watch.progress("pages", number, len(paths))
    digest = Digest(content, pages, glossary)
    with watch.stage("parse"):
        _check_identities(digest)
        _assign_slugs(digest)
    with watch.stage("annotate"):
        digest.annotations = annotate(digest.articles, glossary)
    with watch.stage("link"):
        digest.links = link(digest)
    return digest


def _page_key(path: Path, errata: list, errata_file: Path) -> tuple:
    """Everything a page's processing depends on besides the code."""
    sidecar = path.with_name(path.stem + META_SUFFIX)
    return (str(path.resolve()), path.read_bytes(), sidecar.read_bytes() if sidecar.exists() else b"",
            repr(errata), str(errata_file))


def _assign_slugs(digest: Digest) -> None:
    articles = digest.articles
    wanted = [slugify(a.title if not a.provisional else "untitled " + a.blocks[0].text.text[:8])
              for a in articles]
    for article, slug in zip(articles, unique(wanted)):
        article.slug = slug


def _check_identities(digest: Digest) -> None:
    """Two files may not claim the same printed page (same date, page, publication)."""
    seen: dict[tuple, Path] = {}
    for result in digest.pages:
        meta, path = result.page.source.meta, result.page.source.path
        if meta.date is None or meta.page is None:
            continue
        key = (meta.publication, meta.date, meta.page, meta.edition)
        if key in seen:
            raise SourceError(f"same page as {seen[key].name} ({meta.date} {meta.page}): "
                              "duplicate pages would share their URLs", path, 1)
        seen[key] = path
