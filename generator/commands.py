"""The verbs: ``build`` (write the site), ``bundle`` (only the offline bundles) and
``check`` (validate and report, write nothing)."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from .builds import BuiltEdition, EditionJob, assemble, build_all, jobs_for, release_memory
from .bundle import drop_offline_index, zip_bundles
from .cache import Cache, code_version
from .cache import key as cache_key
from .config import Settings
from .editions import (convert_files, converted_pages, convert_nav, converter_for, edition_checks,
                       overrides, search_options)
from .mkdocs_plugin import search_options_path, shown_path
from .errors import BuildError
from .pages import article_path, navigation, render_digest
from .pipeline import Digest, process
from .preserve import Loss, check_accounting, check_output, shown_json
from .suggest import glossary_warnings, suggest
from .timing import Stopwatch
from .write import staged, write_files


def generate(settings: Settings, cache: Cache | None = None, watch: Stopwatch | None = None,
             render_check: bool = True) -> tuple[Digest, dict[str, str]]:
    """Process the content and render the Simplified edition's Markdown.

    Without ``render_check`` the output half of the preservation check is left to
    the MkDocs build (the Baozhai plugin checks the HTML MkDocs renders; see
    generator.preserve), so the Markdown is not rendered twice.
    """
    watch = watch or Stopwatch()
    digest = process(settings.content, cache, watch)
    with watch.stage("render", announce=True):
        files = render_digest(digest, settings.site_title)
    with watch.stage("preservation"):
        losses = preservation(digest, files if render_check else None)
    if losses:
        raise BuildError("preservation check failed: " + "; ".join(map(str, losses[:5])))
    return digest, files


def preservation(digest: Digest, files: dict[str, str] | None = None) -> list[Loss]:
    """The preservation check of every page: the accounting and, given the rendered
    Markdown ``files``, the output check on each article's Markdown."""
    losses: list[Loss] = []
    for result in digest.pages:
        losses += check_accounting(result.page, result.repairs)
        if files is not None:
            for article in result.page.articles:
                losses += check_output(article, files[article_path(article)])
    return losses


@dataclass(frozen=True)
class Built:
    """What a build made (the digest itself is let go before MkDocs runs)."""

    articles: int
    pages: int
    workers: int


def build(settings: Settings, log=print, offline: bool = True, watch: Stopwatch | None = None) -> Built | None:
    """Generate every edition's Markdown into docs/, its site into site/ and,
    when ``offline``, the offline bundles into dist/.

    The folders are built aside and swapped in only when everything succeeded.
    Nothing is rebuilt when no input changed since the last build (returns None).
    """
    watch = watch or Stopwatch()
    check_outputs(settings)
    stamp = inputs_stamp(settings, offline)
    if is_current(settings, stamp, offline):
        log(f"nothing changed since the last build: {settings.site} kept")
        return None
    cache = Cache.at(settings.cache)
    try:
        built = _build(settings, cache, offline, watch)
    except BaseException:
        cache.discard()
        raise
    cache.commit()
    _record(settings, stamp)
    log(f"built {built.articles} articles from {built.pages} pages into {settings.site}")
    log(f"rebuilt: {cache.report()}; editions built in {built.workers} process(es)")
    return built


def _build(settings: Settings, cache: Cache, offline: bool, watch: Stopwatch) -> Built:
    digest, files = generate(settings, cache, watch, render_check=False)
    articles, pages, newest = len(digest.articles), len(digest.pages), newest_date(digest)
    with build_date(newest), staged(settings.docs) as docs, staged(settings.site) as site:
        editions = write_editions(settings, digest, files, docs, cache, watch)
        # from here only the editions' generator holds the digest: once the last edition is
        # written it is let go (see release_memory), while MkDocs runs in the worker processes
        del digest, files
        workers = build_sites(settings, editions, site, articles, watch)
        built = settings.edition_list()
        if offline:
            with watch.stage("bundles", announce=True):
                zip_bundles(settings, built, site)
        drop_offline_index(site, built)
    return Built(articles, pages, workers)


def build_sites(settings: Settings, editions: Iterable[BuiltEdition], site: Path, articles: int,
                watch: Stopwatch) -> int:
    """Build every edition into ``site`` (the others into its subfolders); return the processes used.

    ``editions`` may be lazy (:func:`write_editions`): with more than one process, an
    edition's site is being built while the next edition is still being converted."""
    jobs: list[EditionJob] = []
    with tempfile.TemporaryDirectory(prefix=f".{site.name}.parts-", dir=site.parent) as parts:
        def each_job() -> Iterator[EditionJob]:
            for edition, docs, options in editions:
                jobs.append(EditionJob(settings, edition, docs, options,
                                       Path(parts) / edition.code if edition.folder else site))
                watch.mark("mkdocs starts")  # everything before this is the generator's
                yield jobs[-1]
            watch.mark("editions written")  # the last MkDocs build can start: the generator is done
            release_memory()  # every edition is written: what generated them can go
        workers = jobs_for(articles, len(settings.edition_list()))
        with watch.stage("mkdocs", announce=True):
            watch.times.update(build_all(each_job(), workers))
        assemble(site, [(job.edition, job.site) for job in jobs if job.edition.folder])
    return workers


STAMP = "last-build"  # in the cache folder: the inputs hash of the site now in place


