"""The one place that knows the order of the stages.

read → parse (with editor moves) → repair → find suspects → … → render.
"""
from __future__ import annotations

from pathlib import Path

from generator.annotate.glossary import FILE as GLOSSARY, load_glossary
from generator.annotate.link import link
from generator.annotate.terms import annotate
from generator.annotate.segment import prime as prime_dictionary
from generator.annotate.words import analyse, word_keys
from generator.cache import Cache, collector_paused, key
from generator.config import Settings
from generator.errors import BuildError, SourceError
from generator.ingest import errata as errata_stage
from generator.ingest.duplicates import html_copies, record_html_copies, remove_duplicates
from generator.ingest.metadata import settle
from generator.ingest.structured import parse_records
from generator.ingest.parse import parse_page
from generator.ingest.preserve import Loss, Render, check_accounting, check_markdown, check_output
from generator.ingest.read import META_SUFFIX, find_sources, read_page
from generator.ingest.repair import repair_page
from generator.ingest.suspects import find_suspects
from generator.model import Digest, Glossary, PageResult
from generator.site.pages import article_path, render_digest
from generator.site.source_view import shown, source_paths
from generator.slugs import slugify, unique
from generator.timing import Stopwatch


def process_page(path: Path, errata: list, errata_file: Path, watch: Stopwatch | None = None) -> PageResult:
    watch = watch or Stopwatch()
    with watch.stage("read"):
        source = read_page(path)
        located = errata_stage.for_page(errata, source, errata_file)
    with watch.stage("parse"):
        if source.kind == "records":
            page = parse_records(source)
        else:
            order = errata_stage.line_order(source, located)
            copies = html_copies(source)  # an HTML copy of the page's own text is left out, recorded
            if copies:
                order = [n for n in order or [ln.number for ln in source.lines if ln.number >= source.body_start]
                         if n not in copies]
            page = parse_page(source, order)
            record_html_copies(page, copies)
        settle(page)
    with watch.stage("repair"):
        repairs = repair_page(page)
        suspects = find_suspects(page)
    return PageResult(page, repairs, located, suspects)


def process(content: Path, cache: Cache | None = None, watch: Stopwatch | None = None,
            words: bool = True) -> Digest:
    """Run every stage over a content folder; raise on the first bad input.

    Pages whose source, sidecar and errata are unchanged come from ``cache``.
    Without ``words`` the dictionary layer is left out: no article has words.
    """
    cache = cache or Cache(None)
    watch = watch or Stopwatch()
    with watch.stage("load"):  # the glossary's readings load jieba's dictionary
        paths = find_sources(content)
        errata_file = content / errata_stage.FILE
        errata = errata_stage.load_errata(content)
        errata_stage.check_sources(errata, {p.name for p in paths}, errata_file)
        glossary = _glossary(content, cache)
    pages = []
    for number, path in enumerate(paths, 1):
        mine = [(e, line) for e, line in errata if e.source == path.name]
        pages.append(cache.get("page", _page_key(path, mine, errata_file),
                               lambda: process_page(path, errata, errata_file, watch)))
        watch.progress("pages", number, len(paths))
    digest = Digest(content, pages, glossary, dictionary=words)
    with watch.stage("parse"):
        remove_duplicates(digest)
        _check_identities(digest)
        _assign_slugs(digest)
    with watch.stage("annotate"):
        digest.annotations = annotate(digest.articles, glossary)
    if words:
        _analyse_words(digest, cache, watch)
    with watch.stage("link"):
        digest.links = link(digest, cache)
    return digest


def _glossary(content: Path, cache: Cache) -> Glossary:
    """The glossary, from the cache when its file is unchanged (reading its YAML and
    the readings of its forms took ≈ 0.6 s a build at 130 terms)."""
    path = content / GLOSSARY
    if not path.is_file():
        return load_glossary(content)
    return cache.get("glossary", (str(path), path.read_bytes()), lambda: load_glossary(content))


def _analyse_words(digest: Digest, cache: Cache, watch: Stopwatch) -> None:
    glossary = digest.glossary
    with watch.stage("words", announce=True):
        prime_dictionary(cache)
        keys = word_keys(digest.articles, glossary, digest.annotations)
        digest.words = analyse(digest.articles, glossary, digest.annotations, cache, keys)
        digest.word_keys = {slug: key(*parts) for slug, parts in keys.items()}


def _page_key(path: Path, errata: list, errata_file: Path) -> tuple:
    """Everything a page's processing depends on besides the code."""
    sidecar = path.with_name(path.stem + META_SUFFIX)
    return (str(path.resolve()), path.read_bytes(), sidecar.read_bytes() if sidecar.exists() else b"",
            repr(errata), str(errata_file))


def _assign_slugs(digest: Digest) -> None:
    articles = digest.articles
    wanted = [slugify(a.title if not a.provisional or not a.blocks else "untitled " + a.blocks[0].text.text[:8])
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


def generate(settings: Settings, cache: Cache | None = None, watch: Stopwatch | None = None,
             render_check: bool = True) -> tuple[Digest, dict[str, str]]:
    """Process the content and render the Simplified edition's Markdown.

    Without ``render_check`` the output half of the preservation check is left to
    the MkDocs build (the Baozhai plugin checks the HTML MkDocs renders; see
    generator.ingest.preserve), so the Markdown is not rendered twice.
    """
    watch = watch or Stopwatch()
    with collector_paused():  # the digest is all reachable until the pass ends (see collector_paused)
        digest = process(settings.content, cache, watch, settings.words)
        with watch.stage("render", announce=True):
            files = render_digest(digest, settings.site_title, cache)
        with watch.stage("preservation"):
            losses = preservation(digest, files if render_check else None, settings.markdown_html)
    if losses:
        raise BuildError("preservation check failed: " + "; ".join(map(str, losses[:5])))
    return digest, files


def preservation(digest: Digest, files: dict[str, str] | None = None,
                 render: Render | None = None) -> list[Loss]:
    """The preservation check of every page: the accounting and, given the rendered
    Markdown ``files`` and how the site renders Markdown, the output check on each
    article's Markdown."""
    losses: list[Loss] = []
    sources = source_paths(digest)
    for result in digest.pages:
        losses += check_accounting(result.page, result.repairs)
        if files is not None:
            if render is None:
                raise ValueError("the output check needs how the site renders Markdown")
            for article in result.page.articles:
                losses += check_output(article, files[article_path(article)], render)
            losses += check_markdown(shown(result.page), files[sources[result.page.source.name]], render)
    return losses


def source_views_shown(digest: Digest) -> dict:
    """What each source view must show (furniture, notes, duplicates), by its Markdown path."""
    sources = source_paths(digest)
    return {sources[r.page.source.name]: shown(r.page) for r in digest.pages}
