"""The offline bundles: the whole site as a zip that is read from ``file://``.

``dist/baozhai-offline-<edition>.zip`` holds one folder of the same name::

    baozhai-offline-zh-Hant/
      index.html      start page: opens <edition>'s home, links every edition
      site/           the site as hosted: the Simplified edition
        zh-Hant/      the Traditional edition

Every zip holds every edition, so the edition switch works inside one
unzipped bundle; the zips differ only in the edition the start page opens.

The bundle is the hosted site itself, not a second build: every edition is
built once, with Material's ``offline`` plugin (it writes
``search/search_index.js``, the index that search reads under ``file://``)
and the ``iframe-worker`` shim as a polyfill (under ``file://`` it runs the
search worker in an iframe; served over http it does nothing). Hosted pages
keep instant navigation; read from disk, a page drops it from Material's
configuration before Material starts (``generator/engine/theme/main.html``: left in, no
component would start there). The plugin would load the shim from a CDN;
every site ships the vendored copy (``generator/engine/vendor/iframe-worker``, with
its licence) instead, so a page of the bundle requests nothing outside it.
Files no reader can use from disk are left out of the zips (404 page,
robots.txt, sitemaps, the JSON search index that ``search_index.js``
repeats), and ``search_index.js`` is left out of the hosted site. Entries are
sorted and dated 1980-01-01, so the same site gives the same bytes.

Both zips are written together, and each file is deflated once for both: its
deflated bytes are kept in the build cache under the hash of its bytes, so a
rebuild deflates only the files that changed and copies the rest, and the
zips are byte for byte those written from scratch (tests/test_bundle.py).
"""
from __future__ import annotations

import hashlib
import html
import re
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

from generator.cache import Cache
from generator.config import Edition, Settings
from generator.engine.options import HOSTED_ONLY, OFFLINE_ONLY
from generator.errors import BuildError
from generator.write import staged

SITE_DIR = "site"  # the bundle's copy of the hosted site
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# The dictionary data (a script per article, generator.site.dictionary_data) is most of a
# large bundle's bytes: zlib's level 1 compresses it in half the time of level 6, 9% larger.
_QUICK = re.compile(r"(^|/)dict/[^/]+\.js$")
_BATCH = 256  # files read and deflated at a time (zlib deflates outside the GIL, in threads)


def bundle_name(edition: Edition) -> str:
    return f"baozhai-offline-{edition.code}"


def edition_home(edition: Edition) -> str:
    """Where an edition's home page is inside a bundle."""
    return "/".join(part for part in (SITE_DIR, edition.folder, "index.html") if part)


def zip_bundles(settings: Settings, editions: list[Edition], site: Path, cache: Cache | None = None) -> list[Path]:
    """One zip per edition of the whole ``site`` (every edition), into ``settings.dist`` (atomically);
    files deflated by an earlier build come from ``cache``."""
    title = settings.site_name
    unused = {"/".join(filter(None, (e.folder, name))) for e in editions for name in HOSTED_ONLY}
    entries = {f"{SITE_DIR}/{name}": path for name, path in _files(site).items()
               if name not in unused}  # (no site has source maps: engine.search.prune_assets)
    with staged(settings.dist) as dist:
        write_zips([(dist / f"{bundle_name(edition)}.zip", bundle_name(edition),
                     {**entries, "index.html": start_page(edition, editions, title).encode("utf-8")})
                    for edition in editions], cache)
    return [settings.dist / f"{bundle_name(edition)}.zip" for edition in editions]


def drop_offline_index(site: Path, editions: list[Edition]) -> None:
    """The hosted site serves the JSON index; its ``search_index.js`` twins are for the bundles."""
    for edition in editions:
        for name in OFFLINE_ONLY:
            (site / edition.folder / name).unlink(missing_ok=True)


def _files(tree: Path) -> dict[str, Path]:
    return {p.relative_to(tree).as_posix(): p for p in tree.rglob("*") if p.is_file()}


def start_page(edition: Edition, editions: list[Edition], title: str) -> str:
    """The bundle's index.html: goes straight to ``edition``, and links every edition."""
    links = " · ".join(f'<a href="{edition_home(e)}" lang="{e.code}" hreflang="{e.code}">{html.escape(e.label)}</a>'
                       for e in editions)
    return (f'<!doctype html>\n<html lang="{edition.code}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f'<meta http-equiv="refresh" content="0; url={edition_home(edition)}">\n'
            f"<title>{html.escape(title)}</title>\n</head>\n<body>\n<p>{links}</p>\n</body>\n</html>\n")


