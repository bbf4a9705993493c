"""A rendered page converted through its markup (generator/editions/page.py)."""
from __future__ import annotations

import pytest

from generator.editions.convert import Converter
from generator.editions.page import convert_page


@pytest.fixture(scope="module")
def taiwan() -> Converter:
    return Converter()


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("无标记的页面", "無標記的頁面"),
        ("<p>开头</p>", "<p>開頭</p>"),
        ("结尾<br>", "結尾<br>"),
        ("<a href=\"x.html\">开源</a>社区<mark>人工智能</mark>", "<a href=\"x.html\">開源</a>社群<mark>人工智慧</mark>"),
        ("<li>把握</li><li>发展</li>\n<td>一头</td><td>长发</td>", "<li>把握</li><li>發展</li>\n<td>一頭</td><td>長髮</td>"),
        ('<span title="“数据”质量">产品质量</span>', '<span title="「數據」品質">產品品質</span>'),
        ("[^e1]: 编者注：系排印错误。", "[^e1]: 編者注：係排印錯誤。"),
        ("# 标题 { #title }\n\n正文&#35;计算机", "# 標題 { #title }\n\n正文&#35;電腦"),
    ],
)
def test_markup_stays_and_text_converts(taiwan, page, expected):
    assert taiwan.convert_text(page) == expected


def test_a_length_changing_rule_is_not_split_by_markup(taiwan):
    """大语言模型 → 大型語言模型 changes length: across a tag it does not apply (each
    side is converted alone); inside one element it does."""
    assert taiwan.convert_text("<b>大语言</b>模型") == "<b>大語言</b>模型"
    assert taiwan.convert_text("<b>大语言模型</b>") == "<b>大型語言模型</b>"


def test_tags_go_back_where_they_were():
    """With a stream function that changes nothing, every page comes back as it was."""
    def same(text, breaks):
        return [(0, len(text), text)]
    for page in ["<p>a</p>", "x<a>y</a>z", "<br><br>", "甲<i></i>乙", "<td>一</td><td>二</td>\n"]:
        assert convert_page(page, same, str) == page


def test_the_confusable_audit_lists_each_rarer_form_with_context(taiwan):
    from generator.editions.confusables import rarer_choices
    source = "新时代新征程\n公司采用新方案，风采依旧\n这里距离十公里"
    converted = taiwan.convert_text(source)
    assert [(c.line, c.source, c.chosen, c.usual, c.context) for c in rarer_choices(source, converted, taiwan.convert)] \
        == [(1, "征", "征", "徵", "新時代新征程"), (2, "采", "采", "採", "司採用新方案，風采依舊"), (3, "里", "里", "裡", "這裡距離十公里")]


def test_check_reports_the_audit(seed_files):
    from generator.editions.edition import confusable_report
    taiwan = Converter()
    converted = {name: taiwan.convert_text(text) for name, text in seed_files.items() if name.startswith("articles/")}
    report = confusable_report(seed_files, converted, taiwan)
    assert "articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md:77: 征 → 征 (usually 徵): 「多壯闊。新時代新征程，」" in \
        [line.strip() for line in report]
    # one summary line per article, in file-name order; glossary tooltips count too: 中试基地 (试制 → 試製)
    # puts the AI-conference article first, 现代化产业体系 (制造 → 製造) adds one to the other
    assert [line for line in report if ": " in line and "rarer form(s)" in line] == [
        "  articles/2026-shi-jie-ren-gong-zhi-neng-da-hui-shi-fang-ai-fa-zhan.md: 1 rarer form(s) of 采征制里系岩签干发后面台",
        "  articles/wei-min-zu-fu-xing-ji-ju-pang-bo-wei-li.md: 24 rarer form(s) of 采征制里系岩签干发后面台"]
