"""The offline bundle's pieces that need no build: reproducible zips, the
options that make every build readable offline, the start page. (The built bundles are checked in
tests/browser/test_delivery.py and read in Chromium in tests/browser/test_reading.py.)"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.config import Edition
from generator.errors import BuildError
from generator.engine.options import SHIM, offline_ready
from generator.site.bundle import ZIP_DATE, start_page, write_entries

HANS = Edition("zh-Hans", "简体中文", "", None)
HANT = Edition("zh-Hant", "繁體中文", "zh-Hant", "s2twp")


def test_zip_is_sorted_dated_and_reproducible(tmp_path):
    tree = tmp_path / "tree"
    for name, text in {"b/z.html": "z", "a.html": "a", "b/a/y.js": "y"}.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(text)
    entries = {p.relative_to(tree).as_posix(): p for p in tree.rglob("*") if p.is_file()}
    write_entries(tmp_path / "one.zip", "top", {**entries, "index.html": b"start"})
    (tree / "a.html").touch()  # a new mtime changes nothing
    write_entries(tmp_path / "two.zip", "top", {"index.html": b"start", **dict(reversed(entries.items()))})
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        assert archive.namelist() == ["top/a.html", "top/b/a/y.js", "top/b/z.html", "top/index.html"]
        assert {info.date_time for info in archive.infolist()} == {ZIP_DATE}
        assert {info.external_attr >> 16 for info in archive.infolist()} == {0o100644}
        assert archive.read("top/index.html") == b"start"


def test_every_build_gets_the_offline_plugin_and_the_vendored_shim_and_keeps_instant_navigation():
    hosted = {"theme": {"name": "material", "features": ["content.tooltips", "navigation.instant",
                                                        "navigation.instant.prefetch", "search.suggest"]},
              "extra": {"alternate": [{"name": "x", "lang": "zh-Hans", "link": "./"}]}, "nav": ["index.md"]}
    plugins = ["baozhai", {"search": {"lang": "zh"}}]
    options = offline_ready(hosted, plugins)
    # Material switches instant navigation off itself under file://; hosted pages keep it
    assert options["theme"] == hosted["theme"]
    assert options["extra"]["polyfills"] == [SHIM]  # so the offline plugin adds no CDN script
    assert options["extra"]["alternate"] == [{"name": "x", "lang": "zh-Hans", "link": "./"}]
    assert options["plugins"] == ["baozhai", {"search": {"lang": "zh"}}, "offline"]
    options["plugins"][1]["search"].clear()  # mkdocs empties what it is given: the caller's list is safe
    assert plugins == ["baozhai", {"search": {"lang": "zh"}}]
    assert options["nav"] == ["index.md"] and "polyfills" not in hosted["extra"]
    assert offline_ready(hosted, ["offline", "search"])["plugins"] == ["offline", "search"]  # not twice


def test_start_page_opens_its_edition_and_links_both():
    page = start_page(HANT, [HANS, HANT], "报摘 <Baozhai>")
    assert '<html lang="zh-Hant">' in page
    assert '<meta http-equiv="refresh" content="0; url=site/zh-Hant/index.html">' in page
    assert '<a href="site/index.html" lang="zh-Hans" hreflang="zh-Hans">简体中文</a>' in page
    assert "<title>报摘 &lt;Baozhai&gt;</title>" in page


def test_the_vendored_shim_carries_its_licence_and_origin():
    from generator.engine.options import SHIM_VERSION, VENDOR
    assert sorted(p.name for p in VENDOR.iterdir()) == ["LICENSE", "README.md", "shim.js"]
    assert "MIT" in (VENDOR / "README.md").read_text() and f"iframe-worker {SHIM_VERSION}" in (VENDOR / "README.md").read_text()
    assert (VENDOR / "LICENSE").read_text().startswith("Copyright (c) 2020-2022 Martin Donath")
    assert "window.IFrameWorker" in (VENDOR / "shim.js").read_text()


def test_zips_written_from_deflated_bytes_are_those_zipfile_writes(tmp_path):
    """write_entries hands zipfile deflated bytes computed once (and cached): the zip is
    byte for byte the one zipfile's own writestr writes, for empty, tiny, incompressible,
    large and dictionary-data entries."""
    import random

    from generator.cache import Cache
    from generator.site.bundle import _level, _info

    noise = random.Random(7).randbytes(300_000)
    entries: dict[str, bytes] = {"a.html": b"", "b.html": b"x", "c.bin": noise,
                                 "d.html": "报摘".encode() * 50_000, "dict/a.js": b"var a=1;" * 40_000}
    with zipfile.ZipFile(tmp_path / "plain.zip", "w") as archive:
        for name in sorted([*entries, "index.html"]):
            archive.writestr(_info(f"top/{name}"), entries.get(name, b"start"), compresslevel=_level(name))
    expected = (tmp_path / "plain.zip").read_bytes()
    cache = Cache.at(tmp_path / "cache")
    write_entries(tmp_path / "first.zip", "top", {**entries, "index.html": b"start"}, cache)
    assert (tmp_path / "first.zip").read_bytes() == expected
    assert cache.misses == {"deflated": 6} and cache.hits == {}
    cache.commit()
    again = Cache.at(tmp_path / "cache")
    write_entries(tmp_path / "again.zip", "top", {**entries, "index.html": b"start"}, again)
    assert (tmp_path / "again.zip").read_bytes() == expected
    assert again.hits == {"deflated": 6} and again.misses == {}


def test_each_file_is_deflated_once_for_every_zip(tmp_path):
    from generator.cache import Cache
    from generator.site.bundle import write_zips

    (tmp_path / "page.html").write_bytes(b"<p>page</p>")
    shared: dict[str, Path | bytes] = {"page.html": tmp_path / "page.html"}
    cache = Cache(None)
    write_zips([(tmp_path / "one.zip", "one", {**shared, "index.html": b"one"}),
                (tmp_path / "two.zip", "two", {**shared, "index.html": b"two"})], cache)
    assert cache.misses == {"deflated": 3}
    for top in ("one", "two"):
        with zipfile.ZipFile(tmp_path / f"{top}.zip") as archive:
            assert archive.read(f"{top}/page.html") == b"<p>page</p>" and archive.read(f"{top}/index.html") == top.encode()


def test_a_file_repeated_across_batches_is_filed_once(tmp_path, monkeypatch):
    """Two files with the same bytes in different batches (an asset of each edition): the
    second is the first's entry, and the build's cache commits."""
    from generator.cache import Cache
    from generator.site import bundle

    monkeypatch.setattr(bundle, "_BATCH", 1)
    cache = Cache.at(tmp_path / "cache")
    write_entries(tmp_path / "one.zip", "top", {"a.js": b"same", "b.html": b"other", "c/a.js": b"same"}, cache)
    assert cache.misses == {"deflated": 2} and cache.hits == {"deflated": 1}
    cache.commit()
    assert len(list((tmp_path / "cache" / "deflated").iterdir())) == 2


def test_a_zipfile_without_the_compressor_it_relies_on_stops_the_build(tmp_path, monkeypatch):
    """The bundles hand zipfile deflated bytes through ``_ZipWriteFile._compressor``, a
    private attribute of CPython 3.11; a Python without it is a clear error, not a bad zip."""
    class Entry:  # what ZipFile.open("w") would return, without _compressor
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, info, mode="r": Entry())
    with pytest.raises(BuildError, match=r"x\.zip: this Python's zipfile has no _ZipWriteFile\._compressor"):
        write_entries(tmp_path / "x.zip", "top", {"a.txt": b"abc"})