def write_entries(target: Path, top: str, entries: dict[str, Path | bytes], cache: Cache | None = None) -> None:
    """Zip ``entries`` (name → file or bytes) into ``top/`` inside ``target``, reproducibly."""
    write_zips([(target, top, entries)], cache)


def write_zips(zips: list[tuple[Path, str, dict[str, Path | bytes]]], cache: Cache | None = None) -> None:
    """Write each ``(target, top, entries)`` as :func:`write_entries` does, all at once: a
    file in several zips is read and deflated once, and not at all when ``cache`` holds it."""
    cache = cache or Cache(None)
    names = sorted(set().union(*(entries for _, _, entries in zips)))
    with ExitStack() as stack, ThreadPoolExecutor(max_workers=2) as pool:
        archives = [stack.enter_context(zipfile.ZipFile(target, "w")) for target, _, _ in zips]
        for start in range(0, len(names), _BATCH):
            batch = names[start:start + _BATCH]
            read: dict[Path | bytes, bytes] = {}
            for _, _, entries in zips:
                for name in batch:
                    if name in entries and entries[name] not in read:
                        source = entries[name]
                        read[source] = source if isinstance(source, bytes) else source.read_bytes()
            deflated = _deflate([(read[entries[name]], _level(name)) for _, _, entries in zips
                                 for name in batch if name in entries], cache, pool)
            for archive, (_, top, entries) in zip(archives, zips):
                for name in batch:
                    if name in entries:
                        data = read[entries[name]]
                        _write_deflated(archive, _info(f"{top}/{name}"), data, deflated[data, _level(name)])


def _level(name: str) -> int:
    return 1 if _QUICK.search(name) else 6


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so that the permissions below are honoured
    info.external_attr = 0o100644 << 16
    return info


def _deflate(wanted: list[tuple[bytes, int]], cache: Cache, pool: ThreadPoolExecutor) -> dict[tuple[bytes, int], bytes]:
    """Each (data, level)'s raw deflate stream, as zipfile writes it: from the cache, or
    computed (in ``pool``) and filed there under the hash of the data."""
    found: dict[tuple[bytes, int], bytes] = {}
    keys = {}
    for item in dict.fromkeys(wanted):
        keys[item] = ("deflate", zlib.ZLIB_RUNTIME_VERSION, str(item[1]), hashlib.sha256(item[0]).hexdigest())
        cached = cache.peek("deflated", keys[item])
        if cached is not None:
            found[item] = cached
    missing = [item for item in keys if item not in found]
    for item, stream in zip(missing, pool.map(lambda item: _deflated(*item), missing)):
        cache.put("deflated", keys[item], stream)
        found[item] = stream
    return found


def _deflated(data: bytes, level: int) -> bytes:
    """What ``zipfile`` writes for ``data`` deflated at ``level`` (its compressor, zipfile._get_compressor)."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


class _Written:
    """A stand-in for the compressor of an entry zipfile is writing, that hands it the
    entry's deflated bytes computed before. zipfile itself writes the headers, CRC,
    sizes and directory, so the zip is the one ``writestr`` writes (tested:
    tests/test_bundle.py); it relies on ``_ZipWriteFile._compressor`` (CPython 3.11),
    which that test checks."""

    def __init__(self, stream: bytes) -> None:
        self.stream = stream

    def compress(self, data: bytes) -> bytes:
        stream, self.stream = self.stream, b""
        return stream

    def flush(self) -> bytes:
        return self.compress(b"")


def _write_deflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes, stream: bytes) -> None:
    info.file_size = len(data)  # as writestr sets it (it decides on zip64)
    with archive.open(info, "w") as out:
        if not hasattr(out, "_compressor"):  # a check, not an assert: python -O must not skip it
            raise BuildError(f"{archive.filename}: this Python's zipfile has no _ZipWriteFile._compressor, "
                             "which the bundles are written through (generator/site/bundle.py)")
        out._compressor = _Written(stream)
        out.write(data)  # zipfile counts the size and the CRC of the data itself
