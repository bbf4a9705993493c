"""Incremental and sharded builds give the site a full build gives, byte for byte.

A build renders with MkDocs only the pages the cache lacks (generator.engine.pages);
shards rendered apart (``--shard K/N``, a CI matrix's jobs) and joined by a build
with all their caches give the same site as one build. Tiny digests: three pages
of two articles, from the seed's own paragraphs (a test fixture, not news).
"""
from __future__ import annotations

import os
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEED_SOURCE, snapshot

from generator.cache import Cache
from generator.cli import main
from generator.commands import build as commands
from generator.config import load_settings
from generator.engine.plugin import BaozhaiPlugin
from generator.errors import ContentError
from generator.site.builds import Shard
from generator.site.dictionary_data import write_data

PUBLICATION = "测试夹具（非新闻）"


def _paragraphs() -> list[str]:
    lines = [line.strip() for line in SEED_SOURCE.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if len(line) > 30 and not line.startswith("#") and line[-1] in "。！？"]


def _page(number: int, first: int) -> str:
    """Two articles, each of three of the seed's paragraphs (so that articles share terms)."""
    pool = _paragraphs()
    parts = []
    for index in range(2):
        parts.append(f"# 测试夹具稿件{number}之{index + 1}（非新闻）\n")
        parts += [pool[(first + index * 3 + k) % len(pool)] + "\n" for k in range(3)]
    return "\n".join(parts)


def write_pages(root: Path, numbers: list[int], changed: int | None = None) -> None:
    """Pages ``numbers`` (one a day); page ``changed`` gets other paragraphs."""
    sources = root / "content" / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for path in sources.iterdir():
        path.unlink()
    for number in numbers:
        (sources / f"p{number}.txt").write_text(_page(number, number * 7 + (5 if number == changed else 0)),
                                                 encoding="utf-8")
        (sources / f"p{number}.meta.yml").write_text(
            f"publication: {PUBLICATION}\ndate: 2030-01-{number:02d}\npage: A0{number}\n", encoding="utf-8")


def project(root: Path) -> Path:
    """mkdocs.yml, the theme overrides and the glossary's first terms without their page
    notes (they name lines of the seed page, which these pages are not)."""
    shutil.copyfile(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    terms = yaml.safe_load((ROOT / "content" / "glossary.yml").read_text(encoding="utf-8"))[:TERMS]
    for term in terms:
        term.pop("page_notes", None)
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "content" / "glossary.yml").write_text(yaml.safe_dump(terms, allow_unicode=True), encoding="utf-8")
    return root


TERMS = 30  # a page each: few, to keep the builds small
FINAL = [1, 2, 3]  # the content every test ends with: pages 1 to 3, page 2 changed


def inodes(root: Path, folder: str) -> dict[str, tuple[int, bytes]]:
    """Every file under ``root/folder``: its inode and bytes."""
    return {f"{folder}/{p.relative_to(root / folder).as_posix()}": (p.stat().st_ino, p.read_bytes())
            for p in sorted((root / folder).rglob("*")) if p.is_file()}


def output(root: Path) -> dict[str, bytes]:
    return {**snapshot(root / "site"), **{f"dist/{k}": v for k, v in snapshot(root / "dist").items()}}


@pytest.fixture(scope="module")
def full_build(tmp_path_factory) -> tuple[dict[str, bytes], list[int]]:
    """The site and the bundles of one build of the final content, nothing cached; and,
    each time a page was rendered, how many other pages held their HTML (see
    test_a_page_is_rendered_just_before_it_is_written)."""
    root = project(tmp_path_factory.mktemp("full"))
    write_pages(root, FINAL, changed=2)
    held: list[int] = []
    rendered = BaozhaiPlugin.on_page_content

    def counting(self, html, *, page, config, files):
        held.append(sum(1 for f in files.documentation_pages() if f.page is not None and f.page.content))
        return rendered(self, html, page=page, config=config, files=files)
    with pytest.MonkeyPatch.context() as patch:  # the editions are built in this process (few articles)
        patch.setattr(BaozhaiPlugin, "on_page_content", counting)
        built = commands.build(load_settings(root), log=lambda _: None)
    assert built is not None and built.cached == 0
    return output(root), held


@pytest.fixture(scope="module")
def full(full_build) -> dict[str, bytes]:
    return full_build[0]


