"""``baozhai build`` (write the site and the offline bundles) and ``baozhai bundle``
(only the offline bundles)."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from multiprocessing import get_all_start_methods, get_context
from typing import Callable, Iterable, Iterator, TypeVar
from urllib.parse import urlsplit

from generator import cache as cache_module
from generator.cache import KEEP_BUILDS, Cache, Memo, build_version
from generator.cache import key as cache_key
from generator.annotate.dictionary import load
from generator.config import Settings
from generator.editions.edition import convert_nav, converted_pages, converter_for, search_options
from generator.engine.build import require_plugin
from generator.engine.config import line_of, read_raw
from generator.engine.options import overrides
from generator.engine.pagefind import index_sites
from generator.engine.plugin import search_options_path, shown_path
from generator.errors import BuildError, ConfigError, template_errors
from generator.ingest.preserve import shown_json
from generator.model import Digest
from generator.pipeline import generate, source_views_shown
from generator.site.builds import BuiltEdition, EditionJob, Shard, assemble, build_all, jobs_for, release_memory
from generator.site.bundle import drop_offline_index, zip_bundles
from generator.site.dictionary_data import COMMON, FOLDER, article_data, common_data, licence_text, traditional_lengths
from generator.site.feeds import FEED, atom
from generator.site.words_view import LABELS_ASSET, WORDS_ASSETS, labels_script
from generator.site.pages import article_path, navigation
from generator.slugs import ARTICLES
from generator.timing import Stopwatch
from generator.write import link_kept, staged, write_files

T = TypeVar("T")


@dataclass(frozen=True)
class Built:
    """What a build made (the digest itself is let go before MkDocs runs)."""

    articles: int
    pages: int
    workers: int
    rendered: int = 0  # pages MkDocs rendered, every edition (the others came from the cache)
    cached: int = 0


def build(settings: Settings, log=print, offline: bool = True, watch: Stopwatch | None = None,
          shard: Shard | None = None, hosted: bool = False) -> Built | None:
    """Generate every edition's Markdown into docs/, its site into site/ and,
    when ``offline``, the offline bundles into dist/. ``hosted``: the site is for
    deploying, and a placeholder ``site_url`` is an error (see :func:`hosting`).

    The folders are built aside and swapped in only when everything succeeded.
    Nothing is rebuilt when no input changed since the last build (returns None).
    Pages MkDocs built before for the same inputs come from the cache (.cache/html).

    With ``shard``, only that shard's pages are rendered, into the cache: site/, docs/
    and dist/ stay as they are. A build with the cache of every shard (a CI matrix's
    join job: README, "Performance and caching") renders only the pages that join them.
    """
    watch = watch or Stopwatch()
    notes: list[str] = []  # said once the build succeeded (a refused build prints only its error)
    settings = hosting(settings, hosted, notes.append)
    check_outputs(settings)
    require_plugin(settings.mkdocs_yml)  # the checks MkDocs' HTML gets are the plugin's
    if shard is not None:
        return _shard(settings, shard, log, watch)
    stamp = inputs_stamp(settings, offline, hosted)
    if is_current(settings, stamp, offline):
        log(f"nothing changed since the last build: {settings.site} kept")
        return None
    started = time.time()  # the cache's entries this build uses are touched from now on
    cache = Cache.at(settings.cache)
    try:
        built = _build(settings, cache, offline, watch)
    except BaseException:
        cache.discard()
        raise
    cache.commit()
    pruned, size = cache.prune(started)
    if pruned:
        notes.append(f"cache: removed {pruned} entries ({size / 1e6:.1f} MB) "
                     f"that none of the last {KEEP_BUILDS} builds used")
    _record(settings, stamp)
    log(f"built {built.articles} articles from {built.pages} pages into {settings.site}")
    for note in notes:  # what was built, how (the summary first, the cache report last)
        log(note)
    log(f"rebuilt: {cache.report()}; editions built in {built.workers} process(es), "
        f"{built.rendered} pages rendered by MkDocs, {built.cached} from the cache")
    return built


def _shard(settings: Settings, shard: Shard, log, watch: Stopwatch) -> Built:
    """Render one shard's pages into the cache (see :func:`build`)."""
    cache = Cache.at(settings.cache)
    try:
        with template_errors():
            digest, files = generate(settings, cache, watch, render_check=False)
        articles, pages, newest = len(digest.articles), len(digest.pages), newest_date(digest)
        with build_date(newest), tempfile.TemporaryDirectory(prefix="baozhai-shard-") as tmp:
            editions = write_editions(settings, digest, files, Path(tmp) / "docs", cache, watch)
            del digest, files
            counts: dict[str, float] = {}
            workers = build_sites(settings, editions, Path(tmp) / "site", articles, watch, counts=counts,
                                  shard=shard)
    except BaseException:
        cache.discard()
        raise
    cache.commit()
    built = Built(articles, pages, workers, *_rendered(counts))
    log(f"shard {shard.number}/{shard.count}: {built.rendered} pages rendered into {settings.cache}, "
        f"{built.cached} were there already")
    return built


