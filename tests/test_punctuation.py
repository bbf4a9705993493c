"""Half-width punctuation in Chinese text → full-width; everything else untouched."""
from __future__ import annotations

from collections import Counter

import pytest
from conftest import SEED_NAME, SEED_SOURCE

from generator.ingest.punctuation import normalise
from generator.model import PunctChange

# Strings below are test fixtures, not news.


@pytest.mark.parametrize("before,after", [
    ("测试,示例", "测试，示例"),
    ("测试;示例", "测试；示例"),
    ("测试:示例", "测试：示例"),
    ("真的吗?是的!", "真的吗？是的！"),
    ("测试, 示例", "测试， 示例"),  # one character for one: the space stays
    ("AI,测试", "AI，测试"),
    ("测试(示例)", "测试（示例）"),
    ("(测试)", "（测试）"),
    ("实验堆(ITER)、射电望远镜(SKA)等", "实验堆（ITER）、射电望远镜（SKA）等"),
    ("《示例(2026)》", "《示例（2026）》"),
    ("第(1)项", "第（1）项"),
    ("测试)", "测试）"),
    ("(测试", "（测试"),
    ("测试:10:30", "测试：10:30"),
    ("测试,1,000,示例", "测试，1,000，示例"),
    ("邮箱test@example.com,测试", "邮箱test@example.com，测试"),
    ("www.example.com,测试", "www.example.com，测试"),
    ("详见https://example.com/a?b=1,测试", "详见https://example.com/a?b=1，测试"),
    ("见(https://example.com/x)。", "见（https://example.com/x）。"),
])
def test_chinese_context_becomes_full_width(before, after):
    assert normalise(before)[0] == after


@pytest.mark.parametrize("text", [
    "共1,000人",
    "上午10:30开会",
    "已汇聚1.6万家",
    "同比增长30%",
    "AI产业",
    "“人工智能+”行动",
    "详见https://example.com/a,b?c=1;d:e 测试",
    "ftp://example.com/x,y 测试",
    "联系test@example.com 测试",
    "Hello, world! How are you?",
    "测试。He said: hi, ok",
    "call f(x) now",
    "用print()函数输出",  # a function call keeps its brackets
    "LIBS(TSMM-LIBS)技术",
    "a,b;c:d",
    "比分3:2",
    "共１,０００人",  # full-width digits are “Chinese” neighbours, yet still a number
    "上午１０:３０开会",
])
def test_left_untouched(text):
    assert normalise(text) == (text, [])


def test_changes_are_recorded_by_column():
    assert normalise("实验堆(ITER)、测试,示例") == (
        "实验堆（ITER）、测试，示例", [(3, "(", "（"), (8, ")", "）"), (12, ",", "，")])


def test_same_length_so_columns_stay_valid():
    text = "测试,示例(ABC);1,000人:好?"
    shown, changes = normalise(text)
    assert len(shown) == len(text)
    for column, old, new in changes:
        assert text[column] == old and shown[column] == new


# -- the seed -------------------------------------------------------------------

def test_seed_change_count(seed_result):
    changes = seed_result.repairs.punctuation
    assert len(changes) == 351
    assert len({c.line for c in changes}) == 105
    assert Counter(c.old for c in changes) == Counter({",": 294, ";": 27, "(": 8, ")": 8, ":": 8,
                                                       "?": 4, "!": 2})


def test_seed_every_half_width_mark_is_in_chinese_text(seed_result):
    """The seed has no numbers, URLs or English with , ; : ? ! ( ): every mark is converted."""
    source = SEED_SOURCE.read_text(encoding="utf-8").split("\n")
    expected = {(n, col) for n, line in enumerate(source, 1) for col, ch in enumerate(line) if ch in ",;:?!()"}
    assert {(c.line, c.column) for c in seed_result.repairs.punctuation} == expected
    for change in seed_result.repairs.punctuation:
        assert source[change.line - 1][change.column] == change.old


def test_seed_recorded_changes(seed_result):
    on = {c.line: [] for c in seed_result.repairs.punctuation}
    for change in seed_result.repairs.punctuation:
        on[change.line].append(change)
    assert on[11] == [PunctChange(SEED_NAME, 11, 0, "(", "（"), PunctChange(SEED_NAME, 11, 7, ")", "）"),
                      PunctChange(SEED_NAME, 11, 29, ";", "；")]
    assert [(c.column, c.old, c.new) for c in on[167]] == [
        (22, ",", "，"), (37, ",", "，"), (51, "(", "（"), (56, ")", "）"), (69, "(", "（"), (73, ")", "）")]
    assert [(c.column, c.old) for c in on[71]] == [(11, "?"), (21, "?"), (34, "?")]


def test_seed_shown_text_is_normalised_but_keeps_numbers(seed_result):
    second = seed_result.page.articles[1]
    text = "".join(b.text.text for b in second.blocks)
    assert "同比增长39.5%，" in text
    assert "“人工智能+”" in text
    first = seed_result.page.articles[0]
    assert any("国际热核聚变实验堆（ITER）、平方公里阵列射电望远镜（SKA）等" in b.text.text for b in first.blocks)
    assert not any(ch in b.text.text for a in seed_result.page.articles for b in a.blocks for ch in ",;:?!()")