def test_a_page_is_rendered_just_before_it_is_written(full_build):
    """Outside the navigation, a page is read and rendered when it is written, not every
    page before any is written (MkDocs' order): an edition's MkDocs build holds the HTML of
    the navigation's pages and of one page at a time, not of every page (memory)."""
    held = full_build[1]
    assert len(held) > 2 * 4 * NAV_PAGES  # both editions' pages, most outside the navigation
    assert max(held) == NAV_PAGES  # the navigation's, rendered first, while one other is rendered


def test_an_added_and_a_changed_page_rebuild_only_what_they_touch(full, tmp_path, monkeypatch):
    # these builds generate in a process of their own (commands.apart), the full one in this one
    monkeypatch.setattr(commands, "APART_FROM", 0)
    monkeypatch.setattr(commands, "can_fork", lambda: True)  # conftest's server thread is not the build's
    generated = commands.generate

    def generate(*args, **kwargs):
        (tmp_path / "generated by").write_text(str(os.getpid()), encoding="utf-8")
        return generated(*args, **kwargs)
    monkeypatch.setattr(commands, "generate", generate)
    root = project(tmp_path)
    write_pages(root, [1, 2])
    settings = load_settings(root)
    first = commands.build(settings, log=lambda _: None)
    assert int((tmp_path / "generated by").read_text(encoding="utf-8")) != os.getpid()
    assert first is not None and first.cached == 0
    before = {**inodes(root, "docs"), **inodes(root, "site")}
    write_pages(root, FINAL, changed=2)  # one page added, one changed
    again = commands.build(settings, log=lambda _: None)
    assert again is not None
    assert output(root) == full
    # what the build writes itself and finds unchanged is the previous file, linked
    # (write.link_unchanged: the swap deletes the previous output)
    after = {**inodes(root, "docs"), **inodes(root, "site")}
    kept = {path for path, (inode, data) in before.items() if after.get(path, (None, None))[1] == data}
    linked = {path for path in kept if after[path][0] == before[path][0]}
    for part in ("docs/zh-Hans/sources/", "docs/zh-Hant/glossary/", "site/pagefind/fragment/",
                 "site/zh-Hant/pagefind/fragment/", "site/dict/ce-shi"):
        same = {path for path in kept if path.startswith(part)}
        assert same and linked >= same, part
    assert again.cached > 0  # page 1's articles and source view, in both editions…
    assert again.rendered < first.rendered + again.cached  # …were not rendered again
    assert commands.build(settings, log=lambda _: None) is None  # nothing changed: nothing rebuilt


def test_an_error_in_the_generators_process_is_raised_by_the_build(tmp_path, monkeypatch):
    monkeypatch.setattr(commands, "APART_FROM", 0)
    monkeypatch.setattr(commands, "can_fork", lambda: True)  # conftest's server thread is not the build's

    def refused(settings, cache, *args, **kwargs):
        cache.put("words", ("filed before the error",), 1)  # a pending entry, in the generator's process
        raise ContentError("bad page", settings.content / "sources" / "p1.txt", 3)
    monkeypatch.setattr(commands, "generate", refused)
    root = project(tmp_path)
    write_pages(root, [1])
    settings = load_settings(root)
    with pytest.raises(ContentError) as raised:
        commands.build(settings, log=lambda _: None)
    assert str(raised.value) == f"{settings.content / 'sources' / 'p1.txt'}:3: bad page"
    assert not settings.site.exists() and not settings.cache.exists()  # its pending entry discarded


# home, browse, by date, by category, glossary, credits (the first terms are programmes and
# slogans: no category page of people or institutions in the navigation)
NAV_PAGES = 6


def test_two_shards_built_apart_join_into_the_full_build(full, tmp_path):
    root = project(tmp_path)
    write_pages(root, FINAL, changed=2)
    settings = load_settings(root)
    rendered = 0
    for number in (1, 2):  # two CI jobs: each its own cache, no site
        shard = commands.build(replace(settings, cache=root / f"cache-{number}"), log=lambda _: None,
                               shard=Shard(number, 2))
        assert shard is not None and shard.cached == 0
        rendered += shard.rendered
        assert not settings.site.exists()
    for number in (1, 2):  # the join job: every shard's cache
        shutil.copytree(root / f"cache-{number}", settings.cache, dirs_exist_ok=True)
    joined = commands.build(settings, log=lambda _: None)
    assert joined is not None and output(root) == full
    assert joined.rendered == NAV_PAGES * 2  # the pages joining the shards: each edition's navigation
    assert joined.cached == rendered - NAV_PAGES * 2 * 2  # every other page, rendered by one shard