def _rendered(counts: dict[str, float]) -> tuple[int, int]:
    return (int(sum(v for k, v in counts.items() if k.startswith("pages rendered "))),
            int(sum(v for k, v in counts.items() if k.startswith("pages cached "))))


def _build(settings: Settings, cache: Cache, offline: bool, watch: Stopwatch) -> Built:
    with staged(settings.docs) as docs, staged(settings.site) as site:
        made = apart(settings, cache, watch, _generated, settings, cache, docs, watch)
        articles, pages, newest = next(made)
        with build_date(newest):
            # the plugin checks every article's HTML and every page's source view (one per page);
            # each edition's MkDocs build starts as soon as the generator has written it
            counts: dict[str, float] = {}
            workers = build_sites(settings, made, site, articles, watch, checked=articles + pages,
                                  counts=counts, cached=True)
            built = settings.edition_list()
            if not settings.site_url:
                drop_addressed(site, built)
            place_dictionary(docs, site, built)
            if offline:
                with watch.stage("bundles", announce=True):
                    zip_bundles(settings, built, site, cache)
            drop_offline_index(site, built)
            with watch.stage("search index", announce=True):  # after the zips: they keep Material's index
                index_sites([site / edition.folder for edition in built],
                            previous=[settings.site / edition.folder for edition in built])
    return Built(articles, pages, workers, *_rendered(counts))


def _generated(settings: Settings, cache: Cache, docs: Path, watch: Stopwatch) -> Iterator:
    """The generator's work (see :func:`apart`): first the digest's article and page counts
    and newest date, then each edition as it is written (:func:`write_editions`)."""
    with template_errors():  # the output half of the preservation check: the plugin's (required above)
        digest, files = generate(settings, cache, watch, render_check=False)
    newest = newest_date(digest)
    yield len(digest.articles), len(digest.pages), newest
    with build_date(newest):
        editions = write_editions(settings, digest, files, docs, cache, watch, replacing=True)
        del digest, files  # from here only the editions' generator holds the digest
        yield from editions


APART_FROM = 50  # files in content/: below this, a process of its own costs more than the memory it returns


def can_fork() -> bool:
    """Forking is safe with one thread (a serving build's threads stay out)."""
    return threading.active_count() == 1 and "fork" in get_all_start_methods()


def apart(settings: Settings, cache: Cache, watch: Stopwatch, work: Callable[..., Iterator[T]],
          *args) -> Iterator[T]:
    """What ``work(*args)`` yields, produced in a forked process of its own, which sends each
    item as it is made and, at the end, its stage times and what it filed in ``cache``. The
    memory the generator used (at 10,000 articles more than a GB at its peak, most of it
    freed but kept by the allocator, fragmented) returns to the system when its process
    ends, as soon as the last edition is written, instead of staying with the build
    process through the MkDocs builds, the bundles and the search index. In this process
    when the content is small (:data:`APART_FROM`), when it has other threads (``baozhai
    serve``) or cannot fork."""
    files = sum(1 for p in settings.content.rglob("*") if p.is_file()) if settings.content.is_dir() else 0
    if files < APART_FROM or not can_fork():
        yield from work(*args)
        return
    context = get_context("fork")
    receive, send = context.Pipe(duplex=False)
    parent = os.getpid()

    def child() -> None:
        cache.owner = parent  # its pending entries outlive this process, until the build commits them
        cache_module.ENDS_SOON = True  # this process ends after the work: see generator.cache
        try:
            for item in work(*args):
                send.send(("item", item))
            message: tuple = ("done", None, cache, watch.times)
        except BaseException as error:  # raised again in the build process
            message = ("failed", error, cache, watch.times)
        send.send(message)

    process = context.Process(target=child, name="baozhai-generator")
    process.start()
    send.close()
    try:
        while True:
            try:
                kind, value, *rest = receive.recv()
            except EOFError:
                process.join()
                raise BuildError("the generator's process ended without a result "
                                 f"(exit code {process.exitcode})") from None
            if kind == "item":
                yield value
                continue
            process.join()
            filed, times = rest
            cache.take(filed)
            watch.times.update(times)
            if kind == "failed":
                raise value
            return
    finally:
        if process.is_alive():  # the build stopped early (e.g. MkDocs failed): so does the generator
            process.terminate()
            process.join()
        receive.close()


