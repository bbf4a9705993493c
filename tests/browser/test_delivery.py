"""What the session build delivered, read from disk (no browser): the hosted
site's metadata and the offline bundles' contents and links."""
from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from generator.engine.pagefind import read_index
from generator.site.bundle import ZIP_DATE

from .conftest import EDITIONS, ROOT, bundled

ARTICLE = "articles/2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan.html"


class _Page(HTMLParser):
    """Links, scripts, and the head's meta and link tags of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name):
                self.refs.append((tag, name, attrs[name]))
        if tag == "meta" and attrs.get("content") is not None:
            self.meta[attrs.get("name") or attrs.get("property") or attrs.get("http-equiv") or ""] = attrs["content"]
        if tag == "link" and attrs.get("rel"):
            self.links.setdefault(attrs["rel"], attrs.get("href", ""))


def read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def front_matter(markdown: Path) -> dict:
    return yaml.safe_load(markdown.read_text(encoding="utf-8").split("---\n")[1])


# -- hosted ---------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_has_canonical_url_description_and_open_graph(site, edition):
    folder = site.site if edition == "zh-Hans" else site.site / edition
    base = f"http://127.0.0.1:{site.port}/" + ("" if edition == "zh-Hans" else f"{edition}/")
    pages = [p for p in sorted(folder.rglob("*.html")) if p.name != "404.html"
             and (edition != "zh-Hans" or "zh-Hant" not in p.relative_to(folder).parts)]
    assert len(pages) > 100
    for path in pages:
        page = read(path)
        url = base + path.relative_to(folder).as_posix()
        assert page.links["canonical"] == url, path
        assert page.meta["og:url"] == url, path
        assert page.meta["description"] and page.meta["og:description"] == page.meta["description"], path
        assert page.meta["og:title"] and page.meta["og:site_name"] == ("报摘 Baozhai" if edition == "zh-Hans" else "報摘 Baozhai"), path
        assert page.meta["og:locale"] == ("zh_CN" if edition == "zh-Hans" else "zh_TW"), path


def test_the_description_is_the_lede(site):
    """meta description = the page's ``description`` front matter (the article's lede)."""
    for edition in EDITIONS:
        lede = front_matter(site.root / "docs" / edition / ARTICLE.replace(".html", ".md"))["description"]
        html = site.site / ("" if edition == "zh-Hans" else edition) / ARTICLE
        assert read(html).meta["description"] == lede
        assert lede.startswith("7月7日，上海市人民政府")


def test_sitemaps_robots_and_404(site):
    base = f"http://127.0.0.1:{site.port}/"
    robots = (site.site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {base}sitemap.xml\n" in robots and f"Sitemap: {base}zh-Hant/sitemap.xml" in robots
    for folder, prefix in ((site.site, base), (site.site / "zh-Hant", base + "zh-Hant/")):
        locs = re.findall(r"<loc>([^<]+)</loc>", (folder / "sitemap.xml").read_text(encoding="utf-8"))
        assert prefix + ARTICLE in locs and all(loc.startswith(prefix) for loc in locs)
        if folder == site.site:  # each edition has its own sitemap
            assert not any(loc.startswith(base + "zh-Hant/") for loc in locs)
    assert "找不到这个页面" in (site.site / "404.html").read_text(encoding="utf-8")
    assert "找不到這個頁面" in (site.site / "zh-Hant" / "404.html").read_text(encoding="utf-8")


def test_hosted_pages_reference_no_other_host(site):
    """No fonts, scripts, styles or images from elsewhere (links to the site itself are fine)."""
    for path in sorted(site.site.rglob("*.html")):
        for tag, _, value in read(path).refs:
            if tag in ("script", "img", "iframe", "source") or (tag == "link" and not value.startswith("http://127.0.0.1")):
                assert not urlsplit(value).netloc, f"{path}: {tag} {value}"
    for path in sorted(site.site.rglob("*.css")):
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8")


# -- offline bundles ------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_each_zip_holds_every_edition_sorted_and_dated_1980(site, edition):
    top = f"baozhai-offline-{edition}/"
    with zipfile.ZipFile(site.dist / f"baozhai-offline-{edition}.zip") as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        start = archive.read(top + "index.html").decode("utf-8")
    assert names == sorted(names) and all(name.startswith(top) for name in names)
    assert {info.date_time for info in infos} == {ZIP_DATE}
    for code in EDITIONS:
        for name in ("index.html", ARTICLE, "search/search_index.js", "assets/vendor/iframe-worker/shim.js",
                     "assets/vendor/iframe-worker/LICENSE"):
            assert f"{top}{bundled(code)}/{name}" in names
    assert not [n for n in names if n.endswith((".map", "sitemap.xml", "404.html", "search_index.json",
                                                "robots.txt"))]
    assert f'url={bundled(edition)}/index.html"' in start
    shim = ROOT / "generator" / "engine" / "vendor" / "iframe-worker" / "shim.js"
    with zipfile.ZipFile(site.dist / f"baozhai-offline-{edition}.zip") as archive:
        assert archive.read(f"{top}site/assets/vendor/iframe-worker/shim.js") == shim.read_bytes()


def test_both_zips_hold_the_same_site(site):
    contents = []
    for edition in EDITIONS:
        with zipfile.ZipFile(site.dist / f"baozhai-offline-{edition}.zip") as archive:
            contents.append({info.filename.split("/", 1)[1]: info.CRC for info in archive.infolist()
                             if info.filename.split("/", 1)[1] != "index.html"})
    assert contents[0] == contents[1]


def test_the_bundle_is_the_hosted_site_itself(site):
    """One build serves both: every page of the bundle is byte for byte the hosted page, and
    the hosted site keeps the JSON index only (search_index.js is read under file:// only)
    and its Pagefind index."""
    bundle = site.bundle("zh-Hans") / "site"
    pages = sorted(p.relative_to(bundle) for p in bundle.rglob("*.html"))
    assert len(pages) > 200
    assert [p for p in pages if (site.site / p).read_bytes() != (bundle / p).read_bytes()] == []
    for edition in EDITIONS:
        assert (site.bundle("zh-Hans") / bundled(edition) / "search" / "search_index.js").exists()
        hosted = site.site / bundled(edition).removeprefix("site").lstrip("/") / "search"
        assert (hosted / "search_index.json").exists() and not (hosted / "search_index.js").exists()
        # the hosted index is Pagefind's (engine/pagefind.py); the bundle has none
        assert (hosted.parent / "pagefind" / "pagefind.js").exists()
        assert not (site.bundle("zh-Hans") / bundled(edition) / "pagefind").exists()


def test_every_link_of_the_bundle_stays_inside_and_exists(site):
    """Relative links resolve to files of the bundle; nothing is loaded from anywhere else."""
    bundle = site.bundle("zh-Hans")
    pages = sorted(bundle.rglob("*.html"))
    assert len(pages) > 200
    for path in pages:
        page = read(path)
        for tag, name, value in page.refs:
            parts = urlsplit(value)
            if parts.scheme or parts.netloc:
                # only the canonical link points at the hosted site; nothing is fetched from it
                assert tag in ("a", "link") and (tag == "a" or page.links.get("canonical") == value), \
                    f"{path}: {tag} {name}={value}"
                continue
            if not parts.path:
                continue
            target = (path.parent / unquote(parts.path)).resolve()
            assert target.is_relative_to(bundle), f"{path}: {value} leaves the bundle"
            if target.is_dir():
                target = target / "index.html"
            assert target.exists() or parts.path.endswith("sitemap.xml"), f"{path}: {value} is missing"
        assert "unpkg.com" not in path.read_text(encoding="utf-8")


def test_the_bundle_carries_every_asset(site):
    """Everything under generator/site/assets (subfolders too) reaches both editions of the bundle."""
    source = ROOT / "generator" / "site" / "assets"
    assets = [p for p in sorted(source.rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    assert assets
    for asset in assets:
        for edition in EDITIONS:
            copy = site.bundle("zh-Hans") / bundled(edition) / "assets" / asset.relative_to(source)
            assert copy.read_bytes() == asset.read_bytes(), copy


@pytest.mark.parametrize("edition", EDITIONS)
def test_listing_pages_stay_out_of_the_search_index(site, edition):
    """Date, category, browse and glossary-index pages only list links to pages that are
    indexed themselves: they are left out (front matter search.exclude), articles and
    term pages are in."""
    folder = site.site / bundled(edition).removeprefix("site").lstrip("/")
    docs = read_index(folder)["docs"]
    pages = {doc["location"].split("#")[0] for doc in docs}
    assert not [p for p in pages if p.startswith(("issues/", "topics/", "browse/")) or p == "glossary/index.html"]
    assert {p.split("/")[0] for p in pages} >= {"articles", "glossary"} and ARTICLE in pages
    assert "glossary/xinzhi-shengchanli.html" in pages
