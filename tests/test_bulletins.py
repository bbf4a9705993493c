"""Bulletins of short items (generator/ingest/bulletins.py): one article per item when
each item has its own headline or dateline, else one article with a list.

Every page below is a TEST FIXTURE, not published news: the items are sentences, headlines
and datelines of tests/fixtures/corpus/ articles (records 0, 4, 18, 23), set as a bulletin
under a made-up heading (测试快讯); nothing here is published.
"""
from __future__ import annotations

import pytest

from generator.errors import SourceError
from generator.ingest.bulletins import MARKER
from generator.ingest.preserve import check_accounting

ITEMS = ["人民币对美元中间价报6.8109，较前一交易日调升41个基点。", "A股三大指数今日早盘集体上涨，贵金属板块领涨。",
         "今年以来A股退市或锁定退市的公司已达20家。"]  # records 4, 0, 18


def shape(result):
    return [(a.title, a.kicker.text if a.kicker else None, a.dateline.text if a.dateline else None,
             [(b.kind, [c.text for c in b.cells]) for b in a.blocks]) for a in result.page.articles]


def bulletin_decisions(result):
    return [(d.line, d.message, d.doubtful) for d in result.page.decisions if d.kind == "bulletin"]


@pytest.mark.parametrize("marks", [["1. ", "2. ", "3. "], ["（一）", "（二）", "（三）"], ["■ ", "■ ", "■ "],
                                   ["1、", "2、", "3、"]])
def test_items_without_headlines_are_one_article_with_a_list(process_text, marks):
    result = process_text("测试快讯\n\n" + "\n".join(m + item for m, item in zip(marks, ITEMS)) + "\n")
    assert shape(result) == [("测试快讯", None, None, [("list", [m + item for m, item in zip(marks, ITEMS)])])]
    assert bulletin_decisions(result) == [(3, "lines 3–5: a bulletin of 3 short items without headlines or "
                                              "datelines of their own: one article with a list", False)]
    assert check_accounting(result.page, result.repairs) == []


def test_items_with_their_own_headlines_are_one_article_each(process_text):
    result = process_text("测试快讯\n\n"
                          "■ 人民币对美元中间价报6.8109\n今日人民币对美元汇率中间价报6.8109，较前一交易日调升41个基点。\n\n"
                          "■ 三大指数早盘集体上涨\nA股三大指数今日早盘集体上涨。截至午间收盘，上证指数报4049.29点。\n\n"
                          "■ 市场出清提速\n据不完全统计，今年以来A股退市或锁定退市的公司已达20家。\n")
    assert shape(result) == [
        ("人民币对美元中间价报6.8109", "测试快讯", None,
         [("para", ["今日人民币对美元汇率中间价报6.8109，较前一交易日调升41个基点。"])]),
        ("三大指数早盘集体上涨", None, None, [("para", ["A股三大指数今日早盘集体上涨。截至午间收盘，上证指数报4049.29点。"])]),
        ("市场出清提速", None, None, [("para", ["据不完全统计，今年以来A股退市或锁定退市的公司已达20家。"])])]
    assert bulletin_decisions(result) == [(3, "lines 3–10: a bulletin of 3 items, each opening with its own "
                                              "headline: one article per item", False)]
    assert [c.piece.raw for c in result.page.consumed] == ["■ ", "■ ", "■ "]
    assert check_accounting(result.page, result.repairs) == []


def test_items_opening_with_datelines_are_one_article_each(process_text):
    result = process_text("测试新闻简报\n\n"
                          "（一）中国经济网北京6月12日讯 A股三大指数今日早盘集体上涨。\n"
                          "（二）中国经济网北京6月12日讯 今日人民币对美元汇率中间价报6.8109。\n"
                          "（三）新华社北京6月12日电 两部门约谈提醒涉嫌非理性竞争汽车生产企业。\n")
    assert [(a.dateline.text, a.provisional, [b.text.text for b in a.blocks]) for a in result.page.articles] == [
        ("中国经济网北京6月12日讯", True, ["A股三大指数今日早盘集体上涨。"]),
        ("中国经济网北京6月12日讯", True, ["今日人民币对美元汇率中间价报6.8109。"]),
        ("新华社北京6月12日电", True, ["两部门约谈提醒涉嫌非理性竞争汽车生产企业。"])]
    assert bulletin_decisions(result) == [(3, "lines 3–5: a bulletin of 3 items, each opening with a dateline: one "
                                              "article per item", False)]
    assert check_accounting(result.page, result.repairs) == []