def build_sites(settings: Settings, editions: Iterable[BuiltEdition], site: Path, articles: int,
                watch: Stopwatch, checked: int | None = None, counts: dict[str, float] | None = None,
                cached: bool = False, shard: Shard | None = None) -> int:
    """Build every edition into ``site`` (the others into its subfolders); return the processes used.

    ``editions`` may be lazy (:func:`write_editions`): with more than one process, an
    edition's site is being built while the next edition is still being converted.
    ``cached``: pages built before come from the cache; ``shard``: render only its pages.
    ``counts`` receives how many pages each edition rendered and took from the cache."""
    jobs: list[EditionJob] = []
    # named after the stage, so that the next build removes it if this one is killed (write.remove_stale)
    with tempfile.TemporaryDirectory(prefix=f"{site.name}-parts-", dir=site.parent) as parts:
        def each_job() -> Iterator[EditionJob]:
            for edition, docs, options in editions:
                jobs.append(EditionJob(settings, edition, docs, options,
                                       Path(parts) / edition.code if edition.folder else site,
                                       checked=(articles if checked is None else checked)
                                       if edition.variant is None else 0, cached=cached, shard=shard))
                watch.mark("mkdocs starts")  # everything before this is the generator's
                yield jobs[-1]
            watch.mark("editions written")  # the last MkDocs build can start: the generator is done
            release_memory()  # every edition is written: what generated them can go
        workers = jobs_for(articles, len(settings.edition_list()))
        with watch.stage("mkdocs", announce=True):
            for name, value in build_all(each_job(), workers).items():
                (watch.times if name.startswith("mkdocs ") else counts if counts is not None else {})[name] = value
        assemble(site, [(job.edition, job.site) for job in jobs if job.edition.folder])
    return workers


STAMP = "last-build"  # in the cache folder: the inputs hash of the site now in place


# site_url hosts reserved for examples (RFC 2606, RFC 6761): never a deployed site's
PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net", "example", "invalid")


def placeholder(url: str | None) -> bool:
    """Whether ``url`` is no real address: missing, or on a host reserved for examples."""
    host = (urlsplit(url).hostname or "") if url else ""
    return not host or any(host == d or host.endswith("." + d) for d in PLACEHOLDER_DOMAINS)


def hosting(settings: Settings, hosted: bool, log=None) -> Settings:
    """The settings a build uses for its links. A hosted build (``--hosted``) needs the
    real ``site_url``: a placeholder stops it, naming mkdocs.yml's line. Any other build
    with a placeholder drops it: pages link relatively (no canonical URL, Open Graph URL
    or sitemap address on a made-up host; feeds link relatively), and ``log`` is told so."""
    if not placeholder(settings.site_url):
        return settings
    line = line_of(settings.mkdocs_yml, "Config value 'site_url'")
    if hosted:
        what = f"site_url {settings.site_url} is a placeholder" if settings.site_url else "site_url is not set"
        raise ConfigError(f"{what}: a hosted build needs the address the site is served from "
                          "(canonical URLs, sitemaps and feeds use it); set it, or build without --hosted "
                          "for relative links only", settings.mkdocs_yml, line)
    if settings.site_url and log is not None:
        where = f"{settings.mkdocs_yml}:{line}" if line else str(settings.mkdocs_yml)
        log(f"{where}: site_url {settings.site_url} is a placeholder: built with relative links only, "
            "without 404 page and sitemaps (`baozhai build --hosted` refuses it)")
    return replace(settings, site_url=None)


