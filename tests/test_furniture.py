"""Page furniture: what each rule recognises (and what it leaves to the parser), and
plausible names. Hand-made lines are test fixtures, not news (示例报, 测试市, 张三)."""
from __future__ import annotations

import pytest

from generator.ingest.furniture import classify, leading, parse_time, trailing
from generator.ingest.names import plausible, split_names


def found(text):
    result = classify(text)
    return None if result is None else (result.kind, dict(result.fields), result.guess)


@pytest.mark.parametrize("line,kind,fields", [
    # paper footers (the corpus's 人民日报 footer; Traditional brackets and page forms)
    ("《 人民日报 》（ 2026年06月12日   06 版）", "paper-footer",
     {"publication": "人民日报", "date": "2026-06-12", "page": "06"}),
    ("《示例报》（2026年7月8日 第A02版）", "paper-footer", {"publication": "示例报", "date": "2026-07-08", "page": "A02"}),
    ("《示例報》(2026年7月8日)", "paper-footer", {"publication": "示例報", "date": "2026-07-08"}),
    # scraper headers: dates, times and labelled fields only
    ("2026-06-12 06:02\u3000来源：人民网－人民日报", "scraper-header",
     {"date": "2026-06-12", "time": "06:02", "publication": "人民网－人民日报"}),
    ("发布时间：2026-07-08 09:30　作者：张三　来源：示例报", "scraper-header",
     {"date": "2026-07-08", "time": "09:30", "reporter": "张三", "publication": "示例报"}),
    ("2026年07月08日 09:30 来源：示例报 编辑：李四", "scraper-header",
     {"date": "2026-07-08", "time": "09:30", "publication": "示例报", "editor": "李四"}),
    ("2026/7/8 9:30 | 來源：示例報", "scraper-header", {"date": "2026-07-08", "time": "09:30", "publication": "示例報"}),
    ("来源：示例报 2026-07-08 09:30 字号：大 中 小", "scraper-header",
     {"date": "2026-07-08", "time": "09:30", "publication": "示例报"}),
    ("2026-07-08 09:30", "scraper-header", {"date": "2026-07-08", "time": "09:30"}),
    ("来源：示例报", "scraper-header", {"publication": "示例报"}),
    # feed labels (Markdown, RSS)
    ("- 链接: https://example.org/a.html", "label", {"url": "https://example.org/a.html"}),
    ("**来源**：示例报", "label", {"publication": "示例报"}),
    ("- 作者: 张三", "label", {"reporter": "张三"}),
    ("Source: Example Daily", "label", {"publication": "Example Daily"}),
    ("pubDate: 2026-07-08 09:30", "label", {"date": "2026-07-08", "time": "09:30"}),
    ("- 分类: 财经", "label", {}),
    ("标题：测试市举办示例活动", "label", {"title": "测试市举办示例活动"}),
    # staff lines of a printed page, Simplified and Traditional
    ("责任编辑：王五", "staff", {"editor": "王五"}),
    ("責任編輯：王五", "staff", {"editor": "王五"}),
    ("编辑：李四", "staff", {"editor": "李四"}),
    ("责编：张三　版式：李四　校对：王五", "staff", {"editor": "张三"}),
    ("版式設計：李四", "staff", {}),
    # page headers and numbers
    ("示例报 2026年7月8日 星期三 第A02版 要闻", "page-header",
     {"date": "2026-07-08", "page": "A02", "publication": "示例报", "edition": "要闻"}),
    ("2026年7月8日　星期三", "page-header", {"date": "2026-07-08"}),
    ("2026年7月8日 週三 示例報", "page-header", {"date": "2026-07-08", "publication": "示例報"}),
    ("- 3 -", "page-number", {}),
    ("第5版", "page-number", {"page": "5"}),
    ("A02 要闻", "page-number", {"page": "A02", "edition": "要闻"}),
    ("第01版　要闻", "page-number", {"page": "01", "edition": "要闻"}),
    ("2026-06-12 11:38　中国经济网", "scraper-header", {"date": "2026-06-12", "time": "11:38", "publication": "中国经济网"}),
    ("中国经济网　　2026年6月12日　星期五", "page-header", {"date": "2026-06-12", "publication": "中国经济网"}),
    # list numbers, links, images
    ("12.", "list-number", {}),
    ("(3)", "list-number", {}),
    ("https://example.org/news/1.html", "url", {"url": "https://example.org/news/1.html"}),
    ("![图片](https://example.org/a.jpg)", "image", {}),
    ("![](a.png) ![](b.png)", "image", {}),
    # site boilerplate (registration numbers are a shape: no guess)
    ("京ICP备12345678号-1", "boilerplate", {}),
    ("京公网安备 11000002000001号", "boilerplate", {}),
])
def test_furniture_lines(line, kind, fields):
    assert found(line)[:2] == (kind, fields)