def test_a_shard_is_one_of_its_count():
    paths = [f"articles/a{n}.md" for n in range(50)]
    shards = [Shard(k, 3) for k in (1, 2, 3)]
    assert [sum(shard(p) for shard in shards) for p in paths] == [1] * 50
    assert all(any(shard(p) for p in paths) for shard in shards)
    with pytest.raises(ValueError, match="from 1 to 2"):
        Shard(3, 2)
    assert Shard.parse("2/4") == Shard(2, 4)
    with pytest.raises(ValueError, match="expected K/N"):
        Shard.parse("2")


def test_unchanged_words_data_is_linked_from_the_site_and_is_what_write_data_writes(seed, tmp_path):
    write_data(tmp_path / "plain", seed.articles, seed.words, {})
    first = Cache.at(tmp_path / "cache")
    commands.write_words_data(tmp_path / "computed", seed, {}, first)
    first.commit()
    assert first.misses == {"words data": 1, commands.DATA_MADE: 1}  # the shared files, the memo: no entry per file
    again = Cache.at(tmp_path / "cache")
    # the next build's words come from the cache: equal, but not the same objects
    read_back = replace(seed, words={slug: pickle.loads(pickle.dumps(w)) for slug, w in seed.words.items()})
    commands.write_words_data(tmp_path / "linked", read_back, {}, again, previous=tmp_path / "computed")
    assert again.misses == {} and again.hits == {"words data": 1, commands.DATA_MADE: 1}
    for article in seed.articles:  # each article's file is the previous site's own
        name = f"{article.slug}.js"
        assert (tmp_path / "linked" / name).stat().st_ino == (tmp_path / "computed" / name).stat().st_ino
    assert snapshot(tmp_path / "computed") == snapshot(tmp_path / "linked") == snapshot(tmp_path / "plain")
    # no site to take them from, or a file there that is no longer what was written: written again
    name = f"{seed.articles[0].slug}.js"
    (tmp_path / "computed" / name).write_text("changed", encoding="utf-8")
    for target, previous in (("written", None), ("mended", tmp_path / "computed")):
        commands.write_words_data(tmp_path / target, read_back, {}, Cache.at(tmp_path / "cache"), previous=previous)
        assert snapshot(tmp_path / target) == snapshot(tmp_path / "plain")
    assert (tmp_path / "mended" / name).stat().st_ino != (tmp_path / "computed" / name).stat().st_ino


def test_the_words_data_is_keyed_on_what_the_words_were_computed_from(seed, tmp_path):
    # an unchanged article's words are not repr'd again each build: their own cache key
    # (annotate.words.word_keys) stands for them, so a new key means a new file
    assert set(seed.word_keys) == {a.slug for a in seed.articles}
    first = Cache.at(tmp_path / "cache")
    commands.write_words_data(tmp_path / "one", seed, {}, first)
    first.commit()
    slug = seed.articles[0].slug
    changed = replace(seed, word_keys={**seed.word_keys, slug: "other"})
    again = Cache.at(tmp_path / "cache")
    commands.write_words_data(tmp_path / "two", changed, {}, again, previous=tmp_path / "one")
    inode = {name: (tmp_path / "two" / name).stat().st_ino == (tmp_path / "one" / name).stat().st_ino
             for name in (f"{a.slug}.js" for a in seed.articles)}
    assert inode == {f"{a.slug}.js": a.slug != slug for a in seed.articles}  # only the changed one written
    assert again.misses == {commands.DATA_MADE: 1}  # the memo filed again
    # without keys (a digest not made by the pipeline) the words themselves are the key
    plain = Cache.at(tmp_path / "cache")
    commands.write_words_data(tmp_path / "three", replace(seed, word_keys={}), {}, plain, previous=tmp_path / "one")
    assert not any((tmp_path / "three" / f"{a.slug}.js").stat().st_ino == (tmp_path / "one" / f"{a.slug}.js").stat().st_ino
                   for a in seed.articles)
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two") == snapshot(tmp_path / "three")


def test_a_bad_shard_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["build", "--shard", "3/2"])
    assert stop.value.code == 2
    assert "argument --shard: shard 3/2: the number must be from 1 to 2" in capsys.readouterr().err
