"""A Traditional edition converted beside the rendering, in a process of its own
(generator.conversion): the same pages and cache entries as converted in line."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, snapshot
from generator import builds, commands
from generator.cache import Cache
from generator.config import load_settings
from generator.conversion import ConvertProcess
from generator.convert import Converter
from generator.errors import BuildError
from generator.timing import Stopwatch

# test fixture, not news
PAGES = {f"sources/p{n}.txt": f"# 示例报测试标题{n}\n测试市今天举办第{n}次示例活动，“共有‘一百人’参加”。\n"
         for n in range(3)}


@pytest.fixture
def project(make_content, tmp_path):
    make_content(tmp_path, PAGES, mkdocs=True)
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    return load_settings(tmp_path)


def build(project, monkeypatch, workers: int) -> Stopwatch:
    """A build as with ``workers`` processes; the MkDocs builds themselves run in line."""
    def build_all(jobs, count):
        return {key: value for job in jobs for key, value in builds.run(job).items()}
    monkeypatch.setattr(commands, "jobs_for", lambda articles, editions: workers)
    monkeypatch.setattr(commands, "build_all", build_all)
    watch = Stopwatch()
    assert commands.build(project, log=lambda *_: None, offline=False, watch=watch)
    return watch


def test_an_edition_converted_beside_equals_one_converted_in_line(project, monkeypatch):
    in_line = build(project, monkeypatch, workers=1)
    assert "convert zh-Hant beside" not in in_line.times and "wait" not in in_line.times
    expected = snapshot(project.docs / "zh-Hant")
    assert "「共有『一百人』參加」".encode() in expected["articles/shi-li-bao-ce-shi-biao-ti-0.md"]
    shutil.rmtree(project.cache)
    shutil.rmtree(project.docs)
    beside = build(project, monkeypatch, workers=2)
    assert beside.times["convert zh-Hant beside"] > 0  # the process's own seconds
    assert "wait" in beside.times  # the parent's time waiting for it
    assert snapshot(project.docs / "zh-Hant") == expected
    # its cache entries were adopted and committed: the next build takes every page from them
    pages = sum(name.endswith(".md") for name in expected)
    assert len(list((project.cache / "convert").iterdir())) == pages
    assert not list(project.cache.glob(".pending-*"))
    (project.cache / commands.STAMP).unlink()  # not "nothing changed": the build runs again
    again = Cache.at(project.cache)
    monkeypatch.setattr(commands.Cache, "at", classmethod(lambda cls, folder: again))
    build(project, monkeypatch, workers=2)
    assert (again.misses.get("convert", 0), again.hits["convert"]) == (0, pages)


def test_a_failed_conversion_fails_the_build_and_leaves_nothing_aside(tmp_path):
    cache = Cache.at(tmp_path / ".cache")
    edition = load_settings(ROOT).edition_list()[1]
    process = ConvertProcess(edition, Converter(), tmp_path / "docs", cache)
    process.send("index.md", "测试")
    process.send("../outside.md", "测试")  # not a path inside the edition
    with pytest.raises(BuildError) as info:
        process.finish()
    assert "converting zh-Hant failed" in str(info.value) and "outside.md" in str(info.value)
    assert (tmp_path / "docs" / "index.md").read_text(encoding="utf-8") == "測試"
    assert not (tmp_path / "outside.md").exists()
    cache.discard()
    assert not (tmp_path / ".cache").exists()  # the process's entries went with the build's own


def test_a_conversion_process_that_dies_is_a_build_error(tmp_path):
    edition = load_settings(ROOT).edition_list()[1]
    process = ConvertProcess(edition, Converter(), tmp_path / "docs", Cache(None))
    process._process.kill()
    with pytest.raises(BuildError, match="converting zh-Hant: the process stopped"):
        process.finish()
