"""Ingest, repair: joining paragraphs that extraction broke mid-sentence."""
from __future__ import annotations

import pytest
from conftest import SEED_NAME

from generator.ingest.repair import should_join
from generator.model import Block, Join, Piece, Text

NINE = [(43, 45), (63, 65), (111, 113), (141, 143), (187, 189), (195, 197), (203, 205), (213, 215),
        (225, 227)]


def pairs(result):
    return [(j.before, j.after) for j in result.repairs.joins]


def block_starting_at(result, line):
    return next(b for a in result.page.articles for b in a.blocks if b.text.first_line == line)


def test_seed_without_errata_has_exactly_nine_joins(seed_raw):
    assert pairs(seed_raw) == NINE


def test_seed_with_errata_joins_the_moved_line_too(seed_result):
    assert pairs(seed_result) == NINE[:8] + [(215, 209)] + NINE[8:]


def test_seed_join_records(seed_result):
    joins = seed_result.repairs.joins
    assert joins[0] == Join(SEED_NAME, 1, 43, 45, "line ends mid-sentence: “…梦是强国梦的” + “重要组成部分…”")
    assert joins[8] == Join(SEED_NAME, 3, 215, 209, "line ends mid-sentence: “…，黄金是全球” + “广泛接受的最…”")
    assert [j.article for j in joins] == [1, 1, 1, 1, 2, 2, 2, 3, 3, 4]


def test_seed_joined_paragraphs_read_on_without_a_gap(seed_result):
    joined = block_starting_at(seed_result, 43)
    assert joined.text.lines == (43, 45)
    assert "习近平总书记说：“航天梦是强国梦的重要组成部分。随着中国航天事业快速发展，" in joined.text.text
    assert block_starting_at(seed_result, 111).text.text == "当前，科技创新进入前所未有的密集活跃期，高技术领域成为国际竞争最前沿和主战场。"
    assert block_starting_at(seed_result, 225).text.text.endswith("融入人民币计价、交易、结算体系。")
    moved = block_starting_at(seed_result, 213)
    assert moved.text.lines == (209, 213, 215)
    assert [p.line for p in moved.text.pieces] == [213, 215, 209]
    assert "同时，黄金是全球广泛接受的最终支付手段，" in moved.text.text


@pytest.mark.parametrize("lines", [(81, 83, 85), (145, 147, 149), (131, 133, 135)])
def test_seed_list_items_ended_by_semicolon_stay_separate(seed_raw, lines):
    for line in lines:
        assert block_starting_at(seed_raw, line).text.lines == (line,)


def test_seed_paragraph_ending_with_dash_is_not_joined(seed_raw):
    # line 27 ends with “——” and introduces line 29: a new paragraph, not a broken line
    assert block_starting_at(seed_raw, 27).text.lines == (27,)


def test_anchors_are_renumbered_after_joining(seed_result):
    first = seed_result.page.articles[0]
    paragraphs = [b.anchor for b in first.blocks if b.kind == "para"]
    assert paragraphs == [f"p{n}" for n in range(1, 78)]
    assert block_starting_at(seed_result, 43).anchor == "p17"
    assert block_starting_at(seed_result, 47).anchor == "p18"


def para(text, line=1):
    return Block("para", Text((Piece(line, 0, text),)))


# test fixtures, not news
@pytest.mark.parametrize("first,second,joined", [
    ("测试市今天举办示例活动，共有一百人", "参加，活动持续两天。", True),
    ("测试市今天举办示例活动，共有一百人参加，", "活动持续两天。", True),
    ("测试市今天举办示例活动，共有一百人参加；", "活动持续两天。", False),
    ("测试市今天举办示例活动，共有一百人参加。", "活动持续两天。", False),
    ("测试市今天举办示例活动，共有一百人参加：", "活动持续两天。", False),
    ("测试市今天举办示例活动，共有一百人参加”", "活动持续两天。", False),
    ("测试市今天举办示例活动，共有一百人参加……", "活动持续两天。", False),
    ("项目", "数量", False),
    ("测试市统计局发布示例数据，具体如下", "示例甲", False),
    ("示例甲", "测试市今天举办示例活动，共有一百人参加。", False),
])
def test_should_join(first, second, joined):
    assert should_join(para(first), para(second, 2)) is joined


def test_headings_are_never_joined():
    heading = Block("heading", Text((Piece(1, 0, "测试市今天举办示例活动的主要安排"),)))
    assert not should_join(heading, para("测试市今天举办示例活动，共有一百人参加。", 2))
    assert not should_join(para("测试市今天举办示例活动，共有一百人"), Block("heading", heading.text))


def test_hand_made_paragraphs_one_per_line(process_text):
    # test fixture, not news
    result = process_text("# 示例报测试标题\n"
                          "测试市今天举办示例活动，共有一百人参加。\n"
                          "活动持续两天，内容包括讲座\n"
                          "和展览，市民可免费入场。\n"
                          "主办方表示，明年将继续举办。\n")
    [article] = result.page.articles
    assert [(b.anchor, b.text.text) for b in article.blocks] == [
        ("p1", "测试市今天举办示例活动，共有一百人参加。"),
        ("p2", "活动持续两天，内容包括讲座和展览，市民可免费入场。"),
        ("p3", "主办方表示，明年将继续举办。")]
    assert result.repairs.joins == [Join("x.txt", 1, 3, 4, "line ends mid-sentence: “…内容包括讲座” + “和展览，市民…”")]


def test_no_join_across_a_section_heading(process_text):
    # test fixture, not news
    result = process_text("# 示例报测试标题\n测试市今天举办示例活动，共有一百人\n## 示例小标题\n参加活动的市民可免费入场。\n")
    assert result.repairs.joins == []
    assert result.suspects == []
