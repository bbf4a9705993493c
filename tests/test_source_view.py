"""Furniture out of the body, into the record and the source view, and a preservation
check that fails when a furniture line is neither shown nor recorded.

Hand-made pages are test fixtures, not news (示例报, 测试市, 张三)."""
from __future__ import annotations


import pytest
from conftest import markdown_html

from generator.ingest.preserve import check_accounting, check_markdown
from generator.pipeline import preservation, process
from generator.site.pages import render_digest
from generator.site.source_view import shown, source_paths

# test fixture, not news: a saved web page of one article
SCRAPED = """测试市举办示例活动
2026-07-08 09:30\u3000来源：示例报
记者：张三

测试市今天举办示例活动，共有一百人参加。

活动持续两天，内容包括讲座和展览。（责任编辑：李四）

《 示例报 》（ 2026年07月08日 02 版）
分享到：
京ICP备12345678号-1
"""
# test fixture, not news: a PDF page with a page header and a staff footer
PDF = """示例报 2026年7月8日 星期三 第A02版 要闻
# 测试市举办示例活动
本报记者 张三
测试市今天举办示例活动，共有一百人参加。
责编：李四　版式：王五　校对：赵六
- 2 -
"""


@pytest.fixture
def built(tmp_path, make_content):
    def build(text: str, name: str = "x.txt"):
        digest = process(make_content(tmp_path / name, {f"sources/{name}": text}))
        files = render_digest(digest, "测试")
        return digest, files, files[source_paths(digest)[name]]
    return build


def test_a_scraped_page_furniture_and_metadata(built):
    digest, files, source_view = built(SCRAPED)
    [result] = digest.pages
    [article] = result.page.articles
    assert article.title == "测试市举办示例活动"
    assert [b.text.text for b in article.blocks] == ["测试市今天举办示例活动，共有一百人参加。", "活动持续两天，内容包括讲座和展览。"]
    assert [b.text for b in article.bylines] == ["记者：张三"]
    assert [(f.kind, f.fields, f.article) for f in result.page.furniture] == [
        ("scraper-header", ("date", "time", "publication"), 1), ("editor", ("editor",), 1),
        ("paper-footer", ("page",), 1), ("share", (), 0), ("boilerplate", (), 0)]
    assert article.meta.fields() == {"publication": "示例报", "date": "2026-07-08", "page": "02", "time": "09:30",
                                     "editor": "李四"}
    page = files[f"articles/{article.slug}.md"]
    assert ('<dt>出处</dt><dd><span class="bz-outlet">示例报 02版</span> <a class="bz-source-link" '
            'href="../sources/x-txt.html#L1">原文（第1篇）</a></dd>\n'
            '<dt>日期</dt><dd data-search-exclude><time datetime="2026&#45;07&#45;08T09&#58;30">2026年7月8日 09&#58;30</time></dd>') in page
    assert preservation(digest, files, markdown_html) == []


def test_the_source_view_says_what_became_of_each_line(built):
    digest, files, source_view = built(SCRAPED)
    rows = [line for line in source_view.split("\n") if line.startswith("<tr id=")]
    assert rows == [
        '<tr id="L1"><td>1</td><td>测试市举办示例活动</td><td>第1篇 标题</td></tr>',
        '<tr id="L2"><td>2</td><td>2026&#45;07&#45;08 09&#58;30\u3000来源：示例报</td>'
        '<td>版面附件：网页抬头（第1篇日期、时间、出处）</td></tr>',
        '<tr id="L3"><td>3</td><td>记者：张三</td><td>第1篇 署名</td></tr>',
        '<tr id="L5"><td>5</td><td>测试市今天举办示例活动，共有一百人参加。</td><td>第1篇 第1段</td></tr>',
        '<tr id="L7"><td>7</td><td>活动持续两天，内容包括讲座和展览。（责任编辑：李四）</td>'
        '<td>第1篇 第2段<br>版面附件：责任编辑（第1篇编辑）</td></tr>',
        '<tr id="L9"><td>9</td><td>《 示例报 》（ 2026年07月08日 02 版）</td><td>版面附件：报纸出处行（第1篇版次）</td></tr>',
        '<tr id="L10"><td>10</td><td>分享到：</td><td>版面附件：分享订阅提示</td></tr>',
        '<tr id="L11"><td>11</td><td>京ICP备12345678号&#45;1</td><td>版面附件：网站版权或备案信息</td></tr>']


