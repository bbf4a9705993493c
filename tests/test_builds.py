"""How the editions are built: each once, the Traditional one converted while the
Simplified site is already being built, every converter checked before any build."""
from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

from generator.commands import build as commands
from generator.config import load_settings
from generator.errors import ContentError
from generator.site import builds

# test fixture, not news
PAGE = "# 示例报测试标题\n测试市今天举办示例活动，共有一百人参加。\n"


@pytest.fixture
def project(make_content, tmp_path):
    make_content(tmp_path, {"sources/x.txt": PAGE}, mkdocs=True)
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    return load_settings(tmp_path)


def test_an_edition_is_handed_to_its_build_before_the_next_is_converted(project, monkeypatch):
    events = []
    original = commands.converted_pages

    def converted_pages(files, converter, cache=None):
        events.append(("convert", "zh-Hant" if converter else "zh-Hans"))
        return original(files, converter, cache)

    def build_all(jobs, workers):  # takes each job as it comes, like Executor.map
        for job in jobs:
            events.append(("build", job.edition.code))
            builds.run(job)
        return {}
    monkeypatch.setattr(commands, "converted_pages", converted_pages)
    monkeypatch.setattr(commands, "build_all", build_all)
    commands.build(project, log=lambda *_: None, offline=False)
    assert events == [("convert", "zh-Hans"), ("build", "zh-Hans"), ("convert", "zh-Hant"), ("build", "zh-Hant")]
    assert (project.site / "zh-Hant" / "index.html").exists()


def test_a_bad_phrases_file_fails_before_any_site_is_built(project, monkeypatch):
    (project.content / "phrases.txt").write_text("只有一列\n", encoding="utf-8")
    monkeypatch.setattr(builds, "run", lambda job: pytest.fail("a site was built"))
    with pytest.raises(ContentError) as info:
        commands.build(project, log=lambda *_: None, offline=False)
    assert "phrases.txt:1" in str(info.value)
    # what the failed build computed is dropped, not left aside in the cache
    assert not list(project.cache.glob(".pending-*")) and not (project.cache / "page").exists()


def test_each_edition_is_built_once_for_the_site_and_the_bundles(project, monkeypatch):
    calls = []
    original = builds.build_edition
    monkeypatch.setattr(builds, "build_edition", lambda *a, **kw: calls.append(a[2]) or original(*a, **kw))
    commands.build(project, log=lambda *_: None)
    assert len(calls) == 2  # one MkDocs build per edition, bundles included
    assert sorted(p.name for p in project.dist.glob("*.zip")) == ["baozhai-offline-zh-Hans.zip",
                                                                  "baozhai-offline-zh-Hant.zip"]


def test_the_digest_is_let_go_before_the_sites_are_built(project, monkeypatch):
    """The parent process waits for MkDocs without the digest and its Markdown."""
    import gc
    import weakref
    refs, alive = [], []
    original = commands.generate

    def generate(*args, **kwargs):
        digest, files = original(*args, **kwargs)
        refs.append(weakref.ref(digest))
        return digest, files

    def build_all(jobs, workers):
        jobs = list(jobs)  # every edition written, as Executor.map submits them before waiting
        gc.collect()
        alive.append(refs[0]() is not None)
        for job in jobs:
            builds.run(job)
        return {}
    monkeypatch.setattr(commands, "generate", generate)
    monkeypatch.setattr(commands, "build_all", build_all)
    built = commands.build(project, log=lambda *_: None, offline=False)
    assert alive == [False]
    assert (built.articles, built.pages, built.workers) == (1, 1, 1)


def test_an_edition_is_converted_page_by_page():
    from generator.editions.edition import converted_pages

    class Counting:
        identity, calls = "fixture", 0

        def convert_lines(self, text, memo):
            Counting.calls += 1
            return text.upper(), memo
    pages = converted_pages({"b.md": "b", "a.md": "a", "c.md": "c"}, Counting())
    assert next(pages) == ("a.md", "A") and Counting.calls == 1  # not the whole edition at once
    assert list(pages) == [("b.md", "B"), ("c.md", "C")] and Counting.calls == 3