ADDRESSED = ("404.html", "sitemap.xml", "sitemap.xml.gz")  # right only where the site's address is known


def drop_addressed(site: Path, editions: list) -> None:
    """Without a real site_url, the pages that need the site's address are left out: a
    server's 404 page links from wherever the missing address was (so absolutely), and a
    sitemap lists absolute URLs."""
    for edition in editions:
        for name in ADDRESSED:
            (site / edition.folder / name).unlink(missing_ok=True)


def inputs_stamp(settings: Settings, offline: bool, hosted: bool = False) -> str:
    """A hash of everything a build reads: the content, the configuration (mkdocs.yml and
    what it inherits, as MkDocs reads it: the values of ``!ENV`` too), the project's theme
    overrides, the generator's code and every installed package's version."""
    config = json.dumps(read_raw(settings.mkdocs_yml), sort_keys=True, ensure_ascii=False, default=str)
    parts: list[bytes | str] = [build_version(), str(offline), str(hosted), str(settings.site_url),
                                str(settings.site), str(settings.dist), config]
    for path in settings.config_files:
        parts += [str(path), path.read_bytes() if path.is_file() else b""]
    for folder in [settings.content, *([settings.theme_dir] if settings.theme_dir else [])]:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return cache_key(*parts)


def _record(settings: Settings, stamp: str) -> None:
    settings.cache.mkdir(parents=True, exist_ok=True)
    (settings.cache / STAMP).write_text(stamp + "\n", encoding="utf-8")


def is_current(settings: Settings, stamp: str, offline: bool) -> bool:
    recorded = settings.cache / STAMP
    if not (settings.site / "index.html").exists():
        return False
    zips_there = all((settings.dist / f"baozhai-offline-{e.code}.zip").exists() for e in settings.edition_list())
    return recorded.exists() and recorded.read_text(encoding="utf-8").strip() == stamp and \
        (zips_there or not offline)


def check_outputs(settings: Settings) -> None:
    """The folders a build replaces (site, docs, dist) may not hold the project or the
    content, nor sit inside the content or one another: replacing them would delete it."""
    outputs = {"site": settings.site, "docs": settings.docs, "dist": settings.dist}
    kept = {"the project folder": settings.root, "the content folder": settings.content}
    for name, path in outputs.items():
        path = path.resolve()
        for what, other in kept.items():
            if other.resolve().is_relative_to(path):
                raise BuildError(f"the {name} folder {path} would replace {what}")
        if path.is_relative_to(settings.content.resolve()):
            raise BuildError(f"the {name} folder {path} is inside the content folder")
        for second, other in outputs.items():
            if name != second and path.is_relative_to(other.resolve()):
                raise BuildError(f"the {name} folder {path} is inside the {second} folder")


def newest_date(digest: Digest) -> str | None:
    dates = [r.page.source.meta.date for r in digest.pages if r.page.source.meta.date]
    return max(dates) if dates else None


