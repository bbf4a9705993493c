"""The offline bundles: the whole site as a zip that is read from ``file://``.

``dist/baozhai-offline-<edition>.zip`` holds one folder of the same name::

    baozhai-offline-zh-Hant/
      index.html      start page: opens <edition>/index.html, links every edition
      zh-Hans/        the Simplified edition
      zh-Hant/        the Traditional edition

Every zip holds every edition, so the edition switch works inside one
unzipped bundle; the zips differ only in the edition the start page opens.
The editions are built again, from the same generated Markdown, into a
temporary folder with Material's ``offline`` plugin and without instant
navigation (which needs a server). The plugin would load its ``iframe-worker``
shim (search under ``file://``) from a CDN; the bundle ships the vendored copy
(``generator/vendor/iframe-worker``, with its licence) instead, so a page of
the bundle requests nothing outside it. Files no reader can use from disk are
left out (404 page, robots.txt, sitemaps, source maps, the JSON search index that
``search_index.js`` repeats). Entries are sorted and dated 1980-01-01, so the same site gives the
same bytes.
"""
from __future__ import annotations

import copy
import html
import shutil
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .config import Edition, Settings, read_mkdocs
from .site import build_edition
from .write import staged

SHIM_VERSION = "1.0.4"
VENDOR = Path(__file__).parent / "vendor" / "iframe-worker"
SHIM_DIR = "assets/vendor/iframe-worker"
SHIM = f"{SHIM_DIR}/shim.js"
UNUSED_OFFLINE = ("404.html", "robots.txt", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# (edition, its generated Markdown folder, its mkdocs.yml overrides for the hosted build)
BuiltEdition = tuple[Edition, Path, dict]


def bundle_name(edition: Edition) -> str:
    return f"baozhai-offline-{edition.code}"


def build_offline(settings: Settings, docs: Path, options: dict, editions: list[Edition], out: Path) -> None:
    """One edition's offline site (Material's offline plugin, no instant navigation) into ``out``."""
    plugins = list(read_mkdocs(settings.mkdocs_yml).get("plugins") or [])
    build_edition(settings, docs, out, **offline_options(options, editions, plugins))
    _finish(out)


def zip_bundles(settings: Settings, editions: list[Edition], tree: Path) -> list[Path]:
    """One zip per edition from the offline sites under ``tree``, into ``settings.dist`` (atomically)."""
    title = str(read_mkdocs(settings.mkdocs_yml).get("site_name") or "Baozhai")
    with staged(settings.dist) as dist:
        with ThreadPoolExecutor(max_workers=len(editions)) as pool:  # zlib compresses outside the GIL
            list(pool.map(lambda edition: write_zip(
                dist / f"{bundle_name(edition)}.zip", tree, bundle_name(edition),
                {"index.html": start_page(edition, editions, title).encode("utf-8")}), editions))
    return [settings.dist / f"{bundle_name(edition)}.zip" for edition in editions]


def write_bundles(settings: Settings, editions: list[BuiltEdition]) -> list[Path]:
    """Build the offline site and write one zip per edition into ``settings.dist`` (atomically)."""
    every = [edition for edition, _, _ in editions]
    with tempfile.TemporaryDirectory(prefix="baozhai-offline-") as tmp:
        for edition, docs, options in editions:
            build_offline(settings, docs, options, every, Path(tmp) / edition.code)
        return zip_bundles(settings, every, Path(tmp))


def offline_options(options: dict, editions: list[Edition], plugins: list) -> dict:
    """The hosted build's overrides, turned into those of the offline build."""
    theme = dict(options.get("theme") or {})
    theme["features"] = [f for f in theme.get("features") or [] if not f.startswith("navigation.instant")]
    extra = dict(options.get("extra") or {})
    if len(editions) > 1:  # editions are sibling folders in the bundle
        extra["alternate"] = [{"name": e.label, "lang": e.code, "link": f"../{e.code}/"} for e in editions]
    extra["polyfills"] = [SHIM]  # the offline plugin then adds no CDN script
    # a deep copy: loading a config empties the plugin options it is given
    return {**options, "theme": theme, "extra": extra, "plugins": copy.deepcopy([*plugins, "offline"])}


def _finish(site: Path) -> None:
    for name in UNUSED_OFFLINE:
        (site / name).unlink(missing_ok=True)
    for source_map in sorted(site.rglob("*.map")):  # for debugging Material's minified code only
        source_map.unlink()
    shim = site / SHIM_DIR
    shim.mkdir(parents=True, exist_ok=True)
    for name in ("shim.js", "LICENSE", "README.md"):
        shutil.copyfile(VENDOR / name, shim / name)


def start_page(edition: Edition, editions: list[Edition], title: str) -> str:
    """The bundle's index.html: goes straight to ``edition``, and links every edition."""
    links = " · ".join(f'<a href="{e.code}/index.html" lang="{e.code}" hreflang="{e.code}">{html.escape(e.label)}</a>'
                       for e in editions)
    return (f'<!doctype html>\n<html lang="{edition.code}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f'<meta http-equiv="refresh" content="0; url={edition.code}/index.html">\n'
            f"<title>{html.escape(title)}</title>\n</head>\n<body>\n<p>{links}</p>\n</body>\n</html>\n")


def write_zip(target: Path, tree: Path, top: str, extra: dict[str, bytes] | None = None) -> None:
    """Zip every file under ``tree`` (plus ``extra``) into ``top/`` inside ``target``, reproducibly."""
    entries = {p.relative_to(tree).as_posix(): p for p in tree.rglob("*") if p.is_file()}
    entries.update(extra or {})
    with zipfile.ZipFile(target, "w") as archive:
        for name in sorted(entries):
            source = entries[name]
            data = source if isinstance(source, bytes) else source.read_bytes()
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that the permissions below are honoured
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compresslevel=6)
