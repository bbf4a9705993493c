"""The build cache and the unchanged-build check invalidate exactly what they should."""
from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

from generator import cache as cache_module
from generator.cache import Cache
from generator.commands import build as commands
from generator.config import load_settings
from generator.editions.edition import convert_files, converter_for
from generator.pipeline import process
from generator.site.pages import render_digest

ROOT = Path(__file__).resolve().parents[1]

# test fixture, not news
PAGE = "# 示例报测试标题{n}\n\n测试市今天举办第{n}次示例活动，共有一百人参加。\n"
GLOSSARY = """\
- term: 示例活动
  category: event
  gloss: sample event
  definition: 测试用的示例词条。
"""


def content(tmp_path: Path, pages: int = 3) -> Path:
    folder = tmp_path / "content"
    (folder / "sources").mkdir(parents=True)
    for n in range(pages):
        (folder / "sources" / f"p{n}.txt").write_text(PAGE.format(n=n), encoding="utf-8")
    (folder / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    return folder


def counts(cache: Cache, kind: str) -> tuple[int, int]:
    """(computed, cached) since the cache object was made."""
    return cache.misses.get(kind, 0), cache.hits.get(kind, 0)


def fresh(folder: Path) -> Cache:
    return Cache.at(folder)


def run(source: Path, cache: Cache):
    digest = process(source, cache)
    cache.commit()
    return digest


def test_unchanged_pages_come_from_the_cache(tmp_path):
    source = content(tmp_path)
    first = fresh(tmp_path / ".cache")
    run(source, first)
    assert counts(first, "page") == (3, 0)
    again = fresh(tmp_path / ".cache")
    run(source, again)
    assert counts(again, "page") == (0, 3)


def test_a_changed_source_recomputes_that_page_only(tmp_path):
    source = content(tmp_path)
    run(source, fresh(tmp_path / ".cache"))
    (source / "sources" / "p1.txt").write_text(PAGE.format(n=9), encoding="utf-8")
    again = fresh(tmp_path / ".cache")
    digest = run(source, again)
    assert counts(again, "page") == (1, 2)
    assert [a.title for a in digest.articles] == ["示例报测试标题0", "示例报测试标题9", "示例报测试标题2"]


def test_a_sidecar_or_an_erratum_recomputes_its_page_only(tmp_path):
    source = content(tmp_path)
    run(source, fresh(tmp_path / ".cache"))
    (source / "sources" / "p0.meta.yml").write_text("date: 2030-01-02\npage: A01\n", encoding="utf-8")
    (source / "errata.yml").write_text(
        "- source: p2.txt\n  line: 3\n  original: 一百人\n  correction: null\n  reason: 测试用途。\n",
        encoding="utf-8")
    again = fresh(tmp_path / ".cache")
    digest = run(source, again)
    assert counts(again, "page") == (2, 1)
    assert digest.pages[0].page.source.meta.date == "2030-01-02"
    assert len(digest.pages[2].errata) == 1


def test_a_glossary_change_keeps_pages_but_reannotates(tmp_path):
    source = content(tmp_path)
    run(source, fresh(tmp_path / ".cache"))
    (source / "glossary.yml").write_text(GLOSSARY.replace("示例活动", "一百人"), encoding="utf-8")
    again = fresh(tmp_path / ".cache")
    digest = run(source, again)
    assert counts(again, "page") == (0, 3) and counts(again, "glossary") == (1, 0)
    assert {o.form for found in digest.annotations.occurrences.values() for o in found} == {"一百人"}


def converted_counts(tmp_path: Path, source: Path, config: str) -> tuple[int, int]:
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    settings = load_settings(tmp_path, source)
    cache = fresh(tmp_path / ".cache")
    digest = process(source, cache)
    files = render_digest(digest, "报摘")
    convert_files(files, converter_for(settings, settings.edition_list()[1], digest.glossary), cache)
    cache.commit()
    return counts(cache, "convert")


def test_conversions_are_cached_per_page_and_variant(tmp_path):
    source = content(tmp_path)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    computed, cached = converted_counts(tmp_path, source, config)
    assert cached == 0 and computed > 3
    assert converted_counts(tmp_path, source, config) == (0, computed)
    (source / "sources" / "p1.txt").write_text(PAGE.format(n=9), encoding="utf-8")
    changed, kept = converted_counts(tmp_path, source, config)
    assert 1 <= changed < computed and changed + kept == computed
    hong_kong = config.replace("traditional: s2twp", "traditional: s2hk")
    assert converted_counts(tmp_path, source, hong_kong) == (computed, 0)


def test_nothing_is_used_before_commit_and_a_failed_build_leaves_nothing(tmp_path):
    source = content(tmp_path)
    cache = fresh(tmp_path / ".cache")
    process(source, cache)
    assert not (tmp_path / ".cache" / "page").exists()  # computed entries wait aside
    assert [p.name.startswith(".pending-") for p in (tmp_path / ".cache").iterdir()] == [True]
    later = fresh(tmp_path / ".cache")
    process(source, later)
    assert later.report() == ("glossary: 1 computed, 0 cached, keywords: 1 computed, 0 cached, "
                              "page: 3 computed, 0 cached, words: 3 computed, 0 cached, "
                              "words levels: 1 computed, 0 cached")  # nor these
    later.discard()
    cache.commit()
    assert len(list((tmp_path / ".cache" / "page").iterdir())) == 3
    kinds = ["glossary", "keywords", "page", "words", "words levels"]
    assert sorted(p.name for p in (tmp_path / ".cache").iterdir()) == kinds  # nothing aside
    failed = fresh(tmp_path / ".cache")
    (source / "sources" / "p1.txt").write_text(PAGE.format(n=7), encoding="utf-8")
    process(source, failed)
    failed.discard()
    assert sorted(p.name for p in (tmp_path / ".cache").iterdir()) == kinds
    assert len(list((tmp_path / ".cache" / "page").iterdir())) == 3


def test_a_value_filed_twice_in_one_build_is_seen_and_committed_once(tmp_path):
    """The same key put twice before the commit (the same file twice in a bundle) is one
    entry, and the build that filed it sees it at once; other builds only after the commit."""
    cache = fresh(tmp_path / ".cache")
    cache.put("deflated", ("a",), b"x")
    assert cache.peek("deflated", ("a",)) == b"x"
    cache.put("deflated", ("a",), b"x")
    assert fresh(tmp_path / ".cache").peek("deflated", ("a",)) is None
    cache.commit()
    assert fresh(tmp_path / ".cache").peek("deflated", ("a",)) == b"x"
    assert len(list((tmp_path / ".cache" / "deflated").iterdir())) == 1


def test_a_killed_builds_pending_entries_are_removed(tmp_path):
    import subprocess
    import sys
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    abandoned = tmp_path / ".cache" / f".pending-{gone}-x"
    mine = tmp_path / ".cache" / f".pending-{os.getpid()}-y"
    for folder in (abandoned, mine):
        (folder / "page").mkdir(parents=True)
    fresh(tmp_path / ".cache")
    assert not abandoned.exists() and mine.exists()


def test_the_cache_is_safe_to_delete(tmp_path):
    source = content(tmp_path)
    run(source, fresh(tmp_path / ".cache"))
    shutil.rmtree(tmp_path / ".cache")
    again = fresh(tmp_path / ".cache")
    assert len(run(source, again).articles) == 3
    assert counts(again, "page") == (3, 0)


def test_a_build_with_nothing_changed_does_nothing(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    content(root)
    said: list[str] = []
    settings = load_settings(root)
    assert commands.build(settings, log=said.append) is not None
    index = (root / "site" / "index.html").stat().st_mtime_ns
    assert commands.build(settings, log=said.append) is None
    assert said[-1] == f"nothing changed since the last build: {settings.site} kept"
    assert (root / "site" / "index.html").stat().st_mtime_ns == index
    (root / "content" / "sources" / "p0.txt").write_text(PAGE.format(n=7), encoding="utf-8")
    assert commands.build(settings, log=said.append) is not None
    assert said[-1].startswith("rebuilt: article page: ")
    assert "page: 1 computed, 2 cached" in said[-1]
    # the whole builds are on record for pruning (Cache.prune), the one that did nothing not
    assert len((settings.cache / cache_module.BUILDS).read_text(encoding="utf-8").split()) == 2


# -- pruning: what none of the last three builds used goes ------------------------------

def _aged(cache: Cache, kind: str, parts: tuple, when: float) -> Path:
    assert cache.folder is not None
    path = cache.folder / kind / cache_module.key(cache.version, *parts)
    os.utime(path, (when, when))
    return path


def test_entries_none_of_the_last_three_builds_used_are_removed(tmp_path):
    cache = fresh(tmp_path / ".cache")
    for name in ("old", "mid", "new"):
        cache.put("words", (name,), name)
    cache.put("html", ("page",), b"x")
    cache.commit()
    old, mid, new = (_aged(cache, "words", (n,), t) for n, t in (("old", 100), ("mid", 250), ("new", 350)))
    page = _aged(cache, "html", ("page",), 150)
    sizes = {p: p.stat().st_size for p in (old, mid, new, page)}
    record = tmp_path / ".cache" / "builds"
    assert cache.prune(200.0) == (0, 0)  # two builds on record: nothing is removed yet
    assert cache.prune(300.0) == (0, 0)
    assert record.read_text(encoding="utf-8") == "200.0\n300.0\n"
    assert cache.prune(400.0) == (2, sizes[old] + sizes[page])  # builds 200, 300, 400: used before 200
    assert [p.exists() for p in (old, page, mid, new)] == [False, False, True, True]
    assert cache.prune(500.0) == (1, sizes[mid])  # builds 300, 400, 500
    assert record.read_text(encoding="utf-8") == "300.0\n400.0\n500.0\n"
    assert new.exists() and (tmp_path / ".cache" / "words").is_dir()


def test_an_entry_a_build_uses_is_touched(tmp_path):
    cache = fresh(tmp_path / ".cache")
    cache.put("words", ("a",), 1)
    cache.put("words", ("b",), 2)
    cache.commit()
    a, b = _aged(cache, "words", ("a",), 100), _aged(cache, "words", ("b",), 100)
    again = fresh(tmp_path / ".cache")
    assert again.get("words", ("a",), lambda: 0) == 1
    assert again.peek("words", ("b",)) == 2
    assert a.stat().st_mtime > 1e9 and b.stat().st_mtime > 1e9  # now, not 100
    assert again.prune(200.0) == (0, 0)



# -- the version of everything installed is part of every key -------------------------

def test_the_dependency_versions_are_every_installed_package():
    from importlib.metadata import version
    lines = cache_module.dependency_versions().split("\n")
    assert lines[0].startswith("python==3.11.")
    for name in ("opencc", "jieba", "pypinyin", "mkdocs", "mkdocs-material", "markdown", "pymdown-extensions"):
        assert f"{name}=={version(name)}" in lines
    assert lines[1:] == sorted(lines[1:])


def test_a_new_dependency_version_recomputes_pages_and_conversions(tmp_path, monkeypatch):
    source = content(tmp_path)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    computed, _ = converted_counts(tmp_path, source, config)
    installed = cache_module.dependency_versions()
    monkeypatch.setattr(cache_module, "dependency_versions", lambda: installed.replace("opencc==", "opencc==9.9.9+"))
    assert converted_counts(tmp_path, source, config) == (computed, 0)  # a new OpenCC: converted again
    again = fresh(tmp_path / ".cache")
    run(source, again)
    assert counts(again, "page") == (0, 3)  # (the pages were parsed under this version just above)
    monkeypatch.setattr(cache_module, "dependency_versions", lambda: installed.replace("jieba==", "jieba==0+"))
    newer = fresh(tmp_path / ".cache")
    run(source, newer)
    assert counts(newer, "page") == (3, 0)


def test_the_build_stamp_follows_dependencies_config_values_and_theme(tmp_path, monkeypatch):
    root = tmp_path / "project"
    root.mkdir()
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(text.replace("site_url: https://baozhai.example.org/", "site_url: !ENV BZ_URL")
                                     .replace("  # custom_dir: overrides ", "  custom_dir: overrides  #"),
                                     encoding="utf-8")
    (root / "overrides").mkdir()
    content(root)
    monkeypatch.setenv("BZ_URL", "https://one.example/")
    settings = load_settings(root)
    stamp = commands.inputs_stamp(settings, True)
    assert commands.inputs_stamp(settings, True) == stamp
    monkeypatch.setenv("BZ_URL", "https://two.example/")
    assert commands.inputs_stamp(settings, True) != stamp  # the value !ENV reads
    monkeypatch.setenv("BZ_URL", "https://one.example/")
    (root / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    assert commands.inputs_stamp(settings, True) != stamp  # the project's theme folder
    (root / "overrides" / "main.html").unlink()
    installed = cache_module.dependency_versions()
    monkeypatch.setattr(cache_module, "dependency_versions",
                        lambda: installed.replace("mkdocs-material==", "mkdocs-material==9.9.9+"))
    assert commands.inputs_stamp(settings, True) != stamp  # a new Material
    monkeypatch.setattr(cache_module, "dependency_versions", lambda: installed)
    assert commands.inputs_stamp(settings, True) == stamp


class Collected:
    """A cached value that notes whether the garbage collector ran while it was unpickled."""

    seen: list[bool] = []

    def __init__(self) -> None:
        self.value = 1  # a state to set: pickle calls __setstate__ only with one

    def __setstate__(self, state: dict) -> None:
        Collected.seen.append(gc.isenabled())
        self.__dict__.update(state)


def test_entries_are_unpickled_with_the_collector_paused_then_resumed(tmp_path):
    cache = Cache.at(tmp_path / ".cache")
    cache.get("kind", ("a",), lambda: Collected())
    cache.commit()
    Collected.seen.clear()
    again = Cache.at(tmp_path / ".cache")
    assert isinstance(again.get("kind", ("a",), lambda: None), Collected)
    assert isinstance(again.peek("kind", ("a",)), Collected)
    assert (Collected.seen, gc.isenabled()) == ([False, False], True)
    gc.disable()  # a caller that paused it itself: left paused
    try:
        again.get("kind", ("a",), lambda: None)
        assert gc.isenabled() is False
    finally:
        gc.enable()


def test_the_generators_pass_runs_with_the_collector_paused():
    """collector_paused: no collection walks the digest while it is built; one
    collection at the end frees the cycles made meanwhile."""
    import weakref

    from generator.cache import collector_paused

    class Node:
        pass

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        cycle = Node()
        cycle.me = cycle
        gone = weakref.ref(cycle)
        del cycle
        assert gone() is not None  # a cycle: only the collector frees it
    assert gc.isenabled()
    assert gone() is None


def test_a_process_that_ends_soon_freezes_the_pass_instead_of_collecting(monkeypatch):
    """In the generator's own process (commands.apart sets ENDS_SOON) the digest is left
    out of every later collection (gc.freeze) instead of walked by one at the end."""
    from generator.cache import collector_paused

    monkeypatch.setattr(cache_module, "ENDS_SOON", True)
    collections: list[int] = []
    monkeypatch.setattr(cache_module.gc, "collect", lambda *args: collections.append(1) or 0)
    frozen = gc.get_freeze_count()
    try:
        with collector_paused():
            made = [[n] for n in range(1000)]
        assert gc.isenabled() and collections == []
        assert gc.get_freeze_count() >= frozen + len(made)
    finally:
        gc.unfreeze()


def dated(source: Path, pages: range) -> None:
    """Each page on a day of its own: a new page changes no other article's date page neighbours."""
    for n in pages:
        (source / "sources" / f"p{n}.meta.yml").write_text(f"date: 2030-01-{n + 1:02d}\npage: A01\n",
                                                         encoding="utf-8")


def rendered(source: Path, folder: Path) -> tuple[dict[str, str], dict[str, str], tuple[int, int]]:
    """The pages rendered with the cache, the same rendered without, and (article pages
    computed, cached)."""
    from generator.site.pages import ARTICLE

    cache = fresh(folder)
    digest = process(source, cache)
    files = render_digest(digest, "报摘", cache)
    cache.commit()
    return files, render_digest(digest, "报摘"), counts(cache, ARTICLE)


def test_an_article_page_is_rendered_again_when_what_it_shows_changes(tmp_path):
    """An unchanged article's page comes from the cache only while everything it shows is
    unchanged: a new article entering its related list, a glossary entry that reads otherwise."""
    source = content(tmp_path)
    dated(source, range(3))
    first, plain, made = rendered(source, tmp_path / ".cache")
    assert first == plain and made == (3, 0)
    assert rendered(source, tmp_path / ".cache")[2] == (0, 3)
    old = [name for name in first if name.startswith("articles/")]
    assert len(old) == 3

    (source / "sources" / "p3.txt").write_text(PAGE.format(n=3), encoding="utf-8")  # related to all three
    dated(source, range(4))
    added, plain, made = rendered(source, tmp_path / ".cache")
    assert added == plain and made == (4, 0)
    assert all(added[name] != first[name] and "示例报测试标题3" in added[name] for name in old)

    (source / "glossary.yml").write_text(GLOSSARY.replace("sample event", "sample events"), encoding="utf-8")
    glossed, plain, made = rendered(source, tmp_path / ".cache")
    assert glossed == plain and made == (4, 0)
    assert all(glossed[name] != added[name] and "sample events" in glossed[name] for name in old)
    assert rendered(source, tmp_path / ".cache")[2] == (0, 4)


def test_keywords_are_extracted_again_only_from_changed_texts(tmp_path, monkeypatch):
    from generator.annotate import link as linking

    source = content(tmp_path)
    run(source, fresh(tmp_path / ".cache"))
    (source / "sources" / "p1.txt").write_text(PAGE.format(n=9), encoding="utf-8")
    extracted: list[str] = []
    extract = linking.keywords

    def counted(text: str, **options):
        extracted.append(text)
        return extract(text, **options)
    monkeypatch.setattr(linking, "keywords", counted)
    again = fresh(tmp_path / ".cache")
    digest = run(source, again)
    assert len(extracted) == 1 and "示例报测试标题9" in extracted[0]
    assert counts(again, "keywords") == (1, 1)  # the last build's entry read, this build's written
    plain = process(source)
    assert digest.links.features == plain.links.features and digest.links.related == plain.links.related


def test_a_fingerprint_is_of_the_value_not_of_which_parts_are_one_object():
    """A value just computed and the same value read from the cache share their strings
    differently; pickle's bytes differ, a fingerprint's (a key's part) must not."""
    import pickle

    from generator.cache import fingerprint

    one = "测试夹具文本" * 3
    shared, apart = [one, one], ["测试夹具文本" * 3, "".join(["测试夹具文本"] * 3)]
    assert shared == apart and pickle.dumps(shared) != pickle.dumps(apart)
    assert fingerprint(shared) == fingerprint(apart)
    assert fingerprint(shared) != fingerprint([one, one + "。"])


def _files_one_entry(cache: Cache):
    """A generator's work in miniature: file a cache entry, yield what it made."""
    yield cache.get("fixture", ("测试夹具",), lambda: "测试夹具值")


def test_what_the_forked_generator_filed_survives_it_until_the_build_commits(tmp_path, monkeypatch):
    """The generator's process (commands.apart) ends before the build commits what it filed;
    an MkDocs worker opening the cache in between (``Cache.at`` removes the pending folders
    of processes that no longer run) must not take it away: the folder is the build's."""
    from types import SimpleNamespace

    from generator.timing import Stopwatch

    monkeypatch.setattr(commands, "can_fork", lambda: True)  # conftest's server thread is not the build's
    monkeypatch.setattr(commands, "APART_FROM", 0)
    folder = tmp_path / ".cache"
    cache = Cache.at(folder)
    made = list(commands.apart(SimpleNamespace(content=tmp_path), cache, Stopwatch(), _files_one_entry, cache))
    assert made == ["测试夹具值"]
    assert cache.aside is not None and cache.aside.name.startswith(f".pending-{os.getpid()}-")
    Cache.at(folder)  # an edition's worker, after the generator's process ended
    cache.commit()
    assert Cache.at(folder).get("fixture", ("测试夹具",), lambda: "computed again") == "测试夹具值"