@contextmanager
def build_date(newest: str | None) -> Iterator[None]:
    """Make the build reproducible: MkDocs dates the sitemap (``lastmod``, the gzip
    header) with SOURCE_DATE_EPOCH when it is set, else today. Unless the caller set
    it, use the newest page date of the content (midnight UTC), or 1980-01-01 (the
    date of the bundles' zip entries) when no page has a date."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    moment = datetime.fromisoformat(newest or "1980-01-01").replace(tzinfo=timezone.utc)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def write_editions(settings: Settings, digest: Digest, files: dict[str, str], docs: Path,
                   cache: Cache | None = None, watch: Stopwatch | None = None,
                   replacing: bool = False) -> Iterator[BuiltEdition]:
    """Write each edition's Markdown and assets under ``docs``; yield them with their mkdocs
    options, one at a time (the next edition is converted when it is asked for).
    ``replacing``: this build replaces ``settings``' docs/ and site/; their pages and
    dictionary data that are unchanged are linked, not written (``write.write_text``).

    Every edition's converter is made first, so a bad phrases file fails the build
    before any site is built."""
    watch = watch or Stopwatch()
    with watch.stage("write"):
        nav = navigation(digest)
    with watch.stage("convert"):
        converters = [(edition, converter_for(settings, edition, digest.glossary))
                      for edition in settings.edition_list()]
    shifted: dict[str, dict[str, list[int]]] = {}  # the Traditional boundaries that moved
    strings = cache or Cache(None)
    for edition, converter in converters:
        if converter is not None:  # the texts it converted in the last build (feed titles and ledes …)
            converter.remember(strings.peek(STRINGS, (converter.identity,)))
        # "write": the source's own script; "convert": an OpenCC edition (which, with more
        # than one process, overlaps the MkDocs build of the editions before it)
        with watch.stage("convert" if converter else "write", announce=True):
            edition_docs = docs / edition.code
            pages = converted_pages(files, converter, cache)
            write_files(edition_docs, pages if converter is None else
                        watch_shifts(pages, digest, shifted, cache, converter.identity),
                        settings.docs / edition.code if replacing else None)
            _assets(edition_docs, () if settings.words else WORDS_ASSETS)
            (edition_docs / FEED).write_text(atom(digest, settings.site_title, edition.code,
                                                  edition_url(settings, edition),
                                                  converter.convert if converter else None), encoding="utf-8")
            if settings.words:
                (edition_docs / LABELS_ASSET).write_text(labels_script(converter.convert if converter else None),
                                                         encoding="utf-8")
            search_options_path(edition_docs).write_text(
                search_options(digest.glossary, edition, converter, f"{ARTICLES}/"), encoding="utf-8")
            if converter is None:  # the source's own script: MkDocs' HTML gets the preservation check
                shown_path(edition_docs).write_text(shown_json({article_path(a): a for a in digest.articles},
                                                               source_views_shown(digest)), encoding="utf-8")
            options = overrides(settings, edition, convert_nav(nav, converter),
                                converter.convert if converter else None, converter.language if converter else None,
                                without=() if settings.words else WORDS_ASSETS)
            if converter is not None and converter.strings() is not None:
                strings.put(STRINGS, (converter.identity,), converter.strings())
        yield edition, edition_docs, options
    if not settings.words:
        return
    with watch.stage("words data"):  # the dictionary data, shared by the editions (see place_dictionary)
        write_words_data(docs / DATA_ASIDE, digest, shifted, cache or Cache(None),
                         settings.site / FOLDER if replacing else None)


STRINGS = "convert strings"  # an edition's converted texts outside its pages, by its converter


def edition_url(settings: Settings, edition) -> str | None:
    """The absolute URL of an edition's root, or None when the site has no real site_url."""
    if not settings.site_url:
        return None
    return settings.site_url.rstrip("/") + "/" + (f"{edition.folder}/" if edition.folder else "")


DATA_ASIDE = "_dictionary"  # docs/ subfolder (no edition's) where the data waits for its site


DATA_MADE = "words data made"  # each data file's size by what it was made of, the last build's (a Memo)


