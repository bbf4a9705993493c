"""``baozhai serve``: a changed, added or removed content file triggers a rebuild;
a failed rebuild is reported and serving goes on; the server answers."""
from __future__ import annotations

import os
import threading
import urllib.error
import urllib.request

import pytest

from generator.commands.serve import Watcher, poll, server
from generator.errors import ContentError


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "a.txt").write_text("一", encoding="utf-8")
    (folder / "glossary.yml").write_text("[]\n", encoding="utf-8")
    return folder


def touch(path, text=None):
    if text is not None:
        path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_nothing_changed_nothing_rebuilt(content):
    builds = []
    watcher = Watcher([content, content / "missing.yml"])
    assert poll(watcher, lambda: builds.append(1), log=lambda _: None) is False
    assert builds == []


@pytest.mark.parametrize("change", ["source", "glossary", "errata added", "source removed", "same size"])
def test_a_change_triggers_one_rebuild(content, change):
    builds, logged = [], []
    watcher = Watcher([content])
    if change == "source":
        touch(content / "sources" / "a.txt", "一二")
    elif change == "glossary":
        touch(content / "glossary.yml", "- term: 测试词\n")
    elif change == "errata added":
        (content / "errata.yml").write_text("[]\n", encoding="utf-8")
    elif change == "source removed":
        (content / "sources" / "a.txt").unlink()
    else:
        touch(content / "sources" / "a.txt", "二")  # same size, newer mtime
    assert poll(watcher, lambda: builds.append(1), log=logged.append) is True
    assert builds == [1] and logged[0].startswith("changed: ") and logged[0].endswith("; rebuilding")
    assert poll(watcher, lambda: builds.append(1), log=logged.append) is False  # seen once only
    assert builds == [1]


def test_a_failed_rebuild_is_reported_and_the_next_change_rebuilds(content):
    logged = []
    watcher = Watcher([content])

    def broken():
        raise ContentError("page is empty", content / "sources" / "a.txt", 1)

    touch(content / "sources" / "a.txt", "")
    assert poll(watcher, broken, log=logged.append) is False
    assert "baozhai: error: " in logged[-1] and "a.txt:1: page is empty" in logged[-1]
    assert "still serving the previous site" in logged[-1]
    touch(content / "sources" / "a.txt", "一")
    assert poll(watcher, lambda: None, log=logged.append) is True


def test_server_serves_the_site_and_its_404_page(tmp_path):
    (tmp_path / "index.html").write_text("<p>首页</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>找不到</p>", encoding="utf-8")
    httpd = server(tmp_path, port=0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        assert urllib.request.urlopen(base).read().decode() == "<p>首页</p>"
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(base + "nope.html")
        assert info.value.code == 404 and info.value.read().decode() == "<p>找不到</p>"
    finally:
        httpd.shutdown()
        httpd.server_close()
