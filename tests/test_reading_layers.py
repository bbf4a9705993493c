"""Reading layers: leftover HTML taken apart, Traditional pages converted by region,
every change recorded and proved by the preservation check.

Hand-made pages are test fixtures, not news (示例报, 测试市, 张三)."""
from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import markdown_html

from generator.ingest.layers import apply, segments
from generator.ingest.preserve import check_accounting, check_layers
from generator.ingest.script import decide
from generator.model import Change
from generator.pipeline import preservation, process
from generator.site.pages import render_digest
from generator.site.source_view import source_paths

# test fixture, not news: a feed page holding the text as HTML, then as text
FEED = """测试市举办示例活动
- 来源: 示例报

<p>测试市今天举办示例活动，共有一百人参加。</p><p>活动持续两天，<strong>内容</strong>包括讲座&nbsp;和展览。</p>

测试市今天举办示例活动，共有一百人参加。

活动持续两天，内容包括讲座 和展览。
"""


@pytest.fixture
def one(tmp_path, make_content):
    def run(text: str, name: str = "x.txt", files: dict | None = None):
        digest = process(make_content(tmp_path / name, {f"sources/{name}": text, **(files or {})}))
        return digest, digest.pages[0]
    return run


def test_an_html_line_is_read_as_paragraphs_with_recorded_changes(one):
    _, result = one(FEED)
    source = result.page.source
    html = [ln for ln in source.lines if ln.origin is not None]
    assert [(ln.number, ln.text) for ln in html] == [
        (4, "测试市今天举办示例活动，共有一百人参加。"), (10, ""),
        (11, "活动持续两天，内容包括讲座 和展览。")]  # the file has 9 lines: the others are numbered after
    assert [source.where(ln.number) for ln in html] == [4] * 3
    assert [(c.line, c.column, c.old, c.new, c.kind) for c in source.changes] == [
        (4, 0, "<p>", "", "tag"), (4, 20, "</p>", "", "tag"), (11, 0, "<p>", "", "tag"),
        (11, 7, "<strong>", "", "tag"), (11, 9, "</strong>", "", "tag"), (11, 13, "&nbsp;", " ", "entity"),
        (11, 18, "</p>", "", "tag")]
    assert check_layers(result.page) == []


def test_the_repeated_html_copy_is_published_once(one):
    digest, result = one(FEED)
    [article] = result.page.articles
    assert [(b.anchor, b.text.text) for b in article.blocks] == [
        ("p1", "测试市今天举办示例活动，共有一百人参加。"), ("p2", "活动持续两天，内容包括讲座 和展览。")]
    assert [b.text.first_line for b in article.blocks] == [6, 8]  # the plain text copy
    [duplicate] = result.page.duplicates
    assert duplicate.kept == "与本页正文相同的网页代码副本"
    assert [b.text.first_line for b in duplicate.article.blocks] == [4, 11]
    files = render_digest(digest, "测试")
    assert preservation(digest, files, markdown_html) == []
    assert "&#60;p&#62;" in files[source_paths(digest)["x.txt"]]  # the file's HTML is shown, as text


@pytest.mark.parametrize("line", [
    "测试市今天<script>alert(1)</script>举办活动。",  # not at the start: text
    "<script>alert(1)</script>",  # a tag that could run: text, escaped on output
    "<p>测试</p><iframe src=x></iframe>",
    "<<测试>>",
    "a < b 且 c > d",
])
def test_markup_that_is_not_leftover_html_stays_text(line):
    assert segments(line) is None


def test_a_change_that_is_not_recorded_fails_the_check(one):
    _, result = one(FEED)
    source = result.page.source
    changes = tuple(c for c in source.changes if c.kind != "entity")
    result.page.source = replace(source, changes=changes)
    assert [str(x) for x in check_layers(result.page)] == [
        "x.txt:4: reading text “活动持续两天，内容包括讲座 和展览。” is not the file's text with the recorded changes"]
    assert [str(x) for x in check_accounting(result.page, result.repairs)] == [
        "x.txt:4: reading text “活动持续两天，内容包括讲座 和展览。” is not the file's text with the recorded changes"]
    lines = tuple(replace(ln, text=ln.text.replace("一百", "二百")) if ln.number == 4 else ln for ln in source.lines)
    result.page.source = replace(source, lines=lines)
    assert "x.txt:4: reading text" in str(check_layers(result.page)[0])