def write_words_data(folder: Path, digest: Digest, shifted: dict[str, dict[str, list[int]]], cache: Cache,
                     previous: Path | None = None) -> None:
    """What :func:`generator.site.dictionary_data.write_data` writes. An article's file is
    the site's own (``previous``: the data folder of the site this build replaces; linked)
    when what it is made of is unchanged since the build that wrote it: the article's slug,
    its blocks' anchors and text, its words and the Traditional boundaries that moved
    (CC-CEDICT and the HSK lists are in the cache's version). The cache holds one memo of
    those inputs, not each file's text again: a cold build at 1,000 articles wrote 1,000
    cache entries (53 MB) for it, and creating a file costs up to a millisecond of CPU on
    some machines (the bench's). The shared files depend on nothing else."""
    folder.mkdir(parents=True, exist_ok=True)
    common, licence = cache.get("words data", ("shared",), lambda: (common_data(load()), licence_text(load())))
    (folder / f"{COMMON}.js").write_text(common, encoding="utf-8")
    made = Memo(cache, DATA_MADE)
    for article in digest.articles:
        moved = shifted.get(article.slug)
        # the words by what they were computed from (their own cache key: hashing that is
        # cheap, a repr of the words is not, and the words are read from the cache only
        # if needed), else by their repr (not pickle: pickle's bytes depend on which strings
        # are one object, which differs between words just computed and words read from
        # the cache)
        made_of = digest.word_keys.get(article.slug)
        words = ("computed from", made_of) if made_of else \
            ("words", repr((digest.words[article.slug].words, digest.words[article.slug].tokens)))
        parts = (article.slug, repr([(b.anchor, b.text.text) for b in article.blocks]),
                 *words, json.dumps(moved, sort_keys=True))
        target = folder / f"{article.slug}.js"
        size = made.last(parts)
        if size is None or previous is None or not link_kept(previous / target.name, target, size):
            data = article_data(article, digest.words[article.slug], moved, load()).encode("utf-8")
            target.unlink(missing_ok=True)
            target.write_bytes(data)
            size = len(data)
        made.keep(parts, size)
    made.file()
    (folder / "LICENSE.txt").write_text(licence, encoding="utf-8")


SHIFTS = "words shifts"  # an edition's moved word boundaries by words' key and converted page (a Memo)


def watch_shifts(pages: Iterator[tuple[str, str]], digest: Digest,
                 shifted: dict[str, dict[str, list[int]]], cache: Cache | None = None,
                 edition: str = "") -> Iterator[tuple[str, str]]:
    """Pass an edition's converted pages on, noting where its articles' words moved. With
    ``cache``, an article's moves are the last build's when its words' key (which holds its
    blocks' anchors and text) and its converted page are unchanged: its words are not read."""
    articles = {article_path(a): a for a in digest.articles}
    known = Memo(cache or Cache(None), SHIFTS, edition)
    for name, text in pages:
        article = articles.get(name)
        if article is not None and article.slug in digest.words:
            def measure(article=article, text=text) -> dict[str, list[int]]:
                return traditional_lengths(article, digest.words[article.slug], text)
            made_of = digest.word_keys.get(article.slug)
            moved = known.get((made_of, text), measure) if made_of else measure()
            if moved:
                shifted[article.slug] = moved
        yield name, text
    known.file()


def place_dictionary(docs: Path, site: Path, editions: list) -> None:
    """Move the dictionary data into the built site (its root: one copy for every edition)
    and put the licence in each edition's folder (its credits page links it)."""
    aside = docs / DATA_ASIDE
    if not aside.exists():
        return
    target = site / FOLDER
    if target.exists():
        shutil.rmtree(target)
    shutil.move(str(aside), str(target))
    for edition in editions:
        if edition.folder:
            (site / edition.folder / FOLDER).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target / "LICENSE.txt", site / edition.folder / FOLDER / "LICENSE.txt")


def bundle(settings: Settings, log=print) -> list[Path]:
    """Only the offline bundles (dist/): site/ and docs/ stay as they are."""
    settings = hosting(settings, False)
    check_outputs(settings)
    require_plugin(settings.mkdocs_yml)
    with template_errors():
        digest, files = generate(settings, render_check=False)
    with build_date(newest_date(digest)), tempfile.TemporaryDirectory(prefix="baozhai-bundle-") as tmp:
        editions = write_editions(settings, digest, files, Path(tmp) / "docs")
        build_sites(settings, editions, Path(tmp) / "site", len(digest.articles), Stopwatch(),
                    checked=len(digest.articles) + len(digest.pages))
        place_dictionary(Path(tmp) / "docs", Path(tmp) / "site", settings.edition_list())
        zips = zip_bundles(settings, settings.edition_list(), Path(tmp) / "site")
    for path in zips:
        log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return zips


def _assets(docs: Path, without: Iterable[str] = ()) -> None:
    """Copy the site's own stylesheet and scripts (every file under assets/, subfolders
    included, but those named in ``without``) next to the generated pages; the offline
    bundles are built from them too."""
    source = Path(__file__).parents[1] / "site" / "assets"
    for asset in sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        target = docs / "assets" / asset.relative_to(source)
        if target.relative_to(docs).as_posix() in without:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.read_bytes())
