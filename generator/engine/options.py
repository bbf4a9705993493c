"""Each edition's MkDocs options: what differs from ``mkdocs.yml`` per edition, and what
reading a site from disk (the offline bundles) needs from Material."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from generator.engine.config import read_raw
from generator.model.edition import Edition

if TYPE_CHECKING:  # the settings are handed in: the engine never imports generator.config
    from generator.config import Settings

SHIM_VERSION = "1.0.4"
VENDOR = Path(__file__).parent / "vendor" / "iframe-worker"
SHIM_DIR = "assets/vendor/iframe-worker"
SHIM = f"{SHIM_DIR}/shim.js"
# What a built edition holds only for one way of reading it:
OFFLINE_ONLY = ("search/search_index.js",)  # Material's offline plugin: the index search reads under file://
HOSTED_ONLY = ("404.html", "robots.txt",  # a server's page for unknown addresses; crawlers
               "sitemap.xml", "sitemap.xml.gz",  # MkDocs' sitemaps
               "search/search_index.json")  # Material's search index, fetched over http


def overrides(settings: Settings, edition: Edition, nav: list, text: Callable[[str], str] | None = None,
              language: str | None = None, without: tuple[str, ...] = ()) -> dict:
    """mkdocs.yml options that differ per edition: language, selector, nav, site_url, and
    the site's own text (name, description, footnote back-link titles) through ``text``
    (the edition's conversion). ``language``: Material's UI language (zh-TW, zh-HK…),
    by default the edition's code. ``without``: stylesheets and scripts of mkdocs.yml's
    ``extra_css`` and ``extra_javascript`` the edition leaves out (its docs lack them)."""
    data = read_raw(settings.mkdocs_yml)
    options = _site_text(data, text) if text else {}
    if without:
        options.update(_without(data, without))
    if settings.site_url and edition.folder:  # canonical URLs and sitemap of an edition in a folder
        options["site_url"] = f"{settings.site_url.rstrip('/')}/{edition.folder}/"
    elif not settings.site_url and data.get("site_url"):  # a placeholder, dropped (commands/build.py: hosting)
        options["site_url"] = ""
    theme = dict(data.get("theme") or {})
    theme["language"] = language or edition.code
    if text and theme.get("palette"):  # the palette toggle's names are reader-visible text
        theme["palette"] = _palette_text(theme["palette"], text)
    if "custom_dir" in theme:
        theme["custom_dir"] = str((settings.root / theme["custom_dir"]).resolve())
    extra = dict(data.get("extra") or {})
    editions = settings.edition_list()
    if len(editions) > 1:
        extra["alternate"] = [{"name": other.label, "lang": other.code,
                               "link": _relative_root(edition, other)} for other in editions]
    # every site is also read from disk (the offline bundles are the same pages)
    return offline_ready({**options, "theme": theme, "extra": extra, "nav": nav}, list(data.get("plugins") or []))


def _without(data: dict, left_out: tuple[str, ...]) -> dict:
    """mkdocs.yml's ``extra_css`` and ``extra_javascript`` but the files ``left_out``
    (an entry is a path, or a mapping with its ``path``, as MkDocs takes them)."""
    def path(entry) -> str:
        return str(entry.get("path") if isinstance(entry, dict) else entry)
    return {key: [entry for entry in data[key] if path(entry) not in left_out]
            for key in ("extra_css", "extra_javascript") if data.get(key)}


def _site_text(data: dict, text: Callable[[str], str]) -> dict:
    """The site's name, description and the strings of its Markdown extensions'
    settings (footnote back-link titles), in the edition's script."""
    options: dict[str, Any] = {key: text(str(data[key])) for key in ("site_name", "site_description")
                               if data.get(key)}
    extensions = []
    for extension in data.get("markdown_extensions") or []:
        if isinstance(extension, dict):
            extension = {name: {key: text(value) if isinstance(value, str) else value
                                for key, value in (config or {}).items()}
                         for name, config in extension.items()}
        extensions.append(extension)
    if extensions:
        options["markdown_extensions"] = extensions
    return options


def _palette_text(palette, text: Callable[[str], str]):
    """Material's palette (one scheme or a list of them) with each toggle's name converted."""
    if isinstance(palette, list):
        return [_palette_text(item, text) for item in palette]
    if isinstance(palette, dict) and isinstance(palette.get("toggle"), dict):
        toggle = dict(palette["toggle"])
        if isinstance(toggle.get("name"), str):
            toggle["name"] = text(toggle["name"])
        return {**palette, "toggle": toggle}
    return palette


def _relative_root(current: Edition, other: Edition) -> str:
    """The other edition's root, relative to the current edition's root."""
    up = "../" * len(Path(current.folder).parts) if current.folder else ""
    return f"{up}{other.folder}/" if other.folder else up or "./"


def offline_ready(options: dict, plugins: list) -> dict:
    """An edition's mkdocs.yml overrides plus what reading it from disk needs:
    Material's ``offline`` plugin and the vendored shim as the only polyfill."""
    extra = dict(options.get("extra") or {})
    extra["polyfills"] = [SHIM]  # the offline plugin then adds no CDN script
    names = [p if isinstance(p, str) else next(iter(p)) for p in plugins]
    more = [] if "offline" in names else ["offline"]
    # a deep copy: loading a config empties the plugin options it is given
    return {**options, "extra": extra, "plugins": copy.deepcopy([*plugins, *more])}


def add_shim(site: Path) -> None:
    """Put the vendored shim (and its licence) where the pages' polyfill tag points."""
    shim = site / SHIM_DIR
    shim.mkdir(parents=True, exist_ok=True)
    for name in ("shim.js", "LICENSE", "README.md"):
        shutil.copyfile(VENDOR / name, shim / name)