@pytest.mark.parametrize("line,kind", [
    ("Copyright © 2026 示例网 版权所有", "boilerplate"),
    ("關於我們 | 聯絡我們 | 網站地圖 | 廣告服務", "boilerplate"),
    ("分享到：", "share"),
    ("扫码关注示例报", "share"),
    ("返回頂部", "share"),
    ("2026-06-12 11:38　测试", "scraper-header"),  # a name beside a date and a time, not shaped like an outlet
])
def test_keyword_rules_are_guesses(line, kind):
    assert found(line)[0] == kind and found(line)[2] is True


@pytest.mark.parametrize("line", [
    "测试市如何接住假日客流？",  # a question headline
    "以精细化运营",  # a subhead
    "给黑土地做体检，施肥更精细（经济聚焦·农田里的新鲜事）",  # a headline with a comma
    "本报记者 熊 悦",  # bylines are the parser's
    "记者：张三",
    "作者：张三",
    "■ 李 文",
    "2026年7月8日",  # a date alone: the parser's (a dateline or the page's date)
    "12:30 测试市今天举办活动",  # a time and text
    "示例股份有限公司版权所有的专利被法院认定有效，测试市将据此赔偿。",  # prose about copyright
    "测试市今天举办示例活动，共有一百人参加。",
    "项目",  # a table cell
    "12",
    "<p>测试市今天举办示例活动。</p>",  # HTML is read by generator.ingest.layers, not here
])
def test_article_text_is_not_furniture(line):
    assert classify(line) is None


def test_trailing_furniture_after_the_last_sentence():
    tail = trailing("测试市今天举办示例活动。（责任编辑：张三）")
    assert (tail.kind, tail.start, dict(tail.fields)) == ("editor", 12, {"editor": "张三"})
    tail = trailing("测试市今天举办示例活动。《 示例报 》（ 2026年07月08日 02 版）")
    assert (tail.kind, tail.start, dict(tail.fields)) == (
        "paper-footer", 12, {"publication": "示例报", "date": "2026-07-08", "page": "02"})
    assert trailing("《示例报》（2026年7月8日）") is None  # a whole line is classify()'s
    assert trailing("据《示例报》报道，测试市今天举办示例活动。") is None


def test_leading_image_link():
    head = leading("![图片](https://example.org/a.jpg)测试市今天举办示例活动。")
    assert (head.kind, head.start, head.end) == ("image", 0, 32)
    assert leading("测试市今天举办示例活动。") is None


@pytest.mark.parametrize("text,expected", [
    ("2026-06-12 11:38", ("2026-06-12", "11:38")),
    ("2026年6月12日", ("2026-06-12", None)),
    ("2026/06/12 9:05:33", ("2026-06-12", "09:05")),
    ("yesterday", (None, None)),
])
def test_publish_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("value,names", [
    ("张三", ["张三"]),
    ("本报记者 熊 悦", ["熊悦"]),  # a short name padded to the width of long ones
    ("■ 李 文", ["李文"]),
    ("记者：张三", ["张三"]),
    ("記者 張三", ["張三"]),
    ("本报记者 张三 通讯员 李四", ["张三", "李四"]),
    ("记者张三 通讯员李四", ["张三", "李四"]),
    ("张三、李四", ["张三", "李四"]),
    ("阿依古丽·买买提", ["阿依古丽·买买提"]),
])
def test_plausible_names(value, names):
    assert split_names(value) == names
    assert plausible(value)


@pytest.mark.parametrize("value", [
    "走访北京多个商圈",  # the corpus's sentence fragments in a reporter field
    "从“普益标准”金",
    "测试市的活动",  # function words
    "记者从测试市获悉",
    "多个商圈",
    "2026年",
    "",
])
def test_implausible_names(value):
    assert not plausible(value)