def inputs_stamp(settings: Settings, offline: bool) -> str:
    """A hash of everything a build reads: content, configuration, overrides, code."""
    parts: list[bytes | str] = [code_version(), str(offline), str(settings.site), str(settings.dist)]
    for folder in (settings.content, settings.root / "overrides"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    parts.append(settings.mkdocs_yml.read_bytes())
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
                   cache: Cache | None = None, watch: Stopwatch | None = None) -> Iterator[BuiltEdition]:
    """Write each edition's Markdown and assets under ``docs``; yield them with their mkdocs
    options, one at a time (the next edition is converted when it is asked for).

    Every edition's converter is made first, so a bad phrases file fails the build
    before any site is built."""
    watch = watch or Stopwatch()
    with watch.stage("write"):
        nav = navigation(digest)
    with watch.stage("convert"):
        converters = [(edition, converter_for(settings, edition, digest.glossary))
                      for edition in settings.edition_list()]
    for edition, converter in converters:
        # "write": the source's own script; "convert": an OpenCC edition (which, with more
        # than one process, overlaps the MkDocs build of the editions before it)
        with watch.stage("convert" if converter else "write", announce=True):
            edition_docs = docs / edition.code
            write_files(edition_docs, converted_pages(files, converter, cache))
            _assets(edition_docs)
            search_options_path(edition_docs).write_text(search_options(digest.glossary, edition, converter),
                                                         encoding="utf-8")
            if converter is None:  # the source's own script: MkDocs' HTML gets the preservation check
                shown_path(edition_docs).write_text(shown_json({article_path(a): a for a in digest.articles}),
                                                    encoding="utf-8")
            options = overrides(settings, edition, convert_nav(nav, converter))
        yield edition, edition_docs, options


def bundle(settings: Settings, log=print) -> list[Path]:
    """Only the offline bundles (dist/): site/ and docs/ stay as they are."""
    check_outputs(settings)
    digest, files = generate(settings, render_check=False)
    with build_date(newest_date(digest)), tempfile.TemporaryDirectory(prefix="baozhai-bundle-") as tmp:
        editions = write_editions(settings, digest, files, Path(tmp) / "docs")
        build_sites(settings, editions, Path(tmp) / "site", len(digest.articles), Stopwatch())
        zips = zip_bundles(settings, settings.edition_list(), Path(tmp) / "site")
    for path in zips:
        log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return zips


def _assets(docs: Path) -> None:
    """Copy the site's own stylesheet and scripts (every file under assets/, subfolders
    included) next to the generated pages; the offline bundles are built from them too."""
    source = Path(__file__).parent / "assets"
    for asset in sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        target = docs / "assets" / asset.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.read_bytes())


def check(settings: Settings, verbose: bool = False) -> list[str]:
    """Everything ``baozhai check`` prints, line by line."""
    digest, files = generate(settings)
    lines = [f"{len(digest.pages)} page(s), {len(digest.articles)} article(s)"]
    for result in digest.pages:
        lines += _page_report(result, verbose)
    lines.append(f"\nglossary: {len(digest.glossary.terms)} entries, "
                 f"{sum(len(v) for v in digest.annotations.occurrences.values())} occurrences annotated")
    lines += glossary_warnings(digest)
    for edition in settings.edition_list():
        converter = converter_for(settings, edition, digest.glossary)
        if converter is not None:
            problems = edition_checks(files, convert_files(files, converter), converter)
            lines.append(f"\n{edition.code} ({edition.variant}): "
                         f"{sum('Simplified left' in p for p in problems)} page(s) with Simplified left, "
                         f"{sum('override' in p for p in problems)} stale override(s)")
            lines += problems
    lines.append("preservation: every source character accounted for and shown")
    return lines


def suggest_terms(settings: Settings, limit: int) -> list[str]:
    digest = process(settings.content)
    rows = [f"{c.word}\t{c.count}×\tweight {c.weight:.3f}\t{', '.join(c.places)}"
            for c in suggest(digest, digest.glossary, limit)]
    return ["candidate\tcount\tweight\twhere"] + rows


def _page_report(result, verbose: bool) -> list[str]:
    name = result.page.source.name
    lines = [f"\n{name}"]
    for article in result.page.articles:
        flag = " (provisional title)" if article.provisional else ""
        lines.append(f"  article {article.number}: {article.title}{flag} "
                     f"[{len(article.paragraphs)} paragraphs] → {article.slug}")
    lines.append(f"  joins: {len(result.repairs.joins)}")
    lines += [f"    {name}:{j.before}+{j.after}: {j.reason}" for j in result.repairs.joins]
    punct = result.repairs.punctuation
    lines.append(f"  punctuation made full-width: {len(punct)} on {len({p.line for p in punct})} lines")
    if verbose:
        lines += [f"    {name}:{p.line}:{p.column + 1}: {p.old} → {p.new}" for p in punct]
    lines.append(f"  errata: {len(result.errata)}")
    lines += [f"    {name}:{e.erratum.line}: {e.erratum.kind}: {e.erratum.reason}" for e in result.errata]
    lines.append(f"  suspects: {len(result.suspects)}")
    lines += [f"    {s.source}:{s.line}: {s.kind}: {s.message}" for s in result.suspects]
    return lines