def test_apply_keeps_the_order_of_changes_at_one_column():
    raw = "<p><b>臺灣</b></p>"
    changes = [Change(1, 0, "<p>", "", "tag"), Change(1, 0, "<b>", "", "tag"), Change(1, 2, "</b>", "", "tag"),
               Change(1, 2, "</p>", "", "tag"), Change(1, 0, "臺灣", "台湾", "script")]
    assert apply(raw, changes) == "台湾"
    assert apply(raw, changes[1:]) is None


# test fixture, not news (Traditional, Taiwan usage)
TAIWAN = """測試市舉辦示例活動
2026-07-08 09:30　來源：示例報
記者：張三

（中央社記者張三臺北8日電）測試市今天舉辦示例活動，共有一百人參加，現場展示軟體與網路服務。

活動持續兩天，內容包括講座和「展覽」。
責任編輯：李四
"""


def test_a_taiwan_page_is_read_in_simplified_with_every_conversion_recorded(one):
    digest, result = one(TAIWAN)
    source = result.page.source
    assert source.meta.region == "tw"
    [article] = result.page.articles
    assert article.title == "测试市举办示例活动"
    assert [b.text for b in article.bylines] == ["记者：张三"]
    assert article.meta.fields()["publication"] == "示例报"
    assert article.blocks[-1].text.text == "活动持续两天，内容包括讲座和“展览”。"
    assert "软件与网络服务" in article.blocks[0].text.text  # Taiwan phrases: 軟體 → 软件, 網路 → 网络
    assert [(f.kind, f.fields) for f in result.page.furniture] == [
        ("scraper-header", ("date", "time", "publication")), ("staff", ("editor",))]
    assert all(c.kind == "script" for c in source.changes) and len(source.changes) > 20
    [decision] = [d for d in result.page.decisions if d.kind == "script"]
    assert decision.message.endswith("Taiwan words 2, Hong Kong words 0: region tw") and not decision.doubtful
    files = render_digest(digest, "测试")
    assert preservation(digest, files, markdown_html) == []
    assert "記者：張三" in files[source_paths(digest)["x.txt"]]  # the file's own text in the source view


def test_region_by_evidence_and_by_metadata():
    assert decide("香港特區政府今日宣布，立法會將於下週開會。", None).region == "hk"
    assert decide("中央社記者今日報導，立法院將於下週開會。", None).region == "tw"
    tie = decide("記者今日報導，會議將於下週舉行，內容豐富。", None)
    assert (tie.region, tie.doubtful) == ("tw", True)
    assert decide("测试市今天举办示例活动，共有一百人参加。", None).region == "cn"
    assert decide("记者今日报道，內容如下。", None).region == "cn"  # one Traditional character is not a page
    assert decide("香港特區政府今日宣布。", "tw").region == "tw"  # the metadata's word is final


def test_a_hong_kong_page_given_by_metadata_uses_hk2s(one):
    text = "---\nregion: hk\n---\n測試市舉辦示例活動\n\n測試市今天舉辦示例活動，現場展示軟件與網絡服務。\n"
    _, result = one(text)
    assert result.page.articles[0].blocks[0].text.text == "测试市今天举办示例活动，现场展示软件与网络服务。"
    [decision] = [d for d in result.page.decisions if d.kind == "script"]
    assert decision.message == "region hk given in the metadata"


def test_a_simplified_page_is_not_read_through_a_layer(one, seed_result):
    _, result = one("测试市举办示例活动\n\n测试市今天举办示例活动，共有一百人参加。\n")
    assert result.page.source.changes == () and all(ln.raw is None for ln in result.page.source.lines)
    assert seed_result.page.source.changes == ()