def test_mixed_evidence_goes_by_majority_and_is_doubtful(process_text):
    result = process_text("测试快讯\n\n"
                          "1. 人民币对美元中间价报6.8109\n今日人民币对美元汇率中间价报6.8109。\n"
                          "2. 三大指数早盘集体上涨\nA股三大指数今日早盘集体上涨。\n"
                          "3. 今年以来A股退市或锁定退市的公司已达20家。\n")
    assert [a.title for a in result.page.articles] == ["人民币对美元中间价报6.8109", "三大指数早盘集体上涨",
                                                       "无标题稿件（始于“今年以来A股退市或锁定退…”）"]
    assert bulletin_decisions(result) == [(3, "lines 3–7: a bulletin of 3 items, each opening with its own "
                                              "headline: one article per item (2 of 3 items have a headline or "
                                              "dateline)", True)]
    assert check_accounting(result.page, result.repairs) == []


def test_numbered_paragraphs_inside_an_article_are_left_alone(process_text):
    long = "主业空心化是6月8日进入退市整理期3只退市股的共同问题。" * 6  # record 18, over 150 characters
    result = process_text(f"# 测试：市场出清提速\n\n开头一段文字，说明情况。\n\n1. {long}\n\n2. {long}\n")
    assert [b.kind for b in result.page.articles[0].blocks] == ["para", "para", "para"]
    assert bulletin_decisions(result) == []


def test_numbers_out_of_sequence_or_a_figure_are_no_items(process_text):
    assert MARKER.match("1.56%的涨幅") is None
    result = process_text("测试快讯\n\n1. 今日人民币对美元汇率中间价报6.8109。\n3. A股三大指数今日早盘集体上涨。\n")
    assert bulletin_decisions(result) == []
    assert [b.kind for b in result.page.articles[0].blocks] == ["para", "para"]


def test_structure_in_the_metadata_overrides_a_bulletin_and_a_table(process_text):
    """The editor's word (front matter or sidecar ``structure:``, by the line the decision
    names) wins over the evidence; each use is a decision; a line that names nothing warns."""
    cells = "指数\n涨幅\n上证指数\n1.56%\n深证成指\n1.69%"  # record 0
    text = ("---\nstructure:\n  9: articles\n  13: paragraphs\n  40: list\n---\n测试快讯\n\n"
            + "\n".join(f"{n}. {item}" for n, item in enumerate(ITEMS, 1)) + f"\n\n{cells}\n")
    result = process_text(text)
    assert [(a.kicker.text if a.kicker else None, a.blocks[0].text.text) for a in result.page.articles] == [
        ("测试快讯", ITEMS[0]), (None, ITEMS[1]), (None, ITEMS[2])]
    assert all(a.provisional for a in result.page.articles)
    assert [b.kind for b in result.page.articles[-1].blocks] == ["para"] * 7
    assert [(d.line, d.message, d.doubtful) for d in result.page.decisions if d.kind == "override"] == [
        (9, "bulletin at line 9: articles (structure: in the page's metadata)", False),
        (13, "table at line 13: paragraphs (structure: in the page's metadata)", False),
        (40, "structure: 40: list names no table, list or bulletin the parser found at that line: nothing changed",
         True)]
    assert check_accounting(result.page, result.repairs) == []


def test_structure_override_makes_a_table_a_list(process_text):
    result = process_text("# 测试：三大指数\n\n今日早盘集体上涨。\n\n指数\n涨幅\n上证指数\n1.56%\n深证成指\n1.69%\n",
                          files={"sources/x.meta.yml": "structure:\n  5: list\n"})
    assert [(b.kind, [c.text for c in b.cells]) for b in result.page.articles[0].blocks][1:] == [
        ("list", ["指数", "涨幅", "上证指数", "1.56%", "深证成指", "1.69%"])]


@pytest.mark.parametrize("value", ["paragraphs", "{x: list}", "{3: table}"])
def test_a_bad_structure_override_is_an_error_naming_its_line(process_text, value):
    with pytest.raises(SourceError) as err:
        process_text(f"---\ndate: 2026-06-12\nstructure: {value}\n---\n测试快讯\n")
    assert err.value.line == 3
    assert "structure must map line numbers to one of paragraphs, list, articles (e.g. 12: paragraphs)" in str(err.value)


def test_on_a_marked_page_the_marks_make_the_articles(process_text):
    result = process_text("# 测试快讯\n\n■ 人民币对美元中间价报6.8109\n今日人民币对美元汇率中间价报6.8109。\n\n"
                          "■ 三大指数早盘集体上涨\nA股三大指数今日早盘集体上涨。\n\n"
                          "■ 市场出清提速\n今年以来A股退市或锁定退市的公司已达20家。\n")
    assert [a.title for a in result.page.articles] == ["测试快讯"]
    assert bulletin_decisions(result) == [(3, "lines 3–10: a bulletin of 3 items, each opening with its own "
                                              "headline: the page's # marks make its articles: items kept as the "
                                              "marks set them", False)]
    assert check_accounting(result.page, result.repairs) == []