def test_a_pdf_page_header_and_footer_are_the_page_metadata(built):
    digest, files, _ = built(PDF)
    [result] = digest.pages
    assert result.page.source.meta.fields() == {"publication": "示例报", "date": "2026-07-08", "page": "A02",
                                                "edition": "要闻", "editor": "李四"}
    [article] = result.page.articles
    assert [b.text.text for b in article.blocks] == ["测试市今天举办示例活动，共有一百人参加。"]
    assert [f.kind for f in result.page.furniture] == ["page-header", "staff", "page-number"]
    page = files[f"articles/{article.slug}.md"]
    assert '<dt>出处</dt><dd><span class="bz-outlet">示例报 A02版 要闻</span> <a class="bz-source-link"' in page
    assert '<dt>日期</dt><dd data-search-exclude><time datetime="2026&#45;07&#45;08">2026年7月8日</time></dd>' in page


def test_the_editor_given_metadata_wins_and_the_difference_is_recorded(built):
    digest, _, _ = built("---\npublication: 测试报\n---\n" + SCRAPED)
    [result] = digest.pages
    assert result.page.articles[0].meta.publication == "测试报"
    [decision] = [d for d in result.page.decisions if d.kind == "metadata"]
    assert decision.message == "出处: the page says “示例报”, the metadata given “测试报”; kept the given"


def test_accounting_fails_when_a_furniture_line_is_not_recorded(built):
    digest, _, _ = built(SCRAPED)
    [result] = digest.pages
    assert check_accounting(result.page, result.repairs) == []
    removed = next(f for f in result.page.furniture if f.kind == "boilerplate")
    result.page.furniture.remove(removed)
    losses = check_accounting(result.page, result.repairs)
    assert [str(x) for x in losses][:2] == ["x.txt:11: character “京” at column 1 lost",
                                            "x.txt:11: character “I” at column 2 lost"]


def test_output_check_fails_when_the_source_view_does_not_show_a_furniture_line(built):
    digest, files, source_view = built(SCRAPED)
    [result] = digest.pages
    assert check_markdown(shown(result.page), source_view, markdown_html) == []
    hidden = source_view.replace('<tr id="L10"><td>10</td><td>分享到：</td>', '<tr id="L10"><td>10</td><td></td>')
    assert [str(x) for x in check_markdown(shown(result.page), hidden, markdown_html)] == ["x.txt:10: metadata not shown: “分享到：”"]


def test_a_bogus_byline_is_a_note_shown_only_in_the_source_view(built):
    digest, files, source_view = built(SCRAPED.replace("记者：张三", "记者：走访测试市多个商圈"))
    [result] = digest.pages
    assert result.page.articles[0].bylines == []
    [decision] = [d for d in result.page.decisions if d.kind == "reporter-note"]
    assert (decision.line, decision.doubtful) == (3, True)
    assert "走访" not in files[f"articles/{result.page.articles[0].slug}.md"]
    assert '<td>记者：走访测试市多个商圈</td><td>版面附件：存疑署名（未作署名显示）</td>' in source_view
    assert preservation(digest, files, markdown_html) == []


def test_a_title_label_opens_an_article(built):
    digest, _, _ = built("- 标题：测试市举办示例活动\n- 来源: 示例报\n\n测试市今天举办示例活动，共有一百人参加。\n")
    [article] = digest.pages[0].page.articles
    assert (article.title, article.meta.publication) == ("测试市举办示例活动", "示例报")
