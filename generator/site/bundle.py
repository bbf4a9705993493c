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
"""
from __future__ import annotations

import html
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.config import Edition, Settings
from generator.engine.options import HOSTED_ONLY, OFFLINE_ONLY
from generator.write import staged

SITE_DIR = "site"  # the bundle's copy of the hosted site
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# The dictionary data (a script per article, generator.site.dictionary_data) is most of a
# large bundle's bytes: zlib's level 1 compresses it in half the time of level 6, 9% larger.
_QUICK = re.compile(r"(^|/)dict/[^/]+\.js$")


def bundle_name(edition: Edition) -> str:
    return f"baozhai-offline-{edition.code}"


def edition_home(edition: Edition) -> str:
    """Where an edition's home page is inside a bundle."""
    return "/".join(part for part in (SITE_DIR, edition.folder, "index.html") if part)


def zip_bundles(settings: Settings, editions: list[Edition], site: Path) -> list[Path]:
    """One zip per edition of the whole ``site`` (every edition), into ``settings.dist`` (atomically)."""
    title = settings.site_name
    unused = {"/".join(filter(None, (e.folder, name))) for e in editions for name in HOSTED_ONLY}
    entries = {f"{SITE_DIR}/{name}": path for name, path in _files(site).items()
               if name not in unused}  # (no site has source maps: engine.search.prune_assets)
    with staged(settings.dist) as dist:
        with ThreadPoolExecutor(max_workers=len(editions)) as pool:  # zlib compresses outside the GIL
            list(pool.map(lambda edition: write_entries(
                dist / f"{bundle_name(edition)}.zip", bundle_name(edition),
                {**entries, "index.html": start_page(edition, editions, title).encode("utf-8")}), editions))
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


def write_entries(target: Path, top: str, entries: dict[str, Path | bytes]) -> None:
    """Zip ``entries`` (name → file or bytes) into ``top/`` inside ``target``, reproducibly."""
    with zipfile.ZipFile(target, "w") as archive:
        for name in sorted(entries):
            source = entries[name]
            data = source if isinstance(source, bytes) else source.read_bytes()
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that the permissions below are honoured
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compresslevel=1 if _QUICK.search(name) else 6)
